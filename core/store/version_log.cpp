// The version log's SQL: versions and heads, one version at a time and read back. The batch
// writes are in version_log_batch.cpp. See version_log.h for the invariants.
#include "core/store/version_log.h"

#include <cstring>

#include "core/crypto/sealed_body.h"
#include "core/serialization.h"

namespace core {

const char* const VersionLog::kColumns =
    "version_id, record_id, type, author, observation, parents, tombstone, saved_at, body, body_hash";

namespace {
std::string ids_blob(const std::vector<Id>& ids) {
  std::string s;
  for (const auto& id : ids) s.append(reinterpret_cast<const char*>(id.bytes.data()), 16);
  return s;
}

// "SELECT <columns> FROM versions <rest>", built once per call site (statements are cached by
// the address of their text).
std::string select_versions(const char* rest) { return std::string("SELECT ") + VersionLog::kColumns + " " + rest; }

std::vector<Version> read_all(Stmt& st) {
  std::vector<Version> out;
  while (st.step()) out.push_back(VersionLog::read_row(st));
  return out;
}
}  // namespace

Version VersionLog::read_row(const Stmt& st) {
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

namespace {
// The part of check() that needs no decoding, made first (before a lookup) by insert().
void check_type_and_hash(const Version& v) {
  if (!valid_record_type(static_cast<int>(v.type))) throw DamagedVersion(v, "has an unknown record type");
  if (body_hash(v.type, v.tombstone, v.body) != v.body_hash) throw DamagedVersion(v, "does not match its body hash");
}

// routing: a sealed body is read as its routing view (the hub, which holds no keys); otherwise
// it is refused like any body this reader cannot read (a device opens sealed bodies first).
std::optional<RecordBody> decode_checked(const Version& v, bool routing = false) {
  if (v.tombstone) return std::nullopt;
  try {
    return routing ? crypto::decode_stored_body(v) : decode_body(v.type, v.body);
  } catch (const std::exception& e) {
    throw DamagedVersion(v, std::string("could not be read: ") + e.what());
  }
}
}  // namespace

std::optional<RecordBody> VersionLog::check(const Version& v) {
  check_type_and_hash(v);
  return decode_checked(v);
}

std::optional<RecordBody> VersionLog::check_routing(const Version& v) {
  check_type_and_hash(v);
  return decode_checked(v, true);
}

bool VersionLog::insert(const Version& v, bool checked) {
  if (checked) {
    if (!valid_record_type(static_cast<int>(v.type))) throw DamagedVersion(v, "has an unknown record type");
  } else {
    check_type_and_hash(v);
  }
  {
    StmtLease st = c_.cached("SELECT body_hash FROM versions WHERE version_id = ?");
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
    StmtLease st = c_.cached("SELECT type FROM versions WHERE record_id = ? LIMIT 1");
    st->bind_id(1, v.record);
    known_record = st->step();
    if (known_record && st->col_int(0) != static_cast<int>(v.type))
      throw std::runtime_error("version " + v.version.hex() + " changes the type of record " + v.record.hex());
  }
  if (!checked) decode_checked(v);  // refuse undecodable bodies before storing them

  StmtLease ins = c_.cached(
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
      StmtLease del = c_.cached("DELETE FROM heads WHERE record_id = ? AND version_id = ?");
      del->bind_id(1, v.record);
      del->bind_id(2, p);
      del->run();
    }
  // A version that arrived after one of its children is not a head.
  bool superseded = false;
  if (known_record) {
    StmtLease st = c_.cached("SELECT parents FROM versions WHERE record_id = ? AND version_id != ?");
    st->bind_id(1, v.record);
    st->bind_id(2, v.version);
    while (st->step() && !superseded)
      for (const auto& p : st->col_ids(0))
        if (p == v.version) superseded = true;
  }
  if (!superseded) {
    StmtLease head =
        c_.cached("INSERT INTO heads(record_id, version_id, type, observation, tombstone) VALUES(?,?,?,?,?)");
    head->bind_id(1, v.record);
    head->bind_id(2, v.version);
    head->bind(3, static_cast<std::int64_t>(v.type));
    head->bind_id(4, v.observation);
    head->bind(5, v.tombstone ? 1 : 0);
    head->run();
  }
  return true;
}

void VersionLog::erase_record(Id record) {
  for (const char* sql : {"DELETE FROM heads WHERE record_id = ?", "DELETE FROM versions WHERE record_id = ?"}) {
    Stmt st(c_.db(), sql);
    st.bind_id(1, record);
    st.run();
  }
}

void VersionLog::index_for_hub() {
  c_.db().exec("CREATE INDEX IF NOT EXISTS hub_versions_by_observation ON versions(observation)");
  // The devices' index for listing a type's records in an observation (heads_by_scope) serves
  // no query of the hub, which finds heads by record; dropped, it no longer costs every pushed
  // version an index insert (10,000 notes: 0.64 MB of 5.2 MB written, about 8 % of the push).
  c_.db().exec("DROP INDEX IF EXISTS heads_by_scope");
}

std::vector<Id> VersionLog::head_ids(Id record) const {
  StmtLease st = c_.cached("SELECT version_id FROM heads WHERE record_id = ? ORDER BY version_id");
  st->bind_id(1, record);
  std::vector<Id> ids;
  while (st->step()) ids.push_back(st->col_id(0));
  return ids;
}

std::vector<RecordHead> VersionLog::heads(Id record) const {
  static const std::string sql = select_versions(
      "FROM versions WHERE version_id IN (SELECT version_id FROM heads WHERE record_id = ?)"
      " ORDER BY version_id");
  StmtLease st = c_.cached(sql.c_str());
  st->bind_id(1, record);
  std::vector<RecordHead> out;
  while (st->step()) {
    Version v = read_row(*st);
    RecordBody body = v.tombstone ? RecordBody{} : crypto::decode_stored_body(v);
    out.push_back({std::move(v), std::move(body)});
  }
  return out;
}

void VersionLog::for_each_live(RecordType type, Id observation,
                               const std::function<void(Version&&)>& on_version) const {
  // One row per live record: when a record is in conflict, the head with the smallest
  // version id stands for it (deterministic on every device; the conflict stays visible).
  static const std::string sql = select_versions(
      "FROM versions WHERE version_id IN (SELECT min(version_id) FROM heads WHERE type = ?1 AND "
      "tombstone = 0 AND (?2 IS NULL OR observation = ?2) GROUP BY record_id) ORDER BY seq");
  StmtLease st = c_.cached(sql.c_str());
  st->bind(1, static_cast<std::int64_t>(type));
  if (observation.empty())
    st->bind_null(2);
  else
    st->bind_id(2, observation);
  while (st->step()) on_version(read_row(*st));
}

std::vector<std::pair<Id, RecordHead>> VersionLog::live(RecordType type, Id observation) const {
  std::vector<std::pair<Id, RecordHead>> out;
  for_each_live(type, observation, [&](Version&& v) {
    RecordBody body = crypto::decode_stored_body(v);
    Id rec = v.record;
    out.push_back({rec, RecordHead{std::move(v), std::move(body)}});
  });
  return out;
}

std::vector<Id> VersionLog::conflicted_records() const {
  // Key records (types 14, 15) are left out: two devices granting or backing up at once is no
  // decision for a teacher, and every version of them stays usable (each names its own key).
  static_assert(static_cast<int>(RecordType::KeyGrant) == 14 && static_cast<int>(RecordType::KeyBackup) == 15);
  Stmt st(c_.db(),
          "SELECT record_id FROM heads WHERE type NOT IN (14, 15) GROUP BY record_id HAVING count(*) > 1 "
          "ORDER BY record_id");
  std::vector<Id> out;
  while (st.step()) out.push_back(st.col_id(0));
  return out;
}

std::map<RecordType, std::int64_t> VersionLog::live_counts() const {
  Stmt st(c_.db(), "SELECT type, count(DISTINCT record_id) FROM heads WHERE tombstone = 0 GROUP BY type");
  std::map<RecordType, std::int64_t> out;
  while (st.step()) out[static_cast<RecordType>(st.col_int(0))] = st.col_int(1);
  return out;
}

std::vector<VersionLog::StoredBodies> VersionLog::stored_bodies() const {
  // The marker of core/serialization.h (kSealedBodyMarker), compared on its first three bytes:
  // a version sealed alone or in a bundle.
  Stmt st(c_.db(),
          "SELECT type, substr(body, 1, 3) = x'005342' AS sealed, count(*), sum(length(body)) FROM versions "
          "WHERE tombstone = 0 GROUP BY type, sealed ORDER BY type, sealed");
  std::vector<StoredBodies> out;
  while (st.step())
    out.push_back({static_cast<RecordType>(st.col_int(0)), st.col_int(1) != 0, st.col_int(2), st.col_int(3)});
  return out;
}

std::vector<Version> VersionLog::of_record(Id record) const {
  static const std::string sql = select_versions("FROM versions WHERE record_id = ? ORDER BY seq");
  StmtLease st = c_.cached(sql.c_str());
  st->bind_id(1, record);
  return read_all(*st);
}

std::vector<Version> VersionLog::all() const {
  std::string sql = select_versions("FROM versions ORDER BY seq");
  Stmt st(c_.db(), sql.c_str());
  return read_all(st);
}

bool VersionLog::has(Id version) const {
  StmtLease st = c_.cached("SELECT 1 FROM versions WHERE version_id = ?");
  st->bind_id(1, version);
  return st->step();
}

std::optional<Version> VersionLog::by_seq(std::int64_t seq) const {
  static const std::string sql = select_versions("FROM versions WHERE seq = ?");
  StmtLease st = c_.cached(sql.c_str());
  st->bind(1, seq);
  if (!st->step()) return std::nullopt;
  return read_row(*st);
}

std::optional<Id> VersionLog::scope_of_record(Id record) const {
  StmtLease st = c_.cached("SELECT observation FROM versions WHERE record_id = ? LIMIT 1");
  st->bind_id(1, record);
  if (!st->step()) return std::nullopt;
  return st->col_id(0);
}

std::optional<Id> VersionLog::creator(Id record) const {
  StmtLease st = c_.cached("SELECT author FROM versions WHERE record_id = ? ORDER BY seq LIMIT 1");
  st->bind_id(1, record);
  if (!st->step()) return std::nullopt;
  return st->col_id(0);
}

std::vector<Version> VersionLog::in_observation(Id observation) const {
  static const std::string sql = select_versions("FROM versions WHERE observation = ?1 OR record_id = ?1 ORDER BY seq");
  Stmt st(c_.db(), sql.c_str());
  st.bind_id(1, observation);
  return read_all(st);
}

void VersionLog::for_each_body_after(
    std::int64_t seq, const std::function<void(std::int64_t, RecordType, const std::string&)>& on_body) const {
  StmtLease st = c_.cached("SELECT seq, type, body FROM versions WHERE seq > ? AND tombstone = 0 ORDER BY seq");
  st->bind(1, seq);
  while (st->step()) on_body(st->col_int(0), static_cast<RecordType>(st->col_int(1)), st->col_blob(2));
}

}  // namespace core
