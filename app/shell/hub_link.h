// The client's link to its school's hub: the background SyncWorker, and enrollment with a
// one-time code on a thread of its own. Nothing here ever blocks the frame: the UI asks for
// work (sync_now, enroll) and reads results with poll(), which copies a snapshot.
// After an enrollment the local person may have been re-keyed to the roster's id, so the
// caller must reload who "me" is (EnrollResult::person).
// An enrollment of a store holding colleagues typed into plans offline also pulls the roster
// before it reports, so the screen that matches them (match_colleagues_*) has names to offer;
// rosters arriving later reach the App as pulled data like any other.
#pragma once
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "app/shell/sync_state.h"
#include "core/ids.h"
#include "core/net/sync_worker.h"

namespace app {

struct EnrollResult {
  bool ok = false;
  core::Id person;      // the roster person this device now belongs to
  std::string message;  // "Connected as Ana Lopes." or what went wrong, in plain words
};

class HubLink {
 public:
  // store_path: the client's store file; the worker and enrollment open their own connections.
  explicit HubLink(std::string store_path, core::net::WorkerOptions options = {});
  ~HubLink();
  HubLink(const HubLink&) = delete;
  HubLink& operator=(const HubLink&) = delete;

  void sync_now();
  // Starts enrolling; false if one is already running.
  bool enroll(const std::string& hub_url, const std::string& code, const std::string& device_name);
  bool enrolling() const;
  // Fills `state` with the worker's snapshot; true when any of it changed since the last poll.
  // `data_changed` is set when pulled data changed the store (views must be rebuilt).
  bool poll(SyncState& state, bool& data_changed);
  // The finished enrollment, once (nullopt while none finished since the last call).
  std::optional<EnrollResult> take_enroll_result();

 private:
  std::string store_path_;
  std::unique_ptr<core::net::SyncWorker> worker_;
  mutable std::mutex mutex_;
  std::thread enroll_thread_;
  bool enrolling_ = false;
  std::optional<EnrollResult> enroll_result_;
  SyncState last_polled_;  // the snapshot the previous poll() returned
};

}  // namespace app
