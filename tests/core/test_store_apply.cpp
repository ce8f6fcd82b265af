// Store::apply_versions (a pulled page at once) must leave a store exactly as applying the same
// versions one by one would: same versions in the same arrival order, same heads, conflicts,
// refusals and rollbacks.
#include <catch2/catch.hpp>

#include "core/serialization.h"
#include "core/store.h"
#include "support/temp_dir.h"
#include "support/test_values.h"

using namespace core;
using testing_support::TempDir;

namespace {
// A version of `record` made on another device, with `parents`.
Version made_elsewhere(Id record, Id obs, const std::string& text, std::vector<Id> parents, Id author) {
  Version v;
  v.version = Id::random();
  v.record = record;
  v.type = RecordType::EvidenceNote;
  v.parents = std::move(parents);
  v.author = author;
  v.observation = obs;
  v.body = encode_body(note(obs, text));
  v.body_hash = body_hash(v.type, false, v.body);
  return v;
}

std::vector<Id> ids(const std::vector<Version>& versions) {
  std::vector<Id> out;
  for (const auto& v : versions) out.push_back(v.version);
  return out;
}

std::vector<Id> head_ids(const Store& store, Id record) {
  std::vector<Id> out;
  for (const auto& h : store.heads(record)) out.push_back(h.version.version);
  return out;
}

const Store::MismatchHandler kRethrow = [](const Version&, const VersionMismatch& e) { throw e; };
}  // namespace

TEST_CASE("store: a page applied at once ends exactly as its versions applied one by one", "[core][store][sync]") {
  TempDir dir;
  Id me = Id::random(), obs = Id::random();
  // The page: new notes; a note and its edit; an edit arriving before its parent; two
  // concurrent edits of one note (a conflict); a delete; a version the stores already hold;
  // the same version twice.
  Store source(dir.file("source.sqlite"));
  std::vector<Version> page;
  for (int i = 0; i < 150; ++i) page.push_back(source.create(note(obs, "note " + std::to_string(i)), me));
  Version edited = source.create(note(obs, "first words"), me);
  Version edit = source.update(edited.record, note(obs, "better words"), me);
  page.push_back(edited);
  page.push_back(edit);
  Id late = Id::random();
  Version late_parent = made_elsewhere(late, obs, "old", {}, me);
  Version late_child = made_elsewhere(late, obs, "new", {late_parent.version}, me);
  page.push_back(late_child);
  page.push_back(late_parent);
  Version base = source.create(note(obs, "base"), me);
  page.push_back(base);
  page.push_back(made_elsewhere(base.record, obs, "mine", {base.version}, me));
  page.push_back(made_elsewhere(base.record, obs, "theirs", {base.version}, me));
  Version gone = source.create(note(obs, "to delete"), me);
  page.push_back(gone);
  page.push_back(source.remove(gone.record, me));
  Version again = page[3];
  page.push_back(again);
  Version known = source.create(note(obs, "already here"), me);
  page.push_back(known);

  Store one_by_one(dir.file("one.sqlite")), at_once(dir.file("page.sqlite"));
  one_by_one.apply_version(known);
  at_once.apply_version(known);
  std::size_t new_one_by_one = 0;
  one_by_one.transaction([&] {
    for (const auto& v : page) new_one_by_one += one_by_one.apply_version(v) ? 1 : 0;
  });
  std::size_t new_at_once = at_once.apply_versions(page, kRethrow);

  CHECK(new_at_once == new_one_by_one);
  CHECK(new_at_once == page.size() - 2);  // the repeated version and the known one
  CHECK(ids(at_once.all_versions()) == ids(one_by_one.all_versions()));
  for (const auto& v : page) CHECK(head_ids(at_once, v.record) == head_ids(one_by_one, v.record));
  CHECK(at_once.conflicted_records() == std::vector<Id>{base.record});
  CHECK(at_once.live_counts() == one_by_one.live_counts());
  CHECK(std::get<EvidenceNote>(at_once.get(edited.record)->body).text == "better words");
  CHECK(std::get<EvidenceNote>(at_once.get(late)->body).text == "new");
  CHECK_FALSE(at_once.get(gone.record));
  CHECK(at_once.outbox().size() == 0);
  CHECK(at_once.live(RecordType::EvidenceNote, obs).size() == one_by_one.live(RecordType::EvidenceNote, obs).size());
}

TEST_CASE("store: a page meets a version held here with another body", "[core][store][sync]") {
  TempDir dir;
  Store store(dir.file("s.sqlite"));
  Id me = Id::random(), obs = Id::random();
  Version mine = store.create(note(obs, "my words"), me);
  Version hubs = mine;
  hubs.body = encode_body(note(obs, "other words"));
  hubs.body_hash = body_hash(hubs.type, false, hubs.body);
  Version fresh = made_elsewhere(Id::random(), obs, "new from the hub", {}, Id::random());

  SECTION("the handler hears of it and the rest of the page is stored") {
    std::vector<Id> mismatched;
    auto added = store.apply_versions(
        {fresh, hubs}, [&](const Version& v, const VersionMismatch&) { mismatched.push_back(v.version); });
    CHECK(added == 1);
    CHECK(mismatched == std::vector<Id>{mine.version});
    CHECK(store.has_version(fresh.version));
    CHECK(std::get<EvidenceNote>(store.get(mine.record)->body).text == "my words");
  }
  SECTION("a handler that throws rolls the whole page back") {
    CHECK_THROWS_AS(store.apply_versions({fresh, hubs}, kRethrow), VersionMismatch);
    CHECK_FALSE(store.has_version(fresh.version));
    CHECK(store.heads(fresh.record).empty());
  }
}

TEST_CASE("store: a page with a damaged version stores nothing of it", "[core][store][sync]") {
  TempDir dir;
  Store store(dir.file("s.sqlite"));
  Id me = Id::random(), obs = Id::random();
  Version good = made_elsewhere(Id::random(), obs, "fine", {}, me);
  Version damaged = made_elsewhere(Id::random(), obs, "fine too", {}, me);
  damaged.body = encode_body(note(obs, "changed on the way"));
  CHECK_THROWS_WITH(store.apply_versions({good, damaged}, kRethrow), Catch::Contains("does not match its body hash"));
  CHECK_FALSE(store.has_version(good.version));
  Version unknown_type = made_elsewhere(Id::random(), obs, "odd", {}, me);
  unknown_type.type = static_cast<RecordType>(99);
  CHECK_THROWS_WITH(store.apply_versions({good, unknown_type}, kRethrow), Catch::Contains("unknown record type"));
  CHECK(store.all_versions().empty());
}
