// One request to the hub over HTTP(S), every failure turned into a SyncError a teacher can act
// on: unreachable, cut mid-transfer (SyncError::cut, so a smaller request may be tried), refused
// with named versions (403/409 RefusalResponse), revoked (401), protocol mismatch (426), or a
// proxy's 413/502/504 (also cut).
#pragma once
#include <string>

#include "core/net/sync_client.h"
#include "core/sync/messages.h"

namespace core::net {

// POSTs `body` to `path` on the hub and returns the body of its 200 answer; adds the body sizes
// to `result` when one is given. Throws SyncError for anything else.
std::string post_to_hub(const std::string& hub_url, const std::string& token, const std::string& path,
                        const std::string& body, const SyncOptions& options, SyncResult* result);

// Decodes the hub's answer; an unreadable one is a HubFailure (Protocol when the two sides speak
// different protocol versions).
template <class T>
T read_answer(const std::string& envelope) {
  using core::sync::WireError;
  try {
    return core::sync::unpack<T>(envelope);
  } catch (const WireError& e) {
    bool mismatch = e.kind == WireError::Kind::PeerTooNew || e.kind == WireError::Kind::PeerTooOld;
    throw SyncError(mismatch ? SyncError::Kind::Protocol : SyncError::Kind::HubFailure, 0,
                    std::string("The hub's answer could not be read: ") + e.what());
  }
}

}  // namespace core::net
