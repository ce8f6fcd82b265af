// The screens' state and actions tested directly, without ImGui: the Observe model's clock,
// timers, undo and ownership rules, the Plan model's validation, Home's lists, sync wording.
#include <catch2/catch.hpp>

#include "app/screens/first_run/first_run_screen.h"
#include "app/screens/home/home_screen.h"
#include "app/screens/observe/observe_model.h"
#include "app/screens/plan/plan_model.h"
#include "app/shell/sync_state.h"
#include "core/paths.h"
#include "ui_harness.h"

namespace {
struct Fixture {
  test::TempDir dir;
  core::Store store{core::store_path_in(dir.path())};
  std::int64_t now = 1'000'000;
  core::Id me;
  core::Id other;
  core::Id obs;

  Fixture() {
    me = store.create(core::Person{"Sam", ""}, core::Id{}).record;
    store.meta().set_local_person(me);
    other = store.create(core::Person{"Jonas", ""}, me).record;
    core::Observation o;
    o.focus_question = "Who talks?";
    o.look_fors = {"Wait time"};
    o.tools.counters = {{"open-q", "Open questions"}};
    o.tools.timers = {{"teacher", "Teacher talk", "talk"}, {"student", "Student talk", "talk"}, {"wait", "Wait", ""}};
    o.tools.seating.enabled = true;
    o.tools.seating.rows = 1;
    o.tools.seating.cols = 2;
    o.tools.seating.seats = {{"r0c0", "Ali", 0, 0}, {"r0c1", "Bea", 0, 1}};
    o.participants = {{me, core::Role::TeacherLeader}, {other, core::Role::Coach}};
    obs = store.create(o, me).record;
  }
  app::ObserveModel model() {
    return app::ObserveModel(store, me, [this] { return now; });
  }
};

app::ObserveAction act(app::ObserveAction::Kind k, std::string key = {}) {
  app::ObserveAction a;
  a.kind = k;
  a.key = std::move(key);
  return a;
}
using ObserveKind = app::ObserveAction::Kind;
}  // namespace

