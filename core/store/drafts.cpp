// The drafts table. See drafts.h.
#include "core/store/drafts.h"

#include "core/store.h"

namespace core {

void Drafts::save(const std::string& key, const std::string& text) {
  Stmt st(c_.db(),
          "INSERT INTO drafts(key, text, updated_at) VALUES(?, ?, ?) ON CONFLICT(key) DO UPDATE SET "
          "text = excluded.text, updated_at = excluded.updated_at");
  st.bind(1, key).bind(2, text).bind(3, wall_clock_ms());
  st.run();
}

std::optional<std::string> Drafts::get(const std::string& key) const {
  Stmt st(c_.db(), "SELECT text FROM drafts WHERE key = ?");
  st.bind(1, key);
  if (!st.step()) return std::nullopt;
  return st.col_text(0);
}

void Drafts::clear(const std::string& key) {
  Stmt st(c_.db(), "DELETE FROM drafts WHERE key = ?");
  st.bind(1, key);
  st.run();
}

std::vector<std::string> Drafts::texts() const {
  StmtLease st = c_.cached("SELECT text FROM drafts");
  std::vector<std::string> out;
  while (st->step()) out.push_back(st->col_text(0));
  return out;
}

}  // namespace core
