// The hub's feed tables: append, page, latest, and the migration from schema 1. See hub_feed.h.
#include "server/hub_feed.h"

#include <algorithm>
#include <string>
#include <unordered_map>

#include "core/store/batch.h"

namespace server {

const core::Id kEveryone{};

namespace {
using core::Id;
using core::Stmt;

const char* kFeedSchema = R"sql(
CREATE TABLE IF NOT EXISTS hub_readers(key INTEGER PRIMARY KEY, person BLOB NOT NULL UNIQUE);
CREATE TABLE IF NOT EXISTS hub_reader_feed(reader INTEGER NOT NULL, cursor INTEGER NOT NULL,
  version_seq INTEGER NOT NULL, PRIMARY KEY(reader, cursor)) WITHOUT ROWID;
CREATE UNIQUE INDEX IF NOT EXISTS hub_reader_feed_once ON hub_reader_feed(reader, version_seq);
)sql";
constexpr core::MetaKey kLastCursor = core::MetaKey::HubFeedCursor;  // the last cursor handed out

bool table_exists(core::Db& db, const char* name) {
  Stmt st(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?");
  st.bind(1, name);
  return st.step();
}

std::int64_t count(core::Db& db, const char* sql) {
  Stmt st(db, sql);
  return st.step() ? st.col_int(0) : 0;
}
}  // namespace

HubFeed::HubFeed(core::Store& store) : store_(store) {
  store_.transaction([&] {
    store_.db().exec(kFeedSchema);
    if (table_exists(store_.db(), "hub_feed")) migrate_from_schema_1();
  });
}

void HubFeed::migrate_from_schema_1() {
  core::Db& db = store_.db();
  db.exec("INSERT OR IGNORE INTO hub_readers(person) SELECT DISTINCT person FROM hub_feed ORDER BY person");
  // Each row's version seq from the version log (the owner of `versions`), in cursor order.
  std::vector<Id> ids;
  {
    Stmt st(db, "SELECT DISTINCT version_id FROM hub_feed");
    while (st.step()) ids.push_back(st.col_id(0));
  }
  const auto seqs = store_.versions().seqs(ids);
  struct Row {
    std::int64_t reader, cursor, version_seq;
  };
  std::vector<Row> rows;
  {
    Stmt st(db,
            "SELECT r.key, f.cursor, f.version_id FROM hub_feed f JOIN hub_readers r ON r.person = f.person "
            "ORDER BY f.cursor");
    while (st.step()) {
      auto seq = seqs.find(st.col_id(2));
      if (seq != seqs.end()) rows.push_back({st.col_int(0), st.col_int(1), seq->second});
    }
  }
  static const core::RowInsert insert("INSERT INTO hub_reader_feed(reader, cursor, version_seq) VALUES", 3, 128);
  insert.run(store_.connection(), rows, [](Stmt& st, int at, const Row& r) {
    st.bind(at, r.reader).bind(at + 1, r.cursor).bind(at + 2, r.version_seq);
  });
  std::int64_t before = count(db, "SELECT count(*) FROM hub_feed");
  std::int64_t after = count(db, "SELECT count(*) FROM hub_reader_feed");
  if (after != before)
    throw core::DbError(0, "The hub's feed could not be moved to the new layout: " + std::to_string(before - after) +
                               " of its rows name versions the hub does not hold. Nothing was changed; restore the "
                               "hub from a backup or ask for help.");
  // Never hand out a cursor again: the highest ever given (AUTOINCREMENT kept it even if its
  // row is gone), or the highest in the feed.
  std::int64_t last = std::max(count(db, "SELECT coalesce(max(cursor), 0) FROM hub_feed"),
                               count(db, "SELECT coalesce(max(seq), 0) FROM sqlite_sequence WHERE name = 'hub_feed'"));
  store_.meta().set(kLastCursor, std::to_string(last));
  db.exec("DROP TABLE hub_feed");
}

std::optional<std::int64_t> HubFeed::find_reader(Id reader) const {
  core::StmtLease st = store_.cached("SELECT key FROM hub_readers WHERE person = ?");
  st->bind_id(1, reader);
  if (!st->step()) return std::nullopt;
  return st->col_int(0);
}

std::int64_t HubFeed::reader_key(Id reader) {
  if (auto key = find_reader(reader)) return *key;
  core::StmtLease st = store_.cached("INSERT INTO hub_readers(person) VALUES(?)");
  st->bind_id(1, reader);
  st->run();
  return sqlite3_last_insert_rowid(store_.db().raw());
}

void HubFeed::append(const std::vector<std::pair<Id, Id>>& rows, std::unordered_map<Id, std::int64_t> seq) {
  if (rows.empty()) return;
  // The seq of each version not given.
  std::vector<Id> ids;
  for (const auto& r : rows)
    if (seq.emplace(r.second, 0).second) ids.push_back(r.second);
  for (const auto& [id, s] : store_.versions().seqs(ids)) seq[id] = s;
  for (const auto& [id, s] : seq)
    if (s == 0)
      throw core::DbError(0, "The hub's feed was asked to name version " + id.hex() + ", which it does not hold.");
  std::map<Id, std::int64_t> readers;
  for (const auto& r : rows)
    if (!readers.count(r.first)) readers[r.first] = reader_key(r.first);

  std::int64_t cursor = std::stoll(store_.meta().get(kLastCursor).value_or("0"));
  // Many rows per statement: one at a time, the statement's own cost matched its inserts'.
  // A row already in the feed is skipped (OR IGNORE) and its cursor left unused: cursors only
  // need to increase.
  static const core::RowInsert feed_insert("INSERT OR IGNORE INTO hub_reader_feed(reader, cursor, version_seq) VALUES",
                                           3, 128);
  feed_insert.run(store_.connection(), rows, [&](Stmt& st, int at, const std::pair<Id, Id>& row) {
    st.bind(at, readers[row.first]).bind(at + 1, ++cursor).bind(at + 2, seq[row.second]);
  });
  store_.meta().set(kLastCursor, std::to_string(cursor));
}

std::vector<FeedRow> HubFeed::page(Id person, std::uint64_t cursor, std::uint32_t limit) const {
  // The person's rows and everyone's, each read in cursor order from the table's own key and
  // merged (UNION ALL ... ORDER BY merges two ordered scans instead of sorting).
  core::StmtLease st = store_.cached(
      "SELECT cursor, version_seq FROM hub_reader_feed WHERE reader = ?1 AND cursor > ?3 UNION ALL "
      "SELECT cursor, version_seq FROM hub_reader_feed WHERE reader = ?2 AND cursor > ?3 ORDER BY cursor LIMIT ?4");
  st->bind(1, find_reader(person).value_or(-1));
  st->bind(2, find_reader(kEveryone).value_or(-1));
  st->bind(3, static_cast<std::int64_t>(cursor));
  st->bind(4, static_cast<std::int64_t>(limit));
  std::vector<FeedRow> rows;
  while (st->step()) rows.push_back({static_cast<std::uint64_t>(st->col_int(0)), st->col_int(1)});
  return rows;
}

std::uint64_t HubFeed::latest(Id person) const {
  std::uint64_t last = 0;
  for (const Id& reader : {person, kEveryone}) {
    auto key = find_reader(reader);
    if (!key) continue;
    core::StmtLease st = store_.cached("SELECT coalesce(max(cursor), 0) FROM hub_reader_feed WHERE reader = ?");
    st->bind(1, *key);
    if (st->step()) last = std::max(last, static_cast<std::uint64_t>(st->col_int(0)));
  }
  return last;
}

}  // namespace server
