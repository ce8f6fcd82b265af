// A pull into a device whose storage fills up part-way, from a real hub, into a store on a real
// size-limited file system (support/small_disk.h): sync stops with a sentence saying the storage
// is full, what the device held before is all there and the file is whole, the pages stored
// before the disk filled stay stored, and once space is freed the next sync completes: every
// note arrives, none twice, none missed (the cursor moved only with the pages it covers).
// Devices send bodies in clear (ClearDevice, TwoColleagues::Sealed::No in sync_fixture.h): a colleague reads
// the notes after one sync of their writer.
#include <catch2/catch.hpp>

#include "core/sqlite.h"
#include "support/small_disk.h"
#include "sync_fixture.h"

using namespace testing_support;

namespace {
// A coach's device whose store lives on the small disk.
struct CoachOnSmallDisk {
  std::unique_ptr<core::Store> store;
  core::net::SyncOptions options;

  explicit CoachOnSmallDisk(const std::string& path) : store(std::make_unique<core::Store>(path)) {
    options.page_size = 50;  // many pages, so the disk fills part-way through the pull
  }
  core::net::SyncResult sync() { return core::net::SyncClient(*store, options).sync(); }
  std::size_t notes(core::Id obs) const { return store->live(core::RecordType::EvidenceNote, obs).size(); }
  bool one_version_each(core::Id obs) const {
    for (auto& [record, head] : store->live(core::RecordType::EvidenceNote, obs))
      if (store->versions_of(record).size() != 1) return false;
    return true;
  }
  std::string integrity() const {
    core::Stmt st(store->db(), "PRAGMA integrity_check");
    return st.step() ? st.col_text(0) : "";
  }
};

// `n` notes of about 2 KB each, saved in one transaction and pushed.
void lena_writes_notes(Device& lena, core::Id obs, int n, const std::string& prefix) {
  lena.store->transaction([&] {
    for (int i = 0; i < n; ++i) lena.note(obs, prefix + std::to_string(i) + " " + std::string(2000, 'w'));
  });
  lena.sync();
}
}  // namespace

TEST_CASE(
    "hub pull onto a full disk: sync says the storage is full, keeps what it had, and completes once space "
    "returns",
    "[server][sync][disk_full]") {
  SmallDisk disk(16 << 20);
  if (!disk.available()) {
    WARN("Skipped: no size-limited file system can be made on this machine: " + disk.why_not());
    return;
  }
  HubProcess hub{temp_dir("peerobs-hub")};
  hub.start();
  std::string lena_id = hub.add_person("Lena"), chidi_id = hub.add_person("Chidi");
  ClearDevice lena;
  lena.enroll(hub.url(), hub.issue_code(lena_id));
  CoachOnSmallDisk chidi(disk.file("peerobs.sqlite"));
  core::net::SyncClient(*chidi.store, chidi.options).enroll(hub.url(), hub.issue_code(chidi_id), "coach tablet");

  core::Observation o;
  o.participants = {{*core::Id::from_hex(lena_id), core::Role::TeacherLeader},
                    {*core::Id::from_hex(chidi_id), core::Role::Coach}};
  core::Id obs = lena.store->create(o, lena.me()).record;
  lena_writes_notes(lena, obs, 20, "first lesson ");
  chidi.sync();
  REQUIRE(chidi.notes(obs) == 20);

  // 1,500 more notes (about 3 MB) wait at the hub; the coach's device has 1 MB left.
  lena_writes_notes(lena, obs, 1500, "second lesson ");
  disk.fill(1 << 20);
  std::string error;
  try {
    chidi.sync();
  } catch (const core::net::SyncError& e) {
    CHECK(e.kind == core::net::SyncError::Kind::Local);
    error = e.what();
  }
  REQUIRE_FALSE(error.empty());  // the disk really filled up during the pull
  CHECK_THAT(error, Catch::StartsWith("This device's storage is full, so sync stopped part-way. Nothing saved on "
                                      "this device was lost."));
  std::size_t stored = chidi.notes(obs);
  CHECK(stored > 20);    // pages before the full one stayed stored
  CHECK(stored < 1520);  // and it did stop part-way
  CHECK(chidi.one_version_each(obs));
  CHECK(chidi.integrity() == "ok");

  // A retry while the disk is still full fails the same way and changes nothing.
  CHECK_THROWS_WITH(chidi.sync(), Catch::StartsWith("This device's storage is full"));
  CHECK(chidi.notes(obs) == stored);

  disk.free_space();
  core::net::SyncResult r = chidi.sync();
  CHECK(r.pulled_new == static_cast<std::int64_t>(1520 - stored));  // nothing missed
  CHECK(r.pulled_total == r.pulled_new);                            // nothing asked for twice
  CHECK(chidi.notes(obs) == 1520);
  CHECK(chidi.one_version_each(obs));
  CHECK(chidi.integrity() == "ok");

  // Reopened, the file holds the same.
  chidi.store = std::make_unique<core::Store>(disk.file("peerobs.sqlite"));
  CHECK(chidi.notes(obs) == 1520);
  CHECK(chidi.integrity() == "ok");
  hub.kill_hard();
  std::filesystem::remove_all(hub.data_dir());
}
