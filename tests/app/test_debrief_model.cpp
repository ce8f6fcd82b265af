// DebriefModel against a real store: notes, next steps and the one-tap follow-up.
#include <catch2/catch.hpp>

#include <algorithm>

#include "app/screens/debrief/debrief_model.h"
#include "demo_store.h"

using app::DebriefAction;
using DebriefKind = app::DebriefAction::Kind;

namespace {
DebriefAction act(DebriefKind kind) {
  DebriefAction a;
  a.kind = kind;
  return a;
}
DebriefAction step(const std::string& text, core::Id owner, const std::string& support, const std::string& date) {
  DebriefAction a = act(DebriefKind::EditStep);
  a.step = app::NextStepForm{text, owner, support, date};
  return a;
}
}  // namespace

TEST_CASE("debrief: any participant's note is saved under their name", "[app][debrief]") {
  test::DemoStore s;
  app::DebriefModel m(s.store, s.demo.coach, s.clock());
  REQUIRE(m.load(s.demo.observed_visit));
  const auto before = m.notes().size();
  DebriefAction a = act(DebriefKind::EditNote);
  a.text = "Amira wants the seating chart again next time.";
  REQUIRE(m.apply(a));
  REQUIRE(m.apply(act(DebriefKind::SaveNote)));
  REQUIRE(m.notes().size() == before + 1);
  CHECK(m.notes().back().author == "You");
  auto notes = s.live<core::DebriefNote>(core::RecordType::DebriefNote, s.demo.observed_visit);
  auto it = std::find_if(notes.begin(), notes.end(), [](const auto& n) {
    return n.second.text == "Amira wants the seating chart again next time.";
  });
  REQUIRE(it != notes.end());
  CHECK(s.store.get(it->first)->version.author == s.demo.coach);
  CHECK_FALSE(s.store.drafts().get(app::DebriefModel::note_draft_key(s.demo.observed_visit)));
}

TEST_CASE("debrief: a next step needs what, a participant as owner, and a real date", "[app][debrief]") {
  test::DemoStore s;
  app::DebriefModel m(s.store, s.me, s.clock());
  REQUIRE(m.load(s.demo.observed_visit));
  CHECK(m.step_form().owner == s.demo.observed_teacher);  // the observed teacher owns it by default
  const auto versions = s.store.all_versions().size();
  SECTION("no text") {
    REQUIRE(m.apply(step("", s.demo.observed_teacher, "", "2027-01-14")));
    CHECK_FALSE(m.apply(act(DebriefKind::SaveStep)));
    CHECK(m.error() == "Write what will be tried first.");
  }
  SECTION("a date that is not one") {
    REQUIRE(m.apply(step("Cold calling with names on sticks", s.demo.observed_teacher, "", "2027-02-30")));
    CHECK_FALSE(m.apply(act(DebriefKind::SaveStep)));
    CHECK(m.error().find("\"2027-02-30\" is not a date") != std::string::npos);
  }
  SECTION("an owner who is not in the observation") {
    REQUIRE(m.apply(step("Cold calling", core::Id::random(), "", "")));
    CHECK_FALSE(m.apply(act(DebriefKind::SaveStep)));
    CHECK(m.error() == "Pick who owns this next step.");
  }
  CHECK(s.store.all_versions().size() == versions);
}

