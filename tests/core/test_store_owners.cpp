// The owners of the store's tables (core/store/): the version log's one check and one row
// reader, the outbox's re-keying operations, drafts, and device meta under typed keys.
#include <catch2/catch.hpp>

#include <set>
#include <type_traits>

#include "core/serialization.h"
#include "core/store.h"
#include "support/temp_dir.h"
#include "support/test_values.h"

using namespace core;
using testing_support::TempDir;

namespace {
void same_version(const Version& a, const Version& b) {
  CHECK(a.version == b.version);
  CHECK(a.record == b.record);
  CHECK(a.type == b.type);
  CHECK(a.author == b.author);
  CHECK(a.observation == b.observation);
  CHECK(a.parents == b.parents);
  CHECK(a.tombstone == b.tombstone);
  CHECK(a.saved_at_ms == b.saved_at_ms);
  CHECK(a.body == b.body);
  CHECK(a.body_hash == b.body_hash);
}
}  // namespace

// A mistyped key cannot compile: meta is read and written only by MetaKey.
static_assert(!std::is_invocable_v<decltype(&DeviceMeta::get), const DeviceMeta&, const char*>,
              "meta keys are MetaKey values, never strings");
static_assert(!std::is_invocable_v<decltype(&DeviceMeta::set), DeviceMeta&, const char*, const std::string&>,
              "meta keys are MetaKey values, never strings");

TEST_CASE("device meta: every key has its own name, the one data files already hold", "[core][store]") {
  std::set<std::string> names;
  for (int k = 0; k <= static_cast<int>(MetaKey::HubFeedCursor); ++k)
    CHECK(names.insert(meta_key_name(static_cast<MetaKey>(k))).second);
  CHECK(std::string(meta_key_name(MetaKey::LocalPerson)) == "local_person");
  CHECK(std::string(meta_key_name(MetaKey::SyncToken)) == "sync.token");
  CHECK(std::string(meta_key_name(MetaKey::SyncCursor)) == "sync.cursor");
  CHECK(std::string(meta_key_name(MetaKey::HubFeedCursor)) == "hub.feed_cursor");
}

TEST_CASE("device meta: a value written under a key reads back after a reopen", "[core][store]") {
  TempDir dir;
  Id me = Id::random();
  {
    Store store(dir.file("s.sqlite"));
    CHECK_FALSE(store.meta().get(MetaKey::SyncHubUrl));
    store.meta().set(MetaKey::SyncHubUrl, "https://hub.example");
    store.meta().set_local_person(me);
  }
  Store store(dir.file("s.sqlite"));
  CHECK(store.meta().get(MetaKey::SyncHubUrl) == std::optional<std::string>("https://hub.example"));
  CHECK(store.meta().local_person() == me);
  CHECK(store.meta().get(MetaKey::LocalPerson) == me.hex());
}

TEST_CASE("device meta: an erased key reads as unset after a reopen, and erasing an unset one is harmless",
          "[core][store]") {
  TempDir dir;
  {
    Store store(dir.file("s.sqlite"));
    store.meta().set(MetaKey::SyncEnrollPending, "hash token");
    store.meta().set(MetaKey::SyncToken, "token");
    store.meta().erase(MetaKey::SyncEnrollPending);
    store.meta().erase(MetaKey::SyncCursor);
  }
  Store store(dir.file("s.sqlite"));
  CHECK_FALSE(store.meta().get(MetaKey::SyncEnrollPending));
  CHECK(store.meta().get(MetaKey::SyncToken) == std::optional<std::string>("token"));
  CHECK(std::string(meta_key_name(MetaKey::SyncEnrollPending)) == "sync.enroll_pending");
}

