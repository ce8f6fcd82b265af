// The outbox, held-back and local-only tables. See outbox.h.
#include "core/store/outbox.h"

#include <cstdint>
#include <limits>

#include "core/store/version_log.h"

namespace core {

bool Outbox::never_leaves(const Version& v) const {
  return is_local_only(v.record) || (!v.observation.empty() && is_local_only(v.observation));
}

void Outbox::add(const Version& v) {
  if (never_leaves(v)) return;
  StmtLease out = c_.cached("INSERT INTO outbox(version_id) VALUES(?)");
  out->bind_id(1, v.version);
  out->run();
}

std::vector<Version> Outbox::first(int limit) const {
  std::int64_t last = 0;
  return after(0, limit, 0, SIZE_MAX, last);
}

std::vector<Version> Outbox::after(std::int64_t after, int limit, std::int64_t up_to, std::size_t max_body_bytes,
                                   std::int64_t& last) const {
  // The version rows are read with the version log's columns and reader.
  static const std::string sql = std::string("SELECT ") + VersionLog::kColumns +
                                 ", outbox.seq FROM outbox JOIN versions USING(version_id) WHERE outbox.seq > ? "
                                 "AND outbox.seq <= ? ORDER BY outbox.seq LIMIT ?";
  StmtLease st = c_.cached(sql.c_str());
  st->bind(1, after).bind(2, up_to > 0 ? up_to : std::numeric_limits<std::int64_t>::max()).bind(3, limit);
  std::vector<Version> out;
  last = after;
  std::size_t bytes = 0;
  while (st->step()) {
    Version v = VersionLog::read_row(*st);
    bytes += v.body.size();
    if (!out.empty() && bytes > max_body_bytes) break;
    out.push_back(std::move(v));
    last = st->col_int(VersionLog::kColumnCount);
  }
  return out;
}

std::int64_t Outbox::size() const {
  Stmt st(c_.db(), "SELECT count(*) FROM outbox");
  st.step();
  return st.col_int(0);
}

bool Outbox::is_queued(Id version) const {
  StmtLease st = c_.cached("SELECT 1 FROM outbox WHERE version_id = ?");
  st->bind_id(1, version);
  return st->step();
}

void Outbox::remove(const std::vector<Id>& versions) {
  c_.transaction([&] {
    for (const auto& v : versions) {
      StmtLease st = c_.cached("DELETE FROM outbox WHERE version_id = ?");
      st->bind_id(1, v);
      st->run();
    }
  });
}

std::map<Id, std::int64_t> Outbox::positions() const {
  Stmt st(c_.db(), "SELECT version_id, seq FROM outbox");
  std::map<Id, std::int64_t> out;
  while (st.step()) out[st.col_id(0)] = st.col_int(1);
  return out;
}

void Outbox::remove_record(Id record) {
  Stmt st(c_.db(), "DELETE FROM outbox WHERE version_id IN (SELECT version_id FROM versions WHERE record_id = ?)");
  st.bind_id(1, record);
  st.run();
}

void Outbox::place(Id version, std::int64_t position) {
  Stmt st(c_.db(), "UPDATE outbox SET seq = ? WHERE version_id = ?");
  st.bind(1, position);
  st.bind_id(2, version);
  st.run();
}

void Outbox::hold_back(const std::vector<HeldBackVersion>& items) {
  c_.transaction([&] {
    for (const auto& h : items) {
      StmtLease del = c_.cached("DELETE FROM outbox WHERE version_id = ?");
      del->bind_id(1, h.version);
      del->run();
      StmtLease ins = c_.cached(
          "INSERT INTO held_back(version_id, status, reason, held_at) VALUES(?,?,?,?) "
          "ON CONFLICT(version_id) DO UPDATE SET status = excluded.status, "
          "reason = excluded.reason, held_at = excluded.held_at");
      ins->bind_id(1, h.version);
      ins->bind(2, static_cast<std::int64_t>(h.status)).bind(3, h.reason).bind(4, h.held_at_ms);
      ins->run();
    }
  });
}

std::vector<HeldBackVersion> Outbox::held_back() const {
  Stmt st(c_.db(), "SELECT version_id, status, reason, held_at FROM held_back ORDER BY held_at DESC, version_id");
  std::vector<HeldBackVersion> out;
  while (st.step()) out.push_back({st.col_id(0), static_cast<int>(st.col_int(1)), st.col_text(2), st.col_int(3)});
  return out;
}

std::int64_t Outbox::held_back_size() const {
  Stmt st(c_.db(), "SELECT count(*) FROM held_back");
  st.step();
  return st.col_int(0);
}

bool Outbox::is_held_back(Id version) const {
  StmtLease st = c_.cached("SELECT 1 FROM held_back WHERE version_id = ?");
  st->bind_id(1, version);
  return st->step();
}

std::int64_t Outbox::retry_held_back() {
  std::int64_t n = 0;
  c_.transaction([&] {
    n = held_back_size();
    // Oldest version first, so parents go before their children as in the original outbox.
    c_.db().exec(
        "INSERT OR IGNORE INTO outbox(version_id) SELECT h.version_id FROM held_back h "
        "JOIN versions v USING(version_id) ORDER BY v.seq");
    c_.db().exec("DELETE FROM held_back");
  });
  return n;
}

void Outbox::mark_local_only(Id id) {
  Stmt st(c_.db(), "INSERT OR IGNORE INTO local_only(id) VALUES(?)");
  st.bind_id(1, id);
  st.run();
}

bool Outbox::is_local_only(Id id) const {
  StmtLease st = c_.cached("SELECT 1 FROM local_only WHERE id = ?");
  st->bind_id(1, id);
  return st->step();
}

}  // namespace core
