// The local store: every version of every record this device knows, in one SQLite file.
//
// Invariants:
//  - versions are immutable and never deleted; a delete is a tombstone version;
//  - `heads` holds, per record, the versions no other known version names as a parent:
//    one head normally, several when devices edited concurrently (a conflict);
//  - a local save, its head update and its outbox entry commit in one transaction with
//    synchronous=FULL, before the call returns: what the UI shows as saved survives a crash;
//  - versions from elsewhere are applied idempotently: a known version id with the same body
//    hash is a no-op, with a different hash it is refused (VersionMismatch).
// Workload: many tiny write transactions while observing (one per tap), reads by observation.
#pragma once
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/records.h"
#include "core/sqlite.h"

namespace core {

constexpr int kSchemaVersion = 4;

// Builds the schema of `version` (1..kSchemaVersion) from an older one; used by Store and
// by the test that opens databases made by every earlier version.
void migrate(Db& db, int to_version);

struct VersionMismatch : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// A version the hub refused to store (privacy rule, or a version id it holds with another
// body). It stays on this device, out of the outbox, until the user asks to try it again.
struct HeldBackVersion {
  Id version;
  int status = 0;               // the hub's HTTP status for this version: 403 or 409
  std::string reason;           // the hub's sentence, shown to the user
  std::int64_t held_at_ms = 0;  // device clock when it was held back, for display only
};

class Store {
 public:
  // Opens or creates the store at `path` (a file; WAL needs a real file) and migrates it.
  // Throws DbError naming the file if it is not a peerobs database or cannot be opened.
  explicit Store(const std::string& path);

  const std::string& path() const { return db_.path(); }
  // A statement prepared once on this connection and reused (hot paths here and on the hub).
  // `sql` is a string literal or a static string: statements are cached by its address. A
  // lease resets the statement when it goes out of scope so no read transaction is left open.
  StmtLease cached(const char* sql) const;
  Db& db() { return db_; }

  // --- this device ---
  std::optional<std::string> meta(const std::string& key) const;
  void set_meta(const std::string& key, const std::string& value);
  // The person using this device (set by first run / `peerobs-cli init`).
  std::optional<Id> local_person() const;
  void set_local_person(Id person);

  // --- local writes: each durable before it returns ---
  Version create(const RecordBody& body, Id author);
  Version create_with_id(Id record, const RecordBody& body, Id author);
  // A new version whose parents are all current heads (so it also resolves a conflict).
  Version update(Id record, const RecordBody& body, Id author);
  Version remove(Id record, Id author);
  // Runs `work` in one transaction (several saves become one durable commit).
  void transaction(const std::function<void()>& work);

  // --- versions from elsewhere (import, sync pull) ---
  // Returns true if the version was new. Throws VersionMismatch or std::runtime_error.
  bool apply_version(const Version& v, bool to_outbox = false);
  // The same for a caller that has itself checked v's body hash and decoded its body (the
  // hub's push does both for its privacy checks): skips doing that a second time.
  bool apply_checked_version(const Version& v);
  // A page of versions from elsewhere (a sync pull), in one transaction, with the result of
  // apply_version on each in order. A version held here with another body is passed to
  // on_mismatch instead of throwing (it may throw to stop, which rolls the page back). Returns
  // how many were new. First versions of records this store has never seen, most of a page,
  // are written many rows per statement (store_apply.cpp).
  using MismatchHandler = std::function<void(const Version&, const VersionMismatch&)>;
  enum class Checked { No, Yes };
  std::size_t apply_versions(const std::vector<Version>& versions, const MismatchHandler& on_mismatch,
                             Checked checked = Checked::No);
  // The checks apply_versions makes before writing anything: a known record type, a body that
  // matches its hash and decodes. Throws std::runtime_error naming the first bad version.
  // Needs no store, so a caller may run it on another thread and pass Checked::Yes.
  static void check_versions(const std::vector<Version>& versions);
  // For a caller applying a batch itself (the hub's push): which of these ids are stored, as
  // version ids and as record ids (one query per 500 ids).
  std::set<Id> stored_versions(const std::vector<Id>& versions) const;
  std::set<Id> stored_records(const std::vector<Id>& records) const;
  // Stores versions the caller has established are first versions: their ids and records are
  // not stored yet (stored_versions/stored_records, and no two share a record), their bodies
  // match their hashes and decode. Each becomes its record's only head; none goes to the outbox.
  // `seqs`, when given, receives each version's seq (its arrival number here), which the hub's
  // feed refers to.
  void insert_first_versions(const std::vector<const Version*>& versions,
                             std::vector<std::pair<Id, std::int64_t>>* seqs = nullptr);

  // --- reads ---
  // The live body of a record (the head with the smallest version id when in conflict);
  // nullopt if unknown or deleted.
  std::optional<RecordHead> get(Id record) const;
  std::vector<RecordHead> heads(Id record) const;  // all heads, tombstones included
  // Live records of one type, optionally only those of one observation (empty = all).
  std::vector<std::pair<Id, RecordHead>> live(RecordType type, Id observation = Id{}) const;
  std::vector<Id> conflicted_records() const;
  std::map<RecordType, std::int64_t> live_counts() const;
  std::vector<Version> versions_of(Id record) const;
  std::vector<Version> all_versions() const;  // in local arrival order
  bool has_version(Id version) const;

  // --- outbox for sync ---
  std::vector<Version> outbox(int limit) const;  // oldest first
  // Oldest first, after outbox position `after` (0: from the start), at most `limit`, and
  // stopping before the version whose body would pass `max_body_bytes` (never before the
  // first); `last` is set to the position of the last one returned. Lets a push read its next
  // batch while the previous one is still in the outbox, waiting for the hub's answer.
  std::vector<Version> outbox_after(std::int64_t after, int limit, std::size_t max_body_bytes,
                                    std::int64_t& last) const;
  std::int64_t outbox_size() const;
  void remove_from_outbox(const std::vector<Id>& versions);

  // --- versions the hub refused (schema 4) ---
  // Moves `items` out of the outbox into the held-back list, in one transaction; the versions
  // themselves stay stored and visible on this device.
  void hold_back(const std::vector<HeldBackVersion>& items);
  std::vector<HeldBackVersion> held_back() const;  // most recently held first
  std::int64_t held_back_size() const;
  bool is_held_back(Id version) const;
  // Puts every held-back version back at the end of the outbox; returns how many.
  std::int64_t retry_held_back();

  // --- records that never leave this device (demo data) ---
  // A record or observation id marked local-only keeps every save of it, and every record
  // inside such an observation, out of the outbox.
  void mark_local_only(Id id);
  bool is_local_only(Id id) const;

  // --- drafts (text typed but not yet saved as a record; autosaved by the client) ---
  void save_draft(const std::string& key, const std::string& text);
  std::optional<std::string> draft(const std::string& key) const;
  void clear_draft(const std::string& key);

 private:
  Version make_version(Id record, const RecordBody* body, bool tombstone, Id author, std::vector<Id> parents);
  // checked: the caller verified the body hash and that the body decodes.
  bool insert_version(const Version& v, bool to_outbox, bool checked = false);
  std::vector<Id> head_ids(Id record) const;
  Version read_version_row(const Stmt& st) const;

  mutable Db db_;
  mutable std::unordered_map<const char*, std::unique_ptr<Stmt>> cache_;
  int txn_depth_ = 0;
};

// Milliseconds since the Unix epoch from the device clock (informational stamps only).
std::int64_t wall_clock_ms();

}  // namespace core
