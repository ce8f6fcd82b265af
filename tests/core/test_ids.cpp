// Ids: random ones, clustered ones for records and versions, and what depends on their bytes
// (short_hex in labels and messages, std::hash in unordered containers).
#include <catch2/catch.hpp>

#include <set>
#include <unordered_set>

#include "core/ids.h"
#include "core/store.h"
#include "support/temp_dir.h"

using core::Id;

TEST_CASE("ids: clustered ids of one process share a prefix and count up after it", "[core][ids]") {
  std::vector<Id> ids;
  for (int i = 0; i < 1000; ++i) ids.push_back(Id::clustered());
  for (std::size_t i = 1; i < ids.size(); ++i) {
    CHECK(std::equal(ids[i].bytes.begin(), ids[i].bytes.begin() + 6, ids[0].bytes.begin()));
    // In index order too: a batch of new records lands at one end of each index.
    CHECK(ids[i - 1] < ids[i]);
  }
  CHECK(std::set<Id>(ids.begin(), ids.end()).size() == ids.size());
}

TEST_CASE("ids: clustered ids end in random bytes, so short forms and hashes still tell them apart", "[core][ids]") {
  std::set<std::string> shorts;
  std::unordered_set<Id> hashed;
  std::set<std::size_t> hashes;
  std::set<std::string> tails;
  for (int i = 0; i < 2000; ++i) {
    Id id = Id::clustered();
    shorts.insert(id.short_hex());
    hashed.insert(id);
    hashes.insert(std::hash<Id>{}(id));
    tails.insert(id.hex().substr(20));
  }
  CHECK(tails.size() == 2000);
  // 2000 draws from 2^32 short forms: a repeat has odds of about 1 in 2000; 1990 is a bound
  // no real collision rate reaches while a prefix-based short form (all equal) fails it.
  CHECK(shorts.size() > 1990);
  CHECK(hashed.size() == 2000);
  CHECK(hashes.size() == 2000);
}

TEST_CASE("ids: random ids share nothing", "[core][ids]") {
  Id a = Id::random(), b = Id::random();
  CHECK(a != b);
  CHECK_FALSE(std::equal(a.bytes.begin(), a.bytes.begin() + 6, b.bytes.begin()));
}

TEST_CASE("ids: the store names new records and versions with clustered ids", "[core][ids][store]") {
  testing_support::TempDir dir;
  core::Store store(dir.file("s.sqlite"));
  Id me = Id::random(), obs = Id::random();
  auto first = store.create(core::EvidenceNote{obs, 0, "one", core::NoteKind::Noticing, {}}, me);
  auto second = store.create(core::EvidenceNote{obs, 0, "two", core::NoteKind::Noticing, {}}, me);
  CHECK(std::equal(first.record.bytes.begin(), first.record.bytes.begin() + 6, second.record.bytes.begin()));
  CHECK(first.record < second.record);
  CHECK(std::equal(first.version.bytes.begin(), first.version.bytes.begin() + 6, second.version.bytes.begin()));
  CHECK(first.version < second.version);
}
