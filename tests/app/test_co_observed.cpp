// A co-observed visit: the teacher leader and the coach each tap the same counters on their own
// devices. Every after-the-lesson model keeps their data apart (two counts, never their sum), and
// the observed teacher sees an observer's whole timeline only once that observer ended the lesson.
#include <catch2/catch.hpp>

#include <algorithm>

#include "app/screens/cycle/cycle_model.h"
#include "app/screens/debrief/debrief_model.h"
#include "app/screens/observe/observe_model.h"
#include "app/screens/prompt/prompt_model.h"
#include "app/screens/reflect/reflect_model.h"
#include "core/lesson/lesson_data.h"
#include "core/lesson/people.h"
#include "demo_store.h"

namespace {

// A visit in the demo cycle observed by me (Sam, teacher leader) and Jonas (coach): I tap "Open
// questions" 3 times, Jonas 2 times, both of us time teacher talk, and both clocks are ended.
struct CoObservedVisit {
  test::DemoStore s;
  core::Id visit;

  CoObservedVisit() {
    core::Observation o = std::get<core::Observation>(s.store.get(s.demo.observed_visit)->body);
    o.follows = core::Id{};
    o.date = "2026-11-26";
    o.status = core::ObservationStatus::Observed;
    visit = s.store.create(o, s.me).record;
    for (int i = 0; i < 3; ++i) s.store.create(core::Tally{visit, "open-q", i * 60000LL}, s.me);
    for (int i = 0; i < 2; ++i) s.store.create(core::Tally{visit, "open-q", i * 60000LL + 5000}, s.demo.coach);
    s.store.create(core::TimerSpan{visit, "teacher-talk", 0, 10 * 60000}, s.me);
    s.store.create(core::TimerSpan{visit, "teacher-talk", 0, 12 * 60000}, s.demo.coach);
    s.store.create(core::SeatMark{visit, "r0c1", 60000}, s.demo.coach);
    s.store.create(core::LessonClock{visit, 50 * 60000, false, true}, s.me);
    s.store.create(core::LessonClock{visit, 50 * 60000, false, true}, s.demo.coach);
  }
};

int open_questions(const core::ObserverData* o) {
  REQUIRE(o);
  REQUIRE_FALSE(o->data.counters.empty());
  CHECK(o->data.counters[0].key == "open-q");
  return o->data.counters[0].count;
}

}  // namespace

TEST_CASE("co-observed: each observer's taps are summed on their own, never together", "[app][co-observed]") {
  CoObservedVisit v;
  auto plan = std::get<core::Observation>(v.s.store.get(v.visit)->body);
  core::LessonData d = core::summarize_by_observer(v.s.store, v.visit, plan, core::person_names(v.s.store));
  REQUIRE(d.observers.size() == 2);
  CHECK(d.observers[0].person == v.s.me);  // the teacher leader first, then the coach
  CHECK(d.observers[1].person == v.s.demo.coach);
  CHECK(open_questions(d.find(v.s.me)) == 3);
  CHECK(open_questions(d.find(v.s.demo.coach)) == 2);
  CHECK(d.find(v.s.me)->data.timers[0].total_ms == 10 * 60000);
  CHECK(d.find(v.s.demo.coach)->data.timers[0].total_ms == 12 * 60000);
  CHECK(d.find(v.s.me)->data.total_marks == 0);
  CHECK(d.find(v.s.demo.coach)->data.total_marks == 1);
  CHECK(core::whose_data(*d.find(v.s.me), v.s.me) == "Your taps");
  CHECK(core::whose_data(*d.find(v.s.demo.coach), v.s.me) == "Jonas Berg (coach)");
}

TEST_CASE("co-observed: Reflect and Debrief show two separate counts", "[app][co-observed][reflect][debrief]") {
  CoObservedVisit v;
  app::ReflectModel reflect(v.s.store, v.s.demo.observed_teacher, v.s.clock());
  REQUIRE(reflect.load(v.visit));
  REQUIRE(reflect.shown_observers().size() == 2);
  CHECK(reflect.still_observing().empty());
  CHECK(open_questions(reflect.shown_observers()[0]) == 3);
  CHECK(open_questions(reflect.shown_observers()[1]) == 2);

  app::DebriefModel debrief(v.s.store, v.s.demo.coach, v.s.clock());
  REQUIRE(debrief.load(v.visit));
  REQUIRE(debrief.shown_observers().size() == 2);
  CHECK(open_questions(debrief.lesson().find(v.s.me)) == 3);
  CHECK(open_questions(debrief.lesson().find(v.s.demo.coach)) == 2);
}

