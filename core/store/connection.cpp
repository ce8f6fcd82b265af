// Connection::transaction: nested calls join the outermost. See connection.h.
#include "core/store/connection.h"

namespace core {

void Connection::transaction(const std::function<void()>& work) {
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

}  // namespace core
