// One pull page as a device takes it: the hub's answer decoded and every version checked, then
// stored with its cursor in one transaction. Shared by SyncClient::pull and tests/fuzz/
// fuzz_pull_apply.cpp, so the fuzzer feeds hostile pages to the very code a device runs.
// Guarantees: a page that fails any check stores nothing and leaves the cursor where it was.
#pragma once
#include <cstdint>
#include <functional>
#include <string>

#include "core/net/sync_client.h"
#include "core/store.h"
#include "core/sync/messages.h"

namespace core::net {

// The hub's answer body as a page whose versions all passed VersionLog::check_all (hashes,
// bodies). Throws SyncError (HubFailure, or Protocol for another protocol version), or the
// version log's error naming the damaged version.
core::sync::PullResponse read_pull_page(const std::string& answer);

// Whether a page asked for from `cursor` has anything to store (versions or a cursor that moved).
// Throws SyncError(HubFailure) when the hub's feed went backwards.
bool pull_page_moves_on(std::uint64_t cursor, const core::sync::PullResponse& page);

// Stores a page from read_pull_page and its next cursor in one transaction, counting into
// `result`. A version that disagrees with this device's copy is skipped when that copy is held
// back as refused by the hub (both survive), else it throws SyncError(Conflict). `fault` (may be
// empty) is the test hook, called with "after_pull_store_before_cursor".
void store_pull_page(Store& store, const core::sync::PullResponse& page, SyncResult& result,
                     const std::function<void(const char* point)>& fault);

}  // namespace core::net