TEST_CASE("co-observed: Prompt's evidence has one count per observer, each naming whose it is",
          "[app][co-observed][prompt]") {
  CoObservedVisit v;
  app::PromptModel prompt(v.s.store, v.s.me, nullptr, v.s.clock());
  REQUIRE(prompt.load(v.visit));
  std::vector<app::EvidenceItem> counts;
  for (const auto& e : prompt.evidence())
    if (e.kind == core::EvidenceKind::Counter) counts.push_back(e);
  REQUIRE(counts.size() == 2);
  CHECK(counts[0].text == "Open questions: 3, counted by Sam Okafor");
  CHECK(counts[1].text == "Open questions: 2, counted by Jonas Berg");
  CHECK(counts[0].key != counts[1].key);
  CHECK(counts[0].records.size() == 3);
  CHECK(counts[1].records.size() == 2);
  SECTION("with one observer the item reads as it always did") {
    auto plan = std::get<core::Observation>(v.s.store.get(v.visit)->body);
    core::Id solo = v.s.store.create(plan, v.s.me).record;
    for (int i = 0; i < 4; ++i) v.s.store.create(core::Tally{solo, "open-q", i * 60000LL}, v.s.me);
    app::PromptModel single(v.s.store, v.s.me, nullptr, v.s.clock());
    REQUIRE(single.load(solo));
    REQUIRE(single.evidence().size() == 1);
    CHECK(single.evidence()[0].key == "counter:open-q@" + v.s.me.hex());
    CHECK(single.evidence()[0].text == "Open questions: 4");
    CHECK(single.evidence()[0].author_name.empty());
  }
}

TEST_CASE("co-observed: Cycle compares one observer at a time and says whose data it is", "[app][co-observed][cycle]") {
  CoObservedVisit v;
  app::CycleModel m(v.s.store, v.s.me);
  REQUIRE(m.load(v.s.demo.cycle, {}));
  REQUIRE(m.visits().size() == 3);  // 19 Nov (demo), 26 Nov (co-observed), the planned follow-up
  CHECK(m.visits()[1].id == v.visit);
  REQUIRE(m.observers().size() == 2);
  CHECK(m.observers()[0].label == "Your taps");
  CHECK(m.observers()[1].label == "Jonas Berg (coach)");
  CHECK(m.chosen_observer() == v.s.me);
  CHECK(m.counters()[0].counts == std::vector<int>{7, 3, -1});
  REQUIRE(m.choose_observer(v.s.demo.coach));
  // Jonas tapped only "Student questions" on 19 Nov, so his "Open questions" and his teacher talk
  // there are a real 0; the planned follow-up has nothing yet.
  CHECK(m.counters()[0].counts == std::vector<int>{0, 2, -1});
  CHECK(m.timers()[0].totals == std::vector<std::int64_t>{0, 12 * 60000, -1});
  CHECK(m.pending(2));
  CHECK_FALSE(m.pending(0));
  CHECK_FALSE(m.choose_observer(v.s.demo.observed_teacher));  // she captured nothing
}

TEST_CASE("co-observed: the observed teacher sees an observer's whole timeline only after they end the lesson",
          "[app][co-observed][reflect]") {
  test::DemoStore s;
  core::Id visit = s.demo.follow_up_visit;  // planned; I observe, Jonas coaches
  app::ObserveModel observe(s.store, s.me, s.clock());
  REQUIRE(observe.load(visit));
  using K = app::ObserveAction::Kind;
  auto act = [](K kind, std::string key = {}, std::string text = {}) {
    app::ObserveAction a;
    a.kind = kind;
    a.key = std::move(key);
    a.text = std::move(text);
    return a;
  };
  REQUIRE(observe.apply(act(K::Start)));
  s.now += 4 * 60000;
  REQUIRE(observe.apply(act(K::EditDraft, {}, "Ali asked why the chain rusted first.")));
  REQUIRE(observe.apply(act(K::SaveNote)));
  REQUIRE(observe.apply(act(K::TapCounter, "open-q")));

  app::ReflectModel before(s.store, s.demo.observed_teacher, s.clock());
  REQUIRE(before.load(visit));
  CHECK(before.shown_observers().empty());
  REQUIRE(before.still_observing().size() == 1);
  CHECK(core::still_observing_line(*before.still_observing()[0], s.demo.observed_teacher) ==
        "Sam Okafor (observer) is still observing. What they capture shows here once they end the lesson.");

  s.now += 60000;
  REQUIRE(observe.apply(act(K::End)));
  app::ReflectModel after(s.store, s.demo.observed_teacher, s.clock());
  REQUIRE(after.load(visit));
  CHECK(after.prompts().empty());  // nothing was attached to a prompt, and it shows all the same
  REQUIRE(after.shown_observers().size() == 1);
  const core::ObserverData& sam = *after.shown_observers()[0];
  CHECK(sam.person == s.me);
  CHECK(open_questions(&sam) == 1);
  REQUIRE(sam.timeline.size() == 2);
  CHECK(sam.timeline[0].kind == core::EvidenceKind::Note);
  CHECK(sam.timeline[0].text == "Ali asked why the chain rusted first.");
  CHECK(sam.timeline[0].lesson_ms == 4 * 60000);
  CHECK(sam.timeline[0].note_kind == core::NoteKind::Noticing);
  CHECK(sam.timeline[1].kind == core::EvidenceKind::Counter);
  CHECK(sam.timeline[1].text == "Open questions");
}
