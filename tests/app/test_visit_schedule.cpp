// Planning a visit as a real week needs it: one date check (Plan and Debrief word a bad date the
// same way), the teacher leader cancels or moves a visit, the observed teacher proposes another
// time and the teacher leader accepts it or keeps the plan, on two devices that sync.
#include <catch2/catch.hpp>

#include "app/screens/debrief/debrief_model.h"
#include "app/screens/home/home_model.h"
#include "app/screens/plan/plan_model.h"
#include "app/screens/plan/visit_schedule.h"
#include "core/dates.h"
#include "core/paths.h"
#include "demo_store.h"

using namespace core;

namespace {

// One teacher's device.
struct Device {
  test::TempDir dir;
  Store store{store_path_in(dir.path())};
};

// Everything one device holds reaches the other, as a sync through the hub would bring it.
void sync_devices(Device& from, Device& to) {
  for (const auto& v : from.store.all_versions()) to.store.apply_version(v);
}

// Sam leads a visit to Amira's 8B science, with Jonas as coach; Amira's device has it too.
struct Week {
  Device sams, amiras;
  Id sam, amira, jonas, visit;
  Week() {
    sam = sams.store.create(Person{"Sam Okafor", ""}, Id{}).record;
    sams.store.meta().set_local_person(sam);
    amira = sams.store.create(Person{"Amira Haddad", ""}, sam).record;
    jonas = sams.store.create(Person{"Jonas Berg", ""}, sam).record;
    Observation o;
    o.class_name = "8B science";
    o.focus_question = "Who gets to answer my questions?";
    o.date = "2026-12-03";
    o.time = "10:40";
    o.participants = {{amira, Role::ObservedTeacher}, {sam, Role::TeacherLeader}, {jonas, Role::Coach}};
    visit = sams.store.create(o, sam).record;
    sync_devices(sams, amiras);
    amiras.store.meta().set_local_person(amira);
  }
  Observation at(Device& d) { return std::get<Observation>(d.store.get(visit)->body); }
};

app::DebriefAction follow_up_on(core::Id owner, const std::string& date) {
  app::DebriefAction a;
  a.kind = app::DebriefAction::Kind::EditStep;
  a.step = app::NextStepForm{"Cold calling with names on sticks", owner, "", date};
  return a;
}
}  // namespace

TEST_CASE("plan: 2026-02-31 is refused with Debrief's words, 2028-02-29 is a date", "[app][plan][dates]") {
  test::DemoStore s;
  app::DebriefModel debrief(s.store, s.me, s.clock());
  REQUIRE(debrief.load(s.demo.observed_visit));
  REQUIRE(debrief.apply(follow_up_on(s.demo.observed_teacher, "2026-02-31")));
  app::DebriefAction save;
  save.kind = app::DebriefAction::Kind::SaveStep;
  CHECK_FALSE(debrief.apply(save));

  TemplateLibrary templates;
  app::PlanModel plan(s.store, s.me, templates, s.clock());
  plan.start_new({}, Role::TeacherLeader);
  plan.set_text(app::PlanField::FocusQuestion, "Who answers?");
  plan.add_person(s.demo.observed_teacher, Role::ObservedTeacher);
  plan.set_text(app::PlanField::Date, "2026-02-31");
  CHECK_FALSE(plan.save());
  CHECK(plan.error() == debrief.error());
  CHECK(plan.error() == date_problem("2026-02-31"));

  plan.set_text(app::PlanField::Date, "2028-02-29");
  plan.set_text(app::PlanField::Time, "24:10");
  CHECK_FALSE(plan.save());
  CHECK(plan.error() == time_problem("24:10"));
  plan.set_text(app::PlanField::Time, "08:50");
  REQUIRE(plan.save());
  CHECK(std::get<Observation>(s.store.get(plan.saved())->body).date == "2028-02-29");
}

