// What Home shows about sync: a small plain struct the UI reads, filled from the store today and
// by the sync worker once it is connected (it then overwrites the same fields each frame).
#pragma once
#include <cstdint>
#include <string>

#include "core/store.h"

namespace app {

struct SyncState {
  bool enrolled = false;       // this device has a hub to sync with; default false
  std::string hub;             // hub URL, "" when not enrolled
  std::string last_sync;       // human time of the last successful sync, "" = never
  std::int64_t waiting = 0;    // versions saved here and not yet sent (Store::outbox_size())
  std::string error;           // the last sync problem in plain words, "" = none
  bool syncing = false;        // a sync is running right now
  std::int64_t conflicts = 0;  // records edited on two devices at once, waiting for a choice
  std::int64_t held_back = 0;  // versions the hub refused; they stay on this device
  std::string held_back_note;  // what to tell the user about them, "" when none
};

// Reads the enrollment (meta "sync.hub_url", "sync.last_success_ms", written by core/net's
// SyncClient), the outbox size and the held-back versions (with the same sentence the sync
// worker reports) from the store. Conflicts come from the worker's report only.
SyncState read_sync_state(const core::Store& store);

// "26 Nov at 03:45" in local time for a device-clock ms stamp; "" for 0 (never).
std::string format_sync_time(std::int64_t ms);

// One sentence for Home, e.g. "Not connected to a hub — your work is kept on this device."
std::string describe(const SyncState& state);

}  // namespace app
