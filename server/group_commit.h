// Group commit for the hub's pushes: the pushes waiting for the writer at one moment are applied
// in one transaction and made durable by one commit (HubStore::push_together).
//
// Why: each commit syncs the WAL to disk (synchronous=FULL), about 5-7 ms on the reference
// machine, and the one writer applies pushes one after another. At 1,000 devices pushes queued
// behind each other's syncs; sharing one sync among the pushes that arrived meanwhile takes that
// queue away without giving up durability.
//
// Guarantees: a push is answered only after the commit that holds it returned (durable); a push
// that is refused or fails rolls back only itself (a savepoint) and the others of its group are
// stored; when the group's transaction fails as a whole, every push of it gets that error and
// nothing of it is stored (devices send again; pushes are idempotent). No thread of its own: the
// first waiting request applies the group (the leader) while the others wait for its answer.
// Thread-safe.
#pragma once
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <mutex>
#include <vector>

#include "server/hub_store.h"

namespace server {

class GroupCommit {
 public:
  // Applies one group in one transaction and returns each push's outcome, in order; throws
  // when nothing of the group was stored. In the hub: HubStore::push_together under the writer.
  using Apply = std::function<std::vector<HubStore::Pushed>(const std::vector<HubStore::Pushing>&)>;
  explicit GroupCommit(Apply apply, std::size_t max_group = 64) : apply_(std::move(apply)), max_group_(max_group) {}

  // Waits for the group holding this push to commit; returns its answer or throws its refusal.
  core::sync::PushResponse push(const DeviceRow& device, const core::sync::PushRequest& request);

 private:
  struct Waiting {
    HubStore::Pushing push;
    HubStore::Pushed outcome;
    bool done = false;
  };
  void lead(std::unique_lock<std::mutex>& lock);

  Apply apply_;
  std::size_t max_group_;
  std::mutex mutex_;
  std::condition_variable answered_;
  std::vector<Waiting*> queue_;  // pushes no leader has taken yet
  bool leading_ = false;         // a group is being applied
};

}  // namespace server