TEST_CASE("visit: the teacher leader cancels a visit, which leaves upcoming and shows as cancelled",
          "[app][home][schedule]") {
  Week w;
  REQUIRE(app::build_home(w.sams.store, w.sam).observing.size() == 1);
  SECTION("only the teacher leader cancels") {
    CHECK(app::cancel_visit(w.amiras.store, w.amira, w.visit) == "Only the teacher leader of this visit can do that.");
    CHECK(w.at(w.amiras).status == ObservationStatus::Planned);
  }
  const auto before = w.sams.store.versions_of(w.visit).size();
  REQUIRE(app::cancel_visit(w.sams.store, w.sam, w.visit).empty());
  // A new version of the visit, with the old one as its parent, waiting to be sent.
  const auto versions = w.sams.store.versions_of(w.visit);
  REQUIRE(versions.size() == before + 1);
  CHECK(w.at(w.sams).status == ObservationStatus::Cancelled);
  CHECK(w.sams.store.outbox().size() > 0);
  auto sams_home = app::build_home(w.sams.store, w.sam, "2026-12-01");
  CHECK(sams_home.observing.empty());
  REQUIRE(sams_home.cancelled.size() == 1);
  CHECK(sams_home.cancelled.front().when == "2026-12-03 at 10:40");
  // Amira's device learns it at the next sync: her classroom's visit is off, and says so.
  sync_devices(w.sams, w.amiras);
  auto amiras_home = app::build_home(w.amiras.store, w.amira, "2026-12-01");
  CHECK(amiras_home.being_observed.empty());
  REQUIRE(amiras_home.cancelled.size() == 1);
  CHECK(amiras_home.cancelled.front().id == w.visit);
  // Once its day has passed, a cancelled visit no longer takes room on Home.
  CHECK(app::build_home(w.amiras.store, w.amira, "2026-12-04").cancelled.empty());
  CHECK(app::cancel_visit(w.sams.store, w.sam, w.visit) == "This visit is already cancelled.");
}

TEST_CASE("visit: rescheduling moves the date and time through the shared check", "[app][home][schedule]") {
  Week w;
  CHECK(app::move_visit(w.sams.store, w.sam, w.visit, "2026-02-31", "10:40") == date_problem("2026-02-31"));
  CHECK(app::move_visit(w.sams.store, w.sam, w.visit, "2026-12-10", "9:15") == time_problem("9:15"));
  CHECK(app::move_visit(w.amiras.store, w.amira, w.visit, "2026-12-10", "09:15") ==
        "Only the teacher leader of this visit can do that.");
  CHECK(w.at(w.sams).date == "2026-12-03");
  REQUIRE(app::move_visit(w.sams.store, w.sam, w.visit, "2026-12-10", "09:15").empty());
  CHECK(w.at(w.sams).date == "2026-12-10");
  CHECK(w.at(w.sams).time == "09:15");
  sync_devices(w.sams, w.amiras);
  CHECK(app::build_home(w.amiras.store, w.amira).being_observed.at(0).when == "2026-12-10 at 09:15");
}

TEST_CASE("home: the observed teacher sees the visit planned in their classroom", "[app][home][schedule]") {
  Week w;
  auto home = app::build_home(w.amiras.store, w.amira);
  REQUIRE(home.being_observed.size() == 1);
  const auto& item = home.being_observed.front();
  CHECK(item.title == "8B science");
  CHECK(item.date == "2026-12-03");
  CHECK(item.time == "10:40");
  CHECK(item.when == "2026-12-03 at 10:40");
  CHECK(item.focus == "Who gets to answer my questions?");
  CHECK(item.with == "Observers: Sam Okafor (teacher leader), Jonas Berg (coach)");
  CHECK(item.can_propose);
  CHECK_FALSE(item.can_reschedule);
  CHECK(home.observing.empty());
}

