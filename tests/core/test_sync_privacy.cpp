// The privacy rules as pure functions: who sees a version, who may write it.
#include <catch2/catch.hpp>

#include "core/serialization.h"
#include "core/sync/privacy.h"

using namespace core;
using namespace core::sync;

namespace {
struct Cast {
  Id teacher = Id::random(), leader = Id::random(), coach = Id::random(), stranger = Id::random();
  Id observation = Id::random(), cycle = Id::random();

  Observation plan() const {
    Observation o;
    o.cycle = cycle;
    o.participants = {{teacher, Role::ObservedTeacher}, {leader, Role::TeacherLeader}, {coach, Role::Coach}};
    return o;
  }
  ObservationFacts facts() const {
    Observation o = plan();
    return facts_from_heads({&o});
  }
  Version version_of(const RecordBody& body, Id author, Id record = Id::random()) const {
    Version v;
    v.version = Id::random();
    v.record = record;
    v.type = type_of(body);
    v.author = author;
    v.observation = observation_of(body);
    v.body = encode_body(body);
    v.body_hash = body_hash(v.type, false, v.body);
    return v;
  }
};
}  // namespace

TEST_CASE("privacy: an observation's records reach exactly its participants", "[core][sync][privacy]") {
  Cast c;
  EvidenceNote note;
  note.observation = c.observation;
  RecordBody body = note;
  Version v = c.version_of(body, c.leader);
  Audience a = readers_of(v, &body, c.facts(), {});
  CHECK(a.includes(c.teacher));
  CHECK(a.includes(c.leader));
  CHECK(a.includes(c.coach));
  CHECK_FALSE(a.includes(c.stranger));
  CHECK_FALSE(a.everyone);
}

TEST_CASE("privacy: coaching notes reach only the coach and the teacher leader", "[core][sync][privacy]") {
  Cast c;
  CoachingNote n{c.observation, c.leader, "You waited longer after questions today."};
  RecordBody body = n;
  Version v = c.version_of(body, c.coach);
  Audience a = readers_of(v, &body, c.facts(), {});
  CHECK(a.includes(c.coach));
  CHECK(a.includes(c.leader));
  CHECK_FALSE(a.includes(c.teacher));
  CHECK_FALSE(a.includes(c.stranger));
  SECTION("a tombstone whose body is unknown reaches only its author") {
    Version t = v;
    t.tombstone = true;
    Audience ta = readers_of(t, nullptr, c.facts(), {});
    CHECK(ta.includes(c.coach));
    CHECK_FALSE(ta.includes(c.leader));
  }
}

TEST_CASE("privacy: a prompt reaches the observed teacher only in a shared version", "[core][sync][privacy]") {
  Cast c;
  Prompt p;
  p.observation = c.observation;
  p.text = "What did you notice about who answered?";
  RecordBody draft = p;
  Version v1 = c.version_of(draft, c.leader);
  Audience a1 = readers_of(v1, &draft, c.facts(), {});
  CHECK_FALSE(a1.includes(c.teacher));
  CHECK(a1.includes(c.coach));
  CHECK(a1.includes(c.leader));
  p.shared = true;
  RecordBody shared = p;
  Version v2 = c.version_of(shared, c.leader, v1.record);
  v2.parents = {v1.version};
  CHECK(readers_of(v2, &shared, c.facts(), {}).includes(c.teacher));
  CHECK_FALSE(readers_of(v2, &shared, c.facts(), {}).includes(c.stranger));
}

TEST_CASE("privacy: people records reach everyone, cycles their people", "[core][sync][privacy]") {
  Cast c;
  RecordBody person = Person{"Ana", ""};
  Version vp = c.version_of(person, c.leader, c.leader);
  CHECK(readers_of(vp, &person, {}, {}).everyone);

  RecordBody cycle = Cycle{"Questioning", c.teacher, "Who answers my questions?"};
  Version vc = c.version_of(cycle, c.teacher, c.cycle);
  CycleFacts cf;
  cf.known = true;
  cf.creator = c.teacher;
  cf.observed_teacher = c.teacher;
  cf.participants = {c.teacher, c.leader};
  Audience a = readers_of(vc, &cycle, {}, cf);
  CHECK(a.includes(c.teacher));
  CHECK(a.includes(c.leader));
  CHECK_FALSE(a.includes(c.coach));
  CHECK_FALSE(a.everyone);
}

