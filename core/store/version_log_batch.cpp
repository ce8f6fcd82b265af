// VersionLog::apply and the batch writes under it: a pulled page (or a hub's push batch)
// applied with few statements. Same outcome as insert on each version in order.
//
// Why: a page holds thousands of versions, nearly all first versions of records this store has
// never seen. One at a time, each cost two index probes and two single-row inserts at random
// places of four indexes. Here the probes are one IN-list query per 500 ids; such versions are
// inserted 64 rows per statement, and their head rows sorted by record id, so the heads
// indexes are walked in order (measured: 2-3x cheaper than the same rows in random order).
// Anything else (a known version id, a record already stored or met earlier in the page) goes
// through insert after the rows before it are written, so every check sees exactly
// what it would have seen one version at a time.
#include <algorithm>
#include <optional>
#include <set>

#include "core/serialization.h"
#include "core/store/batch.h"
#include "core/store/version_log.h"

namespace core {

namespace {
// The ids among `ids` that `sql_prefix` "... IN (" finds.
std::set<Id> find_ids(Db& db, const std::string& sql_prefix, const std::vector<Id>& ids) {
  std::set<Id> found;
  select_by_ids(db, sql_prefix, ids, [&](const Stmt& st) { found.insert(st.col_id(0)); });
  return found;
}

constexpr std::size_t kRows = 64;  // rows per INSERT statement
}  // namespace

std::set<Id> VersionLog::stored_versions(const std::vector<Id>& versions) const {
  return find_ids(c_.db(), "SELECT version_id FROM versions WHERE version_id IN (", versions);
}

std::set<Id> VersionLog::stored_records(const std::vector<Id>& records) const {
  return find_ids(c_.db(), "SELECT DISTINCT record_id FROM versions WHERE record_id IN (", records);
}

std::unordered_map<Id, std::int64_t> VersionLog::seqs(const std::vector<Id>& versions) const {
  std::unordered_map<Id, std::int64_t> out;
  select_by_ids(c_.db(), "SELECT version_id, seq FROM versions WHERE version_id IN (", versions,
                [&](const Stmt& st) { out[st.col_id(0)] = st.col_int(1); });
  return out;
}

void VersionLog::check_all(const std::vector<Version>& versions) {
  for (const auto& v : versions) check(v);
}

std::size_t VersionLog::apply(const std::vector<Version>& versions, const MismatchHandler& on_mismatch, bool checked) {
  // The checks insert makes before touching the database, first for the whole page: a bad
  // version rolls the page back either way.
  if (!checked) check_all(versions);
  std::size_t added = 0;
  std::vector<Id> version_ids, record_ids;
  for (const auto& v : versions) {
    version_ids.push_back(v.version);
    record_ids.push_back(v.record);
  }
  std::set<Id> known_versions = stored_versions(version_ids);
  std::set<Id> known_records = stored_records(record_ids);
  std::set<Id> page_versions, page_records;
  std::vector<const Version*> first_versions;
  for (const auto& v : versions) {
    bool repeated_version = !page_versions.insert(v.version).second;
    bool repeated_record = !page_records.insert(v.record).second;
    if (!repeated_version && !repeated_record && !known_versions.count(v.version) && !known_records.count(v.record)) {
      first_versions.push_back(&v);
      continue;
    }
    insert_first(first_versions);
    added += first_versions.size();
    first_versions.clear();
    try {
      if (insert(v, true)) ++added;
    } catch (const VersionMismatch& e) {
      on_mismatch(v, e);
    }
  }
  insert_first(first_versions);
  added += first_versions.size();
  return added;
}

void VersionLog::insert_first(const std::vector<const Version*>& versions,
                              std::vector<std::pair<Id, std::int64_t>>* seqs) {
  if (versions.empty()) return;
  static const char* const kVersionsInsert =
      "INSERT INTO versions(version_id, record_id, type, author, observation, parents, tombstone, saved_at, body, "
      "body_hash) VALUES";
  static const RowInsert versions_insert(kVersionsInsert, 10, kRows);
  static const RowInsert versions_insert_returning(kVersionsInsert, 10, kRows, " RETURNING version_id, seq");
  static const RowInsert heads_insert("INSERT INTO heads(record_id, version_id, type, observation, tombstone) VALUES",
                                      5, kRows);
  {
    // In the given order: `seq` is the local arrival order.
    std::function<void(const Stmt&)> keep_seq;
    if (seqs) keep_seq = [seqs](const Stmt& st) { seqs->emplace_back(st.col_id(0), st.col_int(1)); };
    const RowInsert& insert = seqs ? versions_insert_returning : versions_insert;
    insert.run(
        c_, versions,
        [](Stmt& st, int c, const Version* v) {
          std::string parents;
          for (const auto& p : v->parents) parents.append(reinterpret_cast<const char*>(p.bytes.data()), 16);
          st.bind_id(c, v->version);
          st.bind_id(c + 1, v->record);
          st.bind(c + 2, static_cast<std::int64_t>(v->type));
          st.bind_id(c + 3, v->author);
          st.bind_id(c + 4, v->observation);
          st.bind_blob(c + 5, parents.data(), parents.size());  // copied by SQLite
          st.bind(c + 6, v->tombstone ? 1 : 0);
          st.bind(c + 7, v->saved_at_ms);
          st.bind_blob(c + 8, v->body.data(), v->body.size());
          st.bind_blob(c + 9, v->body_hash.data(), v->body_hash.size());
        },
        keep_seq);
    // Each is its record's only head. After the versions (heads reference them), in key order.
    std::vector<const Version*> by_record = versions;
    std::sort(by_record.begin(), by_record.end(), [](const Version* a, const Version* b) {
      return a->record != b->record ? a->record < b->record : a->version < b->version;
    });
    heads_insert.run(c_, by_record, [](Stmt& st, int c, const Version* v) {
      st.bind_id(c, v->record);
      st.bind_id(c + 1, v->version);
      st.bind(c + 2, static_cast<std::int64_t>(v->type));
      st.bind_id(c + 3, v->observation);
      st.bind(c + 4, v->tombstone ? 1 : 0);
    });
  }
}

}  // namespace core
