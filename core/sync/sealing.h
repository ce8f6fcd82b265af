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

// The versions of a push batch as they travel: each of a type that travels sealed, sealed with
// its scope's current key; a key is made (and saved) for a scope that has none yet. Tombstones
// and people's records go as they are. Same ids, same order.
std::vector<Version> seal_for_push(KeyRing& keys, const std::vector<Version>& plain);

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
  std::vector<Version> versions;     // ready to apply: clear ones as they came, sealed ones opened
  std::vector<Version> waiting;      // sealed with a key this device does not hold (yet)
  std::vector<std::string> refused;  // sentences: bodies that did not open with the key they name
  std::size_t opened = 0;            // of `versions`, those that came sealed
};
// What a pulled page holds for this device. Never throws for bad bytes: a sealed body that is not
// well formed, or does not open, is refused with a sentence naming the version.
OpenedPage open_pulled(const HeldKeys& keys, std::vector<Version> page);

struct OpenedWaiting {
  std::size_t opened = 0;
  std::vector<std::string> refused;
};
// Opens and stores the waiting versions whose key has arrived since, in one transaction.
OpenedWaiting open_waiting(Store& store);

}  // namespace core::sync
