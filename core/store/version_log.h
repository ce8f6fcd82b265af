// The version log: the `versions` and `heads` tables, and the only place that reads or writes
// them. Every version of every record this store knows; the heads of each record.
//
// Invariants:
//  - versions are immutable and never deleted (erase_record is for re-keying versions that
//    never left this device); a delete is a tombstone version. One exception, on the hub only:
//    a body held in clear is replaced by the same version sealed (replace_clear_body);
//  - `heads` holds, per record, the versions no other known version names as a parent: one
//    normally, several when devices edited concurrently (a conflict);
//  - a known version id with the same body hash is a no-op, with another hash VersionMismatch;
//  - a version is checked (type, body hash, body decodes) by check() alone, before it is stored.
// Used by the device's Store and by the hub, which reads the same rows through the same reader.
#pragma once
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/records.h"
#include "core/store/connection.h"

namespace core {

struct VersionMismatch : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// A version that no store may hold, whatever it holds already: unknown record type, a body
// that does not match its hash, or one that does not decode. `reason` says which, in words
// that follow "The <type> version <id> ".
struct DamagedVersion : std::runtime_error {
  std::string reason;
  DamagedVersion(const Version& v, std::string why)
      : std::runtime_error("version " + v.version.hex() + " " + why), reason(std::move(why)) {}
};

class VersionLog {
 public:
  explicit VersionLog(const Connection& connection) : c_(connection) {}

  // The one check of a version from elsewhere: a known record type, a body that matches its
  // hash and decodes. Returns the decoded body (nullopt for a tombstone). Throws DamagedVersion.
  static std::optional<RecordBody> check(const Version& v);
  // check() as the hub makes it: a sealed body (core/crypto/sealed_body.h) passes when its
  // routing fields can be read, and those are what it returns; the hub holds no key to open it.
  static std::optional<RecordBody> check_routing(const Version& v);
  // check() on each, for a page (may run on another thread: it needs no store).
  static void check_all(const std::vector<Version>& versions);

  // --- writes (inside the caller's transaction) ---
  // Stores v and updates its record's heads. True if it was new. checked: the caller ran
  // check(v). Throws DamagedVersion, VersionMismatch, or std::runtime_error for a version that
  // would change its record's type.
  bool insert(const Version& v, bool checked);
  // Stores versions the caller has established are first versions: their ids and records are
  // not stored yet (stored_versions/stored_records, and no two share a record) and check()
  // passed. Each becomes its record's only head. `seqs`, when given, receives each version's
  // seq (its arrival number here), which the hub's feed refers to. Many rows per statement.
  void insert_first(const std::vector<const Version*>& versions,
                    std::vector<std::pair<Id, std::int64_t>>* seqs = nullptr);
  // A page of versions from elsewhere, with the outcome of insert on each in order; a version
  // held here with another body goes to on_mismatch instead of throwing (it may throw to stop).
  // Returns how many were new. First versions of records not stored yet (most of a page) are
  // written many rows per statement (version_log_batch.cpp). checked: check_all already ran.
  using MismatchHandler = std::function<void(const Version&, const VersionMismatch&)>;
  std::size_t apply(const std::vector<Version>& versions, const MismatchHandler& on_mismatch, bool checked);
  // The hub re-sealing a version it holds in clear (docs/encryption.md, Upgrading a hub that
  // holds clear text): the stored body and body hash of `sealed.version` become those of
  // `sealed`; nothing else of the version, its heads or its place in arrival order changes. The
  // caller has checked that it may (server/hub_store.cpp). Throws std::runtime_error when the
  // version is not stored, or not in clear.
  void replace_clear_body(const Version& sealed);
  // Removes every version and head of `record`. Only for versions nobody else has (re-keying
  // before the first push); whatever refers to them (the outbox) is removed by its owner first.
  void erase_record(Id record);

  // The hub's indexes on these tables (its own schema, not the devices'): versions by
  // observation for in_observation (a new participant's backfill), and none of heads by scope.
  void index_for_hub();

