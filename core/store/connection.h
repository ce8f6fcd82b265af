// The store's one SQLite connection, shared by the owners of its tables (version_log.h,
// outbox.h, drafts.h, device_meta.h) and, on the hub, by the hub's own tables.
// Guarantees: a statement prepared through cached() is prepared once per connection; a lease
// resets it when it ends, so no read transaction is left open; transaction() nests (the
// outermost call commits), so an owner's write joins its caller's transaction.
#pragma once
#include <functional>
#include <memory>
#include <string>
#include <unordered_map>

#include "core/sqlite.h"

namespace core {

class Connection {
 public:
  Connection(const std::string& path, bool create) : db_(path, create) {}

  Db& db() const { return db_; }
  const std::string& path() const { return db_.path(); }
  // `sql` is a string literal or a static string: statements are cached by its address.
  StmtLease cached(const char* sql) const {
    auto& slot = cache_[sql];
    if (!slot) slot = std::make_unique<Stmt>(db_, sql);
    return StmtLease(*slot);
  }
  // Runs `work` in one transaction (several saves become one durable commit); inside another
  // call it simply runs, and the outermost commits or rolls back.
  void transaction(const std::function<void()>& work);

 private:
  mutable Db db_;
  mutable std::unordered_map<const char*, std::unique_ptr<Stmt>> cache_;
  int txn_depth_ = 0;
};

}  // namespace core
