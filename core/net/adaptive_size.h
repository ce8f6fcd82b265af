// How many versions a push batch or pull page carries on this network: halved after a cut
// request, doubled after a success, between a floor (kMinRequestVersions) and the configured
// maximum. Kept in the store's meta (written only when it changes) because the worker makes a
// new SyncClient per run, and a restart on the same bad Wi-Fi should not begin again with a
// request that cannot get through.
#pragma once
#include <cstddef>

#include "core/store.h"

namespace core::net {

class AdaptiveSize {
 public:
  // Reads the saved size under `key` (an unreadable one counts as none).
  AdaptiveSize(Store& store, MetaKey key, int max);
  int get() const { return size_; }
  // After a cut request of `sent` versions; false when it was already at the floor, so a
  // smaller request is not possible.
  bool shrink(std::size_t sent);
  void grow() { set(after_success()); }
  // What the size becomes after the current request succeeds.
  int after_success() const { return size_ > max_ / 2 ? max_ : size_ * 2; }

 private:
  void set(int size);
  Store& store_;
  MetaKey key_;
  int max_, floor_, size_;
};

}  // namespace core::net
