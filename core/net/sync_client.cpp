// HTTP sync client: enroll, push, pull. See sync_client.h for the guarantees.
#include "core/net/sync_client.h"

#include <algorithm>
#include <future>
#include <memory>
#include <optional>
#include <set>
#include <utility>

#include "core/hash.h"
#include "core/net/adaptive_size.h"
#include "core/net/hub_request.h"
#include "core/net/pull_page.h"
#include "core/sync/colleague_match.h"
#include "core/sync/key_grants.h"
#include "core/sync/messages.h"
#include "core/sync/rekey.h"
#include "core/sync/reseal.h"
#include "core/sync/sealing.h"

namespace core::net {

namespace sync = core::sync;

namespace {
constexpr MetaKey kHubUrl = MetaKey::SyncHubUrl;
constexpr MetaKey kToken = MetaKey::SyncToken;
constexpr MetaKey kDevice = MetaKey::SyncDevice;
constexpr MetaKey kPerson = MetaKey::SyncPerson;
constexpr MetaKey kCursor = MetaKey::SyncCursor;
constexpr MetaKey kLastSuccess = MetaKey::SyncLastSuccessMs;
constexpr MetaKey kPushBatch = MetaKey::SyncPushBatch;
constexpr MetaKey kPullPage = MetaKey::SyncPullPage;
constexpr MetaKey kSentUpTo = MetaKey::SyncPushSentUpTo;

// Same versions, same batch id: a resend after a lost answer is a replay to the hub.
Id batch_id_of(const std::vector<Version>& versions) {
  std::string ids;
  for (const auto& v : versions) ids.append(reinterpret_cast<const char*>(v.version.bytes.data()), 16);
  Sha256 h = sha256(ids);
  Id id;
  std::copy(h.begin(), h.begin() + 16, id.bytes.begin());
  return id;
}

// Runs a push or a pull; a full storage on this device becomes a sentence a teacher can act on.
// What a pull stored before is kept (each page commits with its cursor), a page that did not
// fit left nothing behind, and the next sync asks again from the stored cursor.
template <class Work>
void storage_checked(Work&& work) {
  try {
    work();
  } catch (const DiskFull&) {
    throw SyncError(SyncError::Kind::Local, 0,
                    "This device's storage is full, so sync stopped part-way. Nothing saved on this device was lost. "
                    "Free some space (photos, videos or apps you no longer need) and the next sync carries on "
                    "where this one stopped.");
  }
}
}  // namespace

SyncClient::SyncClient(Store& store, SyncOptions options) : store_(store), options_(std::move(options)) {
  // A pull page inserts thousands of versions into several indexes, often at many places (ids
  // made by other devices); with SQLite's 2 MiB default most pages were re-read from the WAL.
  // Connection-level: the app's own connection keeps its setting.
  store_.db().exec("PRAGMA cache_size = -32768");
  // A pulled page can write past the 4 MiB WAL checkpoint threshold, and its commit then also
  // copied every page into the database file and synced that; 32 MiB defers that work to a
  // later commit. Durability is unchanged: each commit still syncs the WAL (synchronous=FULL).
  store_.db().exec("PRAGMA wal_autocheckpoint = 8192");
}

bool SyncClient::enrolled() const { return store_.meta().get(kToken).has_value(); }
std::string SyncClient::hub_url() const { return store_.meta().get(kHubUrl).value_or(""); }

void SyncClient::require_enrolled() const {
  if (!enrolled())
    throw SyncError(SyncError::Kind::NotEnrolled, 0,
                    "This device is not enrolled with a hub yet. Ask your program lead for an enrollment code.");
}

namespace {
// The pending enrollment's meta value for this code: "CODEHASH TOKEN".
std::string enroll_code_hash(const std::string& code) { return to_hex(sha256(sync::normalized_code(code))); }

// The token to enroll with: the pending one when this code was sent before and its answer never
// stored, else a new one (libsodium's random bytes), committed as pending before it leaves.
std::string enroll_token(Store& store, const std::string& code) {
  const std::string code_hash = enroll_code_hash(code);
  if (auto pending = store.meta().get(MetaKey::SyncEnrollPending)) {
    const auto space = pending->find(' ');
    if (space != std::string::npos && pending->compare(0, space, code_hash) == 0) return pending->substr(space + 1);
  }
  std::uint8_t raw[32];
  random_bytes(raw, sizeof raw);
  std::string token = to_hex(raw, sizeof raw);
  // Another code replaces the pending one: if the hub did use that code, its device is never
  // answered again and the admin can revoke it (`peerobs-hub devices`).
  store.meta().set(MetaKey::SyncEnrollPending, code_hash + " " + token);
  return token;
}
}  // namespace

bool SyncClient::enrollment_pending() const { return store_.meta().get(MetaKey::SyncEnrollPending).has_value(); }

EnrollOutcome SyncClient::enroll(const std::string& hub_url, const std::string& code, const std::string& device_name) {
  if (hub_url.rfind("http://", 0) != 0 && hub_url.rfind("https://", 0) != 0)
    throw SyncError(
        SyncError::Kind::Local, 0,
        "The hub address must start with https:// (or http:// for a hub on this computer), got \"" + hub_url + "\".");
  sync::EnrollRequest req{code, device_name, ""};
  req.token = enroll_token(store_, code);
  if (options_.fault) options_.fault("enroll_before_request");
  std::string answer;
  try {
    answer = post_to_hub(hub_url, "", "/v1/enroll", sync::pack(req), options_, nullptr);
  } catch (const SyncError& e) {
    if (e.http_status == 0) {
      // No answer: the hub may have used the code, and the pending enrollment asks for it again.
      SyncError again(e.kind, 0, std::string(e.what()) + " Enter the same code again when the hub can be reached.");
      again.cut = e.cut;
      throw again;
    }
    // A hub from before format 2 reads no token: "trailing bytes" (400). Asked again as format 1,
    // it enrolls this device as it always did (an answer lost then costs the code, as it did).
    if (e.http_status != 400) throw;
    answer = post_to_hub(hub_url, "", "/v1/enroll", sync::pack(sync::EnrollRequest{code, device_name, ""}), options_,
                         nullptr);
  }
  auto resp = read_answer<sync::EnrollResponse>(answer);
  if (options_.fault) options_.fault("enroll_answered");
  EnrollOutcome out;
  out.person = resp.person;
  out.person_name = resp.person_name;
  store_.transaction([&] {
    auto previous = store_.meta().get(kPerson);
    if (previous && *previous != resp.person.hex())
      throw SyncError(SyncError::Kind::Local, 0,
                      "This device already holds the data of another person on the hub; the code is for " +
                          resp.person_name + ". Use another device, or ask your program lead.");
    for (const auto& v : resp.person_versions) store_.apply_version(v);
    auto local = store_.meta().local_person();
    if (!previous && local && *local != resp.person) {
      // Never enrolled, so nothing left this device: its offline work may be re-keyed.
      std::vector<Id> parents;
      for (const auto& h : store_.heads(resp.person)) parents.push_back(h.version.version);
      out.rekeyed = sync::rekey_person(store_, *local, resp.person, parents);
      // Colleagues typed into plans offline are ids the hub has never seen: nothing is sent until
      // the teacher has matched them with the roster (re-keyed in place) or chosen to keep them here.
      out.colleagues_to_match = sync::device_only_colleagues(store_, resp.person).size();
      if (out.colleagues_to_match > 0) sync::set_push_waits_for_colleagues(store_, true);
    } else {
      store_.meta().set_local_person(resp.person);
    }
    store_.meta().set(kHubUrl, hub_url);
    store_.meta().set(kToken, resp.token);
    store_.meta().set(kDevice, resp.device.hex());
    store_.meta().set(kPerson, resp.person.hex());
    // In this commit: a kill before it leaves the enrollment pending, asked again with the same
    // token; after it, enrolled, and a retry with the code would only be answered the same.
    store_.meta().erase(MetaKey::SyncEnrollPending);
  });
  return out;
}

namespace {
// A push batch read from the outbox and packed, ready to send.
struct PushBatch {
  std::int64_t after = 0;  // the outbox position it was read after, and with how many at most
  int limit = 0;
  std::int64_t last = 0;  // the outbox position of its last version
  std::vector<Version> versions;
  Id id;
  std::string body;
};

// Bundles (core/crypto/sealed_bundle.h) are formed from the batch as it is read, so a batch
// read again after its answer was lost must not reach past the one sent: its last bundle would
// then take versions the hub never saw under a head the hub holds with fewer members. Read
// again from the same start, no further, it seals the same bundles or (shorter, after a cut)
// the same but its last, whose versions the hub then holds already, all of them or none.
//
// The mark is written without waiting for the disk: it has to outlive this process being killed,
// which a WAL commit does without an fsync, and an fsync of its own before every batch took a
// quarter of a district's push throughput (load_hub: 696 against 947 requests/s). A power cut can
// lose it; the worst that then follows is a batch the hub refuses in part (a bundle's new member
// whose head it holds), held back until the teacher sends it again, when it is sealed anew.
class UnsyncedWrite {
 public:
  explicit UnsyncedWrite(Store& store) : store_(store) { store_.db().exec("PRAGMA synchronous=NORMAL"); }
  ~UnsyncedWrite() {
    try {
      store_.db().exec("PRAGMA synchronous=FULL");
    } catch (const std::exception&) {  // a destructor never throws; the next open sets it again
    }
  }
  UnsyncedWrite(const UnsyncedWrite&) = delete;
  UnsyncedWrite& operator=(const UnsyncedWrite&) = delete;

