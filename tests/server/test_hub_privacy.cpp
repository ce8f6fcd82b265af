// Hub tests, part 1: the learning-cycle scenario across devices through a real hub process,
// privacy by participants, backfill, enrollment after offline work.
// Devices send bodies in clear (ClearDevice, TwoColleagues::Sealed::No in sync_fixture.h): the cases count
// pushed versions and read after one sync of the writer; test_hub_e2e_sealed.cpp runs the visit sealed.
#include <catch2/catch.hpp>

#include <set>

#include "core/serialization.h"
#include "support/test_values.h"
#include "sync_fixture.h"

using namespace core;
using namespace testing_support;

namespace {
struct School {
  HubProcess hub{temp_dir("peerobs-hub")};
  std::string teacher, leader, coach, stranger;
  School() {
    hub.start();
    teacher = hub.add_person("Tomás (observed)");
    leader = hub.add_person("Lena (teacher leader)");
    coach = hub.add_person("Chidi (coach)");
    stranger = hub.add_person("Sam (not in it)");
  }
  ~School() {
    hub.stop();
    std::filesystem::remove_all(hub.data_dir());
  }
  void enroll(Device& d, const std::string& person) { d.enroll(hub.url(), hub.issue_code(person)); }
  Observation plan() const {
    Observation o;
    o.focus_question = "Who answers my questions?";
    o.participants = {
        {id(teacher), Role::ObservedTeacher}, {id(leader), Role::TeacherLeader}, {id(coach), Role::Coach}};
    return o;
  }
};
}  // namespace

TEST_CASE("hub sync: leader and coach capture offline, everyone sees exactly what is theirs", "[server][sync]") {
  School s;
  ClearDevice lena, chidi, tomas, sam;
  s.enroll(lena, s.leader);
  s.enroll(chidi, s.coach);
  s.enroll(tomas, s.teacher);
  s.enroll(sam, s.stranger);
  CHECK(lena.me() == id(s.leader));

  Id obs = lena.store->create(s.plan(), lena.me()).record;
  lena.sync();
  chidi.sync();
  REQUIRE(chidi.sees(obs));

  // Offline on both devices.
  for (int i = 0; i < 3; ++i) lena.note(obs, "Lena saw " + std::to_string(i));
  for (int i = 0; i < 2; ++i) chidi.note(obs, "Chidi heard " + std::to_string(i));
  Id coaching = chidi.store->create(CoachingNote{obs, lena.me(), "Your wait time grew."}, chidi.me()).record;
  Prompt draft{obs, "A draft I keep to myself", {}, false};
  Id draft_id = lena.store->create(draft, lena.me()).record;
  Prompt shared{obs, "What did you notice about who answered?", {}, false};
  Id shared_id = lena.store->create(shared, lena.me()).record;
  shared.shared = true;
  lena.store->update(shared_id, shared, lena.me());

  lena.sync();
  chidi.sync();
  lena.sync();
  tomas.sync();
  sam.sync();

  SECTION("the two observers see one merged timeline") {
    CHECK(lena.notes(obs) == 5);
    CHECK(chidi.notes(obs) == 5);
    auto a = lena.store->live(RecordType::EvidenceNote, obs);
    auto b = chidi.store->live(RecordType::EvidenceNote, obs);
    std::set<Id> ia, ib;
    for (auto& [r, h] : a) ia.insert(r);
    for (auto& [r, h] : b) ib.insert(r);
    CHECK(ia == ib);
    CHECK(lena.sees(coaching));
    CHECK(chidi.sees(draft_id));
  }
  SECTION("the observed teacher sees the evidence and only the shared prompt") {
    CHECK(tomas.sees(obs));
    CHECK(tomas.notes(obs) == 5);
    CHECK_FALSE(tomas.sees(draft_id));
    auto p = tomas.store->heads(shared_id);
    REQUIRE(p.size() == 1);
    CHECK(std::get<Prompt>(p[0].body).shared);
    CHECK(tomas.store->versions_of(shared_id).size() == 1);  // never the unshared version
    CHECK_FALSE(tomas.sees(coaching));
  }
  SECTION("a fourth person sees nothing of it, only the roster") {
    CHECK_FALSE(sam.sees(obs));
    CHECK(sam.notes() == 0);
    CHECK(sam.store->live(RecordType::Prompt).empty());
    CHECK(sam.store->live(RecordType::Person).size() == 4);
  }
  SECTION("the hub admin's verbs show no observation content") {
    std::string out = s.hub.admin({"devices"});
    CHECK(out.find("Lena saw") == std::string::npos);
    CHECK(out.find("Tomás") != std::string::npos);
  }
}

TEST_CASE("hub sync: a person added later receives the whole observation", "[server][sync]") {
  School s;
  ClearDevice lena, chidi;
  s.enroll(lena, s.leader);
  s.enroll(chidi, s.coach);
  Observation o = s.plan();
  o.participants.pop_back();  // no coach yet
  Id obs = lena.store->create(o, lena.me()).record;
  for (int i = 0; i < 4; ++i) lena.note(obs, "before the coach joined " + std::to_string(i));
  lena.sync();
  chidi.sync();
  CHECK_FALSE(chidi.sees(obs));
  o.participants.push_back({id(s.coach), Role::Coach});
  lena.store->update(obs, o, lena.me());
  lena.sync();
  chidi.sync();
  CHECK(chidi.sees(obs));
  CHECK(chidi.notes(obs) == 4);
  CHECK(chidi.store->versions_of(obs).size() == 2);
}

TEST_CASE("hub sync: a teacher who worked offline before enrolling keeps everything", "[server][sync]") {
  School s;
  ClearDevice lena, lena_laptop;
  Id offline_me = Id::random();
  lena.store->meta().set_local_person(offline_me);
  lena.store->create_with_id(offline_me, Person{"Lena", "Northside"}, offline_me);
  Observation o = s.plan();
  o.participants[1].person = offline_me;
  Id obs = lena.store->create(o, offline_me).record;
  lena.note(obs, "written before the hub existed");
  s.enroll(lena, s.leader);
  CHECK(lena.me() == id(s.leader));
  auto r = lena.sync();
  CHECK(r.pushed == 3);
  CHECK(lena.store->outbox().size() == 0);
  s.enroll(lena_laptop, s.leader);
  lena_laptop.sync();
  CHECK(lena_laptop.notes(obs) == 1);
  auto me = lena_laptop.store->heads(id(s.leader));
  REQUIRE(me.size() == 1);
  CHECK(std::get<Person>(me[0].body).school == "Northside");
}
