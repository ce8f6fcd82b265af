// A hub whose own disk fills up (support/small_disk.h: a real size-limited file system under the
// hub's data folder): a push is answered 507 with a sentence saying the hub's storage is full, the
// device keeps everything it has not sent and still receives what colleagues sent before, the
// hub's file stays whole, and once space returns the next sync completes with nothing lost or
// doubled.
// Devices send bodies in clear (ClearDevice, TwoColleagues::Sealed::No in sync_fixture.h): a colleague reads
// the notes after one sync of their writer.
#include <catch2/catch.hpp>

#include "core/sqlite.h"
#include "support/small_disk.h"
#include "sync_fixture.h"

using namespace testing_support;

namespace {
std::string hub_integrity(const std::string& path) {
  core::Db db(path, false);
  core::Stmt st(db, "PRAGMA integrity_check");
  return st.step() ? st.col_text(0) : "";
}

// `n` notes of about 2 KB each, saved in one transaction.
void notes_of_a_lesson(Device& d, core::Id obs, int n, const std::string& prefix) {
  d.store->transaction([&] {
    for (int i = 0; i < n; ++i) d.note(obs, prefix + std::to_string(i) + " " + std::string(2000, 'w'));
  });
}
}  // namespace

TEST_CASE("hub on a full disk: a push is refused with a sentence, the device still pulls and loses nothing",
          "[server][sync][disk_full]") {
  SmallDisk disk(16 << 20);
  if (!disk.available()) {
    WARN("Skipped: no size-limited file system can be made on this machine: " + disk.why_not());
    return;
  }
  const std::string hub_dir = disk.file("hub");
  std::filesystem::create_directories(hub_dir);
  HubProcess hub{hub_dir};  // its process shares this test's mounts: the hub writes on the small disk
  hub.start();
  const std::string lena_id = hub.add_person("Lena"), chidi_id = hub.add_person("Chidi");
  ClearDevice lena, chidi;
  lena.enroll(hub.url(), hub.issue_code(lena_id));
  chidi.enroll(hub.url(), hub.issue_code(chidi_id));
  core::Observation o;
  o.participants = {{*core::Id::from_hex(lena_id), core::Role::TeacherLeader},
                    {*core::Id::from_hex(chidi_id), core::Role::Coach}};
  const core::Id obs = lena.store->create(o, lena.me()).record;
  notes_of_a_lesson(lena, obs, 5, "first visit ");
  lena.sync();
  chidi.sync();
  REQUIRE(chidi.notes(obs) == 5);
  notes_of_a_lesson(chidi, obs, 3, "the coach saw ");
  chidi.sync();  // on the hub; Lena has not pulled them yet

  disk.fill();
  notes_of_a_lesson(lena, obs, 300, "second visit ");  // about 600 KB: more than the hub's WAL holds
  std::string error;
  try {
    lena.sync();
  } catch (const core::net::SyncError& e) {
    CHECK(e.http_status == 507);
    error = e.what();
  }
  REQUIRE_FALSE(error.empty());  // the hub's disk really was full for this push
  CHECK_THAT(error, Catch::Contains("The hub's storage is full") &&
                        Catch::Contains("everything it held before is safe") &&
                        Catch::Contains("This device keeps what it has not sent"));
  CHECK(lena.store->outbox().size() == 300);  // nothing taken out: all of it waits to be sent
  CHECK(lena.notes(obs) == 308);              // and the coach's three arrived all the same

  disk.free_space();
  lena.sync();
  CHECK(lena.store->outbox().size() == 0);
  chidi.sync();
  for (const Device* d : {&lena, &chidi}) {
    auto notes = d->store->live(core::RecordType::EvidenceNote, obs);
    CHECK(notes.size() == 308);
    for (auto& [r, h] : notes) CHECK(d->store->versions_of(r).size() == 1);
  }
  hub.stop();
  CHECK(hub_integrity(hub_dir + "/hub.sqlite") == "ok");
  std::filesystem::remove_all(hub_dir);
}
