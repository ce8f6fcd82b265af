// A pull page taken by a device: see pull_page.h for the guarantees.
#include "core/net/pull_page.h"

#include "core/net/hub_request.h"
#include "core/serialization.h"
#include "core/sync/reseal.h"
#include "core/sync/sealing.h"

namespace core::net {

core::sync::PullResponse read_pull_page(const std::string& answer) {
  auto page = read_answer<core::sync::PullResponse>(answer);
  // A sealed body is checked as far as it can be before it is opened: its hash and its clear
  // routing fields; take_pull_page opens it and checks the plain body inside.
  for (const Version& v : page.versions) {
    if (!v.tombstone && is_sealed_body(v.body))
      VersionLog::check_routing(v);
    else
      VersionLog::check(v);
  }
  return page;
}

TakenPage take_pull_page(core::sync::PullResponse page, const core::sync::HeldKeys& keys) {
  TakenPage out;
  out.next_cursor = page.next_cursor;
  out.more = page.more;
  out.sent = page.versions.size();
  out.came_clear = core::sync::clear_in_page(page.versions);
  out.versions = core::sync::open_pulled(keys, std::move(page.versions));
  return out;
}

bool pull_page_moves_on(std::uint64_t cursor, const TakenPage& page) {
  if (page.next_cursor < cursor)
    throw SyncError(SyncError::Kind::HubFailure, 0,
                    "The hub's feed went backwards (was it restored from an old backup?). Ask your program lead.");
  return page.sent > 0 || page.next_cursor != cursor;
}

void store_pull_page(Store& store, const TakenPage& page, SyncResult& result,
                     const std::function<void(const char* point)>& fault) {
  const core::sync::OpenedPage& opened = page.versions;
  store.transaction([&] {
    // Sealed bodies whose key has not arrived wait, committed with the cursor.
    for (const Version& v : opened.waiting) store.keys().wait(v);
    result.sealed_opened += static_cast<std::int64_t>(opened.opened);
    result.sealed_waiting += static_cast<std::int64_t>(opened.waiting_for_key);
    result.unopened.insert(result.unopened.end(), opened.refused.begin(), opened.refused.end());
    // One call for the page: most of it is written many rows per statement.
    result.pulled_new += static_cast<std::int64_t>(store.apply_versions(
        opened.versions,
        [&](const Version& v, const VersionMismatch& e) {
          // This device's copy was refused by the hub as conflicting and is held back: both
          // copies survive (the hub's there, this one here) and the feed moves on.
          if (!store.outbox().is_held_back(v.version))
            throw SyncError(SyncError::Kind::Conflict, 0,
                            std::string("A version from the hub disagrees with this device's copy: ") + e.what());
          ++result.pulled_skipped;
        },
        Store::Checked::Yes));  // by read_pull_page, and open_pulled for sealed ones
    result.pulled_total += static_cast<std::int64_t>(page.sent);
    core::sync::note_pulled_clear(store, page.came_clear);  // with the page: never a clear version left uncovered
    if (fault) fault("after_pull_store_before_cursor");
    store.meta().set(MetaKey::SyncCursor, std::to_string(page.next_cursor));
  });
}

}  // namespace core::net