  // --- reads ---
  std::vector<Id> head_ids(Id record) const;  // in version id order
  // Heads and live records carry decoded bodies: a sealed body (only the hub stores them) as its
  // routing view (crypto::decode_stored_body).
  std::vector<RecordHead> heads(Id record) const;
  // Live records of one type (of one observation, or all when it is empty): per record the
  // head with the smallest version id, in arrival order. for_each_live reads them one at a time.
  std::vector<std::pair<Id, RecordHead>> live(RecordType type, Id observation) const;
  void for_each_live(RecordType type, Id observation, const std::function<void(Version&&)>& on_version) const;
  std::vector<Id> conflicted_records() const;
  std::map<RecordType, std::int64_t> live_counts() const;
  // Every stored body (tombstones have none), by type and by whether it is sealed
  // (docs/encryption.md): how many versions, how many bytes. One pass, no body read whole.
  struct StoredBodies {
    RecordType type = RecordType::Person;
    bool sealed = false;
    std::int64_t versions = 0;
    std::int64_t bytes = 0;
  };
  std::vector<StoredBodies> stored_bodies() const;
  std::vector<Version> of_record(Id record) const;  // in arrival order
  std::vector<Version> all() const;                 // in arrival order
  bool has(Id version) const;
  std::optional<Version> by_id(Id version) const;
  std::optional<Version> by_seq(std::int64_t seq) const;  // the hub's feed names versions by seq
  // Which of these ids are stored, as version ids and as record ids (one query per 500 ids).
  std::set<Id> stored_versions(const std::vector<Id>& versions) const;
  std::set<Id> stored_records(const std::vector<Id>& records) const;
  // The seq of each of these versions that is stored.
  std::unordered_map<Id, std::int64_t> seqs(const std::vector<Id>& versions) const;
  // The observation a record's versions name (a record keeps it for life); nullopt if unknown.
  std::optional<Id> scope_of_record(Id record) const;
  // The author of a record's first stored version (its creator); nullopt if unknown.
  std::optional<Id> creator(Id record) const;
  // Every version of an observation and of the records inside it, in arrival order.
  std::vector<Version> in_observation(Id observation) const;
  // Clear (not sealed) bodies of types that travel sealed, per author: what re-sealing can still
  // bring down (server/hub_plaintext.h).
  std::map<Id, std::int64_t> clear_sealable_by_author() const;
  // The earliest save time of each observation's non-tombstone versions of each of `types` (an
  // Observation's own versions count for it), one call per (observation, type) present, in no
  // particular order: when a visit was first saved,
  // first had evidence, first had a debrief note, from routing fields alone, so sealed visits
  // count too (server/hub_activity.h). One pass over the versions, no body read.
  void for_each_first_save(
      const std::vector<RecordType>& types,
      const std::function<void(Id observation, RecordType type, std::int64_t saved_at_ms)>& on_first_save) const;
  // The newest local seq (0 for an empty log), and the versions of `author` with a seq in
  // (after, up_to], oldest first, tombstones left out: on_version(seq, version) until it returns
  // false. What a device re-sends sealed (core/sync/reseal.h).
  std::int64_t newest_seq() const;
  void for_each_by_author(Id author, std::int64_t after, std::int64_t up_to,
                          const std::function<bool(std::int64_t, Version&&)>& on_version) const;
  // Calls on_body(seq, type, body) for each non-tombstone version after `seq`, in arrival order.
  void for_each_body_after(std::int64_t seq,
                           const std::function<void(std::int64_t, RecordType, const std::string&)>& on_body) const;

  // The columns every version read selects, in the order read_row expects, and the number of
  // them (the next column of a query that selects more).
  static const char* const kColumns;
  static constexpr int kColumnCount = 10;
  static Version read_row(const Stmt& st);

 private:
  const Connection& c_;
};

}  // namespace core
