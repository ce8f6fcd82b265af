// The local store's writes, reads, outbox and drafts. See store.h for the invariants.
#include "core/store.h"

#include <chrono>
#include <cstdint>
#include <cstring>

#include "core/serialization.h"

namespace core {

std::int64_t wall_clock_ms() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

namespace {
std::string id_blob(const Id& id) { return std::string(reinterpret_cast<const char*>(id.bytes.data()), 16); }
std::string ids_blob(const std::vector<Id>& ids) {
  std::string s;
  for (const auto& id : ids) s += id_blob(id);
  return s;
}

const char* kVersionColumns =
    "version_id, record_id, type, author, observation, parents, tombstone, saved_at, body, body_hash";
constexpr int kVersionColumnCount = 10;  // the next column of a query after kVersionColumns
}  // namespace

Store::Store(const std::string& path) : db_(path, true) {
  try {
    db_.exec("PRAGMA journal_mode=WAL");
    db_.exec("PRAGMA synchronous=FULL");
    db_.exec("PRAGMA foreign_keys=ON");
  } catch (const DbError& e) {
    if ((e.code & 0xff) == SQLITE_NOTADB)
      throw DbError(e.code, "The file " + path + " is not a peerobs database (it is not SQLite at all).");
    throw;
  }
  migrate(db_, kSchemaVersion);
}

std::optional<std::string> Store::meta(const std::string& key) const {
  Stmt st(db_, "SELECT value FROM meta WHERE key = ?");
  st.bind(1, key);
  if (!st.step()) return std::nullopt;
  return st.col_text(0);
}

void Store::set_meta(const std::string& key, const std::string& value) {
  Stmt st(db_, "INSERT INTO meta(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
  st.bind(1, key).bind(2, value);
  st.run();
}

std::optional<Id> Store::local_person() const {
  auto v = meta("local_person");
  if (!v) return std::nullopt;
  return Id::from_hex(*v);
}

void Store::set_local_person(Id person) { set_meta("local_person", person.hex()); }

void Store::transaction(const std::function<void()>& work) {
  if (txn_depth_ > 0) {
    work();
    return;
  }
  Transaction txn(db_);
  ++txn_depth_;
  try {
    work();
  } catch (...) {
    --txn_depth_;
    throw;
  }
  --txn_depth_;
  txn.commit();
}

Version Store::make_version(Id record, const RecordBody* body, bool tombstone, Id author, std::vector<Id> parents) {
  Version v;
  v.version = Id::clustered();
  v.record = record;
  v.parents = std::move(parents);
  v.author = author;
  v.tombstone = tombstone;
  v.saved_at_ms = wall_clock_ms();
  if (body) {
    v.type = type_of(*body);
    v.observation = observation_of(*body);
    v.body = encode_body(*body);
  }
  v.body_hash = body_hash(v.type, v.tombstone, v.body);
  return v;
}

Version Store::create(const RecordBody& body, Id author) { return create_with_id(Id::clustered(), body, author); }

Version Store::create_with_id(Id record, const RecordBody& body, Id author) {
  Version v = make_version(record, &body, false, author, {});
  transaction([&] {
    if (!head_ids(record).empty()) throw std::runtime_error("record " + record.hex() + " already exists");
    // A visit planned in a local-only cycle (a follow-up of the demo) stays local too.
    if (const auto* o = std::get_if<Observation>(&body))
      if ((!o->cycle.empty() && is_local_only(o->cycle)) || (!o->follows.empty() && is_local_only(o->follows)))
        mark_local_only(record);
    insert_version(v, true);
  });
  return v;
}

Version Store::update(Id record, const RecordBody& body, Id author) {
  Version v;
  transaction([&] {
    auto parents = head_ids(record);
    if (parents.empty()) throw std::runtime_error("cannot update unknown record " + record.hex());
    v = make_version(record, &body, false, author, parents);
    insert_version(v, true);
  });
  return v;
}

Version Store::remove(Id record, Id author) {
  Version v;
  transaction([&] {
    auto current = heads(record);
    if (current.empty()) throw std::runtime_error("cannot delete unknown record " + record.hex());
    std::vector<Id> parents;
    for (const auto& h : current) parents.push_back(h.version.version);
    // A tombstone keeps the type and scope of what it deletes so privacy rules still apply.
    v = make_version(record, nullptr, true, author, parents);
    v.type = current.front().version.type;
    v.observation = current.front().version.observation;
    v.body_hash = body_hash(v.type, true, v.body);
    insert_version(v, true);
  });
  return v;
}

bool Store::apply_version(const Version& v, bool to_outbox) {
  bool inserted = false;
  transaction([&] { inserted = insert_version(v, to_outbox); });
  return inserted;
}

bool Store::apply_checked_version(const Version& v) {
  bool inserted = false;
  transaction([&] { inserted = insert_version(v, false, true); });
  return inserted;
}

bool Store::insert_version(const Version& v, bool to_outbox, bool checked) {
  if (!valid_record_type(static_cast<int>(v.type)))
    throw std::runtime_error("version " + v.version.hex() + " has an unknown record type");
  if (!checked && body_hash(v.type, v.tombstone, v.body) != v.body_hash)
    throw std::runtime_error("version " + v.version.hex() + " does not match its body hash");
  {
    StmtLease st = cached("SELECT body_hash FROM versions WHERE version_id = ?");
    st->bind_id(1, v.version);
    if (st->step()) {
      std::string h = st->col_blob(0);
      if (h.size() != 32 || std::memcmp(h.data(), v.body_hash.data(), 32) != 0)
        throw VersionMismatch("version " + v.version.hex() + " is already stored with a different body");
      return false;
    }
  }
  bool known_record = false;  // a first version of a record has no heads to replace or children
  {
    StmtLease st = cached("SELECT type FROM versions WHERE record_id = ? LIMIT 1");
    st->bind_id(1, v.record);
    known_record = st->step();
    if (known_record && st->col_int(0) != static_cast<int>(v.type))
      throw std::runtime_error("version " + v.version.hex() + " changes the type of record " + v.record.hex());
  }
  if (!checked && !v.tombstone) decode_body(v.type, v.body);  // refuse undecodable bodies before storing them

  StmtLease ins = cached(
      "INSERT INTO versions(version_id, record_id, type, author, observation, parents, tombstone, saved_at,"
      " body, body_hash) VALUES(?,?,?,?,?,?,?,?,?,?)");
  ins->bind_id(1, v.version);
  ins->bind_id(2, v.record);
  ins->bind(3, static_cast<std::int64_t>(v.type));
  ins->bind_id(4, v.author);
  ins->bind_id(5, v.observation);
  std::string parents = ids_blob(v.parents);
  ins->bind_blob(6, parents.data(), parents.size());
  ins->bind(7, v.tombstone ? 1 : 0);
  ins->bind(8, v.saved_at_ms);
  ins->bind_blob(9, v.body.data(), v.body.size());
  ins->bind_blob(10, v.body_hash.data(), v.body_hash.size());
  ins->run();

  if (known_record)
    for (const auto& p : v.parents) {
      StmtLease del = cached("DELETE FROM heads WHERE record_id = ? AND version_id = ?");
      del->bind_id(1, v.record);
      del->bind_id(2, p);
      del->run();
    }
  // A version that arrived after one of its children is not a head.
  bool superseded = false;
  if (known_record) {
    StmtLease st = cached("SELECT parents FROM versions WHERE record_id = ? AND version_id != ?");
    st->bind_id(1, v.record);
    st->bind_id(2, v.version);
    while (st->step() && !superseded)
      for (const auto& p : st->col_ids(0))
        if (p == v.version) superseded = true;
  }
  if (!superseded) {
    StmtLease head = cached("INSERT INTO heads(record_id, version_id, type, observation, tombstone) VALUES(?,?,?,?,?)");
    head->bind_id(1, v.record);
    head->bind_id(2, v.version);
    head->bind(3, static_cast<std::int64_t>(v.type));
    head->bind_id(4, v.observation);
    head->bind(5, v.tombstone ? 1 : 0);
    head->run();
  }
  if (to_outbox && !is_local_only(v.record) && !(v.observation.empty() ? false : is_local_only(v.observation))) {
    StmtLease out = cached("INSERT INTO outbox(version_id) VALUES(?)");
    out->bind_id(1, v.version);
    out->run();
  }
  return true;
}

std::vector<Id> Store::head_ids(Id record) const {
  StmtLease st = cached("SELECT version_id FROM heads WHERE record_id = ? ORDER BY version_id");
  st->bind_id(1, record);
  std::vector<Id> ids;
  while (st->step()) ids.push_back(st->col_id(0));
  return ids;
}

StmtLease Store::cached(const char* sql) const {
  auto& slot = cache_[sql];
  if (!slot) slot = std::make_unique<Stmt>(db_, sql);
  return StmtLease(*slot);
}

Version Store::read_version_row(const Stmt& st) const {
  Version v;
  v.version = st.col_id(0);
  v.record = st.col_id(1);
  v.type = static_cast<RecordType>(st.col_int(2));
  v.author = st.col_id(3);
  v.observation = st.col_id(4);
  v.parents = st.col_ids(5);
  v.tombstone = st.col_int(6) != 0;
  v.saved_at_ms = st.col_int(7);
  v.body = st.col_blob(8);
  std::string h = st.col_blob(9);
  if (h.size() == 32) std::copy(h.begin(), h.end(), v.body_hash.begin());
  return v;
}

std::vector<RecordHead> Store::heads(Id record) const {
  std::string sql = std::string("SELECT ") + kVersionColumns +
                    " FROM versions WHERE version_id IN (SELECT version_id FROM heads WHERE record_id = ?)"
                    " ORDER BY version_id";
  Stmt st(db_, sql.c_str());
  st.bind_id(1, record);
  std::vector<RecordHead> out;
  while (st.step()) {
    Version v = read_version_row(st);
    RecordBody body = v.tombstone ? RecordBody{} : decode_body(v.type, v.body);
    out.push_back({std::move(v), std::move(body)});
  }
  return out;
}

std::optional<RecordHead> Store::get(Id record) const {
  for (auto& h : heads(record))
    if (!h.version.tombstone) return std::move(h);
  return std::nullopt;
}

std::vector<std::pair<Id, RecordHead>> Store::live(RecordType type, Id observation) const {
  // One row per live record: when a record is in conflict, the head with the smallest
  // version id stands for it (deterministic on every device; the conflict stays visible).
  std::string sql = std::string("SELECT ") + kVersionColumns +
                    " FROM versions WHERE version_id IN (SELECT min(version_id) FROM heads WHERE type = ?1 AND "
                    "tombstone = 0 AND (?2 IS NULL OR observation = ?2) GROUP BY record_id) ORDER BY seq";
  Stmt st(db_, sql.c_str());
  st.bind(1, static_cast<std::int64_t>(type));
  if (observation.empty())
    st.bind_null(2);
  else
    st.bind_id(2, observation);
  std::vector<std::pair<Id, RecordHead>> out;
  while (st.step()) {
    Version v = read_version_row(st);
    RecordBody body = decode_body(v.type, v.body);
    Id rec = v.record;
    out.push_back({rec, RecordHead{std::move(v), std::move(body)}});
  }
  return out;
}

std::vector<Id> Store::conflicted_records() const {
  Stmt st(db_, "SELECT record_id FROM heads GROUP BY record_id HAVING count(*) > 1 ORDER BY record_id");
  std::vector<Id> out;
  while (st.step()) out.push_back(st.col_id(0));
  return out;
}

std::map<RecordType, std::int64_t> Store::live_counts() const {
  Stmt st(db_, "SELECT type, count(DISTINCT record_id) FROM heads WHERE tombstone = 0 GROUP BY type");
  std::map<RecordType, std::int64_t> out;
  while (st.step()) out[static_cast<RecordType>(st.col_int(0))] = st.col_int(1);
  return out;
}

std::vector<Version> Store::versions_of(Id record) const {
  std::string sql = std::string("SELECT ") + kVersionColumns + " FROM versions WHERE record_id = ? ORDER BY seq";
  Stmt st(db_, sql.c_str());
  st.bind_id(1, record);
  std::vector<Version> out;
  while (st.step()) out.push_back(read_version_row(st));
  return out;
}

std::vector<Version> Store::all_versions() const {
  std::string sql = std::string("SELECT ") + kVersionColumns + " FROM versions ORDER BY seq";
  Stmt st(db_, sql.c_str());
  std::vector<Version> out;
  while (st.step()) out.push_back(read_version_row(st));
  return out;
}

bool Store::has_version(Id version) const {
  Stmt st(db_, "SELECT 1 FROM versions WHERE version_id = ?");
  st.bind_id(1, version);
  return st.step();
}

std::vector<Version> Store::outbox(int limit) const {
  std::int64_t last = 0;
  return outbox_after(0, limit, SIZE_MAX, last);
}

std::vector<Version> Store::outbox_after(std::int64_t after, int limit, std::size_t max_body_bytes,
                                         std::int64_t& last) const {
  std::string sql = std::string("SELECT ") + kVersionColumns +
                    ", outbox.seq FROM outbox JOIN versions USING(version_id) WHERE outbox.seq > ? "
                    "ORDER BY outbox.seq LIMIT ?";
  Stmt st(db_, sql.c_str());
  st.bind(1, after).bind(2, limit);
  std::vector<Version> out;
  last = after;
  std::size_t bytes = 0;
  while (st.step()) {
    Version v = read_version_row(st);
    bytes += v.body.size();
    if (!out.empty() && bytes > max_body_bytes) break;
    out.push_back(std::move(v));
    last = st.col_int(kVersionColumnCount);
  }
  return out;
}

std::int64_t Store::outbox_size() const {
  Stmt st(db_, "SELECT count(*) FROM outbox");
  st.step();
  return st.col_int(0);
}

void Store::remove_from_outbox(const std::vector<Id>& versions) {
  transaction([&] {
    Stmt st(db_, "DELETE FROM outbox WHERE version_id = ?");
    for (const auto& v : versions) {
      st.bind_id(1, v);
      st.run();
      st.reset();
    }
  });
}

void Store::hold_back(const std::vector<HeldBackVersion>& items) {
  transaction([&] {
    for (const auto& h : items) {
      StmtLease del = cached("DELETE FROM outbox WHERE version_id = ?");
      del->bind_id(1, h.version);
      del->run();
      StmtLease ins = cached(
          "INSERT INTO held_back(version_id, status, reason, held_at) VALUES(?,?,?,?) "
          "ON CONFLICT(version_id) DO UPDATE SET status = excluded.status, "
          "reason = excluded.reason, held_at = excluded.held_at");
      ins->bind_id(1, h.version);
      ins->bind(2, static_cast<std::int64_t>(h.status)).bind(3, h.reason).bind(4, h.held_at_ms);
      ins->run();
    }
  });
}

std::vector<HeldBackVersion> Store::held_back() const {
  Stmt st(db_, "SELECT version_id, status, reason, held_at FROM held_back ORDER BY held_at DESC, version_id");
  std::vector<HeldBackVersion> out;
  while (st.step()) out.push_back({st.col_id(0), static_cast<int>(st.col_int(1)), st.col_text(2), st.col_int(3)});
  return out;
}

std::int64_t Store::held_back_size() const {
  Stmt st(db_, "SELECT count(*) FROM held_back");
  st.step();
  return st.col_int(0);
}

bool Store::is_held_back(Id version) const {
  StmtLease st = cached("SELECT 1 FROM held_back WHERE version_id = ?");
  st->bind_id(1, version);
  return st->step();
}

std::int64_t Store::retry_held_back() {
  std::int64_t n = 0;
  transaction([&] {
    n = held_back_size();
    // Oldest version first, so parents go before their children as in the original outbox.
    db_.exec(
        "INSERT OR IGNORE INTO outbox(version_id) SELECT h.version_id FROM held_back h "
        "JOIN versions v USING(version_id) ORDER BY v.seq");
    db_.exec("DELETE FROM held_back");
  });
  return n;
}

void Store::mark_local_only(Id id) {
  Stmt st(db_, "INSERT OR IGNORE INTO local_only(id) VALUES(?)");
  st.bind_id(1, id);
  st.run();
}

bool Store::is_local_only(Id id) const {
  StmtLease st = cached("SELECT 1 FROM local_only WHERE id = ?");
  st->bind_id(1, id);
  return st->step();
}

void Store::save_draft(const std::string& key, const std::string& text) {
  Stmt st(db_,
          "INSERT INTO drafts(key, text, updated_at) VALUES(?, ?, ?) ON CONFLICT(key) DO UPDATE SET "
          "text = excluded.text, updated_at = excluded.updated_at");
  st.bind(1, key).bind(2, text).bind(3, wall_clock_ms());
  st.run();
}

std::optional<std::string> Store::draft(const std::string& key) const {
  Stmt st(db_, "SELECT text FROM drafts WHERE key = ?");
  st.bind(1, key);
  if (!st.step()) return std::nullopt;
  return st.col_text(0);
}

void Store::clear_draft(const std::string& key) {
  Stmt st(db_, "DELETE FROM drafts WHERE key = ?");
  st.bind(1, key);
  st.run();
}

}  // namespace core
