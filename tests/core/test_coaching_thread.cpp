// A coaching thread as privacy rules and bytes: the coach and the teacher leader read and write
// it, nobody else does; version-1 notes (coach only) still read, with the readers they had.
#include <catch2/catch.hpp>

#include <sstream>

#include "core/serialization.h"
#include "core/store.h"
#include "core/sync/coaching_facts.h"
#include "core/sync/privacy.h"
#include "support/temp_dir.h"
#include "support/test_values.h"

using namespace core;
using namespace core::sync;

namespace {
struct Cast {
  Id teacher = Id::random(), leader = Id::random(), coach = Id::random(), other_coach = Id::random(),
     stranger = Id::random();
  Id observation = Id::random();

  ObservationFacts facts() const {
    Observation o;
    o.participants = {{teacher, Role::ObservedTeacher},
                      {leader, Role::TeacherLeader},
                      {coach, Role::Coach},
                      {other_coach, Role::Coach}};
    return facts_from_heads({&o});
  }
  Version version_of(const RecordBody& body, Id author) const {
    Version v;
    v.version = Id::random();
    v.record = Id::random();
    v.type = type_of(body);
    v.author = author;
    v.observation = observation_of(body);
    v.body = encode_body(body);
    v.body_hash = body_hash(v.type, false, v.body);
    return v;
  }
  Audience readers(const CoachingNote& n, Id author) const {
    RecordBody body = n;
    return readers_of(version_of(body, author), &body, facts(), {});
  }
  WriteVerdict write(const CoachingNote& n, Id author, std::optional<CoachingPair> before = std::nullopt) const {
    RecordBody body = n;
    return may_write(version_of(body, author), &body, author, facts(), {}, before);
  }
};

Id fixed_id(std::uint8_t first) {
  Id id;
  for (int i = 0; i < 16; ++i) id.bytes[static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(first + i);
  return id;
}

// A note's body exactly as peerobs wrote it before threads (CoachingNote class version 1):
// observation 10..1f, teacher leader a0..af, text "Wait longer.".
const std::string kVersion1Body = from_hex(
    "0101000000101112131415161718191a1b1c1d1e1fa0a1a2a3a4a5a6a7a8a9aaabacadaeaf0c0000000000000057616974206c6f6e6765722"
    "e");

std::string json_of(const RecordBody& body) {
  std::ostringstream out;
  {
    cereal::JSONOutputArchive ar(out);
    save_body_json(ar, body);
  }
  return out.str();
}
RecordBody body_from_json(const std::string& json) {
  std::istringstream in(json);
  cereal::JSONInputArchive ar(in);
  return load_body_json(ar, RecordType::CoachingNote);
}
}  // namespace

TEST_CASE("coaching thread: a coach's note and the teacher leader's reply reach exactly those two",
          "[core][sync][privacy][coaching]") {
  Cast c;
  SECTION("the coach's note") {
    Audience a = c.readers(CoachingNote{c.observation, c.leader, "You waited after each question.", c.coach}, c.coach);
    CHECK(a.includes(c.coach));
    CHECK(a.includes(c.leader));
    CHECK_FALSE(a.includes(c.teacher));
    CHECK_FALSE(a.includes(c.other_coach));
    CHECK_FALSE(a.includes(c.stranger));
    CHECK_FALSE(a.everyone);
  }
  SECTION("the teacher leader's reply reaches the coach it names") {
    Audience a = c.readers(CoachingNote{c.observation, c.leader, "The quiet felt long to me.", c.coach}, c.leader);
    CHECK(a.includes(c.coach));
    CHECK(a.includes(c.leader));
    CHECK_FALSE(a.includes(c.teacher));
    CHECK_FALSE(a.includes(c.other_coach));
    CHECK_FALSE(a.includes(c.stranger));
  }
  SECTION("a second coach of the same observation holds a thread of their own") {
    Audience a = c.readers(CoachingNote{c.observation, c.leader, "A question about pacing.", c.other_coach}, c.leader);
    CHECK(a.includes(c.other_coach));
    CHECK_FALSE(a.includes(c.coach));
  }
}

TEST_CASE("coaching thread: a version-1 note reads unchanged and keeps its readers",
          "[core][sync][privacy][coaching]") {
  RecordBody body = decode_body(RecordType::CoachingNote, kVersion1Body);
  const auto& n = std::get<CoachingNote>(body);
  CHECK(n.observation == fixed_id(0x10));
  CHECK(n.teacher_leader == fixed_id(0xa0));
  CHECK(n.text == "Wait longer.");
  CHECK(n.coach.empty());
  // Encoded again (a JSON export, then import) it is the same bytes, so its body_hash holds.
  CHECK(encode_body(body) == kVersion1Body);
  CHECK(encode_body(body_from_json(json_of(body))) == kVersion1Body);

  // Its readers are what they were: its author (the coach who wrote it) and its teacher leader.
  Cast c;
  Version v;
  v.type = RecordType::CoachingNote;
  v.author = c.coach;
  v.observation = n.observation;
  Audience a = readers_of(v, &body, c.facts(), {});
  CHECK(a.people == std::set<Id>{c.coach, fixed_id(0xa0)});
  CHECK(coaching_pair(n, c.coach) == CoachingPair{c.coach, fixed_id(0xa0)});
}

TEST_CASE("coaching thread: a note naming its coach is version 2 in bytes and JSON", "[core][coaching]") {
  CoachingNote n{fixed_id(0x10), fixed_id(0xa0), "Wait longer.", fixed_id(0x40)};
  std::string bytes = encode_body(n);
  CHECK(bytes.substr(1, 4) == std::string("\x02\x00\x00\x00", 4));  // after the endianness byte
  CHECK(std::get<CoachingNote>(decode_body(RecordType::CoachingNote, bytes)).coach == fixed_id(0x40));
  RecordBody round = body_from_json(json_of(n));
  CHECK(std::get<CoachingNote>(round).coach == fixed_id(0x40));
  CHECK(encode_body(round) == bytes);
  SECTION("an export written before threads (class version 1, no coach field) imports") {
    std::string old_json = R"({"body": {"cereal_class_version": 1, "observation": ")" + fixed_id(0x10).hex() +
                           R"(", "teacher_leader": ")" + fixed_id(0xa0).hex() + R"(", "text": "Wait longer."}})";
    RecordBody old = body_from_json(old_json);
    CHECK(std::get<CoachingNote>(old).coach.empty());
    CHECK(encode_body(old) == kVersion1Body);
  }
}

