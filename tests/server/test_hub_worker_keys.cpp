// The sync worker's status carries what a sync found about keys (docs/encryption.md), so the app
// can say it without opening the store on its frame: a second device that needs the recovery
// phrase, the versions waiting for a key, bodies refused with their sentence, and colleagues
// whose key changed.
#include <catch2/catch.hpp>

#include <chrono>
#include <thread>

#include <sqlite3.h>
#include "core/net/sync_worker.h"
#include "core/sqlite.h"
#include "core/sync/key_grants.h"
#include "sync_fixture.h"

using namespace testing_support;

namespace {
core::net::WorkerOptions worker_keys_options() {
  core::net::WorkerOptions o;
  o.interval = std::chrono::minutes(10);
  o.sync.seal_bodies = true;
  return o;
}

// The worker's status once it has run `runs` syncs (or after five seconds, whatever it says then).
core::net::SyncStatus worker_keys_after(core::net::SyncWorker& worker, std::int64_t runs) {
  for (int i = 0; i < 200 && worker.status().runs < runs; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
  return worker.status();
}

struct WorkerKeysColleagues : TwoColleagues {
  WorkerKeysColleagues() {
    lena.options.seal_bodies = true;
    chidi.options.seal_bodies = true;
    enroll();
  }
};
}  // namespace

TEST_CASE("sync worker: a second device's status asks for the recovery phrase and counts what waits for a key",
          "[server][sync][sealed][worker]") {
  WorkerKeysColleagues t;
  t.lena.note(t.obs, "Pupils compared two methods at the board");
  t.lena.sync();

  Device tablet;  // Lena's second device: her key is published, the pair is not here
  tablet.enroll(t.hub.url(), t.hub.issue_code(t.lena_id));
  core::net::SyncWorker worker(tablet.store->path(), worker_keys_options());
  worker.start();
  const auto s = worker_keys_after(worker, 1);
  worker.stop();
  CHECK(s.error.empty());
  CHECK(s.needs_recovery_phrase);
  CHECK(s.sealed_waiting == tablet.store->keys().waiting());
  CHECK(s.sealed_waiting >= 2);  // the visit and its note
  CHECK(s.unopened == 0);
  CHECK(s.first_unopened.empty());
}

TEST_CASE("sync worker: a refused body reaches the status as a count and its sentence",
          "[server][sync][sealed][worker]") {
  WorkerKeysColleagues t;
  const core::Version kept = t.lena.note(t.obs, "what was said");
  t.lena.sync();  // each note sealed alone: one sync each
  const core::Version moved_onto = t.lena.note(t.obs, "what was written on the board");
  t.lena.sync();
  {
    // Someone with the hub's database copies one sealed body (and its hash) over another.
    core::Db db(t.hub.data_dir() + "/hub.sqlite", false);
    core::Stmt st(db,
                  "UPDATE versions SET body = (SELECT body FROM versions WHERE version_id = ?1), "
                  "body_hash = (SELECT body_hash FROM versions WHERE version_id = ?1) WHERE version_id = ?2");
    st.bind_id(1, kept.version).bind_id(2, moved_onto.version);
    st.run();
    REQUIRE(sqlite3_changes(db.raw()) == 1);
  }
  core::crypto::SealingScope visit;
  visit.scope = t.obs;
  t.chidi.store->keys().add(*t.lena.store->keys().current(visit), visit);

  core::net::SyncWorker worker(t.chidi.store->path(), worker_keys_options());
  worker.start();
  const auto s = worker_keys_after(worker, 1);
  worker.stop();
  CHECK(s.unopened == 1);
  CHECK_THAT(s.first_unopened,
             Catch::Contains("could not be opened") && Catch::Contains(moved_onto.version.hex().substr(24)));
  CHECK_FALSE(s.needs_recovery_phrase);
}

TEST_CASE("sync worker: a colleague whose key changed is listed until the change is accepted",
          "[server][sync][sealed][worker]") {
  WorkerKeysColleagues t;
  t.lena.sync();
  t.chidi.sync();
  t.lena.sync();  // Chidi's first key, trusted on first use
  core::sync::keep_key_pair(*t.chidi.store, core::crypto::PersonKeys::make());
  t.chidi.sync();  // publishes the new one

  core::net::SyncWorker worker(t.lena.store->path(), worker_keys_options());
  worker.start();
  auto s = worker_keys_after(worker, 1);
  REQUIRE(s.changed_keys.size() == 1);
  CHECK(s.changed_keys[0] == t.chidi.me());

  core::sync::accept_changed_key(*t.lena.store, t.chidi.me());
  worker.sync_now();
  s = worker_keys_after(worker, 2);
  worker.stop();
  CHECK(s.runs == 2);
  CHECK(s.changed_keys.empty());
}
