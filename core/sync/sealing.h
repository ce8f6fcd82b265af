// End-to-end encryption at the device's edge (docs/encryption.md): bodies are sealed as a push
// batch is packed and opened as a pulled page arrives, so the device's own store, its outbox and
// every screen keep plain versions, and the hub only ever holds sealed ones.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "core/crypto/content_key.h"
#include "core/records.h"
#include "core/store.h"

namespace core::sync {

// Bundles::Yes seals the versions of one key and author together where they may be
// (crypto/sealed_bundle.h), in runs of up to kMaxBundleMembers in batch order; a batch read again
// from the same start seals the same bundles, and a shorter one the same bundles but its last.
// Bundles::No seals each alone (re-sealing versions the hub holds in clear, one by one).
enum class Bundles { Yes, No };

// The versions of a push batch as they travel: each of a type that travels sealed, sealed with
// its scope's current key; a key is made (and saved) for a scope that has none yet. Tombstones
// and people's records go as they are. Same ids, same order.
std::vector<Version> seal_for_push(KeyRing& keys, const std::vector<Version>& plain, Bundles bundles);

// The keys this device holds, copied out of its key ring, so that a pulled page can be opened on
// another thread than the one storing the page before it. A key that arrives after the copy only
// makes a version wait, and SyncClient::pull opens what waits once its pages are stored.
class HeldKeys {
 public:
  explicit HeldKeys(const KeyRing& ring);
  const crypto::ContentKey* find(Id key_id) const;

 private:
  std::map<Id, crypto::ContentKey> keys_;
};

struct OpenedPage {
  std::vector<Version> versions;  // ready to apply: clear ones as they came, sealed ones opened
  // Sealed with a key this device does not hold (yet), or parts of a bundle whose other parts
  // are not here yet (the next page brings them); of those, waiting_for_key wait for a key.
  std::vector<Version> waiting;
  std::size_t waiting_for_key = 0;
  std::vector<std::string> refused;  // sentences: bodies that did not open with the key they name
  std::size_t opened = 0;            // of `versions`, those that came sealed
};
// What a pulled page holds for this device, in the page's order. Never throws for bad bytes: a
// sealed body that is not well formed, or does not open, is refused with a sentence naming the
// version (a bundle that does not open: one sentence for all its members).
OpenedPage open_pulled(const HeldKeys& keys, std::vector<Version> page);

struct OpenedWaiting {
  std::size_t opened = 0;
  std::vector<std::string> refused;
};
// Opens and stores the waiting versions whose key has arrived since, and the bundles whose parts
// are all here now, in one transaction. A bundle still missing a part keeps waiting for it, unless
// `pulled_to_the_end`: the hub routes a bundle's parts together, so once a pull has reached the
// end of the feed, a part whose bundle is not whole never will be (its hub rows were changed):
// it is refused with a sentence and stops waiting.
enum class PulledToTheEnd { No, Yes };
OpenedWaiting open_waiting(Store& store, PulledToTheEnd pulled_to_the_end = PulledToTheEnd::No);

}  // namespace core::sync
