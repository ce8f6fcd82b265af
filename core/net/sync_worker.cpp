// The background sync thread. See sync_worker.h.
#include "core/net/sync_worker.h"

#include <algorithm>
#include <optional>
#include <random>

namespace core::net {

SyncWorker::SyncWorker(std::string store_path, WorkerOptions options)
    : store_path_(std::move(store_path)), options_(std::move(options)) {}

SyncWorker::~SyncWorker() { stop(); }

void SyncWorker::start() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (thread_.joinable()) return;
  stop_ = false;
  now_ = true;  // sync at start
  thread_ = std::thread([this] { run(); });
}

void SyncWorker::stop() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stop_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void SyncWorker::sync_now() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    now_ = true;
  }
  wake_.notify_all();
}

SyncStatus SyncWorker::status() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return status_;
}

std::chrono::milliseconds SyncWorker::backoff(const WorkerOptions& options, int failures) {
  auto wait = options.first_retry;
  for (int i = 1; i < failures && wait < options.max_retry; ++i) wait *= 2;
  return std::min(wait, options.max_retry);
}

void SyncWorker::publish_local_counts(Store& store) {
  std::int64_t outbox = store.outbox().size();
  auto held = store.outbox().held_back();
  const auto held_count = static_cast<std::int64_t>(held.size());
  std::string held_note = held_back_message(held_count, held.empty() ? "" : held.front().reason);
  std::int64_t conflicts = static_cast<std::int64_t>(store.conflicted_records().size());
  std::int64_t last = std::stoll(store.meta().get(core::MetaKey::SyncLastSuccessMs).value_or("0"));
  const std::int64_t waiting = store.keys().waiting_for_key();
  std::lock_guard<std::mutex> lock(mutex_);
  status_.outbox = outbox;
  status_.held_back = held_count;
  status_.held_back_note = std::move(held_note);
  status_.conflicts = conflicts;
  status_.last_success_ms = last;
  status_.sealed_waiting = waiting;
  local_counts_published_ = true;
}

void SyncWorker::run_once(Store& store) {
  SyncClient client(store, options_.sync);
  bool enrolled = client.enrolled();
  std::string error;
  std::int64_t changed = 0;
  std::optional<SyncResult> result;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    status_.syncing = enrolled;
    status_.enrolled = enrolled;
    status_.hub_url = client.hub_url();
  }
  // The first run tells the app what waits here before the network (slow on bad Wi-Fi) is tried,
  // so conflicts and refused items show at start without the UI thread scanning the store.
  if (enrolled && !local_counts_published_) publish_local_counts(store);
  if (enrolled) {
    try {
      result = client.sync();
      changed = result->pulled_new;
    } catch (const SyncError& e) {
      error = e.what();
    } catch (const std::exception& e) {
      error = std::string("Sync failed on this device: ") + e.what();
    }
  }
  publish_local_counts(store);
  std::lock_guard<std::mutex> lock(mutex_);
  status_.syncing = false;
  if (enrolled) ++status_.runs;
  if (changed > 0) ++status_.data_generation;
  if (!enrolled) return;
  // A failed sync says nothing new about keys: what the last answered one found still holds.
  if (result) {
    status_.needs_recovery_phrase = result->needs_recovery_phrase;
    status_.unopened = static_cast<std::int64_t>(result->unopened.size());
    status_.first_unopened = result->unopened.empty() ? std::string() : result->unopened.front();
    status_.changed_keys = result->changed_keys;
  }
  status_.error = error;
  status_.failures_in_a_row = error.empty() ? 0 : status_.failures_in_a_row + 1;
}

void SyncWorker::run() {
  std::mt19937_64 rng(std::random_device{}());
  std::unique_ptr<Store> store;
  for (;;) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (stop_) return;
      now_ = false;
    }
    try {
      if (!store) store = std::make_unique<Store>(store_path_);
      run_once(*store);
    } catch (const std::exception& e) {
      std::lock_guard<std::mutex> lock(mutex_);
      status_.syncing = false;
      status_.error = std::string("Sync could not open this device's data: ") + e.what();
      ++status_.failures_in_a_row;
    }
    std::chrono::milliseconds wait = options_.interval;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (status_.failures_in_a_row > 0) {
        auto base = backoff(options_, status_.failures_in_a_row);
        std::uniform_real_distribution<double> jitter(0.5, 1.5);
        wait = std::chrono::milliseconds(static_cast<std::int64_t>(static_cast<double>(base.count()) * jitter(rng)));
      }
    }
    std::unique_lock<std::mutex> lock(mutex_);
    wake_.wait_for(lock, wait, [this] { return stop_ || now_; });
    if (stop_) return;
  }
}

}  // namespace core::net
