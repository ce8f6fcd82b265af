// Thin RAII over the SQLite C API: a connection and prepared statements whose every call is
// checked. Errors become core::DbError carrying SQLite's message and the statement text, so
// a failure names what went wrong instead of leaving a half-written state unnoticed.
#pragma once
#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/ids.h"

namespace core {

struct DbError : std::runtime_error {
  int code;
  DbError(int c, const std::string& what) : std::runtime_error(what), code(c) {}
};

// The storage holding the file is full (SQLITE_FULL, or a write or a growing file that failed
// with ENOSPC). The statement or transaction it ended kept nothing; what was committed before is
// intact, and the same call succeeds once space is freed. Its own type, because the person can
// act on it (free space) where other database errors need help: callers say so in plain words.
struct DiskFull : DbError {
  using DbError::DbError;
};

// One connection. Not shared between threads at the same time (opened with SQLITE_OPEN_NOMUTEX).
class Db {
 public:
  // Opens or creates the file; throws DbError with the path in the message if it cannot.
  Db(const std::string& path, bool create);
  ~Db();
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;

  void exec(const std::string& sql);
  std::int64_t pragma_int(const std::string& name);
  sqlite3* raw() const { return db_; }
  const std::string& path() const { return path_; }
  // Throws DiskFull when `rc` (or the error the OS gave SQLite) means the storage is full,
  // else DbError; both name the file and `context`.
  [[noreturn]] void fail(int rc, std::string_view context) const;

 private:
  [[noreturn]] void fail_with(int rc, const std::string& msg, std::string_view context) const;

  sqlite3* db_ = nullptr;
  std::string path_;
};

class Stmt {
 public:
  Stmt(const Db& db, const char* sql);
  ~Stmt();
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;

  Stmt& bind(int i, std::int64_t v);
  Stmt& bind(int i, std::string_view text);
  Stmt& bind_blob(int i, const void* data, std::size_t n);
  Stmt& bind_id(int i, const Id& id);  // as its 16 bytes
  Stmt& bind_null(int i);
  // Advances; true while a row is available, false when done.
  bool step();
  // Runs a statement that returns no rows.
  void run();
  void reset();

  std::int64_t col_int(int i) const;
  std::string col_text(int i) const;
  std::string col_blob(int i) const;
  Id col_id(int i) const;                // the empty id unless the column holds 16 bytes
  std::vector<Id> col_ids(int i) const;  // a column of 16-byte ids one after another
  bool col_null(int i) const;

 private:
  const Db& db_;
  sqlite3_stmt* st_ = nullptr;
  const char* sql_;
};

// A borrowed cached statement, reset (and its bindings cleared) when the lease ends.
class StmtLease {
 public:
  explicit StmtLease(Stmt& st) : st_(&st) {}
  ~StmtLease() {
    if (st_) st_->reset();
  }
  StmtLease(StmtLease&& other) noexcept : st_(other.st_) { other.st_ = nullptr; }
  StmtLease(const StmtLease&) = delete;
  StmtLease& operator=(const StmtLease&) = delete;
  StmtLease& operator=(StmtLease&&) = delete;
  Stmt* operator->() const { return st_; }
  Stmt& operator*() const { return *st_; }

 private:
  Stmt* st_;
};

// "?,?,...,?": the parameters of an IN list of n values (n >= 1).
std::string placeholders(std::size_t n);

// BEGIN IMMEDIATE ... COMMIT; rolls back if destroyed without commit().
class Transaction {
 public:
  explicit Transaction(Db& db);
  ~Transaction();
  void commit();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

 private:
  Db& db_;
  bool open_ = true;
};

}  // namespace core
