// The key records as a store keeps them: KeyGrant and KeyBackup keep every field through binary and
// JSON (their opaque bytes as hex), belong to the observation their scope names, never show up as a
// conflict, and have their person ids re-keyed like every other record's.
#include <catch2/catch.hpp>

#include <sstream>

#include "core/serialization.h"
#include "core/store.h"
#include "core/sync/rekey.h"
#include "support/temp_dir.h"

using namespace core;

namespace {
const std::string kKeyRecordBytes("\x00\x01\xfe\xff wrapped \x80", 14);

std::string key_record_json(const RecordBody& body) {
  std::ostringstream out;
  {
    cereal::JSONOutputArchive ar(out);
    save_body_json(ar, body);
  }
  return out.str();
}
RecordBody key_record_from_json(RecordType type, const std::string& json) {
  std::istringstream in(json);
  cereal::JSONInputArchive ar(in);
  return load_body_json(ar, type);
}
}  // namespace

TEST_CASE("key records: a grant keeps every field through binary and JSON", "[core][keys]") {
  const KeyGrant g{Id::random(), KeyScope::CoachingThread, Id::random(), Id::random(), Id::random(),
                   Id::random(), kKeyRecordBytes};
  for (const RecordBody& back : {decode_body(RecordType::KeyGrant, encode_body(g)),
                                 key_record_from_json(RecordType::KeyGrant, key_record_json(g))}) {
    const auto& b = std::get<KeyGrant>(back);
    CHECK(b.key_id == g.key_id);
    CHECK(b.scope_kind == KeyScope::CoachingThread);
    CHECK(b.scope == g.scope);
    CHECK(b.recipient == g.recipient);
    CHECK(b.coach == g.coach);
    CHECK(b.teacher_leader == g.teacher_leader);
    CHECK(b.wrapped == kKeyRecordBytes);
  }
  CHECK(type_of(g) == RecordType::KeyGrant);
  CHECK(std::string(type_name(RecordType::KeyGrant)) == "key_grant");
}

TEST_CASE("key records: a backup keeps its person and its sealed bytes, which JSON writes as hex", "[core][keys]") {
  const KeyBackup k{Id::random(), kKeyRecordBytes};
  const auto bin = std::get<KeyBackup>(decode_body(RecordType::KeyBackup, encode_body(k)));
  CHECK(bin.person == k.person);
  CHECK(bin.sealed == kKeyRecordBytes);
  const std::string json = key_record_json(k);
  CHECK(json.find("\"sealed\": \"0001feff20777261707065642080\"") != std::string::npos);
  CHECK(std::get<KeyBackup>(key_record_from_json(RecordType::KeyBackup, json)).sealed == kKeyRecordBytes);
  RecordType parsed{};
  REQUIRE(type_from_name("key_backup", parsed));
  CHECK(parsed == RecordType::KeyBackup);
}

TEST_CASE("key records: key bytes in JSON that are not hex are refused", "[core][keys]") {
  const std::string json = R"({"body": {"cereal_class_version": 1, "person": "", "sealed": "0g"}})";
  CHECK_THROWS_WITH(key_record_from_json(RecordType::KeyBackup, json), Catch::Contains("hex digits"));
}

TEST_CASE("key records: a grant belongs to its observation, a cycle's grant and a backup to none", "[core][keys]") {
  const Id obs = Id::random();
  CHECK(observation_of(KeyGrant{Id::random(), KeyScope::Observation, obs, Id::random(), {}, {}, ""}) == obs);
  CHECK(observation_of(KeyGrant{Id::random(), KeyScope::CoachingThread, obs, Id::random(), {}, {}, ""}) == obs);
  CHECK(observation_of(KeyGrant{Id::random(), KeyScope::Cycle, obs, Id::random(), {}, {}, ""}).empty());
  CHECK(observation_of(KeyBackup{Id::random(), ""}).empty());
}

TEST_CASE("key records: two devices writing one key record at once make no conflict for the teacher", "[core][keys]") {
  testing_support::TempDir dir;
  Store store(dir.file("peerobs.sqlite"));
  const Id me = Id::random();
  const Version first = store.create(KeyBackup{me, "first phrase"}, me);
  // Two versions of the same backup, each replacing the first: two heads.
  for (const char* sealed : {"from the tablet", "from the laptop"}) {
    Version v = first;
    v.version = Id::random();
    v.parents = {first.version};
    v.body = encode_body(KeyBackup{me, sealed});
    v.body_hash = body_hash(v.type, false, v.body);
    store.apply_version(v);
  }
  REQUIRE(store.heads(first.record).size() == 2);
  CHECK(store.conflicted_records().empty());

  const Version note = store.create(EvidenceNote{Id::random(), 1, "a note", NoteKind::Noticing, {}}, me);
  for (const char* text : {"edit here", "edit there"}) {
    Version v = note;
    v.version = Id::random();
    v.parents = {note.version};
    v.body = encode_body(EvidenceNote{note.observation, 1, text, NoteKind::Noticing, {}});
    v.body_hash = body_hash(v.type, false, v.body);
    store.apply_version(v);
  }
  CHECK(store.conflicted_records() == std::vector<Id>{note.record});
}

TEST_CASE("key records: re-keying a person maps the ids a grant and a backup name", "[core][keys]") {
  const Id from = Id::random(), to = Id::random(), other = Id::random();
  RecordBody grant = KeyGrant{Id::random(), KeyScope::CoachingThread, Id::random(), from, other, from, "w"};
  CHECK(sync::rekey_body(grant, {{from, to}}));
  const auto& g = std::get<KeyGrant>(grant);
  CHECK(g.recipient == to);
  CHECK(g.teacher_leader == to);
  CHECK(g.coach == other);

  RecordBody backup = KeyBackup{from, "s"};
  CHECK(sync::rekey_body(backup, {{from, to}}));
  CHECK(std::get<KeyBackup>(backup).person == to);
}
