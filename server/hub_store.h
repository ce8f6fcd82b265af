// The hub's database: one SQLite file (WAL, synchronous=FULL) in the data directory holding
// the roster, devices (token hashes only), one-time enrollment codes (hashes only, with the
// device each enrolled), every version ever pushed (a core::Store: versions are never
// overwritten; they are checked, written and read only through its version log, the same code a
// device's store runs), the batches applied, the participants index and the feed devices pull
// from (hub_feed.h).
//
// Guarantees: a push is one transaction (all of the batch or nothing), idempotent per batch id
// and per version; a refused push names every refused version (HubRefusal) and stores nothing; the privacy rules of
// core/sync/privacy.h decide every feed row; a person newly added to an observation gets the whole observation appended
// to their feed (backfill). A version the hub holds in clear may be sent again sealed by a device of its
// author, with the same clear routing fields (docs/encryption.md, Upgrading a hub that holds clear text):
// its body is replaced, nobody's feed changes, and the freed bytes are overwritten (secure_delete) and
// checkpointed out of the WAL once the push commits. Not thread-safe: the HTTP layer serializes its calls (one writer),
// and answers pulls and status on read connections of their own (hub_reader.h), which never write.
#pragma once
#include <cstdint>
#include <exception>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/store.h"
#include "core/sync/messages.h"
#include "core/sync/privacy.h"
#include "server/hub_feed.h"

namespace server {

// A refusal the hub sends back as an HTTP status and a plain-words message.
struct HubError : std::runtime_error {
  int status;
  std::string for_log;       // what was wrong, for the hub's log ("unknown code"); never a secret; "" = not logged
  bool wrong_guess = false;  // a code or token the hub does not know: counts toward its sender's limit (guess_limit.h)
  int retry_after_s = 0;     // > 0: sent as Retry-After (429)
  HubError(int s, const std::string& what, std::string log = "", bool guess = false)
      : std::runtime_error(what), status(s), for_log(std::move(log)), wrong_guess(guess) {}
};

// A push refused for named versions (403/409): the HTTP layer answers with the RefusalResponse
// envelope so the device can hold exactly those versions back and send the rest again.
struct HubRefusal : HubError {
  core::sync::RefusalResponse refusal;
  HubRefusal(int s, core::sync::RefusalResponse r) : HubError(s, r.message), refusal(std::move(r)) {}
};

struct DeviceRow {
  core::Id id;
  core::Id person;
  std::string person_name;
  std::string name;
  std::int64_t enrolled_at = 0;  // ms since epoch
  std::int64_t revoked_at = 0;   // 0 = active
  std::int64_t last_seen = 0;
};

// One person on the roster, as `peerobs-hub people` lists them.
struct PersonRow {
  core::Id id;
  std::string name;
  std::string email;                // may be empty
  std::int64_t deactivated_at = 0;  // ms since epoch; 0 = active
  int enrolled_devices = 0;         // enrolled and not revoked
};

// A code issued by `issue-code`, with what the person it is handed to needs to know.
struct IssuedCode {
  PersonRow person;
  std::string code;             // "ABCD-EFGH-JKMN"
  std::int64_t expires_at = 0;  // ms since epoch
};

class HubStore {
 public:
  explicit HubStore(const std::string& data_dir);

  // --- admin (roster, codes, devices) ---
  core::Id add_person(const std::string& name, const std::string& email);
  // Imports "name,email" lines (a first line "name,email" is a header). All or nothing; throws
  // std::runtime_error naming the line of the first bad row. Returns the ids added.
  std::vector<core::Id> import_roster(const std::string& csv_text);
  // A one-time code for the person, valid for `valid_days`; only its hash is stored.
  // Refused with a sentence for a deactivated person.
  std::string issue_code(core::Id person, int valid_days);
  // One code for every active person with no enrolled, unrevoked device, in one transaction
  // (all or nothing); empty when there is nobody to issue for. Sorted by name.
  std::vector<IssuedCode> issue_codes_for_unenrolled(int valid_days);
  std::vector<PersonRow> people() const;  // everyone on the roster, sorted by name
  // A new name for the person: the hub's roster and a new version of their Person record whose
  // parents are all its current heads, so every device receives it as the one newest head.
  void rename_person(core::Id person, const std::string& name);
  // Deactivating revokes every device of the person (their next request gets 401), expires
  // their unused codes and refuses new ones; everything they wrote, and their Person record,
  // stays. Returns how many devices were revoked. Reactivating lets codes be issued again (the
  // revoked devices stay revoked: the person enrolls again with a new code).
  int deactivate_person(core::Id person);
  void reactivate_person(core::Id person);
  std::vector<DeviceRow> devices() const;
  void revoke(core::Id device);
  std::optional<std::string> person_name(core::Id person) const;