TEST_CASE("visit: the observed teacher proposes another time and the teacher leader answers", "[app][home][schedule]") {
  Week w;
  CHECK(app::propose_time(w.amiras.store, w.amira, w.visit, "2026-12-03", "") == "That is the planned time already.");
  CHECK(app::propose_time(w.sams.store, w.sam, w.visit, "2026-12-05", "09:00") ==
        "You lead this visit: move it to the new time instead of proposing it.");
  REQUIRE(app::propose_time(w.amiras.store, w.amira, w.visit, "2026-12-05", "09:00").empty());
  // Amira sees her proposal waiting; the plan itself has not moved.
  auto amiras = app::build_home(w.amiras.store, w.amira).being_observed.at(0);
  CHECK(amiras.when == "2026-12-03 at 10:40");
  CHECK(amiras.proposal == "You proposed 2026-12-05 at 09:00; Sam Okafor has not answered yet.");
  sync_devices(w.amiras, w.sams);
  auto sams = app::build_home(w.sams.store, w.sam);
  REQUIRE(sams.waiting.size() == 1);
  CHECK(sams.waiting[0].kind == app::WaitingItem::Kind::ProposedTime);
  CHECK(sams.waiting[0].observation == w.visit);
  CHECK(sams.waiting[0].text == "Amira Haddad proposes 2026-12-05 at 09:00 instead.");
  CHECK(sams.waiting[0].detail == "Planned: 8B science \xC2\xB7 2026-12-03 at 10:40");
  CHECK(app::accept_proposal(w.amiras.store, w.amira, w.visit) == "Only the teacher leader of this visit can do that.");

  SECTION("accepted: the visit moves and the proposal is answered") {
    REQUIRE(app::accept_proposal(w.sams.store, w.sam, w.visit).empty());
    sync_devices(w.sams, w.amiras);
    for (Device* d : {&w.sams, &w.amiras}) {
      Observation o = w.at(*d);
      CHECK(o.date == "2026-12-05");
      CHECK(o.time == "09:00");
      CHECK(o.proposed_date.empty());
      CHECK(o.proposed_by.empty());
    }
    CHECK(app::build_home(w.amiras.store, w.amira).being_observed.at(0).proposal.empty());
    CHECK(app::build_home(w.sams.store, w.sam).waiting.empty());
  }
  SECTION("kept: the planned time stays and the proposal is answered") {
    REQUIRE(app::keep_planned_time(w.sams.store, w.sam, w.visit).empty());
    sync_devices(w.sams, w.amiras);
    Observation o = w.at(w.amiras);
    CHECK(o.date == "2026-12-03");
    CHECK(o.time == "10:40");
    CHECK(o.proposed_date.empty());
    CHECK(app::build_home(w.amiras.store, w.amira).being_observed.at(0).proposal.empty());
    CHECK(app::keep_planned_time(w.sams.store, w.sam, w.visit) == "No other time is proposed for this visit any more.");
  }
}

TEST_CASE("visit: a proposal and a move made at once on two devices become a conflict, never overwritten",
          "[app][home][schedule][conflicts]") {
  Week w;
  REQUIRE(app::propose_time(w.amiras.store, w.amira, w.visit, "2026-12-05", "09:00").empty());
  REQUIRE(app::move_visit(w.sams.store, w.sam, w.visit, "2026-12-04", "").empty());
  sync_devices(w.amiras, w.sams);
  sync_devices(w.sams, w.amiras);
  for (Device* d : {&w.sams, &w.amiras}) {
    REQUIRE(d->store.heads(w.visit).size() == 2);  // both edits kept, shown by the Conflicts screen
    CHECK(d->store.conflicted_records() == std::vector<Id>{w.visit});
  }
  const auto versions = w.sams.store.versions_of(w.visit).size();
  const std::string refusal = app::accept_proposal(w.sams.store, w.sam, w.visit);
  CHECK(refusal.find("changed on two devices") != std::string::npos);
  CHECK(app::cancel_visit(w.sams.store, w.sam, w.visit) == refusal);
  CHECK(app::propose_time(w.amiras.store, w.amira, w.visit, "2026-12-07", "") == refusal);
  CHECK(w.sams.store.versions_of(w.visit).size() == versions);
  CHECK(w.sams.store.heads(w.visit).size() == 2);
}

TEST_CASE("plan: a new date typed in the plan answers a waiting proposal, and the plan can cancel the visit",
          "[app][plan][schedule]") {
  Week w;
  REQUIRE(app::propose_time(w.amiras.store, w.amira, w.visit, "2026-12-05", "09:00").empty());
  sync_devices(w.amiras, w.sams);
  TemplateLibrary templates;
  app::PlanModel plan(w.sams.store, w.sam, templates, [] { return std::int64_t{0}; });
  REQUIRE(plan.load(w.visit));
  plan.add_look_for("Wait time");
  SECTION("an edit that keeps the time leaves the proposal waiting") {
    REQUIRE(plan.save());
    CHECK(w.at(w.sams).proposed_date == "2026-12-05");
  }
  SECTION("moving the date in the plan answers it") {
    plan.set_text(app::PlanField::Date, "2026-12-08");
    REQUIRE(plan.save());
    CHECK(w.at(w.sams).date == "2026-12-08");
    CHECK(w.at(w.sams).proposed_date.empty());
  }
  SECTION("cancelling from the plan") {
    REQUIRE(plan.can_cancel());
    REQUIRE(plan.cancel());
    CHECK(w.at(w.sams).status == ObservationStatus::Cancelled);
    CHECK_FALSE(plan.can_cancel());
  }
  app::PlanModel amiras_plan(w.amiras.store, w.amira, templates, [] { return std::int64_t{0}; });
  REQUIRE(amiras_plan.load(w.visit));
  CHECK_FALSE(amiras_plan.can_cancel());
}
