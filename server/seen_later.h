// Devices' last_seen stamps that read requests owe the database, kept until the writer writes
// them (HubStore::record_seen).
//
// Why: a pull or status request runs on a read connection (hub_reader.h) and must not wait for
// the writer, yet it is also how the hub learns a device is still in use (last_seen, shown by
// date in `peerobs-hub devices` and counted by `activity`). So the stamp is noted here and the
// writer takes it with its next write, or at once if it is free. A stamp is informational: one
// lost to a crash before the writer took it is renewed by the device's next request.
// Thread-safe: its own mutex, held only to note or take.
#pragma once
#include <algorithm>
#include <cstdint>
#include <map>
#include <mutex>
#include <utility>
#include <vector>

#include "core/ids.h"

namespace server {

class SeenLater {
 public:
  void note(core::Id device, std::int64_t at_ms) {
    std::lock_guard<std::mutex> guard(mutex_);
    std::int64_t& at = due_[device];
    at = std::max(at, at_ms);
  }
  // Every stamp noted so far, once; the next call starts empty.
  std::vector<std::pair<core::Id, std::int64_t>> take() {
    std::lock_guard<std::mutex> guard(mutex_);
    std::vector<std::pair<core::Id, std::int64_t>> out(due_.begin(), due_.end());
    due_.clear();
    return out;
  }

 private:
  std::mutex mutex_;
  std::map<core::Id, std::int64_t> due_;  // at most one entry per device
};

}  // namespace server
