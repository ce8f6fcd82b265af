// Re-sending this person's versions that reached the hub in clear, sealed (docs/encryption.md,
// Upgrading a hub that holds clear text), so the hub can replace their clear bodies.
//
// Which versions went out clear: sealing was off on every device until it was turned on, so any
// version this store holds when it first pushes with sealing on may be clear on the hub: its own
// pushed before, and its person's from their other devices, pulled in clear. The store marks that
// point once (MetaKey::SyncClearUpTo: the local seq of the last such version; what waits in the
// outbox then goes sealed with that push) and walks this person's versions up to it in seq order,
// remembering how far the hub acknowledged (MetaKey::SyncResealedUpTo, first set just before the
// first such version). A
// version of this person's pulled in clear later (a new device's first pull, or another device of
// theirs that does not seal yet) moves the mark up to cover it. A push with sealing off forgets
// both, so what goes out clear then is covered when sealing returns.
// The store decides alone, rather than asking the hub which bodies it holds in clear: that would be
// a new request and a protocol change, and the hub answers a version it holds sealed already as
// known, so a version re-sent needlessly costs bytes, never correctness.
//
// Left out: versions still in the outbox (they go sealed with the next push), held back (the hub
// refused them), local-only (they never left), tombstones and types that travel clear, and those
// of a scope this device holds no key for and may not make one for (a visit its person has left:
// a key made there would reach nobody; the hub keeps them clear).
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/store.h"
#include "core/sync/messages.h"

namespace core::sync {

// As a push begins: with sealing on, the first time, marks this person's versions that left the
// device so far as possibly clear on the hub (one pass over them); with sealing off and something
// to send, forgets the mark and the progress.
void note_push_sealing(Store& store, bool sealing);

// A pulled version that came in clear though its type travels sealed: what note_pulled_clear needs,
// taken before the page's sealed bodies are opened (after that, opened and clear look alike).
struct PulledClear {
  Id version;
  Id author;
};
std::vector<PulledClear> clear_in_page(const std::vector<Version>& page);

// After a pulled page is applied (inside its transaction): when sealing has begun here and the
// page held a version of this person's that came in clear, the mark moves up to cover it.
void note_pulled_clear(Store& store, const std::vector<PulledClear>& clear);

struct ResealBatch {
  std::vector<Version> plain;   // this person's versions to send again sealed, oldest first
  std::int64_t last_seq = 0;    // how far this batch reaches, stored once the hub acknowledged it;
                                // 0: nothing is left to re-seal
  std::size_t passed_over = 0;  // left clear: a scope with no key this device may use
};
// The next batch after what the hub acknowledged: at most `limit` versions, and stopping before
// the body that passes `max_body_bytes` (never before the first). Makes no key.
ResealBatch next_reseal_batch(const Store& store, Id me, int limit, std::size_t max_body_bytes);

// The push that carries `plain` sealed (a key is made for a scope that has none yet, as a push
// does). Its batch id is derived from the versions' ids under a domain of its own: the clear push
// that first sent the same versions had the id of those ids alone, and the hub would answer this
// one with that one's stored response.
PushRequest reseal_request(Store& store, const std::vector<Version>& plain);

// The hub acknowledged the batch reaching `last_seq`: durable before the next batch is read.
void reseal_acknowledged(Store& store, std::int64_t last_seq);

}  // namespace core::sync
