// Issue 11: colleagues a teacher typed into plans before enrolling (or before the program lead
// added them) get the visit once the teacher matches them with the roster, through a real hub:
// the teacher's device, and each colleague's own device enrolled separately.
// Devices send bodies in clear (ClearDevice, TwoColleagues::Sealed::No in sync_fixture.h): the cases count
// the versions each push carries.
#include <catch2/catch.hpp>

#include "core/sync/colleague_match.h"
#include "sync_fixture.h"

using namespace testing_support;
using core::Id;

namespace {
// What the Plan saves for a colleague typed in by name (app/screens/plan/plan_model.cpp).
Id typed_colleague(core::Store& store, Id me, const std::string& name) {
  Id id = Id::random();
  store.outbox().mark_local_only(id);
  store.create_with_id(id, core::Person{name, ""}, me);
  return id;
}

// The teacher taps the roster's best suggestion for the colleague typed as `typed`.
void match_best_suggestion(Device& d, const std::string& typed) {
  auto roster = core::sync::roster_people(*d.store, d.me());
  for (const auto& c : core::sync::device_only_colleagues(*d.store, d.me()))
    if (c.name == typed) {
      auto likely = core::sync::likely_matches(c.name, roster);
      REQUIRE_FALSE(likely.empty());
      core::sync::match_colleague(*d.store, d.me(), c.person, likely[0].person);
      return;
    }
  FAIL("no device-only colleague typed as " << typed);
}

struct Roster {
  HubProcess hub{temp_dir("peerobs-hub")};
  Roster() { hub.start(); }
  ~Roster() {
    hub.kill_hard();
    std::filesystem::remove_all(hub.data_dir());
  }
};

const core::Observation& visit_on(const Device& d, Id visit) {
  static core::Observation copy;
  auto head = d.store->get(visit);
  REQUIRE(head);
  copy = std::get<core::Observation>(head->body);
  return copy;
}

bool names(const core::Observation& o, Id person, core::Role role) {
  for (const auto& p : o.participants)
    if (p.person == person && p.role == role) return true;
  return false;
}
}  // namespace

TEST_CASE("hub: a visit planned offline with two typed colleagues reaches both once they are matched",
          "[hub][colleagues]") {
  Roster r;
  std::string lena_id = r.hub.add_person("Lena Ortiz");
  Id ana = *Id::from_hex(r.hub.add_person("Ana López"));
  Id sam = *Id::from_hex(r.hub.add_person("Sam Lee"));

  // Offline, before any code: Lena plans a visit in Ana's classroom with Sam coaching.
  ClearDevice lena;
  Id offline_me = Id::random();
  lena.store->meta().set_local_person(offline_me);
  lena.store->create_with_id(offline_me, core::Person{"Lena", ""}, offline_me);
  Id typed_ana = typed_colleague(*lena.store, offline_me, "ana lopez");
  Id typed_sam = typed_colleague(*lena.store, offline_me, "Sam Lee");
  Id cycle = lena.store->create(core::Cycle{"Questioning", typed_ana, "Who answers?"}, offline_me).record;
  core::Observation plan;
  plan.cycle = cycle;
  plan.class_name = "8B science";
  plan.participants = {{typed_ana, core::Role::ObservedTeacher},
                       {offline_me, core::Role::TeacherLeader},
                       {typed_sam, core::Role::Coach}};
  Id visit = lena.store->create(plan, offline_me).record;
  core::NextStep step;
  step.observation = visit;
  step.owner = typed_ana;
  step.text = "Wait five seconds after each question";
  Id step_id = lena.store->create(step, offline_me).record;

  lena.enroll(r.hub.url(), r.hub.issue_code(lena_id));
  CHECK(core::sync::push_waits_for_colleagues(*lena.store));
  auto first = lena.sync();  // brings the roster; sends nothing before the match
  CHECK(first.push_waits_for_colleagues);
  CHECK(first.pushed == 0);
  REQUIRE(core::sync::device_only_colleagues(*lena.store, lena.me()).size() == 2);

  match_best_suggestion(lena, "ana lopez");
  match_best_suggestion(lena, "Sam Lee");
  CHECK(core::sync::device_only_colleagues(*lena.store, lena.me()).empty());
  core::sync::set_push_waits_for_colleagues(*lena.store, false);  // the screen's "Done"
  auto sent = lena.sync();
  CHECK(sent.pushed > 0);
  CHECK(sent.held_back == 0);

  ClearDevice ana_device, sam_device;
  ana_device.enroll(r.hub.url(), r.hub.issue_code(ana.hex()));
  sam_device.enroll(r.hub.url(), r.hub.issue_code(sam.hex()));
  ana_device.sync();
  sam_device.sync();
  for (Device* d : {&ana_device, &sam_device}) {
    const auto& o = visit_on(*d, visit);
    CHECK(names(o, ana, core::Role::ObservedTeacher));
    CHECK(names(o, sam, core::Role::Coach));
    CHECK(names(o, lena.me(), core::Role::TeacherLeader));
    CHECK(d->store->versions_of(visit).size() == 1);  // re-keyed before it was ever sent
  }
  REQUIRE(ana_device.sees(cycle));
  CHECK(std::get<core::Cycle>(ana_device.store->get(cycle)->body).observed_teacher == ana);
  REQUIRE(ana_device.sees(step_id));
  CHECK(std::get<core::NextStep>(ana_device.store->get(step_id)->body).owner == ana);
  // The typed people never left Lena's device.
  CHECK_FALSE(ana_device.sees(typed_ana));
  CHECK_FALSE(sam_device.sees(typed_sam));
}

TEST_CASE("hub: a colleague added to the roster after the visit was sent gets it once matched", "[hub][colleagues]") {
  Roster r;
  std::string lena_id = r.hub.add_person("Lena Ortiz");
  ClearDevice lena;
  lena.enroll(r.hub.url(), r.hub.issue_code(lena_id));
  CHECK_FALSE(core::sync::push_waits_for_colleagues(*lena.store));

  // Jo is not on the roster yet: Lena types her in, plans, captures; it all goes to the hub.
  Id typed_jo = typed_colleague(*lena.store, lena.me(), "Jo Park");
  core::Observation plan;
  plan.participants = {{typed_jo, core::Role::ObservedTeacher}, {lena.me(), core::Role::TeacherLeader}};
  Id visit = lena.store->create(plan, lena.me()).record;
  lena.note(visit, "Jo asked three open questions in the first five minutes");
  auto sent = lena.sync();
  CHECK(sent.pushed == 2);  // the visit and the note: never the typed person
  CHECK(sent.held_back == 0);
  auto unmatched = core::sync::device_only_colleagues(*lena.store, lena.me());
  REQUIRE(unmatched.size() == 1);
  CHECK(unmatched[0].name == "Jo Park");

  // The program lead adds Jo; the roster reaches Lena with the next sync; she confirms the match.
  Id jo = *Id::from_hex(r.hub.add_person("Jo Park"));
  lena.sync();
  match_best_suggestion(lena, "Jo Park");
  auto matched = lena.sync();
  CHECK(matched.pushed == 1);  // a new version of the visit naming Jo, parent the one sent before
  CHECK(matched.held_back == 0);

  ClearDevice jo_device;
  jo_device.enroll(r.hub.url(), r.hub.issue_code(jo.hex()));
  jo_device.sync();
  const auto& o = visit_on(jo_device, visit);
  CHECK(names(o, jo, core::Role::ObservedTeacher));
  CHECK(jo_device.notes(visit) == 1);  // what was captured before the match comes with it
}