TEST_CASE("debrief: scheduling the follow-up plans the same data again, links it and closes the debrief",
          "[app][debrief]") {
  test::DemoStore s;
  // An observed (not yet debriefed) visit: the demo's follow-up, once its lesson has happened.
  core::Observation visit = std::get<core::Observation>(s.store.get(s.demo.follow_up_visit)->body);
  visit.status = core::ObservationStatus::Observed;
  s.store.update(s.demo.follow_up_visit, visit, s.me);

  app::DebriefModel m(s.store, s.me, s.clock());
  REQUIRE(m.load(s.demo.follow_up_visit));
  REQUIRE(m.apply(
      step("Names on sticks for the first three questions", s.demo.observed_teacher, "Lolly sticks", "2027-01-14")));
  REQUIRE(m.apply(act(DebriefKind::SaveStep)));
  REQUIRE(m.steps().size() == 1);
  const core::Id step_id = m.steps().front().id;
  CHECK(m.steps().front().step.support == "Lolly sticks");
  CHECK_FALSE(s.store.drafts().get(app::DebriefModel::step_draft_key(s.demo.follow_up_visit)));

  const auto versions = s.store.all_versions().size();
  DebriefAction sched = act(DebriefKind::ScheduleFollowUp);
  sched.record = step_id;
  REQUIRE(m.apply(sched));
  CHECK(s.store.all_versions().size() == versions + 3);  // the new visit, the linked step, the status

  auto linked = std::get<core::NextStep>(s.store.get(step_id)->body);
  REQUIRE_FALSE(linked.follow_up_observation.empty());
  CHECK(linked.follow_up_observation == m.last_follow_up());
  auto follow = std::get<core::Observation>(s.store.get(linked.follow_up_observation)->body);
  CHECK(follow.cycle == visit.cycle);
  CHECK(follow.follows == s.demo.follow_up_visit);
  CHECK(follow.status == core::ObservationStatus::Planned);
  CHECK(follow.date == "2027-01-14");
  CHECK(follow.focus_question == visit.focus_question);
  CHECK(follow.look_fors == visit.look_fors);
  REQUIRE(follow.tools.counters.size() == visit.tools.counters.size());
  for (std::size_t i = 0; i < follow.tools.counters.size(); ++i)
    CHECK(follow.tools.counters[i].key == visit.tools.counters[i].key);
  REQUIRE(follow.tools.timers.size() == visit.tools.timers.size());
  CHECK(follow.tools.seating.seats.size() == visit.tools.seating.seats.size());
  CHECK(follow.participants.size() == visit.participants.size());
  CHECK(std::get<core::Observation>(s.store.get(s.demo.follow_up_visit)->body).status ==
        core::ObservationStatus::Debriefed);
  CHECK(m.steps().front().follow_up_label == "Follow-up visit planned for 2027-01-14");

  SECTION("a second tap does not plan a second visit") {
    CHECK_FALSE(m.apply(sched));
    CHECK(m.error() == "The follow-up visit for this next step is already planned.");
    CHECK(s.store.all_versions().size() == versions + 3);
  }
}

TEST_CASE("debrief: a next step without a follow-up date cannot schedule a visit", "[app][debrief]") {
  test::DemoStore s;
  app::DebriefModel m(s.store, s.me, s.clock());
  REQUIRE(m.load(s.demo.observed_visit));
  REQUIRE(m.apply(step("Try think-pair-share before hands up", s.demo.observed_teacher, "", "")));
  REQUIRE(m.apply(act(DebriefKind::SaveStep)));
  auto it = std::find_if(m.steps().begin(), m.steps().end(),
                         [](const app::NextStepView& v) { return v.step.follow_up_date.empty(); });
  REQUIRE(it != m.steps().end());
  const auto observations = s.store.live(core::RecordType::Observation).size();
  DebriefAction sched = act(DebriefKind::ScheduleFollowUp);
  sched.record = it->id;
  CHECK_FALSE(m.apply(sched));
  CHECK(m.error().find("no follow-up date") != std::string::npos);
  CHECK(s.store.live(core::RecordType::Observation).size() == observations);
}

TEST_CASE("debrief: a typed note and a half-typed next step survive a restart", "[app][debrief]") {
  test::DemoStore s;
  {
    app::DebriefModel m(s.store, s.me, s.clock());
    REQUIRE(m.load(s.demo.observed_visit));
    DebriefAction note = act(DebriefKind::EditNote);
    note.text = "We talked about";
    REQUIRE(m.apply(note));
    REQUIRE(m.apply(step("Mini whiteboards", s.demo.coach, "A class set", "2027-01")));
    m.autosave(true);  // what leaving the screen or the app going to the background does
  }
  app::DebriefModel again(s.store, s.me, s.clock());
  REQUIRE(again.load(s.demo.observed_visit));
  CHECK(again.note_draft() == "We talked about");
  CHECK(again.step_form().text == "Mini whiteboards");
  CHECK(again.step_form().owner == s.demo.coach);
  CHECK(again.step_form().support == "A class set");
  CHECK(again.step_form().follow_up_date == "2027-01");
}