TEST_CASE("coaching thread: only its coach and its teacher leader write in it", "[core][sync][privacy][coaching]") {
  Cast c;
  CHECK(c.write(CoachingNote{c.observation, c.leader, "Your wait time grew.", c.coach}, c.coach).allowed);
  CHECK(c.write(CoachingNote{c.observation, c.leader, "I counted to five.", c.coach}, c.leader).allowed);
  CHECK(c.write(CoachingNote{c.observation, c.leader, "A version-1 note from the coach."}, c.coach).allowed);

  SECTION("never the observed teacher") {
    auto as_author = c.write(CoachingNote{c.observation, c.leader, "What did you see?", c.coach}, c.teacher);
    CHECK_FALSE(as_author.allowed);
    CHECK(as_author.reason.find("neither its coach nor its teacher leader") != std::string::npos);
    auto as_coach = c.write(CoachingNote{c.observation, c.leader, "What did you see?"}, c.teacher);
    CHECK_FALSE(as_coach.allowed);
    CHECK(as_coach.reason.find("not a coach of observation") != std::string::npos);
    CHECK_FALSE(c.write(CoachingNote{c.observation, c.teacher, "To the teacher.", c.coach}, c.coach).allowed);
  }
  SECTION("a teacher leader may not name someone else as the coach") {
    auto v = c.write(CoachingNote{c.observation, c.leader, "Let us talk.", c.stranger}, c.leader);
    CHECK_FALSE(v.allowed);
    CHECK(v.reason.find("as its coach, who is not a coach of observation") != std::string::npos);
    CHECK_FALSE(c.write(CoachingNote{c.observation, c.leader, "Let us talk.", c.teacher}, c.leader).allowed);
  }
  SECTION("a coach may not write in another coach's thread") {
    auto v = c.write(CoachingNote{c.observation, c.leader, "Me too.", c.coach}, c.other_coach);
    CHECK_FALSE(v.allowed);
  }
  SECTION("a later version keeps the pair; a delete comes from one of the two") {
    CoachingPair pair{c.coach, c.leader};
    CHECK(c.write(CoachingNote{c.observation, c.leader, "Edited.", c.coach}, c.leader, pair).allowed);
    auto moved = c.write(CoachingNote{c.observation, c.leader, "Edited.", c.other_coach}, c.leader, pair);
    CHECK_FALSE(moved.allowed);
    CHECK(moved.reason.find("to another coach or teacher leader") != std::string::npos);

    Version t = c.version_of(CoachingNote{c.observation, c.leader, "x", c.coach}, c.leader);
    t.tombstone = true;
    t.body.clear();
    CHECK(may_write(t, nullptr, c.leader, c.facts(), {}, pair).allowed);
    t.author = c.other_coach;
    CHECK_FALSE(may_write(t, nullptr, c.other_coach, c.facts(), {}, pair).allowed);
    CHECK_FALSE(may_write(t, nullptr, c.other_coach, c.facts(), {}, std::nullopt).allowed);
  }
}

TEST_CASE("coaching thread: deleting a version-1 note still reaches the coach who wrote it",
          "[core][sync][privacy][coaching]") {
  Cast c;
  testing_support::TempDir dir;
  Store store(dir.file("s.sqlite"));
  Id note = store.create(CoachingNote{c.observation, c.leader, "Written before threads."}, c.coach).record;
  Version gone = store.remove(note, c.leader);
  REQUIRE(stored_coaching_pair(store, note) == CoachingPair{c.coach, c.leader});
  // Resolved against the delete's author, the version-1 body would name the teacher leader as
  // its coach; the stored body's own author keeps the coach among the readers.
  auto body = last_live_body_with_coach(store, note);
  REQUIRE(body);
  Audience a = readers_of(gone, &*body, c.facts(), {});
  CHECK(a.includes(c.coach));
  CHECK(a.includes(c.leader));
  CHECK_FALSE(a.includes(c.teacher));
  CHECK(may_write(gone, nullptr, c.leader, c.facts(), {}, stored_coaching_pair(store, note)).allowed);
}
