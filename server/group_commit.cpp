// Group commit of the hub's pushes: a leader applies the waiting pushes in one transaction. See
// group_commit.h.
#include "server/group_commit.h"

#include <algorithm>
#include <stdexcept>

namespace server {

core::sync::PushResponse GroupCommit::push(const DeviceRow& device, const core::sync::PushRequest& request) {
  Waiting me;
  me.push = {&device, &request};
  std::unique_lock<std::mutex> lock(mutex_);
  queue_.push_back(&me);
  while (!me.done) {
    if (leading_)
      answered_.wait(lock);
    else
      lead(lock);
  }
  if (me.outcome.error) std::rethrow_exception(me.outcome.error);
  return std::move(me.outcome.response);
}

// Called holding `lock`, with no group being applied: takes the oldest waiting pushes (up to
// max_group; the caller leads again if its own was not among them) and applies them without the
// lock, so more pushes queue for the next group meanwhile.
void GroupCommit::lead(std::unique_lock<std::mutex>& lock) {
  leading_ = true;
  const std::size_t n = std::min(queue_.size(), max_group_);
  std::vector<Waiting*> group(queue_.begin(), queue_.begin() + static_cast<std::ptrdiff_t>(n));
  queue_.erase(queue_.begin(), queue_.begin() + static_cast<std::ptrdiff_t>(n));
  lock.unlock();
  std::vector<HubStore::Pushing> pushes;
  for (const Waiting* w : group) pushes.push_back(w->push);
  std::vector<HubStore::Pushed> outcomes;
  std::exception_ptr failed;
  try {
    outcomes = apply_(pushes);
    if (outcomes.size() != group.size()) throw std::logic_error("group commit: an outcome per push expected");
  } catch (...) {
    failed = std::current_exception();
  }
  lock.lock();
  for (std::size_t i = 0; i < group.size(); ++i) {
    if (failed)
      group[i]->outcome.error = failed;
    else
      group[i]->outcome = std::move(outcomes[i]);
    group[i]->done = true;
  }
  leading_ = false;
  answered_.notify_all();
}

}  // namespace server
