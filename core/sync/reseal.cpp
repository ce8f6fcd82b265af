// This person's versions sent again sealed. See reseal.h for which ones and why.
#include "core/sync/reseal.h"

#include <algorithm>
#include <map>
#include <string>
#include <tuple>

#include "core/crypto/sealed_body.h"
#include "core/crypto/sealing_scope.h"
#include "core/hash.h"
#include "core/serialization.h"
#include "core/sync/key_grants.h"
#include "core/sync/sealing.h"

namespace core::sync {

namespace {
std::int64_t reseal_meta_seq(const Store& store, MetaKey key) {
  auto text = store.meta().get(key);
  if (!text) return 0;
  try {
    return std::stoll(*text);
  } catch (const std::exception&) {
    return 0;  // unreadable: walk from the start again (a version re-sent is a no-op at the hub)
  }
}

// A version of this person's that may be clear on the hub: it left the device (not waiting in the
// outbox, not refused, not local-only), in clear, of a type that travels sealed.
bool reseal_candidate(const Store& store, const Version& v) {
  return crypto::travels_sealed(v.type) && !is_sealed_body(v.body) && !store.outbox().is_queued(v.version) &&
         !store.outbox().is_held_back(v.version) && !store.outbox().never_leaves(v);
}

using ResealScopeOrder = std::tuple<int, Id, Id, Id>;

// Whether this device may seal versions of `scope`: it holds a key for it, or its person is a
// member, so a key it makes reaches the other members as grants (key_grants.h).
bool reseal_may_seal(const Store& store, Id me, const crypto::SealingScope& scope,
                     std::map<ResealScopeOrder, bool>& known) {
  const ResealScopeOrder order{static_cast<int>(scope.kind), scope.scope, scope.coach, scope.teacher_leader};
  auto found = known.find(order);
  if (found != known.end()) return found->second;
  const bool may = store.keys().current(scope).has_value() || scope_members(store, scope).count(me) > 0;
  known.emplace(order, may);
  return may;
}
}  // namespace

void note_push_sealing(Store& store, bool sealing) {
  if (!sealing) {
    if (store.outbox().size() == 0) return;
    store.transaction([&] {
      store.meta().erase(MetaKey::SyncClearUpTo);
      store.meta().erase(MetaKey::SyncResealedUpTo);
    });
    return;
  }
  if (store.meta().get(MetaKey::SyncClearUpTo)) return;
  // The span of this person's versions that left the device: what waits in the outbox now goes
  // sealed with this push, and re-sending it after would only cost bytes (a new device's whole
  // first push, say).
  std::int64_t first = 0, last = 0;
  const auto me = Id::from_hex(store.meta().get(MetaKey::SyncPerson).value_or(""));
  const std::int64_t newest = store.versions().newest_seq();
  if (me) {
    store.versions().for_each_by_author(*me, 0, newest, [&](std::int64_t seq, Version&& v) {
      if (!reseal_candidate(store, v)) return true;
      if (first == 0) first = seq;
      last = seq;
      return true;
    });
  } else {
    last = newest;  // whose versions is unknown: all of them may have gone clear
  }
  store.transaction([&] {
    store.meta().set(MetaKey::SyncClearUpTo, std::to_string(last));
    if (first > 0 && !store.meta().get(MetaKey::SyncResealedUpTo))
      store.meta().set(MetaKey::SyncResealedUpTo, std::to_string(first - 1));
  });
}

std::vector<PulledClear> clear_in_page(const std::vector<Version>& page) {
  std::vector<PulledClear> clear;
  for (const Version& v : page)
    if (!v.tombstone && crypto::travels_sealed(v.type) && !is_sealed_body(v.body))
      clear.push_back({v.version, v.author});
  return clear;
}

void note_pulled_clear(Store& store, const std::vector<PulledClear>& clear) {
  if (clear.empty() || !store.meta().get(MetaKey::SyncClearUpTo)) return;  // not sealing: nothing to re-seal yet
  auto me = Id::from_hex(store.meta().get(MetaKey::SyncPerson).value_or(""));
  if (!me) return;
  std::vector<Id> mine_in_clear;
  for (const PulledClear& v : clear)
    if (v.author == *me) mine_in_clear.push_back(v.version);
  if (mine_in_clear.empty()) return;
  std::int64_t newest = reseal_meta_seq(store, MetaKey::SyncClearUpTo);
  for (const auto& [version, seq] : store.versions().seqs(mine_in_clear)) newest = std::max(newest, seq);
  store.meta().set(MetaKey::SyncClearUpTo, std::to_string(newest));
}

ResealBatch next_reseal_batch(const Store& store, Id me, int limit, std::size_t max_body_bytes) {
  ResealBatch batch;
  const std::int64_t done = reseal_meta_seq(store, MetaKey::SyncResealedUpTo);
  const std::int64_t up_to = reseal_meta_seq(store, MetaKey::SyncClearUpTo);
  if (done >= up_to) return batch;
  batch.last_seq = up_to;  // unless the walk stops before the end
  std::int64_t examined = done;
  std::size_t bytes = 0;
  std::map<ResealScopeOrder, bool> may_seal;
  store.versions().for_each_by_author(me, done, up_to, [&](std::int64_t seq, Version&& v) {
    if (batch.plain.size() >= static_cast<std::size_t>(limit)) {
      batch.last_seq = examined;
      return false;
    }
    const bool candidate = reseal_candidate(store, v);
    if (candidate && !batch.plain.empty() && bytes + v.body.size() > max_body_bytes) {
      batch.last_seq = examined;
      return false;
    }
    examined = seq;
    if (!candidate) return true;
    bool may = false;
    try {
      may = reseal_may_seal(store, me, crypto::key_scope_of(v), may_seal);
    } catch (const std::exception&) {
      may = false;  // a body this device cannot read the scope of stays as the hub holds it
    }
    if (!may) {
      ++batch.passed_over;
      return true;
    }
    bytes += v.body.size();
    batch.plain.push_back(std::move(v));
    return true;
  });
  return batch;
}

PushRequest reseal_request(Store& store, const std::vector<Version>& plain) {
  static constexpr char kDomain[] = "peerobs reseal batch";
  std::string ids(kDomain, sizeof kDomain);
  for (const auto& v : plain) ids.append(reinterpret_cast<const char*>(v.version.bytes.data()), 16);
  const Sha256 h = sha256(ids);
  PushRequest req;
  std::copy(h.begin(), h.begin() + 16, req.batch.bytes.begin());
  req.versions = seal_for_push(store.keys(), plain, Bundles::No);
  return req;
}

void reseal_acknowledged(Store& store, std::int64_t last_seq) {
  store.meta().set(MetaKey::SyncResealedUpTo, std::to_string(last_seq));
}

}  // namespace core::sync