TEST_CASE("privacy: a device writes only as its own person", "[core][sync][privacy]") {
  Cast c;
  EvidenceNote note;
  note.observation = c.observation;
  RecordBody body = note;
  Version v = c.version_of(body, c.teacher);  // claims the teacher wrote it
  WriteVerdict w = may_write(v, &body, c.leader, c.facts(), {});
  CHECK_FALSE(w.allowed);
  CHECK(w.reason.find("only send what its own person wrote") != std::string::npos);
  CHECK(may_write(c.version_of(body, c.leader), &body, c.leader, c.facts(), {}).allowed);
}

TEST_CASE("privacy: only participants write into an observation", "[core][sync][privacy]") {
  Cast c;
  EvidenceNote note;
  note.observation = c.observation;
  RecordBody body = note;
  SECTION("a stranger is refused") {
    WriteVerdict w = may_write(c.version_of(body, c.stranger), &body, c.stranger, c.facts(), {});
    CHECK_FALSE(w.allowed);
    CHECK(w.reason.find("not a participant") != std::string::npos);
  }
  SECTION("an observation the hub does not know is refused") {
    WriteVerdict w = may_write(c.version_of(body, c.leader), &body, c.leader, ObservationFacts{}, {});
    CHECK_FALSE(w.allowed);
    CHECK(w.reason.find("does not know") != std::string::npos);
  }
  SECTION("a scope that disagrees with the body is refused") {
    Version v = c.version_of(body, c.leader);
    v.observation = Id::random();
    CHECK_FALSE(may_write(v, &body, c.leader, c.facts(), {}).allowed);
  }
}

TEST_CASE("privacy: a new observation must list its author, later versions need a participant",
          "[core][sync][privacy]") {
  Cast c;
  Observation o = c.plan();
  RecordBody body = o;
  CHECK(may_write(c.version_of(body, c.leader, c.observation), &body, c.leader, ObservationFacts{}, {}).allowed);
  RecordBody body2 = o;
  WriteVerdict w =
      may_write(c.version_of(body2, c.stranger, c.observation), &body2, c.stranger, ObservationFacts{}, {});
  CHECK_FALSE(w.allowed);
  CHECK(w.reason.find("does not list its author") != std::string::npos);
  // A stranger cannot add themselves to someone else's observation.
  Observation grab = o;
  grab.participants.push_back({c.stranger, Role::Coach});
  RecordBody body3 = grab;
  CHECK_FALSE(may_write(c.version_of(body3, c.stranger, c.observation), &body3, c.stranger, c.facts(), {}).allowed);
  CHECK(may_write(c.version_of(body3, c.teacher, c.observation), &body3, c.teacher, c.facts(), {}).allowed);
}

TEST_CASE("privacy: only one's own person record, cycles by their people", "[core][sync][privacy]") {
  Cast c;
  RecordBody person = Person{"Someone", ""};
  CHECK(may_write(c.version_of(person, c.leader, c.leader), &person, c.leader, {}, {}).allowed);
  CHECK_FALSE(may_write(c.version_of(person, c.leader, c.stranger), &person, c.leader, {}, {}).allowed);

  RecordBody cycle = Cycle{"Wait time", c.teacher, "?"};
  CHECK(may_write(c.version_of(cycle, c.leader, c.cycle), &cycle, c.leader, {}, CycleFacts{}).allowed);
  CycleFacts known;
  known.known = true;
  known.creator = c.leader;
  known.observed_teacher = c.teacher;
  CHECK(may_write(c.version_of(cycle, c.teacher, c.cycle), &cycle, c.teacher, {}, known).allowed);
  CHECK_FALSE(may_write(c.version_of(cycle, c.stranger, c.cycle), &cycle, c.stranger, {}, known).allowed);
}

TEST_CASE("privacy: concurrent observation heads merge their participants", "[core][sync][privacy]") {
  Cast c;
  Observation a = c.plan(), b = c.plan();
  Id extra = Id::random();
  b.participants.push_back({extra, Role::Coach});
  ObservationFacts f = facts_from_heads({&a, &b});
  CHECK(f.known);
  CHECK(f.has(extra));
  CHECK(f.participants.size() == 4);
}

