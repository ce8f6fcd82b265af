// What Home shows about sync: the sync worker's own status struct (core::net::SyncStatus), read
// from the store until the worker's first report, and the sentence Home and Settings show for it.
#pragma once
#include <cstdint>
#include <string>

#include "core/net/sync_status.h"
#include "core/store.h"

namespace app {

// One form for sync state in the whole client: the worker's snapshot, as HubLink passes it on.
using SyncState = core::net::SyncStatus;

// Reads the enrollment (meta "sync.hub_url", "sync.last_success_ms", written by core/net's
// SyncClient), the outbox size and the held-back versions (with the same sentence the sync
// worker reports) from the store. Conflicts come from the worker's report only.
SyncState read_sync_state(const core::Store& store);

// "26 Nov at 03:45" in local time for a device-clock ms stamp; "" for 0 (never).
std::string format_sync_time(std::int64_t ms);

// One sentence for Home, e.g. "Not connected to a hub — your work is kept on this device."
std::string describe(const SyncState& state);

// What waits for a key and what was refused (docs/encryption.md), e.g. "12 items wait for a key
// from a colleague's device." then the first refused item's sentence; "" when neither.
std::string describe_keys(const SyncState& state);

}  // namespace app
