// The hub's read side: pull and status (and the token check of every device request) on their
// own SQLite connections, beside the hub's one writer.
//
// Why: the hub used to run all database work under one lock, so a pull queued behind every push
// in progress (at 1,000 devices, a push's p99 was over a second). SQLite in WAL mode lets any
// number of readers run beside one writer: a read transaction sees the database as of the last
// commit before it began, never a half-applied push, and neither side waits for the other.
// Writes (enroll, push, admin verbs) keep one connection behind one lock (hub_http.cpp).
//
// Invariants:
//  - a reader never writes: its connection is opened with PRAGMA query_only, so a write slipped
//    into the read path fails loudly instead of racing the writer;
//  - a pull page is read in one read transaction: its feed rows and their versions come from
//    one commit, so a page never names a version it does not carry;
//  - a HubReader is used by one thread at a time: HubReaders hands each out as a lease.
// A device's last_seen is the one thing a read request writes; readers leave it to the writer
// (SeenLater, seen_later.h).
#pragma once
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/store.h"
#include "core/sync/messages.h"
#include "server/hub_feed.h"
#include "server/hub_store.h"

namespace server {

// A device's last_seen is written at most once this often: a no-op sync stays read-only.
constexpr std::int64_t kLastSeenEveryMs = 60000;
inline bool last_seen_due(const DeviceRow& device, std::int64_t now_ms) {
  return now_ms - device.last_seen > kLastSeenEveryMs;
}

// The reads themselves, on any connection to the hub's database: HubStore runs them on the
// writer's connection (in-process callers, tests), HubReader on its own.
// The device behind a bearer token; throws HubError(401) with the message the device shows.
DeviceRow find_device(const core::Store& store, const std::string& token);
// One page of the device's feed after req.cursor, in one read transaction.
core::sync::PullResponse read_pull(core::Store& store, const HubFeed& feed, const DeviceRow& device,
                                   const core::sync::PullRequest& req);
core::sync::StatusResponse read_status(const HubFeed& feed, const DeviceRow& device);

// One read-only connection to the hub's database and the feed read through it.
class HubReader {
 public:
  explicit HubReader(const std::string& db_path);
  DeviceRow authenticate(const std::string& token) const { return find_device(store_, token); }
  core::sync::PullResponse pull(const DeviceRow& device, const core::sync::PullRequest& req) {
    return read_pull(store_, feed_, device, req);
  }
  core::sync::StatusResponse status(const DeviceRow& device) const { return read_status(feed_, device); }

 private:
  core::Store store_;
  HubFeed feed_;
};

// The readers of one hub database, opened as requests need them (at most one per request
// running at once: the HTTP server's worker threads bound that) and kept for the next.
class HubReaders {
 public:
  explicit HubReaders(std::string db_path) : path_(std::move(db_path)) {}

  // A reader for one request; back in the pool when the lease ends.
  class Lease {
   public:
    Lease(HubReaders& pool, std::unique_ptr<HubReader> reader) : pool_(&pool), reader_(std::move(reader)) {}
    ~Lease() {
      if (reader_) pool_->give_back(std::move(reader_));
    }
    Lease(Lease&&) = default;
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    Lease& operator=(Lease&&) = delete;
    HubReader* operator->() const { return reader_.get(); }

   private:
    HubReaders* pool_;
    std::unique_ptr<HubReader> reader_;
  };
  Lease lease();

 private:
  void give_back(std::unique_ptr<HubReader> reader);

  std::string path_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<HubReader>> idle_;
};

}  // namespace server