 private:
  Store& store_;
};

void mark_sent_up_to(Store& store, std::int64_t last) {
  UnsyncedWrite unsynced(store);
  store.meta().set(kSentUpTo, std::to_string(last));
}

std::int64_t sent_up_to(Store& store, std::int64_t after) {
  const std::int64_t sent = std::stoll(store.meta().get(kSentUpTo).value_or("0"));
  return sent > after ? sent : 0;
}

PushBatch read_batch(Store& store, std::int64_t after, int limit, bool seal) {
  PushBatch b;
  b.after = after;
  b.limit = limit;
  // Past the first version, a batch stops at kPushBatchBytes of bodies so the request stays
  // within the hub's wire limit (16 MiB) even when bodies are large.
  const std::int64_t up_to = seal ? sent_up_to(store, after) : 0;
  b.versions = store.outbox().after(after, limit, up_to, sync::kPushBatchBytes, b.last);
  if (b.versions.empty() && up_to > 0) {
    // Nothing left up to it: what was sent there was acknowledged (or refused, so not stored). The
    // mark stays until the next batch sent moves it: one write less per push.
    b.versions = store.outbox().after(after, limit, 0, sync::kPushBatchBytes, b.last);
  }
  if (b.versions.empty()) return b;
  sync::PushRequest req;
  req.batch = b.id = batch_id_of(b.versions);
  req.versions = seal ? sync::seal_for_push(store.keys(), b.versions, sync::Bundles::Yes) : b.versions;
  b.body = sync::pack(req);
  return b;
}
}  // namespace

void SyncClient::push(SyncResult& result) {
  storage_checked([&] { push_batches(result); });
}

void SyncClient::push_batches(SyncResult& result) {
  require_enrolled();
  if (sync::push_waits_for_colleagues(store_)) {
    result.push_waits_for_colleagues = true;
    return;
  }
  sync::note_push_sealing(store_, options_.seal_bodies);
  std::string url = hub_url(), token = store_.meta().get(kToken).value_or("");
  AdaptiveSize size(store_, kPushBatch, options_.batch_size);
  int cuts = 0;
  // Batches go one at a time, in outbox order: the hub stores batch n before it sees n+1 (an
  // observation before its notes). While one is on its way, this device removes the one before
  // it from the outbox and reads and packs the one after it, so its own work overlaps the hub's.
  std::int64_t after = 0;          // outbox position of the last acknowledged version
  std::vector<Id> acknowledged;    // acknowledged, still in the outbox
  std::optional<PushBatch> ready;  // read while the previous batch was on its way
  auto remove_acknowledged = [&] {
    if (acknowledged.empty()) return;
    store_.outbox().remove(acknowledged);
    acknowledged.clear();
  };
  try {
    for (;;) {
      // The first batch is small, so the hub has work while this device reads the next one.
      int limit = after == 0 ? std::min(size.get(), kFirstRequestVersions) : size.get();
      PushBatch batch = ready && ready->after == after && ready->limit == limit
                            ? std::move(*ready)
                            : read_batch(store_, after, limit, options_.seal_bodies);
      ready.reset();
      if (batch.versions.empty()) break;
      if (options_.seal_bodies) mark_sent_up_to(store_, batch.last);
      // Destroying the future waits for the request: `batch` (declared before it) outlives it.
      auto in_flight = std::async(std::launch::async, [&] {
        SyncResult bytes;
        std::string answer = post_to_hub(url, token, "/v1/push", batch.body, options_, &bytes);
        return std::make_pair(std::move(answer), bytes);
      });
      remove_acknowledged();
      ready = read_batch(store_, batch.last, size.after_success(), options_.seal_bodies);
      std::string answer;
      try {
        auto [got, bytes] = in_flight.get();
        result.bytes_sent += bytes.bytes_sent;
        result.bytes_received += bytes.bytes_received;
        answer = std::move(got);
      } catch (const SyncError& e) {
        ready.reset();
        if (e.cut) {
          // Half of it, now: a new batch id, and versions the hub did store are no-ops there.
          if (!size.shrink(batch.versions.size()) || ++cuts >= kCutRetries) throw;
          continue;
        }
        if (hold_back(batch.versions, e, result) == 0) throw;
        continue;  // the same batch without the refused versions (a new batch id)
      }
      auto resp = read_answer<sync::PushResponse>(answer);
      if (resp.batch != batch.id)
        throw SyncError(SyncError::Kind::HubFailure, 0, "The hub acknowledged a different batch than was sent.");
      if (options_.fault) options_.fault("after_push_ack");
      for (const auto& v : batch.versions) acknowledged.push_back(v.version);
      after = batch.last;
      result.pushed += static_cast<std::int64_t>(batch.versions.size());
      cuts = 0;
      size.grow();
    }
  } catch (...) {
    // What the hub acknowledged leaves the outbox whatever failed after it (left there, it
    // would only be sent again, as a no-op).
    remove_acknowledged();
    throw;
  }
  remove_acknowledged();
}

std::size_t SyncClient::hold_back(const std::vector<Version>& batch, const SyncError& refusal, SyncResult& result) {
  // Only versions of this batch: a refusal naming nothing we sent cannot make progress, and
  // the caller then reports it as an error instead of looping.
  std::set<Id> sent;
  for (const auto& v : batch) sent.insert(v.version);
  std::vector<HeldBackVersion> held;
  std::int64_t now = wall_clock_ms();
  for (const auto& r : refusal.refused)
    if (sent.count(r.version)) held.push_back({r.version, r.status, r.reason, now});
  if (held.empty()) return 0;
  store_.outbox().hold_back(held);
  result.held_back += static_cast<std::int64_t>(held.size());
  return held.size();
}

namespace {
// The next pull page, asked for on another thread while this device stores the current one:
// the hub reads and packs page n+1 while the device writes page n, on different cores.
// A pull page fetched, decoded, checked (hashes, bodies) and its sealed bodies opened: everything
// before it is stored.
TakenPage fetch_page(const std::string& url, const std::string& token, const sync::PullRequest& req,
                     const SyncOptions& options, const sync::HeldKeys& keys, SyncResult& bytes) {
  return take_pull_page(read_pull_page(post_to_hub(url, token, "/v1/pull", sync::pack(req), options, &bytes)), keys);
}

class PageAhead {
 public:
  PageAhead(const std::string& url, const std::string& token, const sync::PullRequest& req, const SyncOptions& options,
            std::shared_ptr<const sync::HeldKeys> keys)
      : cursor_(req.cursor), limit_(req.limit) {
    page_ = std::async(std::launch::async, [url, token, req, options, keys] {
      SyncResult bytes;
      auto page = fetch_page(url, token, req, options, *keys, bytes);
      return std::make_pair(std::move(page), bytes);
    });
  }
  bool is_for(const sync::PullRequest& req) const { return req.cursor == cursor_ && req.limit == limit_; }
  // The page, or the error fetching, checking or opening it ended with.
  TakenPage take(SyncResult& result) {
    auto [page, bytes] = page_.get();
    result.bytes_sent += bytes.bytes_sent;
    result.bytes_received += bytes.bytes_received;
    return std::move(page);
  }

