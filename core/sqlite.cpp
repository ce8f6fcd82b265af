// Checked SQLite calls.
#include "core/sqlite.h"

#include <cerrno>

#include <algorithm>

namespace core {

Db::Db(const std::string& path, bool create) : path_(path) {
  // NOMUTEX: a connection is only ever used by one thread at a time (the app's UI thread and
  // the sync worker each open their own; the hub takes one lock around every request), so
  // SQLite's lock on each call was pure cost: about 2 % of a sync batch's time in a profile.
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (create ? SQLITE_OPEN_CREATE : 0);
  int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
    sqlite3_close(db_);
    db_ = nullptr;
    throw DbError(rc, "Cannot open the database " + path + ": " + msg);
  }
  sqlite3_extended_result_codes(db_, 1);
  // Another process (the CLI, a second window) may hold the write lock briefly.
  sqlite3_busy_timeout(db_, 5000);
}

Db::~Db() { sqlite3_close_v2(db_); }

void Db::fail(int rc, std::string_view context) const { fail_with(rc, sqlite3_errmsg(db_), context); }

// SQLite reports ENOSPC on a page write as SQLITE_FULL, but ENOSPC while growing the WAL index
// (-shm) or syncing arrives as an I/O error: the OS's errno tells them apart.
void Db::fail_with(int rc, const std::string& msg, std::string_view context) const {
  bool full = (rc & 0xff) == SQLITE_FULL || ((rc & 0xff) == SQLITE_IOERR && sqlite3_system_errno(db_) == ENOSPC);
  if (full) throw DiskFull(rc, "The storage holding " + path_ + " is full (while " + std::string(context) + ")");
  throw DbError(rc, "Database " + path_ + ": " + msg + " (while " + std::string(context) + ")");
}

void Db::exec(const std::string& sql) {
  char* err = nullptr;
  int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err);
  if (rc != SQLITE_OK) {
    std::string msg = err ? err : sqlite3_errstr(rc);
    sqlite3_free(err);
    fail_with(rc, msg, "running: " + sql.substr(0, 80));
  }
}

std::int64_t Db::pragma_int(const std::string& name) {
  std::string sql = "PRAGMA " + name;
  Stmt st(*this, sql.c_str());
  if (!st.step()) return 0;
  return st.col_int(0);
}

Stmt::Stmt(const Db& db, const char* sql) : db_(db), sql_(sql) {
  int rc = sqlite3_prepare_v2(db.raw(), sql, -1, &st_, nullptr);
  if (rc != SQLITE_OK) db.fail(rc, std::string("preparing ") + sql);
}

Stmt::~Stmt() { sqlite3_finalize(st_); }

Stmt& Stmt::bind(int i, std::int64_t v) {
  int rc = sqlite3_bind_int64(st_, i, v);
  if (rc != SQLITE_OK) db_.fail(rc, "binding a number");
  return *this;
}
Stmt& Stmt::bind(int i, std::string_view text) {
  int rc = sqlite3_bind_text(st_, i, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
  if (rc != SQLITE_OK) db_.fail(rc, "binding text");
  return *this;
}
Stmt& Stmt::bind_blob(int i, const void* data, std::size_t n) {
  int rc = sqlite3_bind_blob64(st_, i, n ? data : "", n, SQLITE_TRANSIENT);
  if (rc != SQLITE_OK) db_.fail(rc, "binding a blob");
  return *this;
}
Stmt& Stmt::bind_id(int i, const Id& id) { return bind_blob(i, id.bytes.data(), id.bytes.size()); }
Stmt& Stmt::bind_null(int i) {
  int rc = sqlite3_bind_null(st_, i);
  if (rc != SQLITE_OK) db_.fail(rc, "binding null");
  return *this;
}

bool Stmt::step() {
  int rc = sqlite3_step(st_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  db_.fail(rc, std::string("running ") + std::string(sql_).substr(0, 80));
}

void Stmt::run() {
  while (step()) {
  }
}

void Stmt::reset() {
  sqlite3_reset(st_);
  sqlite3_clear_bindings(st_);
}

std::int64_t Stmt::col_int(int i) const { return sqlite3_column_int64(st_, i); }
std::string Stmt::col_text(int i) const {
  auto* p = reinterpret_cast<const char*>(sqlite3_column_text(st_, i));
  return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(st_, i))) : std::string();
}
std::string Stmt::col_blob(int i) const {
  auto* p = static_cast<const char*>(sqlite3_column_blob(st_, i));
  return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(st_, i))) : std::string();
}
Id Stmt::col_id(int i) const {
  Id id;
  auto* p = static_cast<const std::uint8_t*>(sqlite3_column_blob(st_, i));  // before its size
  if (sqlite3_column_bytes(st_, i) != 16) return id;
  std::copy(p, p + 16, id.bytes.begin());
  return id;
}
std::vector<Id> Stmt::col_ids(int i) const {
  std::vector<Id> ids;
  auto* p = static_cast<const std::uint8_t*>(sqlite3_column_blob(st_, i));
  std::size_t n = static_cast<std::size_t>(sqlite3_column_bytes(st_, i)) / 16;
  for (std::size_t k = 0; k < n; ++k) {
    ids.emplace_back();
    std::copy(p + 16 * k, p + 16 * (k + 1), ids.back().bytes.begin());
  }
  return ids;
}
bool Stmt::col_null(int i) const { return sqlite3_column_type(st_, i) == SQLITE_NULL; }

Transaction::Transaction(Db& db) : db_(db) { db_.exec("BEGIN IMMEDIATE"); }
Transaction::~Transaction() {
  if (open_) sqlite3_exec(db_.raw(), "ROLLBACK", nullptr, nullptr, nullptr);
}
void Transaction::commit() {
  db_.exec("COMMIT");
  open_ = false;
}

std::string placeholders(std::size_t n) {
  std::string s = "?";
  s.reserve(2 * n);
  for (std::size_t i = 1; i < n; ++i) s += ",?";
  return s;
}

}  // namespace core
