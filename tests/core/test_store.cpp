// The local store: durable saves, versions and heads, conflicts, tombstones, the outbox,
// idempotent application of versions from elsewhere, drafts.
#include <catch2/catch.hpp>

#include "core/serialization.h"
#include "core/store.h"
#include "support/temp_dir.h"
#include "support/test_values.h"

using namespace core;
using testing_support::TempDir;

namespace {}  // namespace

TEST_CASE("store: a saved note survives a reopen", "[core][store]") {
  TempDir dir;
  Id me = Id::random(), obs = Id::random(), rec;
  {
    Store store(dir.file("s.sqlite"));
    rec = store.create(note(obs, "Hands up before the question ended"), me).record;
  }
  Store again(dir.file("s.sqlite"));
  auto head = again.get(rec);
  REQUIRE(head);
  CHECK(std::get<EvidenceNote>(head->body).text == "Hands up before the question ended");
  CHECK(head->version.author == me);
  CHECK(head->version.observation == obs);
}

TEST_CASE("store: every save is a new immutable version with its parent", "[core][store]") {
  TempDir dir;
  Store store(dir.file("s.sqlite"));
  Id me = Id::random(), obs = Id::random();
  Version v1 = store.create(note(obs, "first"), me);
  Version v2 = store.update(v1.record, note(obs, "second"), me);
  CHECK(v2.parents == std::vector<Id>{v1.version});
  auto versions = store.versions_of(v1.record);
  REQUIRE(versions.size() == 2);
  CHECK(std::get<EvidenceNote>(decode_body(versions[0].type, versions[0].body)).text == "first");
  CHECK(std::get<EvidenceNote>(store.get(v1.record)->body).text == "second");
  CHECK(store.heads(v1.record).size() == 1);
}

TEST_CASE("store: a delete is a tombstone version and keeps history", "[core][store]") {
  TempDir dir;
  Store store(dir.file("s.sqlite"));
  Id me = Id::random(), obs = Id::random();
  Version v1 = store.create(Tally{obs, "open-q", 5}, me);
  store.remove(v1.record, me);
  CHECK_FALSE(store.get(v1.record).has_value());
  CHECK(store.live(RecordType::Tally, obs).empty());
  auto versions = store.versions_of(v1.record);
  REQUIRE(versions.size() == 2);
  CHECK(versions[1].tombstone);
  CHECK(versions[1].observation == obs);
  CHECK(versions[1].type == RecordType::Tally);
}

TEST_CASE("store: concurrent versions from two devices become a conflict, resolved by a merge", "[core][store]") {
  TempDir dir;
  Store store(dir.file("s.sqlite"));
  Id me = Id::random(), obs = Id::random();
  Version base = store.create(note(obs, "base"), me);
  // A second device edited the same base; its version arrives through sync.
  Version theirs = base;
  theirs.version = Id::random();
  theirs.parents = {base.version};
  theirs.body = encode_body(note(obs, "their edit"));
  theirs.body_hash = body_hash(theirs.type, false, theirs.body);
  store.update(base.record, note(obs, "my edit"), me);
  CHECK(store.apply_version(theirs));
  CHECK(store.heads(base.record).size() == 2);
  CHECK(store.conflicted_records() == std::vector<Id>{base.record});
  Version merged = store.update(base.record, note(obs, "both edits"), me);
  CHECK(merged.parents.size() == 2);
  CHECK(store.conflicted_records().empty());
  CHECK(std::get<EvidenceNote>(store.get(base.record)->body).text == "both edits");
}

TEST_CASE("store: applying a known version again changes nothing, a different body under its id is refused",
          "[core][store]") {
  TempDir dir;
  Store store(dir.file("s.sqlite"));
  Id me = Id::random(), obs = Id::random();
  Version v = store.create(note(obs, "once"), me);
  CHECK_FALSE(store.apply_version(v));
  CHECK(store.versions_of(v.record).size() == 1);
  Version forged = v;
  forged.body = encode_body(note(obs, "changed"));
  forged.body_hash = body_hash(forged.type, false, forged.body);
  CHECK_THROWS_AS(store.apply_version(forged), VersionMismatch);
  Version bad_hash = v;
  bad_hash.version = Id::random();
  bad_hash.body = encode_body(note(obs, "tampered"));
  CHECK_THROWS_WITH(store.apply_version(bad_hash), Catch::Contains("does not match its body hash"));
}

