// A pull page taken by a device: see pull_page.h for the guarantees.
#include "core/net/pull_page.h"

#include "core/net/hub_request.h"

namespace core::net {

core::sync::PullResponse read_pull_page(const std::string& answer) {
  auto page = read_answer<core::sync::PullResponse>(answer);
  VersionLog::check_all(page.versions);
  return page;
}

bool pull_page_moves_on(std::uint64_t cursor, const core::sync::PullResponse& page) {
  if (page.next_cursor < cursor)
    throw SyncError(SyncError::Kind::HubFailure, 0,
                    "The hub's feed went backwards (was it restored from an old backup?). Ask your program lead.");
  return !page.versions.empty() || page.next_cursor != cursor;
}

void store_pull_page(Store& store, const core::sync::PullResponse& page, SyncResult& result,
                     const std::function<void(const char* point)>& fault) {
  store.transaction([&] {
    // One call for the page: most of it is written many rows per statement.
    result.pulled_new += static_cast<std::int64_t>(store.apply_versions(
        page.versions,
        [&](const Version& v, const VersionMismatch& e) {
          // This device's copy was refused by the hub as conflicting and is held back: both
          // copies survive (the hub's there, this one here) and the feed moves on.
          if (!store.outbox().is_held_back(v.version))
            throw SyncError(SyncError::Kind::Conflict, 0,
                            std::string("A version from the hub disagrees with this device's copy: ") + e.what());
          ++result.pulled_skipped;
        },
        Store::Checked::Yes));  // by read_pull_page
    result.pulled_total += static_cast<std::int64_t>(page.versions.size());
    if (fault) fault("after_pull_store_before_cursor");
    store.meta().set(MetaKey::SyncCursor, std::to_string(page.next_cursor));
  });
}

}  // namespace core::net
