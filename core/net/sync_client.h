// The device side of sync over HTTP(S): enroll, push the outbox, pull the feed.
//
// Guarantees:
//  - push sends the outbox oldest first in batches whose id is derived from their content, so
//    a resend after a lost answer is recognized by the hub as a replay; versions leave the
//    outbox only after the hub acknowledged them (a crash in between resends, which is a no-op).
//    One batch is at the hub at a time, so it stores them in outbox order; the device reads and
//    packs the next batch, and removes the acknowledged one, while a batch is on its way;
//  - pull stores each page of versions AND the new cursor in one SQLite transaction, so a
//    crash can neither skip data (cursor ahead of data) nor duplicate it (versions are
//    idempotent by id). The next page is requested while one is stored; it is used only if it
//    starts at the cursor just stored, else dropped (a pull changes nothing on the hub);
//  - a version the hub refuses (403 privacy rule, 409 a version id it holds with another body)
//    moves from the outbox to the store's held-back list with the hub's reason, and the rest of
//    the batch is sent again: one refused version never blocks what comes after it, and
//    nothing is deleted (Store::retry_held_back puts them back in the outbox);
//  - a request cut mid-transfer (the connection broke or timed out before an answer came, or a
//    proxy in front of the hub answered 413 too large, 502 or 504) makes
//    the next push batch or pull page half as large (down to kMinRequestVersions), and each
//    success doubles it again up to batch_size/page_size: over Wi-Fi that drops every few
//    seconds, a batch small enough to get through is found instead of resending one that never
//    will. The sizes persist in meta, since the worker makes a new SyncClient per run;
//  - a first enrollment of a store whose plans name colleagues typed in offline (device-only
//    people, core/sync/colleague_match.h) makes push send nothing until the teacher has matched
//    them or kept them on the device, so they can still be re-keyed in place; pulls go on;
//  - with sealing on and this person's key pair here, each sync also re-sends, sealed, this
//    person's versions that reached the hub in clear (core/sync/reseal.h), in batches after the
//    outbox; how far the hub acknowledged is stored after each batch, and a batch resent after a
//    crash is a replay or a no-op to the hub;
//  - nothing here reads the wall clock to decide anything (the held-back date is for display).
// Device state lives in the store's meta table: sync.hub_url, sync.token, sync.device,
// sync.person, sync.cursor, sync.last_success_ms, sync.push_batch, sync.pull_page,
// sync.clear_up_to and sync.resealed_up_to (re-sealing), and sync.enroll_pending between an
// enrollment's request and its stored answer.
#pragma once
#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/crypto/person_keys.h"
#include "core/store.h"
#include "core/sync/messages.h"

