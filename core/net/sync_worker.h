// Background sync for the client app: its own thread and its own Store connection on the same
// file, so the UI thread never waits on the network or on sync's transactions.
//
// Runs at start, every `interval` after a success, on sync_now(), and after a failure retries
// with exponential backoff plus random jitter (so twenty tablets coming back online do not
// knock on the hub in the same second). status() is a thread-safe snapshot; data_generation
// grows whenever pulled data changed the store, telling the UI to reload its views.
#pragma once
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>

#include "core/net/sync_client.h"
#include "core/net/sync_status.h"

namespace core::net {

struct WorkerOptions {
  std::chrono::milliseconds interval{std::chrono::minutes(5)};     // between syncs when all is well
  std::chrono::milliseconds first_retry{std::chrono::seconds(2)};  // backoff after the first failure
  std::chrono::milliseconds max_retry{std::chrono::minutes(5)};    // backoff ceiling
  SyncOptions sync;
};

class SyncWorker {
 public:
  explicit SyncWorker(std::string store_path, WorkerOptions options = {});
  ~SyncWorker();  // stops and joins; an in-flight request ends within its timeouts
  SyncWorker(const SyncWorker&) = delete;
  SyncWorker& operator=(const SyncWorker&) = delete;

  void start();
  void stop();
  void sync_now();  // returns at once; the worker syncs as soon as it can
  SyncStatus status() const;

  // The wait before retry number `failures` (1-based), before jitter; exposed for tests.
  static std::chrono::milliseconds backoff(const WorkerOptions& options, int failures);

 private:
  void run();
  void run_once(Store& store);
  // Outbox, held-back, conflict and last-sync figures from the store into status_.
  void publish_local_counts(Store& store);

  std::string store_path_;
  WorkerOptions options_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  bool stop_ = false;
  bool now_ = false;
  bool local_counts_published_ = false;  // worker thread only
  SyncStatus status_;
  std::thread thread_;
};

}  // namespace core::net
