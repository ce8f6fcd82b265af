// The request size that adapts to cut connections. See adaptive_size.h.
#include "core/net/adaptive_size.h"

#include <algorithm>
#include <string>

#include "core/net/sync_client.h"

namespace core::net {

AdaptiveSize::AdaptiveSize(Store& store, MetaKey key, int max)
    : store_(store), key_(key), max_(std::max(1, max)), floor_(std::min(kMinRequestVersions, max_)) {
  size_ = max_;
  if (auto saved = store_.meta().get(key_)) {
    try {
      size_ = std::clamp(std::stoi(*saved), floor_, max_);
    } catch (const std::exception&) {
      size_ = max_;  // an unreadable value only costs the adaptation, never the sync
    }
  }
}

bool AdaptiveSize::shrink(std::size_t sent) {
  if (static_cast<int>(std::min<std::size_t>(sent, static_cast<std::size_t>(max_))) <= floor_) return false;
  set(std::max(floor_, std::min(size_, static_cast<int>(sent)) / 2));
  return true;
}

void AdaptiveSize::set(int size) {
  if (size == size_) return;
  size_ = size;
  store_.meta().set(key_, std::to_string(size_));
}

}  // namespace core::net
