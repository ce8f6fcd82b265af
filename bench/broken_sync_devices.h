// Two broken devices for sync_crash_trials, each wrong only when a kill lands at the wrong
// moment, as real bugs of this kind are: they show that the trials' checks can fail. Nothing
// else may use them; core::net::SyncClient is the device that must pass.
#pragma once
#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "core/net/hub_request.h"
#include "core/net/sync_client.h"
#include "core/store.h"
#include "core/sync/messages.h"
#include "core/sync/sealing.h"

namespace broken_sync_devices {

// The broken device of --forget-before-ack: takes a batch out of its outbox, then sends it. A
// kill (or the hub's) between the two loses the batch; core::net::SyncClient removes only what
// the hub acknowledged. With options.seal_bodies it seals the batch as the real device does, so
// that only the forgetting differs.
inline void push_forgetting(core::Store& store, const core::net::SyncOptions& options) {
  const auto batch = store.outbox().first(options.batch_size);
  if (batch.empty()) return;
  std::vector<core::Id> ids;
  for (const auto& v : batch) ids.push_back(v.version);
  store.outbox().remove(ids);
  std::this_thread::sleep_for(std::chrono::milliseconds(2));
  core::sync::PushRequest req;
  req.batch = core::Id::random();
  req.versions = options.seal_bodies ? core::sync::seal_for_push(store.keys(), batch, core::sync::Bundles::Yes) : batch;
  core::net::post_to_hub(store.meta().get(core::MetaKey::SyncHubUrl).value_or(""),
                         store.meta().get(core::MetaKey::SyncToken).value_or(""), "/v1/push", core::sync::pack(req),
                         options, nullptr);
}

// The broken device of --cursor-before-data: one pull page, its cursor committed before its
// versions. A kill between the two leaves versions behind the cursor that no pull brings back;
// core::net::SyncClient stores both in one transaction. `fetched` runs once the page is here:
// the sync's start is announced then, so a kill aimed at it lands in the window, not in the
// request (whose length varies with the machine's load). Sealed versions are opened (or kept
// waiting for their key) as the real device does, so that only the order of the commits differs.
template <class Fetched>
void pull_cursor_first(core::Store& store, const core::net::SyncOptions& options, Fetched fetched) {
  core::sync::PullRequest req;
  req.cursor = std::stoull(store.meta().get(core::MetaKey::SyncCursor).value_or("0"));
  req.limit = static_cast<std::uint32_t>(options.page_size);
  const auto page = core::net::read_answer<core::sync::PullResponse>(core::net::post_to_hub(
      store.meta().get(core::MetaKey::SyncHubUrl).value_or(""), store.meta().get(core::MetaKey::SyncToken).value_or(""),
      "/v1/pull", core::sync::pack(req), options, nullptr));
  fetched();
  store.meta().set(core::MetaKey::SyncCursor, std::to_string(page.next_cursor));
  // Wider than the 0-15 ms a kill aimed at a sync lands in: the control fails in most trials
  // that kill the device mid-sync, not by luck.
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  const auto opened = core::sync::open_pulled(core::sync::HeldKeys(store.keys()), page.versions);
  store.transaction([&] {
    store.apply_versions(
        opened.versions, [](const core::Version&, const core::VersionMismatch&) {}, core::Store::Checked::No);
    for (const auto& v : opened.waiting) store.keys().wait(v);
  });
}

}  // namespace broken_sync_devices
