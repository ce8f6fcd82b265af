// Numbered schema migrations, tracked in PRAGMA user_version. Each step is additive and
// runs in the caller's transaction; a database made by any earlier version opens in this one.
#include "core/store.h"

namespace core {

namespace {
const char* const kSteps[] = {
    // 1: versions, heads, outbox, meta
    R"sql(
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE versions(
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  version_id BLOB NOT NULL UNIQUE CHECK(length(version_id) = 16),
  record_id BLOB NOT NULL CHECK(length(record_id) = 16),
  type INTEGER NOT NULL,
  author BLOB NOT NULL,
  observation BLOB NOT NULL,
  parents BLOB NOT NULL,
  tombstone INTEGER NOT NULL,
  saved_at INTEGER NOT NULL,
  body BLOB NOT NULL,
  body_hash BLOB NOT NULL);
CREATE INDEX versions_by_record ON versions(record_id);
CREATE TABLE heads(
  record_id BLOB NOT NULL,
  version_id BLOB NOT NULL REFERENCES versions(version_id),
  type INTEGER NOT NULL,
  observation BLOB NOT NULL,
  tombstone INTEGER NOT NULL,
  PRIMARY KEY(record_id, version_id)) WITHOUT ROWID;
-- (the hub drops heads_by_scope, which none of its queries use: later steps name it with IF EXISTS)
CREATE INDEX heads_by_scope ON heads(type, observation);
CREATE TABLE outbox(
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  version_id BLOB NOT NULL UNIQUE REFERENCES versions(version_id));
)sql",
    // 2: drafts typed in the client but not yet saved as records
    R"sql(
CREATE TABLE drafts(key TEXT PRIMARY KEY, text TEXT NOT NULL, updated_at INTEGER NOT NULL);
)sql",
    // 3: records and observations that never leave this device (demo data)
    R"sql(
CREATE TABLE local_only(id BLOB PRIMARY KEY CHECK(length(id) = 16)) WITHOUT ROWID;
)sql",
    // 4: versions the hub refused, kept here out of the outbox with the hub's reason
    R"sql(
CREATE TABLE held_back(
  version_id BLOB PRIMARY KEY REFERENCES versions(version_id),
  status INTEGER NOT NULL,
  reason TEXT NOT NULL,
  held_at INTEGER NOT NULL) WITHOUT ROWID;
)sql",
    // 5: content keys of the scopes this device may read, sealed versions waiting for theirs, and the
    // public key first seen for each colleague (trust on first use)
    R"sql(
CREATE TABLE content_keys(
  key_id BLOB PRIMARY KEY CHECK(length(key_id) = 16),
  scope_kind INTEGER NOT NULL,
  scope BLOB NOT NULL,
  coach BLOB NOT NULL,
  teacher_leader BLOB NOT NULL,
  key BLOB NOT NULL CHECK(length(key) = 32),
  added INTEGER NOT NULL) WITHOUT ROWID;
CREATE INDEX content_keys_by_scope ON content_keys(scope_kind, scope, coach, teacher_leader, added);
CREATE TABLE sealed_waiting(
  version_id BLOB NOT NULL UNIQUE CHECK(length(version_id) = 16),
  record_id BLOB NOT NULL,
  type INTEGER NOT NULL,
  author BLOB NOT NULL,
  observation BLOB NOT NULL,
  parents BLOB NOT NULL,
  tombstone INTEGER NOT NULL,
  saved_at INTEGER NOT NULL,
  body BLOB NOT NULL,
  body_hash BLOB NOT NULL,
  key_id BLOB NOT NULL);
CREATE INDEX sealed_waiting_by_key ON sealed_waiting(key_id);
CREATE TABLE known_public_keys(
  person BLOB PRIMARY KEY CHECK(length(person) = 16),
  public_key BLOB NOT NULL CHECK(length(public_key) = 32),
  first_seen INTEGER NOT NULL) WITHOUT ROWID;
)sql",
};
static_assert(sizeof(kSteps) / sizeof(kSteps[0]) == kSchemaVersion, "one migration step per schema version");
}  // namespace

void migrate(Db& db, int to_version) {
  int current = static_cast<int>(db.pragma_int("user_version"));
  if (current > kSchemaVersion)
    throw DbError(0, "The database " + db.path() + " was made by a newer peerobs (schema " + std::to_string(current) +
                         ", this one knows up to " + std::to_string(kSchemaVersion) + "). Update peerobs to open it.");
  if (current == 0) {
    Stmt st(db, "SELECT count(*) FROM sqlite_master");
    if (st.step() && st.col_int(0) > 0)
      throw DbError(0, "The file " + db.path() + " is an SQLite database but not a peerobs store.");
  }
  if (current >= to_version) return;
  Transaction txn(db);
  for (int v = current + 1; v <= to_version; ++v) db.exec(kSteps[v - 1]);
  db.exec("PRAGMA user_version = " + std::to_string(to_version));
  txn.commit();
}

}  // namespace core