 private:
  std::uint64_t cursor_;
  std::uint32_t limit_;
  // Destroying it waits for the request (bounded by the read timeout): no thread outlives
  // the pull that started it.
  std::future<std::pair<TakenPage, SyncResult>> page_;
};
}  // namespace

void SyncClient::pull(SyncResult& result) {
  storage_checked([&] {
    pull_pages(result);
    // Keys that arrived with this pull open the versions that waited for them.
    if (store_.keys().waiting() == 0) return;
    auto opened = sync::open_waiting(store_, sync::PulledToTheEnd::Yes);
    result.sealed_opened += static_cast<std::int64_t>(opened.opened);
    result.unopened.insert(result.unopened.end(), opened.refused.begin(), opened.refused.end());
  });
}

void SyncClient::pull_pages(SyncResult& result) {
  require_enrolled();
  std::string url = hub_url(), token = store_.meta().get(kToken).value_or("");
  AdaptiveSize size(store_, kPullPage, options_.page_size);
  int cuts = 0;
  // Sealed bodies open with the keys held as the pull starts, on the thread that fetches their page.
  const auto keys = std::make_shared<const sync::HeldKeys>(store_.keys());
  std::optional<PageAhead> ahead;
  for (;;) {
    sync::PullRequest req;
    req.cursor = std::stoull(store_.meta().get(kCursor).value_or("0"));
    req.limit = static_cast<std::uint32_t>(size.get());
    TakenPage resp;
    try {
      // A page asked for ahead is used only if it starts where the stored cursor now is.
      resp = ahead && ahead->is_for(req) ? ahead->take(result) : fetch_page(url, token, req, options_, *keys, result);
      ahead.reset();
    } catch (const SyncError& e) {
      ahead.reset();
      // A pull changes nothing on either side, so asking again for half as much is safe.
      if (!e.cut || !size.shrink(req.limit) || ++cuts >= kCutRetries) throw;
      continue;
    }
    if (!pull_page_moves_on(req.cursor, resp)) return;  // nothing new: write nothing
    cuts = 0;
    size.grow();  // the page arrived whole: the network carried this much
    if (resp.more) {
      sync::PullRequest next;
      next.cursor = resp.next_cursor;
      next.limit = static_cast<std::uint32_t>(size.get());
      ahead.emplace(url, token, next, options_, keys);
    }
    store_pull_page(store_, resp, result, options_.fault);
    if (!resp.more) return;
  }
}

bool SyncClient::exchange_keys(const crypto::PersonKeys& mine, Id me, SyncResult& result) {
  sync::GrantWork received, made;
  sync::OpenedWaiting opened;
  storage_checked([&] {
    received = sync::receive_grants(store_, mine, me);
    // What the new keys open comes first: a plan waiting for its key may have removed someone,
    // who must not be granted the scope's key from a stale list of members.
    if (received.received > 0) opened = sync::open_waiting(store_);
    made = sync::make_grants(store_, mine, me);
  });
  result.keys_received += static_cast<std::int64_t>(received.received);
  result.keys_granted += static_cast<std::int64_t>(made.granted);
  result.sealed_opened += static_cast<std::int64_t>(opened.opened);
  for (const auto* work : {&received, &made})
    for (Id person : work->changed_keys)
      if (std::find(result.changed_keys.begin(), result.changed_keys.end(), person) == result.changed_keys.end())
        result.changed_keys.push_back(person);
  result.unopened.insert(result.unopened.end(), received.refused.begin(), received.refused.end());
  result.unopened.insert(result.unopened.end(), opened.refused.begin(), opened.refused.end());
  return made.granted > 0;
}

SyncResult SyncClient::sync() {
  SyncResult result;
  // End-to-end encryption: this person's key pair, and grants of the keys this device holds to
  // the members of their scopes. Grants for keys the push makes go out right after it; grants
  // for colleagues the pull brings go out in the same sync too.
  std::optional<crypto::PersonKeys> mine;
  Id me;
  if (options_.seal_bodies && enrolled()) {
    auto person = Id::from_hex(store_.meta().get(kPerson).value_or(""));
    if (!person)
      throw SyncError(SyncError::Kind::Local, 0,
                      "This device's enrollment does not say whose it is; enroll it again with a new code.");
    me = *person;
    storage_checked([&] { mine = sync::own_key_pair(store_, me); });
    result.needs_recovery_phrase = !mine;
    if (mine) exchange_keys(*mine, me, result);
  }
  try {
    push(result);
    if (mine && exchange_keys(*mine, me, result)) push(result);
    // After the outbox, whose versions go sealed anyway; keys made for re-sealed scopes are
    // granted after the pull below.
    if (mine) storage_checked([&] { reseal(me, result); });
  } catch (const SyncError& e) {
    // A hub whose disk is full cannot store this device's work, but can still hand it what
    // colleagues sent before: pull, then report the push's failure.
    if (e.http_status != 507) throw;
    pull(result);
    throw;
  }
  pull(result);
  if (mine && exchange_keys(*mine, me, result)) push(result);
  storage_checked([&] { store_.meta().set(kLastSuccess, std::to_string(wall_clock_ms())); });
  return result;
}

}  // namespace core::net
