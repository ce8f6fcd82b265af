// The local store: every version of every record this device knows, in one SQLite file, and
// what this device keeps beside them. Store opens and migrates the file and composes the
// owners of its tables, each the only place with SQL on them:
//  - versions(): the version log (versions, heads; core/store/version_log.h);
//  - outbox(): what is still to send, what the hub refused, what never leaves (outbox.h);
//  - drafts(): text typed but not yet saved (drafts.h);
//  - meta(): this device's settings and sync state under typed keys (device_meta.h);
//  - keys(): the content keys of end-to-end encryption and sealed versions waiting for theirs (key_ring.h).
// Store itself is the record API the screens use: saves and reads of records.
//
// Invariants:
//  - a local save, its head update and its outbox entry commit in one transaction with
//    synchronous=FULL, before the call returns: what the UI shows as saved survives a crash;
//  - versions from elsewhere are applied idempotently (VersionLog: a known version id with the
//    same body hash is a no-op, with a different hash it is refused with VersionMismatch).
// Workload: many tiny write transactions while observing (one per tap), reads by observation.
#pragma once
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/records.h"
#include "core/sqlite.h"
#include "core/store/connection.h"
#include "core/store/device_meta.h"
#include "core/store/drafts.h"
#include "core/store/key_ring.h"
#include "core/store/outbox.h"
#include "core/store/version_log.h"

namespace core {

constexpr int kSchemaVersion = 5;

// Builds the schema of `version` (1..kSchemaVersion) from an older one; used by Store and
// by the test that opens databases made by every earlier version.
void migrate(Db& db, int to_version);

class Store {
 public:
  // Opens or creates the store at `path` (a file; WAL needs a real file) and migrates it.
  // Throws DbError naming the file if it is not a peerobs database or cannot be opened.
  explicit Store(const std::string& path);
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  const std::string& path() const { return connection_.path(); }

  // --- the owners of the store's tables ---
  VersionLog& versions() { return versions_; }
  const VersionLog& versions() const { return versions_; }
  Outbox& outbox() { return outbox_; }
  const Outbox& outbox() const { return outbox_; }
  Drafts& drafts() { return drafts_; }
  const Drafts& drafts() const { return drafts_; }
  DeviceMeta& meta() { return meta_; }
  const DeviceMeta& meta() const { return meta_; }
  KeyRing& keys() { return keys_; }
  const KeyRing& keys() const { return keys_; }

  // The connection, for tables the store does not own (the hub's, which share its file) and
  // pragmas. The store's own tables are read and written through the owners above.
  Connection& connection() { return connection_; }
  Db& db() { return connection_.db(); }
  StmtLease cached(const char* sql) const { return connection_.cached(sql); }

  // --- local writes: each durable before it returns ---
  Version create(const RecordBody& body, Id author);
  Version create_with_id(Id record, const RecordBody& body, Id author);
  // A new version whose parents are all current heads (so it also resolves a conflict).
  Version update(Id record, const RecordBody& body, Id author);
  Version remove(Id record, Id author);
  // Runs `work` in one transaction (several saves become one durable commit).
  void transaction(const std::function<void()>& work) { connection_.transaction(work); }

  // --- versions from elsewhere (import, sync pull) ---
  // Returns true if the version was new. Throws VersionMismatch, DamagedVersion or
  // std::runtime_error. to_outbox: queue it to be pushed (import of this device's own data).
  bool apply_version(const Version& v, bool to_outbox = false);
  // A page of versions from elsewhere (a sync pull), in one transaction (VersionLog::apply).
  using MismatchHandler = VersionLog::MismatchHandler;
  enum class Checked { No, Yes };  // Yes: the caller ran VersionLog::check_all on the page
  std::size_t apply_versions(const std::vector<Version>& versions, const MismatchHandler& on_mismatch,
                             Checked checked = Checked::No);

  // --- reads ---
  // The live body of a record (the head with the smallest version id when in conflict);
  // nullopt if unknown or deleted.
  std::optional<RecordHead> get(Id record) const;
  std::vector<RecordHead> heads(Id record) const { return versions_.heads(record); }  // tombstones included
  // Live records of one type, optionally only those of one observation (empty = all).
  std::vector<std::pair<Id, RecordHead>> live(RecordType type, Id observation = Id{}) const {
    return versions_.live(type, observation);
  }
  std::vector<Id> conflicted_records() const { return versions_.conflicted_records(); }
  std::map<RecordType, std::int64_t> live_counts() const { return versions_.live_counts(); }
  std::vector<Version> versions_of(Id record) const { return versions_.of_record(record); }
  std::vector<Version> all_versions() const { return versions_.all(); }  // in local arrival order
  bool has_version(Id version) const { return versions_.has(version); }

 private:
  Version make_version(Id record, const RecordBody* body, bool tombstone, Id author, std::vector<Id> parents);
  // The version, its heads and (to_outbox) its outbox entry.
  bool insert_version(const Version& v, bool to_outbox);

  Connection connection_;
  VersionLog versions_{connection_};
  Outbox outbox_{connection_};
  Drafts drafts_{connection_};
  DeviceMeta meta_{connection_};
  KeyRing keys_{connection_};
};

// Milliseconds since the Unix epoch from the device clock (informational stamps only).
std::int64_t wall_clock_ms();

}  // namespace core