TEST_CASE("privacy: a key grant reaches its sender and its recipient, not the other participants",
          "[core][sync][privacy][keys]") {
  Cast c;
  RecordBody grant = KeyGrant{Id::random(), KeyScope::Observation, c.observation, c.teacher, {}, {}, "wrapped"};
  Version v = c.version_of(grant, c.leader);
  Audience a = readers_of(v, &grant, c.facts(), {});
  CHECK(a.includes(c.leader));
  CHECK(a.includes(c.teacher));
  CHECK_FALSE(a.includes(c.coach));
  CHECK_FALSE(a.includes(c.stranger));
  CHECK_FALSE(a.everyone);
}

TEST_CASE("privacy: a key backup reaches only its own person", "[core][sync][privacy][keys]") {
  Cast c;
  RecordBody backup = KeyBackup{c.leader, "sealed"};
  Version v = c.version_of(backup, c.leader);
  Audience a = readers_of(v, &backup, c.facts(), {});
  CHECK(a.people == std::set<Id>{c.leader});
  CHECK_FALSE(a.everyone);
}

TEST_CASE("privacy: a key grant comes from someone holding its scope's key", "[core][sync][privacy][keys]") {
  Cast c;
  auto verdict = [&](const KeyGrant& g, Id author, const CycleFacts& cf = {}) {
    RecordBody body = g;
    return may_write(c.version_of(body, author), &body, author, c.facts(), cf);
  };
  const KeyGrant to_teacher{Id::random(), KeyScope::Observation, c.observation, c.teacher, {}, {}, "w"};
  CHECK(verdict(to_teacher, c.leader).allowed);
  CHECK_FALSE(verdict(to_teacher, c.stranger).allowed);

  KeyGrant nobody = to_teacher;
  nobody.recipient = Id{};
  CHECK(verdict(nobody, c.leader).reason.find("names no recipient") != std::string::npos);

  const KeyGrant thread{Id::random(), KeyScope::CoachingThread, c.observation, c.leader, c.coach, c.leader, "w"};
  CHECK(verdict(thread, c.coach).allowed);
  CHECK_FALSE(verdict(thread, c.teacher).allowed);  // a participant, but not of the thread
  KeyGrant thread_to_teacher = thread;
  thread_to_teacher.recipient = c.teacher;
  CHECK(verdict(thread_to_teacher, c.coach).reason.find("only those two hold it") != std::string::npos);

  const KeyGrant for_cycle{Id::random(), KeyScope::Cycle, c.cycle, c.leader, {}, {}, "w"};
  CycleFacts cf;
  cf.known = true;
  cf.creator = c.teacher;
  cf.observed_teacher = c.teacher;
  cf.participants = {c.teacher, c.leader};
  CHECK(verdict(for_cycle, c.teacher, cf).allowed);
  CHECK_FALSE(verdict(for_cycle, c.coach, cf).allowed);
  CHECK_FALSE(verdict(for_cycle, c.teacher, {}).allowed);  // a cycle the hub does not know
}

TEST_CASE("privacy: a key backup only of one's own key pair, and key records are never deleted",
          "[core][sync][privacy][keys]") {
  Cast c;
  RecordBody mine = KeyBackup{c.leader, "sealed"};
  CHECK(may_write(c.version_of(mine, c.leader), &mine, c.leader, {}, {}).allowed);
  RecordBody theirs = KeyBackup{c.teacher, "sealed"};
  CHECK_FALSE(may_write(c.version_of(theirs, c.leader), &theirs, c.leader, {}, {}).allowed);

  Version gone = c.version_of(mine, c.leader);
  gone.tombstone = true;
  gone.body.clear();
  const WriteVerdict w = may_write(gone, nullptr, c.leader, {}, {});
  CHECK_FALSE(w.allowed);
  CHECK(w.reason.find("never deleted") != std::string::npos);
}

TEST_CASE("privacy: a published public key is 32 bytes", "[core][sync][privacy][keys]") {
  Cast c;
  RecordBody keyed = Person{"Lena", "", std::string(32, 'k')};
  CHECK(may_write(c.version_of(keyed, c.leader, c.leader), &keyed, c.leader, {}, {}).allowed);
  RecordBody short_key = Person{"Lena", "", std::string(31, 'k')};
  CHECK_FALSE(may_write(c.version_of(short_key, c.leader, c.leader), &short_key, c.leader, {}, {}).allowed);
}
