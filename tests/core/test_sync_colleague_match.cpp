// Colleagues typed into plans before they were on the hub's roster: which ones there are, what the
// roster suggests for them, and what confirming a match rewrites (in place while nothing has left
// the device, as new versions once it has).
#include <catch2/catch.hpp>

#include "core/serialization.h"
#include "core/store.h"
#include "core/sync/colleague_match.h"
#include "support/temp_dir.h"

using namespace core;
using namespace core::sync;

namespace {
// A roster person as a pull brings it: written by the hub, not local-only.
Id roster_person(Store& store, const std::string& name) {
  Version v;
  v.version = Id::random();
  v.record = Id::random();
  v.type = RecordType::Person;
  v.body = encode_body(Person{name, ""});
  v.body_hash = body_hash(v.type, false, v.body);
  store.apply_version(v);
  return v.record;
}

// What the Plan saves for a colleague typed in by name.
Id typed_colleague(Store& store, Id me, const std::string& name) {
  Id id = Id::random();
  store.outbox().mark_local_only(id);
  store.create_with_id(id, Person{name, ""}, me);
  return id;
}

struct OfflinePlan {
  testing_support::TempDir dir;
  Store store{dir.file("s.sqlite")};
  Id me = Id::random();
  Id ana, sam;
  Id cycle, visit, step;
  OfflinePlan() {
    store.meta().set_local_person(me);
    store.create_with_id(me, Person{"Lena", ""}, me);
    ana = typed_colleague(store, me, "ana lopez");
    sam = typed_colleague(store, me, "Sam Lee");
    cycle = store.create(Cycle{"Questioning", ana, "Who answers?"}, me).record;
    Observation o;
    o.cycle = cycle;
    o.participants = {{ana, Role::ObservedTeacher}, {me, Role::TeacherLeader}, {sam, Role::Coach}};
    visit = store.create(o, me).record;
    NextStep s;
    s.observation = visit;
    s.owner = ana;
    s.text = "Wait five seconds";
    step = store.create(s, me).record;
  }
  std::vector<Participant> participants() const { return std::get<Observation>(store.get(visit)->body).participants; }
};
}  // namespace

TEST_CASE("colleague match: names compare without case, accents or extra spaces", "[core][sync][colleagues]") {
  CHECK(comparable_name("  José   NÚÑEZ ") == "jose nunez");
  CHECK(comparable_name("Ana López") == comparable_name("ana lopez"));
  CHECK(comparable_name("Łukasz Żółć") == "lukasz zolc");
  CHECK(comparable_name("Søren Æbelø") == "soren aebelo");
  CHECK(comparable_name("山田 太郎") == "山田 太郎");
}

TEST_CASE("colleague match: the roster suggests likely people, best first, and never decides",
          "[core][sync][colleagues]") {
  std::vector<RosterPerson> roster = {{Id::random(), "Ana López"},
                                      {Id::random(), "López Ana"},
                                      {Id::random(), "Ana López Ferreira"},
                                      {Id::random(), "Anabel Ruiz"}};
  auto likely = likely_matches("ana lopez", roster);
  REQUIRE(likely.size() == 3);
  CHECK(likely[0].name == "Ana López");
  CHECK(likely[1].name == "López Ana");
  CHECK(likely[2].name == "Ana López Ferreira");
  CHECK(likely_matches("Chidi", roster).empty());
  CHECK(search_roster("lop", roster).size() == 3);
  CHECK(search_roster("", roster).size() == 4);
}

TEST_CASE("colleague match: typed colleagues named by a shareable plan are listed, demo people are not",
          "[core][sync][colleagues]") {
  OfflinePlan p;
  Id demo_person = typed_colleague(p.store, p.me, "Amira (demo)");
  Observation demo;
  demo.participants = {{demo_person, Role::ObservedTeacher}, {p.me, Role::TeacherLeader}};
  Id demo_visit = Id::random();
  p.store.outbox().mark_local_only(demo_visit);
  p.store.create_with_id(demo_visit, demo, p.me);
  Id roster = roster_person(p.store, "Ana López");

  auto colleagues = device_only_colleagues(p.store, p.me);
  REQUIRE(colleagues.size() == 2);
  CHECK(colleagues[0].name == "ana lopez");
  CHECK(colleagues[0].visits == 1);
  CHECK(colleagues[1].name == "Sam Lee");
  auto people = roster_people(p.store, p.me);
  REQUIRE(people.size() == 1);
  CHECK(people[0].person == roster);
}