namespace core::net {

// A sync failure, in words a teacher can act on.
struct SyncError : std::runtime_error {
  enum class Kind { NotEnrolled, Unreachable, Unauthorized, Refused, Conflict, Rejected, Protocol, HubFailure, Local };
  Kind kind;
  int http_status;  // 0 when no answer came
  // A smaller request may get through: no answer came although the connection was made (it
  // broke or timed out mid-request), or a proxy answered 413, 502 or 504 (false when the hub
  // could not be reached at all).
  bool cut = false;
  // For a push refused for named versions (403/409): each refused version and the hub's reason.
  std::vector<core::sync::RefusedVersion> refused;
  SyncError(Kind k, int status, const std::string& what) : std::runtime_error(what), kind(k), http_status(status) {}
};

// The smallest push batch or pull page a cut request shrinks to, in versions (unless
// batch_size/page_size is smaller still).
constexpr int kMinRequestVersions = 50;
// The first push batch of a sync carries at most this many versions: the hub starts storing
// sooner, while this device reads and packs the next, full-size one (10,000 notes: push median
// 186 -> 170 ms over 10 runs; a small first pull page gained nothing, as the device's writes
// bound a pull).
constexpr int kFirstRequestVersions = 1000;
// After this many cut requests in a row, a push or pull gives up (each earlier one is retried
// at once, smaller) and the worker's backoff takes over.
constexpr int kCutRetries = 4;

struct SyncOptions {
  int batch_size = 5000;      // versions per push request, at most (fewer if their bodies pass
                              // 8 MiB, or after cut requests: see sync.push_batch). The next
                              // batch is read and packed while one is at the hub: 10,000 notes
                              // push 15 % faster in two batches than in one (bench_sync).
  int page_size = 5000;       // versions per pull page, at most (the hub caps it at 10000 and
                              // 8 MiB; fewer after cut requests: see sync.pull_page). Pages
                              // are asked for one ahead, so the hub reads page n+1 while the
                              // device stores page n: 10,000 notes pull 20 % faster in 2-4
                              // pages than in one (bench_sync).
  int connect_timeout_s = 5;  // seconds
  int read_timeout_s = 60;    // seconds
  std::string ca_file;        // PEM bundle to trust for an https hub ("" = system store)
  // Test hook, called at named points ("after_push_ack", "after_pull_store_before_cursor",
  // "after_reseal_ack" once the hub stored a re-seal batch, before the device notes it,
  // "enroll_before_request" once the pending enrollment is committed, "enroll_answered" before
  // the answer is stored);
  // throwing from it simulates a crash at that point.
  std::function<void(const char* point)> fault;
  // Seal bodies on push with their scope's content key (core/sync/sealing.h), publish this
  // person's key and grant keys to colleagues (docs/encryption.md); default true. A colleague reads
  // what is sealed once they have published their key and a key holder has synced since, so
  // false is for tests and benches that need a hub holding clear bodies. Pulled sealed bodies are
  // opened whatever this says.
  bool seal_bodies = true;
};

struct EnrollOutcome {
  Id person;
  std::string person_name;
  std::size_t rekeyed = 0;              // local versions moved from an offline-first person id to the roster one
  std::size_t colleagues_to_match = 0;  // device-only colleagues (colleague_match.h); push waits for them
};

struct SyncResult {
  std::int64_t pushed = 0;                  // versions the hub acknowledged this run
  std::int64_t held_back = 0;               // versions the hub refused this run, now held back on this device
  std::int64_t pulled_skipped = 0;          // hub copies of versions held back here as conflicting (409)
  std::int64_t pulled_new = 0;              // versions new to this device
  std::int64_t pulled_total = 0;            // versions received, including ones it had
  std::int64_t bytes_sent = 0;              // request bodies
  std::int64_t bytes_received = 0;          // response bodies
  bool push_waits_for_colleagues = false;   // nothing was sent: the teacher has not yet matched the
                                            // colleagues typed offline (core/sync/colleague_match.h)
  std::int64_t sealed_opened = 0;           // sealed versions received and opened (waiting ones included)
  std::int64_t sealed_waiting = 0;          // sealed versions set aside this run: their key is not here yet
  std::vector<std::string> unopened;        // sealed versions and grants refused: a sentence each
  std::int64_t keys_granted = 0;            // content keys granted to colleagues this run
  std::int64_t keys_received = 0;           // content keys received in grants this run
  std::vector<Id> changed_keys;             // colleagues whose key changed: shown, not trusted until accepted
  bool needs_recovery_phrase = false;       // this person's key is on another device: type the phrase here
  std::int64_t resealed = 0;                // this person's versions the hub held in clear, stored sealed this run
  std::int64_t reseal_passed_over = 0;      // of them, left clear: a visit this person has left (reseal.h)
  std::vector<std::string> reseal_refused;  // re-sealed versions the hub refused: its sentence each
};

class SyncClient {
 public:
  explicit SyncClient(Store& store, SyncOptions options = {});

  bool enrolled() const;
  // An enrollment was sent and its answer never stored: entering the same code again finishes it.
  bool enrollment_pending() const;
  std::string hub_url() const;

  // Trades a one-time code for this device's enrollment. The device makes its own token and
  // commits it as pending (sync.enroll_pending, with the code's hash) before sending it; the
  // enrollment it answers is stored, and the pending state cleared, in one commit. Killed or cut
  // off in between, the device asks again with the same code (the teacher types it again) and
  // the same token, and the hub answers as the first time: the code is not lost.
  // A teacher who worked offline before keeps everything: their local person id is re-keyed to
  // the roster's (see core/sync/rekey.h).
  // A device already enrolled for another person refuses (its data belongs to someone else).
  EnrollOutcome enroll(const std::string& hub_url, const std::string& code, const std::string& device_name);

  // Push everything waiting, then pull everything new. Throws SyncError (Kind::Local, saying
  // so, when this device's storage is full).
  SyncResult sync();
  void push(SyncResult& result);
  void pull(SyncResult& result);

 private:
  void require_enrolled() const;
  void push_batches(SyncResult& result);
  void pull_pages(SyncResult& result);
  // Grants received and made (core/sync/key_grants.h), and waiting versions their keys open;
  // true when grants were made, which the next push carries.
  bool exchange_keys(const crypto::PersonKeys& mine, Id me, SyncResult& result);
  // This person's versions the hub holds in clear, sent again sealed (core/sync/reseal.h;
  // reseal_push.cpp).
  void reseal(Id me, SyncResult& result);
  // Moves the versions of `batch` that `refusal` names to the held-back list; returns how many.
  std::size_t hold_back(const std::vector<Version>& batch, const SyncError& refusal, SyncResult& result);

  Store& store_;
  SyncOptions options_;
};

}  // namespace core::net