TEST_CASE("observe model: the lesson clock counts only while running and survives a reload", "[app][observe]") {
  Fixture f;
  auto m = f.model();
  REQUIRE(m.load(f.obs));
  CHECK(m.lesson_now() == 0);
  REQUIRE(m.apply(act(ObserveKind::Start)));
  f.now += 90'000;
  CHECK(m.lesson_now() == 90'000);
  REQUIRE(m.apply(act(ObserveKind::Pause)));
  f.now += 600'000;  // a paused clock does not move
  CHECK(m.lesson_now() == 90'000);
  REQUIRE(m.apply(act(ObserveKind::Resume)));
  f.now += 10'000;
  CHECK(m.lesson_now() == 100'000);
  REQUIRE(m.apply(act(ObserveKind::End)));
  auto again = f.model();
  REQUIRE(again.load(f.obs));
  CHECK(again.clock_ended());
  CHECK(again.lesson_now() == 100'000);
  auto o = std::get<core::Observation>(f.store.get(f.obs)->body);
  CHECK(o.status == core::ObservationStatus::Observed);
}

TEST_CASE("observe model: timers of one exclusive group run one at a time", "[app][observe]") {
  Fixture f;
  auto m = f.model();
  REQUIRE(m.load(f.obs));
  REQUIRE(m.apply(act(ObserveKind::ToggleTimer, "teacher")));  // also starts the clock
  REQUIRE(m.apply(act(ObserveKind::ToggleTimer, "wait")));     // independent: both run
  f.now += 5000;
  REQUIRE(m.apply(act(ObserveKind::ToggleTimer, "student")));  // stops teacher, not wait
  CHECK_FALSE(m.timers()[0].running());
  CHECK(m.timers()[1].running());
  CHECK(m.timers()[2].running());
  CHECK(m.timers()[0].accumulated(m.lesson_now()) == 5000);
  int running = 0;
  for (const auto& [id, h] : f.store.live(core::RecordType::TimerSpan, f.obs))
    if (std::get<core::TimerSpan>(h.body).end_ms < 0) ++running;
  CHECK(running == 2);
  REQUIRE(m.apply(act(ObserveKind::End)));  // ending the lesson closes every running span
  for (const auto& [id, h] : f.store.live(core::RecordType::TimerSpan, f.obs))
    CHECK(std::get<core::TimerSpan>(h.body).end_ms >= 0);
}

TEST_CASE("observe model: undo removes my last taps in reverse order, then says there is nothing", "[app][observe]") {
  Fixture f;
  auto m = f.model();
  REQUIRE(m.load(f.obs));
  REQUIRE(m.apply(act(ObserveKind::TapCounter, "open-q")));
  REQUIRE(m.apply(act(ObserveKind::TapCounter, "open-q")));
  CHECK(m.counters()[0].my_count == 2);
  REQUIRE(m.apply(act(ObserveKind::UndoTally)));
  REQUIRE(m.apply(act(ObserveKind::UndoTally)));
  CHECK(m.counters()[0].my_count == 0);
  CHECK(f.store.live(core::RecordType::Tally, f.obs).empty());
  CHECK_FALSE(m.apply(act(ObserveKind::UndoTally)));
  CHECK(m.error() == "Nothing to undo.");
  CHECK_FALSE(m.apply(act(ObserveKind::TapCounter, "nope")));
  CHECK(m.error().find("nope") != std::string::npos);
}

TEST_CASE("observe model: co-observers' items join the timeline with their name and cannot be changed by me",
          "[app][observe]") {
  Fixture f;
  core::Id theirs =
      f.store
          .create(core::EvidenceNote{f.obs, 3000, "Group 2 argues about salt", core::NoteKind::Noticing, {}}, f.other)
          .record;
  f.store.create(core::Tally{f.obs, "open-q", 4000}, f.other);
  auto m = f.model();
  REQUIRE(m.load(f.obs));
  REQUIRE(m.timeline().size() == 2);
  CHECK(m.timeline()[0].author_name == "Jonas");
  CHECK_FALSE(m.timeline()[0].mine);
  CHECK(m.counters()[0].my_count == 0);  // their taps are theirs: my counter counts mine
  app::ObserveAction del = act(ObserveKind::DeleteItem);
  del.record = theirs;
  CHECK_FALSE(m.apply(del));
  CHECK(f.store.get(theirs));
  app::ObserveAction edit = act(ObserveKind::EditNote);
  edit.record = theirs;
  edit.text = "changed";
  CHECK_FALSE(m.apply(edit));
  CHECK(std::get<core::EvidenceNote>(f.store.get(theirs)->body).text == "Group 2 argues about salt");
}

TEST_CASE("observe model: my own note can be edited and deleted, the timeline is newest last in lesson time",
          "[app][observe]") {
  Fixture f;
  auto m = f.model();
  REQUIRE(m.load(f.obs));
  REQUIRE(m.apply(act(ObserveKind::Start)));
  f.now += 1000;
  app::ObserveAction typing = act(ObserveKind::EditDraft);
  typing.text = "first";
  REQUIRE(m.apply(typing));
  REQUIRE(m.apply(act(ObserveKind::SaveNote)));
  f.now += 1000;
  REQUIRE(m.apply(act(ObserveKind::TapSeat, "r0c1")));
  CHECK(m.seats()[1].my_marks == 1);
  REQUIRE(m.timeline().size() == 2);
  CHECK(m.timeline().back().kind == core::EvidenceKind::Seat);
  core::Id note = m.timeline().front().record;
  app::ObserveAction edit = act(ObserveKind::EditNote);
  edit.record = note;
  edit.text = "first, edited";
  REQUIRE(m.apply(edit));
  CHECK(std::get<core::EvidenceNote>(f.store.get(note)->body).text == "first, edited");
  app::ObserveAction del = act(ObserveKind::DeleteItem);
  del.record = note;
  REQUIRE(m.apply(del));
  CHECK_FALSE(f.store.get(note));
  CHECK(m.timeline().size() == 1);
}

TEST_CASE("observe model: an empty note is not saved and the draft is cleared from the store when emptied",
          "[app][observe][drafts]") {
  Fixture f;
  auto m = f.model();
  REQUIRE(m.load(f.obs));
  CHECK_FALSE(m.apply(act(ObserveKind::SaveNote)));
  app::ObserveAction typing = act(ObserveKind::EditDraft);
  typing.text = "abc";
  m.apply(typing);
  m.autosave(true);
  CHECK(f.store.drafts().get(app::ObserveModel::draft_key(f.obs)));
  typing.text = "";
  m.apply(typing);
  m.autosave(true);
  CHECK_FALSE(f.store.drafts().get(app::ObserveModel::draft_key(f.obs)));
}

TEST_CASE("plan model: validation names what is missing", "[app][plan]") {
  Fixture f;
  core::TemplateLibrary lib;
  app::PlanModel m(f.store, f.me, lib, [] { return std::int64_t{0}; });
  m.start_new({}, core::Role::TeacherLeader);
  CHECK(m.validate().find("focus question") != std::string::npos);
  m.set_text(app::PlanField::FocusQuestion, "Who answers?");
  CHECK(m.validate().find("observed teacher") != std::string::npos);
  REQUIRE(m.add_new_person("Amira", core::Role::ObservedTeacher));
  m.set_text(app::PlanField::Date, "2026-13-01");
  CHECK(m.validate().find("2026-13-01") != std::string::npos);
  m.set_text(app::PlanField::Date, "2026-12-01");
  m.set_text(app::PlanField::Time, "25:00");
  CHECK(m.validate().find("25:00") != std::string::npos);
  m.set_text(app::PlanField::Time, "10:40");
  m.toggle_evidence_notes();  // off
  CHECK(m.validate().find("at least one") != std::string::npos);
  m.toggle_evidence_notes();  // on again
  m.add_counter("Open questions");
  m.add_counter("Open questions");
  CHECK(m.form().counters[0].first.key == "open-questions");
  CHECK(m.form().counters[1].first.key == "open-questions-2");
  CHECK(m.validate().empty());
  REQUIRE(m.save());
  auto o = std::get<core::Observation>(f.store.get(m.saved())->body);
  CHECK(o.tools.counters.size() == 2);
  CHECK(o.time == "10:40");
}

TEST_CASE("home: upcoming visits are split by my role and waiting work is listed", "[app][home]") {
  Fixture f;
  core::Id teacher = f.store.create(core::Person{"Amira", ""}, f.me).record;
  core::Observation mine_observed;
  mine_observed.participants = {{f.me, core::Role::ObservedTeacher}, {teacher, core::Role::TeacherLeader}};
  mine_observed.status = core::ObservationStatus::Observed;
  core::Id visited = f.store.create(mine_observed, f.me).record;
  f.store.create(core::Prompt{visited, "Is this what you expected?", {}, true}, teacher);
  f.store.create(core::Prompt{visited, "Draft, not shared", {}, false}, teacher);
  f.store.create(core::NextStep{visited, "Try a 5-second wait", f.me, "", "2026-12-01", core::NextStepStatus::Open, {}},
                 f.me);
  core::Observation coach_visit;
  coach_visit.participants = {{f.me, core::Role::Coach}};
  f.store.create(coach_visit, f.me);
  app::HomeView v = app::build_home(f.store, f.me);
  CHECK(v.my_name == "Sam");
  CHECK(v.observing.size() == 1);  // the fixture's planned visit
  CHECK(v.co_observing.size() == 1);
  CHECK(v.being_observed.empty());  // mine is already observed, not upcoming
  int prompts = 0, steps = 0, debriefs = 0;
  for (const auto& w : v.waiting) {
    if (w.kind == app::WaitingItem::Kind::AnswerPrompts) {
      ++prompts;
      CHECK(w.text == "1 prompt to answer");
    }
    if (w.kind == app::WaitingItem::Kind::NextStep) ++steps;
    if (w.kind == app::WaitingItem::Kind::HoldDebrief) ++debriefs;
  }
  CHECK(prompts == 1);
  CHECK(steps == 1);
  CHECK(debriefs == 1);
}

TEST_CASE("home: after a lesson I observed, writing prompts waits for me until I share one", "[app][home]") {
  Fixture f;
  core::Id teacher = f.store.create(core::Person{"Amira", ""}, f.me).record;
  core::Observation lesson;
  lesson.class_name = "7C";
  lesson.participants = {{teacher, core::Role::ObservedTeacher}, {f.me, core::Role::TeacherLeader}};
  lesson.status = core::ObservationStatus::Observed;
  core::Id observed = f.store.create(lesson, f.me).record;
  auto write_prompts = [&] {
    int n = 0;
    for (const auto& w : app::build_home(f.store, f.me).waiting)
      if (w.kind == app::WaitingItem::Kind::WritePrompts && w.observation == observed) ++n;
    return n;
  };
  CHECK(write_prompts() == 1);
  core::Id draft =
      f.store.create(core::Prompt{observed, "What did you notice about wait time?", {}, false}, f.me).record;
  CHECK(write_prompts() == 1);  // a draft the teacher cannot see yet does not count
  f.store.update(draft, core::Prompt{observed, "What did you notice about wait time?", {}, true}, f.me);
  CHECK(write_prompts() == 0);
}

TEST_CASE("sync state: without a hub the device says work is kept here, with one it counts what waits", "[app][sync]") {
  Fixture f;
  app::SyncState s = app::read_sync_state(f.store);
  CHECK_FALSE(s.enrolled);
  CHECK(app::describe(s).find("kept on this device") != std::string::npos);
  f.store.meta().set(core::MetaKey::SyncHubUrl, "https://hub.example.org");  // the key SyncClient::enroll writes
  s = app::read_sync_state(f.store);
  CHECK(s.enrolled);
  CHECK(s.outbox == f.store.outbox().size());
  CHECK(app::describe(s).find("hub.example.org") != std::string::npos);
  CHECK(s.last_success_ms == 0);
  CHECK(app::describe(s).find("Last sync") == std::string::npos);
  f.store.meta().set(core::MetaKey::SyncLastSuccessMs, "1795664719089");  // what SyncClient writes after a sync
  s = app::read_sync_state(f.store);
  CHECK(s.last_success_ms == 1795664719089);
  CHECK_FALSE(app::format_sync_time(s.last_success_ms).empty());
  CHECK(app::describe(s).find("Last sync " + app::format_sync_time(1795664719089) + ".") != std::string::npos);
}

TEST_CASE("first run: the profile, role hint and text size are stored and demo data is optional", "[app][first_run]") {
  test::TempDir dir;
  core::Store store(core::store_path_in(dir.path()));
  app::FirstRunForm form;
  form.name = "   ";
  CHECK_FALSE(app::complete_first_run(store, form).ok);
  form.name = "Priya";
  form.role = core::Role::Coach;
  form.text_size = 1.15f;
  form.demo = false;
  auto r = app::complete_first_run(store, form);
  REQUIRE(r.ok);
  CHECK(store.meta().local_person() == r.me);
  CHECK(store.meta().get(core::MetaKey::RoleHint) == std::string("coach"));
  CHECK(store.meta().get(core::MetaKey::TextSize) == std::string("1.15"));
  CHECK(store.live(core::RecordType::Observation).empty());
}
