// Statements over many rows at once, for the paths that write or probe thousands of versions
// (the version log's batch apply, the hub's feed): one statement's own cost is about that of
// the index work it does, so rows go many to a statement.
#pragma once
#include <algorithm>
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/store/connection.h"

namespace core {

// "INSERT ... VALUES(?,..),(?,..)...": `columns` parameters a row, up to `per_statement` rows a
// statement, with an optional suffix (a RETURNING clause). Declare it static: full statements
// are cached by the address of their text.
class RowInsert {
 public:
  RowInsert(std::string prefix, int columns, std::size_t per_statement, std::string suffix = "")
      : prefix_(std::move(prefix)),
        suffix_(std::move(suffix)),
        columns_(columns),
        per_statement_(per_statement),
        full_(sql(per_statement)) {}

  // Binds each row with bind(stmt, first_parameter, row); on_row, when given, reads each row a
  // statement returns. Full statements are cached on the connection; the last, shorter
  // one is prepared for its size.
  template <class Row, class Bind>
  void run(const Connection& connection, const std::vector<Row>& rows, Bind bind,
           const std::function<void(const Stmt&)>& on_row = {}) const {
    for (std::size_t i = 0; i < rows.size(); i += per_statement_) {
      std::size_t n = std::min(per_statement_, rows.size() - i);
      std::string short_sql;  // outlives the statement, which keeps its text for error messages
      std::optional<Stmt> short_st;
      std::optional<StmtLease> lease;
      Stmt* st = nullptr;
      if (n == per_statement_) {
        st = &*lease.emplace(connection.cached(full_.c_str()));
      } else {
        short_sql = sql(n);
        st = &short_st.emplace(connection.db(), short_sql.c_str());
      }
      for (std::size_t j = 0; j < n; ++j) bind(*st, static_cast<int>(j) * columns_ + 1, rows[i + j]);
      if (!on_row) {
        st->run();
        continue;
      }
      while (st->step()) on_row(*st);
      st->reset();
    }
  }

 private:
  std::string sql(std::size_t rows) const {
    std::string group = "(" + placeholders(static_cast<std::size_t>(columns_)) + ")";
    std::string s = prefix_ + group;
    for (std::size_t r = 1; r < rows; ++r) s += "," + group;
    return s + suffix_;
  }
  std::string prefix_, suffix_;
  int columns_;
  std::size_t per_statement_;
  std::string full_;
};

// Runs "sql_prefix(?,?,...)" ("... WHERE x IN (") over `ids`, 500 to a query, calling
// on_row(stmt) for each row found.
template <class OnRow>
void select_by_ids(Db& db, const std::string& sql_prefix, const std::vector<Id>& ids, OnRow on_row) {
  constexpr std::size_t kPerQuery = 500;
  for (std::size_t i = 0; i < ids.size(); i += kPerQuery) {
    std::size_t n = std::min(kPerQuery, ids.size() - i);
    std::string sql = sql_prefix + placeholders(n) + ")";
    Stmt st(db, sql.c_str());
    for (std::size_t j = 0; j < n; ++j) st.bind_id(static_cast<int>(j + 1), ids[i + j]);
    while (st.step()) on_row(st);
  }
}

}  // namespace core
