// One pull page as a device takes it: the hub's answer decoded, every version checked and every
// sealed body opened (on the thread that fetched it, while the page before it is being stored),
// then stored with its cursor in one transaction. Shared by SyncClient::pull and tests/fuzz/
// fuzz_pull_apply.cpp, so the fuzzer feeds hostile pages to the very code a device runs.
// Guarantees: a page that fails any check stores nothing and leaves the cursor where it was.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/net/sync_client.h"
#include "core/store.h"
#include "core/sync/messages.h"
#include "core/sync/reseal.h"
#include "core/sync/sealing.h"

namespace core::net {

// The hub's answer body as a page whose versions all passed VersionLog::check_all (hashes,
// bodies). Throws SyncError (HubFailure, or Protocol for another protocol version), or the
// version log's error naming the damaged version.
core::sync::PullResponse read_pull_page(const std::string& answer);

// A checked page, its sealed bodies opened with the keys this device held when it was fetched.
struct TakenPage {
  std::uint64_t next_cursor = 0;
  bool more = false;
  std::size_t sent = 0;                             // versions the hub sent
  core::sync::OpenedPage versions;                  // clear ones as they came, sealed ones opened, waiting or refused
  std::vector<core::sync::PulledClear> came_clear;  // of the types that travel sealed (re-sealing)
};
// Needs no store: it may run on another thread than the one storing pages.
TakenPage take_pull_page(core::sync::PullResponse page, const core::sync::HeldKeys& keys);

// Whether a page asked for from `cursor` has anything to store (versions or a cursor that moved).
// Throws SyncError(HubFailure) when the hub's feed went backwards.
bool pull_page_moves_on(std::uint64_t cursor, const TakenPage& page);

// Stores a page from take_pull_page and its next cursor in one transaction, counting into
// `result`: the versions ready to apply, those waiting for their key, the refused ones' sentences. A version that
// disagrees with this device's copy is skipped when that copy is held back as refused by the hub (both survive), else
// it throws SyncError(Conflict). `fault` (may be empty) is the test hook, called with "after_pull_store_before_cursor".
void store_pull_page(Store& store, const TakenPage& page, SyncResult& result,
                     const std::function<void(const char* point)>& fault);

}  // namespace core::net