TEST_CASE("colleague match: while the push waits since enrollment, a match rewrites in place",
          "[core][sync][colleagues]") {
  OfflinePlan p;
  Id ana = roster_person(p.store, "Ana López");
  set_push_waits_for_colleagues(p.store, true);
  std::int64_t outbox = p.store.outbox().size();
  auto versions_before = p.store.all_versions().size();

  auto outcome = match_colleague(p.store, p.me, p.ana, ana);
  CHECK(outcome.rewritten == 3);  // cycle, visit, next step
  CHECK(outcome.new_versions == 0);
  CHECK(p.store.versions_of(p.visit).size() == 1);
  CHECK(p.participants()[0].person == ana);
  CHECK(std::get<Cycle>(p.store.get(p.cycle)->body).observed_teacher == ana);
  CHECK(std::get<NextStep>(p.store.get(p.step)->body).owner == ana);
  CHECK(p.store.outbox().size() == outbox);  // the typed person's tombstone is local-only
  CHECK(p.store.all_versions().size() == versions_before + 1);
  CHECK_FALSE(p.store.get(p.ana));
  REQUIRE(device_only_colleagues(p.store, p.me).size() == 1);
  CHECK(device_only_colleagues(p.store, p.me)[0].name == "Sam Lee");
  // The outbox keeps its order, so the hub still gets the visit before the next step inside it.
  match_colleague(p.store, p.me, p.sam, roster_person(p.store, "Sam Lee"));
  std::vector<RecordType> order;
  for (const auto& v : p.store.outbox().first(1000)) order.push_back(v.type);
  CHECK(order ==
        std::vector<RecordType>{RecordType::Person, RecordType::Cycle, RecordType::Observation, RecordType::NextStep});
  for (const auto& v : p.store.outbox().first(1000))  // the hub refuses anyone's person record but one's own
    CHECK((v.type != RecordType::Person || v.record == p.me));
}

TEST_CASE("colleague match: once versions left the device, a match saves new versions on the current heads",
          "[core][sync][colleagues]") {
  OfflinePlan p;
  Id sam = roster_person(p.store, "Sam Lee");
  std::vector<Id> sent;
  for (const auto& v : p.store.outbox().first(1000)) sent.push_back(v.version);
  p.store.outbox().remove(sent);  // as after a push the hub acknowledged
  Version pushed_head = p.store.heads(p.visit)[0].version;

  auto outcome = match_colleague(p.store, p.me, p.sam, sam);
  CHECK(outcome.rewritten == 0);
  CHECK(outcome.new_versions == 1);
  REQUIRE(p.store.heads(p.visit).size() == 1);
  Version head = p.store.heads(p.visit)[0].version;
  CHECK(head.parents == std::vector<Id>{pushed_head.version});
  CHECK(head.author == p.me);
  CHECK(p.participants()[2].person == sam);
  CHECK(p.store.versions_of(p.visit)[0].body == pushed_head.body);  // what was sent is untouched
  auto outbox = p.store.outbox().first(1000);
  REQUIRE(outbox.size() == 1);
  CHECK(outbox[0].version == head.version);
}

TEST_CASE("colleague match: a match is refused in words for someone not device-only or not on the roster",
          "[core][sync][colleagues]") {
  OfflinePlan p;
  Id roster = roster_person(p.store, "Ana López");
  CHECK_THROWS_WITH(match_colleague(p.store, p.me, p.ana, p.sam), Catch::Contains("not on your school's roster"));
  CHECK_THROWS_WITH(match_colleague(p.store, p.me, roster, roster), Catch::Contains("no longer only on this device"));
  CHECK(p.participants()[0].person == p.ana);
}

TEST_CASE("colleague match: a coaching note that left the device is copied to the roster person, not moved",
          "[core][sync][colleagues]") {
  OfflinePlan p;
  Id roster = roster_person(p.store, "Sam Lee");
  // I coach; the teacher leader is the colleague I typed in.
  Observation o = std::get<Observation>(p.store.get(p.visit)->body);
  o.participants = {{p.ana, Role::ObservedTeacher}, {p.me, Role::Coach}, {p.sam, Role::TeacherLeader}};
  p.store.update(p.visit, o, p.me);
  Id note = p.store.create(CoachingNote{p.visit, p.sam, "Your wait time gave Bea room to answer.", p.me}, p.me).record;
  std::vector<Id> sent;
  for (const auto& v : p.store.outbox().first(1000)) sent.push_back(v.version);
  p.store.outbox().remove(sent);

  match_colleague(p.store, p.me, p.sam, roster);
  CHECK_FALSE(p.store.get(note));  // the note addressed to the typed id is deleted, its versions kept
  CHECK(p.store.versions_of(note).size() == 2);
  auto notes = p.store.live(RecordType::CoachingNote, p.visit);
  REQUIRE(notes.size() == 1);
  const auto& copy = std::get<CoachingNote>(notes[0].second.body);
  CHECK(copy.teacher_leader == roster);
  CHECK(copy.text == "Your wait time gave Bea room to answer.");
}