  // --- device requests ---
  // A one-time code for a device (hub_enroll.cpp). The code's device is kept: the same code with
  // that device's token is answered as the first time (a lost answer asked again); with any
  // other token, a used code is refused.
  core::sync::EnrollResponse enroll(const core::sync::EnrollRequest& req);
  // The device behind a bearer token; throws HubError(401) with the message the device shows.
  // Stamps its last_seen when due (last_seen_due, hub_reader.h).
  DeviceRow authenticate(const std::string& token);
  // Devices seen at these times (ms since epoch) by requests answered on read connections, in one
  // transaction; a stamp never moves last_seen back.
  void record_seen(const std::vector<std::pair<core::Id, std::int64_t>>& seen);
  core::sync::PushResponse push(const DeviceRow& device, const core::sync::PushRequest& req);
  // Several devices' pushes in one transaction, so they share one durable commit (group commit,
  // server/group_commit.h). Each runs in a savepoint: a push refused or failing rolls back only
  // itself and its outcome carries the exception. Throws, with nothing of the group stored, when
  // the transaction as a whole fails (the commit, or an error after which SQLite rolled it all
  // back, such as a full disk).
  struct Pushing {
    const DeviceRow* device;
    const core::sync::PushRequest* request;
  };
  struct Pushed {
    core::sync::PushResponse response;
    std::exception_ptr error;  // set: the push was refused or failed, and nothing of it stays
  };
  std::vector<Pushed> push_together(const std::vector<Pushing>& pushes);
  core::sync::PullResponse pull(const DeviceRow& device, const core::sync::PullRequest& req) const;
  core::sync::StatusResponse status(const DeviceRow& device) const;

  core::Store& store() { return store_; }
  const std::string& path() const { return store_.path(); }

 private:
  struct BatchState;
  const core::sync::ObservationFacts& facts(BatchState& batch, core::Id observation);
  core::sync::CycleFacts cycle_facts(core::Id cycle) const;
  // body: the decoded body of v (nullptr for a tombstone: its last live body is looked up).
  void distribute(BatchState& batch, const core::Version& v, const core::RecordBody* body);
  // Feed rows of a push are collected in the batch and written together before it commits.
  void feed(BatchState& batch, core::Id person, core::Id version);
  void backfill(BatchState& batch, core::Id observation, core::Id person);
  void reindex_observation(BatchState& batch, core::Id observation);

  // The steps of a push (push() reads as their list).
  // The stored answer when this batch id was applied before (a resend); 409 for another device's.
  std::optional<core::sync::PushResponse> replayed_batch(const DeviceRow& device, core::Id batch_id) const;
  void find_stored(BatchState& batch, const core::sync::PushRequest& req) const;
  void push_version(BatchState& batch, const DeviceRow& device, const core::Version& v, core::sync::PushResponse& resp);
  // Why the rules refuse `device` writing v (403), or nullopt. body: nullptr for a tombstone.
  std::optional<std::string> write_refusal(BatchState& batch, const DeviceRow& device, const core::Version& v,
                                           const core::RecordBody* body, bool first);
  void write_first_versions(BatchState& batch);
  // Why a sealed bundle's member new to the hub cannot be stored (409): its head is not new in the
  // same push before it. nullopt for anything else.
  std::optional<std::string> bundle_refusal(BatchState& batch, const core::Version& v, bool new_version);
  // v, sealed, for a version stored in clear: the body replaced (true), or why not (a refusal).
  // body: v's routing view (VersionLog::check_routing).
  std::optional<std::string> reseal_refusal(const DeviceRow& device, const core::Version& stored,
                                            const core::Version& v, const core::RecordBody& body) const;
  // After a commit that re-sealed bodies: the WAL checkpointed and truncated, so the clear text
  // the replaced pages held leaves both files (the database's freed bytes are zeroed already).
  void clear_freed_text();
  [[noreturn]] void refuse_batch(BatchState& batch, const core::sync::PushRequest& req);
  void record_batch(const DeviceRow& device, core::Id batch_id, const core::sync::PushResponse& resp);

  PersonRow person_row(core::Id person) const;                        // throws naming the id when unknown
  std::string insert_code(core::Id person, std::int64_t expires_at);  // returns the code to hand out
  void upgrade_roster_tables();  // adds what hub databases made before deactivation lack

  mutable core::Store store_;  // mutable: reads prepare statements on its connection
  HubFeed feed_;
  bool resealed_ = false;  // bodies re-sealed since the last checkpoint that truncated the WAL
};

// Copies the hub database at `db_path` to `out_path` with SQLite's online backup API (safe
// while the hub is serving).
void backup_database(const std::string& db_path, const std::string& out_path);

std::string iso_date(std::int64_t ms_since_epoch);  // "YYYY-MM-DD" (UTC)

}  // namespace server
