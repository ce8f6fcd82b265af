// The hub's read side: the token check, pull and status, and the pool of read connections.
// See hub_reader.h.
#include "server/hub_reader.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "core/crypto/sealed_bundle.h"
#include "core/hash.h"

namespace server {

using core::Version;
namespace sync = core::sync;

namespace {
// One read transaction around a request's reads: its statements see one commit, and each
// statement run outside a transaction would open and close its own (WAL locks and header
// checks), which cost more than a small probe.
class HubReadTransaction {
 public:
  explicit HubReadTransaction(core::Db& db) : db_(db) { db_.exec("BEGIN"); }
  ~HubReadTransaction() { sqlite3_exec(db_.raw(), "COMMIT", nullptr, nullptr, nullptr); }
  HubReadTransaction(const HubReadTransaction&) = delete;
  HubReadTransaction& operator=(const HubReadTransaction&) = delete;

 private:
  core::Db& db_;
};
// A page that would end inside a sealed bundle (core/crypto/sealed_bundle.h) ends before the
// bundle instead, so the device opens it from one page rather than keeping its first parts
// waiting for the next; not when the bundle starts the page (a page smaller than a bundle).
void end_before_part_bundle(sync::PullResponse& page, const std::vector<std::uint64_t>& cursors) {
  struct Seen {
    std::size_t first = 0;
    std::uint32_t count = 0, parts = 0;  // count: from the head, 0 while the head is not in the page
  };
  std::map<core::Id, Seen> bundles;
  for (std::size_t i = 0; i < page.versions.size(); ++i) {
    if (page.versions[i].tombstone) continue;  // a tombstone's bytes are never read
    std::optional<core::crypto::BundlePart> part;
    try {
      part = core::crypto::bundle_part(page.versions[i].body);
    } catch (const std::exception&) {
      continue;  // stored after its checks: never; the device names it if it were
    }
    if (!part) continue;
    auto [at, is_new] = bundles.try_emplace(part->index == 0 ? page.versions[i].version : part->head);
    if (is_new) at->second.first = i;
    if (part->index == 0) at->second.count = part->count;
    ++at->second.parts;
  }
  std::size_t end = page.versions.size();
  for (const auto& entry : bundles)
    if (entry.second.count > entry.second.parts) end = std::min(end, entry.second.first);
  if (end == 0 || end == page.versions.size()) return;
  page.versions.resize(end);
  page.next_cursor = cursors[end - 1];
}
}  // namespace

DeviceRow find_device(const core::Store& store, const std::string& token) {
  const core::Sha256 hash = core::sha256(token);
  core::StmtLease st = store.cached(
      "SELECT d.id, d.person, p.name, d.name, d.enrolled_at, coalesce(d.revoked_at, 0), d.last_seen "
      "FROM hub_devices d JOIN hub_people p ON p.id = d.person WHERE d.token_hash = ?");
  st->bind_blob(1, hash.data(), hash.size());
  if (!st->step())
    throw HubError(401,
                   "The hub does not know this device. Ask your program lead for an enrollment code and "
                   "enroll it again.",
                   token.empty() ? "no token" : "bad token", !token.empty());
  DeviceRow d{st->col_id(0),  st->col_id(1),  st->col_text(2), st->col_text(3),
              st->col_int(4), st->col_int(5), st->col_int(6)};
  if (d.revoked_at)
    throw HubError(
        401,
        "This device was revoked on " + iso_date(d.revoked_at) + ". Ask your program lead for a new enrollment code.",
        "revoked device");
  return d;
}

sync::PullResponse read_pull(core::Store& store, const HubFeed& feed, const DeviceRow& device,
                             const sync::PullRequest& req) {
  std::uint32_t limit = std::max<std::uint32_t>(1, std::min(req.limit, sync::kMaxPullPage));
  // Two steps. First the page's feed rows (HubFeed::page). Joining versions into that query
  // made SQLite sort every remaining row of the feed, bodies included, on each page. Then each
  // version by its seq, the versions table's own key.
  HubReadTransaction read(store.db());
  std::vector<FeedRow> rows = feed.page(device.person, req.cursor, limit + 1);
  sync::PullResponse resp;
  resp.next_cursor = req.cursor;
  resp.more = rows.size() > limit;
  if (resp.more) rows.resize(limit);
  std::set<std::int64_t> seen;
  std::vector<std::uint64_t> cursors;  // of each version in the page
  std::size_t bytes = 0;
  for (const auto& [cursor, version_seq] : rows) {
    std::optional<Version> v = store.versions().by_seq(version_seq);
    if (!v)
      throw core::DbError(0,
                          "The hub's feed names version #" + std::to_string(version_seq) + ", which it does not hold.");
    // A page stops at `limit` versions or, past the first one, at kPullPageBytes of bodies, so
    // its envelope stays within the wire limit whatever the bodies weigh.
    bytes += v->body.size();
    if (cursor != rows.front().cursor && bytes > sync::kPullPageBytes) {
      resp.more = true;
      break;
    }
    resp.next_cursor = cursor;
    if (seen.insert(version_seq).second) {
      resp.versions.push_back(std::move(*v));
      cursors.push_back(cursor);
    }
  }
  if (resp.more) end_before_part_bundle(resp, cursors);
  return resp;
}

sync::StatusResponse read_status(const HubFeed& feed, const DeviceRow& device) {
  sync::StatusResponse s;
  s.person = device.person;
  s.person_name = device.person_name;
  s.latest_cursor = feed.latest(device.person);
  return s;
}

HubReader::HubReader(const std::string& db_path) : store_(db_path), feed_(store_, HubFeed::ReadOnly{}) {
  store_.db().exec("PRAGMA query_only = ON");
  // Like the writer's (hub_store.cpp), although a reader frees nothing: every connection to the
  // hub's database zeroes what it frees.
  store_.db().exec("PRAGMA secure_delete = ON");
}

HubReaders::Lease HubReaders::lease() {
  {
    std::lock_guard<std::mutex> guard(mutex_);
    if (!idle_.empty()) {
      std::unique_ptr<HubReader> reader = std::move(idle_.back());
      idle_.pop_back();
      return Lease(*this, std::move(reader));
    }
  }
  // Opened outside the pool's lock: opening reads the schema, and other requests need not wait.
  return Lease(*this, std::make_unique<HubReader>(path_));
}

void HubReaders::give_back(std::unique_ptr<HubReader> reader) {
  std::lock_guard<std::mutex> guard(mutex_);
  idle_.push_back(std::move(reader));
}

}  // namespace server