TEST_CASE("store: a version arriving after its child does not become a head", "[core][store]") {
  TempDir dir;
  Store store(dir.file("s.sqlite"));
  Id me = Id::random(), obs = Id::random(), rec = Id::random();
  Version parent;
  parent.version = Id::random();
  parent.record = rec;
  parent.type = RecordType::EvidenceNote;
  parent.author = me;
  parent.observation = obs;
  parent.body = encode_body(note(obs, "old"));
  parent.body_hash = body_hash(parent.type, false, parent.body);
  Version child = parent;
  child.version = Id::random();
  child.parents = {parent.version};
  child.body = encode_body(note(obs, "new"));
  child.body_hash = body_hash(child.type, false, child.body);
  store.apply_version(child);
  store.apply_version(parent);
  CHECK(store.heads(rec).size() == 1);
  CHECK(std::get<EvidenceNote>(store.get(rec)->body).text == "new");
}

TEST_CASE("store: local saves enter the outbox in the same commit, applied versions do not", "[core][store]") {
  TempDir dir;
  Store store(dir.file("s.sqlite"));
  Id me = Id::random(), obs = Id::random();
  Version v1 = store.create(note(obs, "a"), me);
  Version v2 = store.create(Tally{obs, "open-q", 1}, me);
  auto out = store.outbox().first(10);
  REQUIRE(out.size() == 2);
  CHECK(out[0].version == v1.version);
  CHECK(out[1].version == v2.version);
  store.outbox().remove({v1.version});
  CHECK(store.outbox().size() == 1);

  Version remote = v1;
  remote.version = Id::random();
  remote.record = Id::random();
  remote.parents = {};
  store.apply_version(remote);
  CHECK(store.outbox().size() == 1);
}

TEST_CASE("store: live lists one row per record of a type, scoped by observation", "[core][store]") {
  TempDir dir;
  Store store(dir.file("s.sqlite"));
  Id me = Id::random(), obs1 = Id::random(), obs2 = Id::random();
  store.create(note(obs1, "one"), me);
  store.create(note(obs1, "two"), me);
  store.create(note(obs2, "other"), me);
  CHECK(store.live(RecordType::EvidenceNote, obs1).size() == 2);
  CHECK(store.live(RecordType::EvidenceNote).size() == 3);
  CHECK(store.live_counts()[RecordType::EvidenceNote] == 3);
  auto rows = store.live(RecordType::EvidenceNote, obs1);
  CHECK(std::get<EvidenceNote>(rows[0].second.body).text == "one");
}

TEST_CASE("store: a failed transaction leaves nothing behind", "[core][store]") {
  TempDir dir;
  Store store(dir.file("s.sqlite"));
  Id me = Id::random(), obs = Id::random();
  CHECK_THROWS(store.transaction([&] {
    store.create(note(obs, "half"), me);
    throw std::runtime_error("interrupted");
  }));
  CHECK(store.live(RecordType::EvidenceNote).empty());
  CHECK(store.outbox().size() == 0);
}

TEST_CASE("store: drafts are kept until cleared", "[core][store]") {
  TempDir dir;
  {
    Store store(dir.file("s.sqlite"));
    store.drafts().save("observe/abc", "Students at the back");
  }
  Store store(dir.file("s.sqlite"));
  CHECK(store.drafts().get("observe/abc") == std::optional<std::string>("Students at the back"));
  store.drafts().clear("observe/abc");
  CHECK_FALSE(store.drafts().get("observe/abc").has_value());
}

TEST_CASE("store: the local person and device settings persist", "[core][store]") {
  TempDir dir;
  Id me = Id::random();
  {
    Store store(dir.file("s.sqlite"));
    CHECK_FALSE(store.meta().local_person().has_value());
    store.meta().set_local_person(me);
    store.meta().set(core::MetaKey::SyncHubUrl, "https://hub.example");
  }
  Store store(dir.file("s.sqlite"));
  CHECK(store.meta().local_person() == me);
  CHECK(store.meta().get(core::MetaKey::SyncHubUrl) == std::optional<std::string>("https://hub.example"));
}
