// Home for each role, driven the way a teacher taps: the teacher leader cancels (after a
// question), moves and answers a proposed time from Home's cards, or cancels from the plan; the
// coach sees what waits across the teacher leaders they coach, one tap from where it is settled.
#include <catch2/catch.hpp>

#include "app/screens/home/home_screen.h"
#include "app/screens/plan/plan_screen.h"
#include "core/dates.h"
#include "core/demo_data.h"
#include "core/paths.h"
#include "ui_harness.h"

using namespace core;

namespace {

// First run with the demo: I am Sam, teacher leader of the planned follow-up in 8B science.
struct DemoHome {
  test::UiHarness h{768, 2400};  // tall: every card of Home is drawn without scrolling
  Id me;
  Id follow_up;
  DemoHome() {
    h.tap("##name");
    h.type("Sam Okafor");
    h.tap("Start");
    me = *h.store().meta().local_person();
    for (const auto& [id, rec] : h.store().live(RecordType::Observation))
      if (std::get<Observation>(rec.body).status == ObservationStatus::Planned) follow_up = id;
  }
  app::HomeScreen& home() { return *static_cast<app::HomeScreen*>(h.app().screen(app::ScreenId::Home)); }
  Observation visit() { return std::get<Observation>(h.store().get(follow_up)->body); }
  void reopen_home() {
    h.app().context().go_home = true;
    h.frames(3);
  }
};
}  // namespace

TEST_CASE("home: the teacher leader cancels a visit from its card only after confirming", "[app][home][schedule][ui]") {
  DemoHome d;
  REQUIRE(d.home().model().observing.size() == 1);
  d.h.tap("Cancel visit");
  REQUIRE(d.h.has("Yes, cancel it"));
  d.h.tap("Keep the visit");
  CHECK_FALSE(d.h.has("Yes, cancel it"));
  CHECK(d.visit().status == ObservationStatus::Planned);
  d.h.tap("Cancel visit");
  d.h.tap("Yes, cancel it");
  d.h.frames(1);
  CHECK(d.visit().status == ObservationStatus::Cancelled);
  CHECK(d.home().model().observing.empty());
  CHECK_FALSE(d.h.has("Yes, cancel it"));
}

TEST_CASE("home: rescheduling from the card refuses 2026-02-31 and moves to a real date", "[app][home][schedule][ui]") {
  DemoHome d;
  d.h.tap("Reschedule");
  REQUIRE(d.h.has("Move visit"));
  CHECK(d.home().ui_state().date == "2026-12-03");  // starts from the planned day
  d.home().ui_state().date = "2026-02-31";
  d.h.tap("Move visit");
  d.h.frames(1);
  CHECK(d.home().ui_state().problem == date_problem("2026-02-31"));
  CHECK(d.visit().date == "2026-12-03");
  d.home().ui_state().date = "2026-12-10";
  d.home().ui_state().time = "11:15";
  d.h.tap("Move visit");
  d.h.frames(1);
  CHECK(d.visit().date == "2026-12-10");
  CHECK(d.visit().time == "11:15");
  CHECK(d.home().model().observing.at(0).when == "2026-12-10 at 11:15");
  CHECK_FALSE(d.h.has("Move visit"));
}

TEST_CASE("home: the teacher leader accepts another time proposed for a visit in one tap",
          "[app][home][schedule][ui]") {
  DemoHome d;
  // Amira's proposal, as her device's version arrives by sync.
  Observation o = d.visit();
  const Id amira = o.participants.at(0).person;
  REQUIRE(o.participants.at(0).role == Role::ObservedTeacher);
  o.proposed_date = "2026-12-04";
  o.proposed_time = "13:10";
  o.proposed_by = amira;
  d.h.store().update(d.follow_up, o, amira);
  d.reopen_home();
  REQUIRE(d.h.has("Accept new time"));
  CHECK(d.home().model().observing.at(0).proposal == "Amira Haddad proposes 2026-12-04 at 13:10 instead.");
  d.h.tap("Accept new time");
  d.h.frames(1);
  CHECK(d.visit().date == "2026-12-04");
  CHECK(d.visit().time == "13:10");
  CHECK(d.visit().proposed_date.empty());
  CHECK_FALSE(d.h.has("Accept new time"));
}

TEST_CASE("plan: the teacher leader cancels a visit from its plan only after confirming", "[app][plan][schedule][ui]") {
  DemoHome d;
  d.h.tap("See plan");
  d.h.frames(1);
  REQUIRE(d.h.app().route().screen == app::ScreenId::Plan);
  d.h.tap("Cancel this visit");
  d.h.tap("Keep the visit");
  CHECK(d.visit().status == ObservationStatus::Planned);
  d.h.tap("Cancel this visit");
  d.h.tap("Yes, cancel it");
  d.h.frames(2);
  CHECK(d.visit().status == ObservationStatus::Cancelled);
  CHECK(d.h.app().route().screen == app::ScreenId::Home);
  CHECK(d.home().model().observing.empty());
}

