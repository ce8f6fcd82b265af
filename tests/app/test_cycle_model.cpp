// CycleModel against a real store: visits side by side and next-step status.
#include <catch2/catch.hpp>

#include "app/screens/cycle/cycle_model.h"
#include "app/screens/debrief/debrief_model.h"
#include "demo_store.h"

TEST_CASE("cycle: visits are side by side by date and a visit not observed yet collected nothing", "[app][cycle]") {
  test::DemoStore s;
  app::CycleModel m(s.store, s.me);
  REQUIRE(m.load({}, s.demo.follow_up_visit));  // found through one of its observations
  CHECK(m.cycle() == s.demo.cycle);
  REQUIRE(m.visits().size() == 2);
  CHECK(m.visits()[0].id == s.demo.observed_visit);
  CHECK(m.visits()[0].label == "19 Nov");
  CHECK(m.visits()[1].follow_up);
  REQUIRE(m.counters().size() == 3);
  CHECK(m.counters()[0].key == "open-q");
  CHECK(m.counters()[0].counts == std::vector<int>{7, -1});
  REQUIRE(m.timers().size() == 3);
  CHECK(m.timers()[0].shares == std::vector<int>{60, -1});
  REQUIRE(m.steps().size() == 1);
  CHECK(m.steps()[0].owner_name == "Amira Haddad");
}

TEST_CASE("cycle: the same counter key compares across visits once the follow-up is observed", "[app][cycle]") {
  test::DemoStore s;
  for (int i = 0; i < 12; ++i) s.store.create(core::Tally{s.demo.follow_up_visit, "open-q", i * 60000LL}, s.me);
  s.store.create(core::TimerSpan{s.demo.follow_up_visit, "teacher-talk", 0, 20 * 60000}, s.me);
  s.store.create(core::TimerSpan{s.demo.follow_up_visit, "student-talk", 20 * 60000, 50 * 60000}, s.me);
  core::Observation o = std::get<core::Observation>(s.store.get(s.demo.follow_up_visit)->body);
  o.status = core::ObservationStatus::Observed;
  s.store.update(s.demo.follow_up_visit, o, s.me);
  // A cancelled visit and a visit of another cycle stay out.
  core::Observation cancelled = o;
  cancelled.status = core::ObservationStatus::Cancelled;
  s.store.create(cancelled, s.me);
  core::Observation other = o;
  other.cycle = core::Id::random();
  s.store.create(other, s.me);

  app::CycleModel m(s.store, s.me);
  REQUIRE(m.load(s.demo.cycle, {}));
  REQUIRE(m.visits().size() == 2);
  CHECK(m.counters()[0].counts == std::vector<int>{7, 12});
  CHECK(m.counters()[1].counts == std::vector<int>{13, 0});  // observed, and none counted: a real 0
  CHECK(m.timers()[0].shares == std::vector<int>{60, 40});
  CHECK(m.timers()[1].shares == std::vector<int>{40, 60});
}

TEST_CASE("cycle: tapping a status marks a next step done, durably", "[app][cycle]") {
  test::DemoStore s;
  app::CycleModel m(s.store, s.demo.observed_teacher);
  REQUIRE(m.load(s.demo.cycle, {}));
  REQUIRE(m.steps().size() == 1);
  const core::Id id = m.steps()[0].id;
  REQUIRE(m.set_step_status(id, core::NextStepStatus::Done));
  CHECK(m.steps()[0].step.status == core::NextStepStatus::Done);
  auto stored = std::get<core::NextStep>(s.store.get(id)->body);
  CHECK(stored.status == core::NextStepStatus::Done);
  CHECK(stored.follow_up_observation == s.demo.follow_up_visit);  // the rest of the step is kept
  CHECK(std::string(core::next_step_status_label(stored.status)) == "Done");
  CHECK_FALSE(m.set_step_status(core::Id::random(), core::NextStepStatus::Dropped));
  CHECK(m.error() == "That next step is no longer here.");
}

TEST_CASE("cycle: an unknown cycle is reported in plain words", "[app][cycle]") {
  test::DemoStore s;
  app::CycleModel m(s.store, s.me);
  CHECK_FALSE(m.load(core::Id::random(), {}));
  CHECK(m.error() == "This learning cycle is not on this device (it may have been deleted).");
  CHECK(core::short_date("2026-12-03") == "3 Dec");
  CHECK(core::short_date("soon") == "soon");
}