TEST_CASE("version log: one check names what is wrong with a version", "[core][store]") {
  Id me = Id::random(), obs = Id::random();
  Version v;
  v.version = Id::random();
  v.record = Id::random();
  v.type = RecordType::EvidenceNote;
  v.author = me;
  v.observation = obs;
  v.body = encode_body(note(obs, "fine"));
  v.body_hash = body_hash(v.type, false, v.body);
  SECTION("a good version returns its body") {
    auto body = VersionLog::check(v);
    REQUIRE(body);
    CHECK(std::get<EvidenceNote>(*body).text == "fine");
  }
  SECTION("a body that does not match its hash") {
    v.body += "x";
    CHECK_THROWS_MATCHES(VersionLog::check(v), DamagedVersion,
                         Catch::Predicate<DamagedVersion>(
                             [](const DamagedVersion& e) { return e.reason == "does not match its body hash"; }));
  }
  SECTION("a body that does not decode") {
    v.body = "not cereal";
    v.body_hash = body_hash(v.type, false, v.body);
    CHECK_THROWS_MATCHES(VersionLog::check(v), DamagedVersion,
                         Catch::Predicate<DamagedVersion>(
                             [](const DamagedVersion& e) { return e.reason.rfind("could not be read", 0) == 0; }));
  }
  SECTION("an unknown record type") {
    v.type = static_cast<RecordType>(99);
    CHECK_THROWS_MATCHES(VersionLog::check(v), DamagedVersion,
                         Catch::Predicate<DamagedVersion>(
                             [](const DamagedVersion& e) { return e.reason == "has an unknown record type"; }));
  }
  SECTION("a tombstone has no body to return") {
    v.tombstone = true;
    v.body.clear();
    v.body_hash = body_hash(v.type, true, v.body);
    CHECK_FALSE(VersionLog::check(v));
  }
}

TEST_CASE("version log: every reader returns a version exactly as it was written", "[core][store]") {
  TempDir dir;
  Store store(dir.file("s.sqlite"));
  Id me = Id::random(), obs = Id::random();
  Version first = store.create(note(obs, "first"), me);
  Version second = store.update(first.record, note(obs, "second"), me);
  Version gone = store.remove(first.record, me);
  REQUIRE(store.versions().all().size() == 3);

  SECTION("by arrival number (the hub's pull)") {
    auto seqs = store.versions().seqs({first.version, second.version, gone.version});
    REQUIRE(seqs.size() == 3);
    same_version(*store.versions().by_seq(seqs[first.version]), first);
    same_version(*store.versions().by_seq(seqs[second.version]), second);
    same_version(*store.versions().by_seq(seqs[gone.version]), gone);
    CHECK_FALSE(store.versions().by_seq(seqs[gone.version] + 1));
  }
  SECTION("by record, by observation, and from the outbox") {
    auto by_record = store.versions().of_record(first.record);
    auto in_observation = store.versions().in_observation(obs);
    auto queued = store.outbox().first(10);
    for (const auto* list : {&by_record, &in_observation, &queued}) {
      REQUIRE(list->size() == 3);
      same_version((*list)[0], first);
      same_version((*list)[1], second);
      same_version((*list)[2], gone);
    }
    CHECK(store.versions().creator(first.record) == me);
    CHECK(store.versions().scope_of_record(first.record) == obs);
    CHECK_FALSE(store.versions().scope_of_record(Id::random()));
  }
}

TEST_CASE("outbox: a record taken out and put back keeps each version's place", "[core][store]") {
  TempDir dir;
  Store store(dir.file("s.sqlite"));
  Id me = Id::random(), obs = Id::random();
  Version a = store.create(note(obs, "a"), me);
  Version b = store.create(note(obs, "b"), me);
  auto before = store.outbox().positions();
  store.transaction([&] {
    store.outbox().remove_record(a.record);
    store.versions().erase_record(a.record);
    CHECK_FALSE(store.versions().has(a.version));
    store.apply_version(a, true);  // now queued after b
    store.outbox().place(a.version, before.at(a.version));
  });
  CHECK(store.outbox().positions() == before);
  auto queued = store.outbox().first(10);
  REQUIRE(queued.size() == 2);
  CHECK(queued[0].version == a.version);
  CHECK(queued[1].version == b.version);
}

TEST_CASE("drafts: every draft's text is listed, and a cleared one is gone", "[core][store]") {
  TempDir dir;
  Store store(dir.file("s.sqlite"));
  store.drafts().save("a", "Première idée");
  store.drafts().save("b", "second");
  store.drafts().clear("b");
  CHECK(store.drafts().texts() == std::vector<std::string>{"Première idée"});
  CHECK(store.drafts().get("a") == std::optional<std::string>("Première idée"));
  CHECK_FALSE(store.drafts().get("b"));
}