TEST_CASE("home: a coach sees which visits of the leaders they coach wait for a debrief or a coaching note",
          "[app][home][coach]") {
  test::TempDir dir;
  Store store(store_path_in(dir.path()));
  const Id jonas = store.create(Person{"Jonas Berg", ""}, Id{}).record;
  store.meta().set_local_person(jonas);
  const Id sam = store.create(Person{"Sam Okafor", ""}, jonas).record;
  const Id priya = store.create(Person{"Priya Nair", ""}, jonas).record;
  const Id amira = store.create(Person{"Amira Haddad", ""}, jonas).record;
  auto visit = [&](Id leader, const char* cls, const char* date, ObservationStatus status, Role my_role = Role::Coach) {
    Observation o;
    o.class_name = cls;
    o.date = date;
    o.status = status;
    o.participants = {{amira, Role::ObservedTeacher}, {leader, Role::TeacherLeader}, {jonas, my_role}};
    return store.create(o, jonas).record;
  };
  const Id sams_observed = visit(sam, "8B science", "2026-11-19", ObservationStatus::Observed);
  const Id sams_debriefed = visit(sam, "8B science", "2026-11-05", ObservationStatus::Debriefed);
  const Id priyas_noted = visit(priya, "9C maths", "2026-11-24", ObservationStatus::Debriefed);
  visit(priya, "9C maths", "2026-12-08", ObservationStatus::Planned);    // nothing to wait for yet
  visit(sam, "7A history", "2026-11-20", ObservationStatus::Cancelled);  // will not happen
  store.create(CoachingNote{sams_debriefed, priya, "To the wrong leader: Sam still waits."}, jonas);
  store.create(CoachingNote{priyas_noted, priya, "Your wait time opened the talk."}, jonas);
  store.create(CoachingNote{sams_observed, sam, "Another coach's note."}, amira);

  const auto coached = app::build_home(store, jonas).coached;
  REQUIRE(coached.size() == 2);
  CHECK(coached[0].name == "Priya Nair");
  CHECK(coached[0].waiting.empty());
  CHECK(coached[1].name == "Sam Okafor");
  REQUIRE(coached[1].waiting.size() == 3);  // oldest visit first
  CHECK(coached[1].waiting[0].observation == sams_debriefed);
  CHECK(coached[1].waiting[0].kind == app::CoachingWait::Kind::CoachingNote);
  CHECK(coached[1].waiting[0].detail == "8B science \xC2\xB7 2026-11-05");
  CHECK(coached[1].waiting[1].observation == sams_observed);
  CHECK(coached[1].waiting[1].kind == app::CoachingWait::Kind::Debrief);
  CHECK(coached[1].waiting[2].observation == sams_observed);
  CHECK(coached[1].waiting[2].kind == app::CoachingWait::Kind::CoachingNote);
  // The debrief is the teacher leader's to hold: it waits under Sam, not as the coach's own item.
  for (const auto& w : app::build_home(store, jonas).waiting) CHECK(w.kind != app::WaitingItem::Kind::HoldDebrief);
  // As the teacher leader of a visit, nobody coaches me through Home's coach list.
  CHECK(app::build_home(store, sam).coached.empty());
}

TEST_CASE("home: each item of the coach's list opens the screen that settles it", "[app][home][coach][ui]") {
  DemoHome d;
  // Jonas's device: the demo's coach, whose first visit with Sam is debriefed and noted, and a
  // new visit of Sam's that was observed yesterday.
  Observation o = std::get<Observation>(d.h.store().get(d.follow_up)->body);
  const Id jonas = o.participants.at(2).person;
  REQUIRE(o.participants.at(2).role == Role::Coach);
  o.status = ObservationStatus::Observed;
  d.h.store().update(d.follow_up, o, d.me);
  d.h.store().meta().set_local_person(jonas);
  d.h.app().context().me = jonas;
  d.reopen_home();
  const auto coached = d.home().model().coached;
  REQUIRE(coached.size() == 1);
  CHECK(coached[0].name == "Sam Okafor");
  REQUIRE(coached[0].waiting.size() == 2);
  d.h.tap("Open debrief");
  d.h.frames(1);
  CHECK(d.h.app().route().screen == app::ScreenId::Debrief);
  CHECK(d.h.app().route().observation == d.follow_up);
  d.reopen_home();
  d.h.tap("Write coaching note");
  d.h.frames(1);
  CHECK(d.h.app().route().screen == app::ScreenId::CoachingNotes);
  CHECK(d.h.app().route().observation == d.follow_up);
}
