// The version log's part in re-sealing the clear text an older hub holds (docs/encryption.md,
// Upgrading a hub that holds clear text): finding a device's own versions to re-send, counting
// what the hub still holds in clear, and the hub's one replacement of a stored body.
#include <stdexcept>

#include "core/crypto/sealed_body.h"
#include "core/serialization.h"
#include "core/store/version_log.h"

namespace core {

void VersionLog::replace_clear_body(const Version& sealed) {
  // The clear test in SQL, on the first three bytes of kSealedBodyMarker (a bundle's parts share
  // them), so a body that is sealed already is never replaced, whatever the caller read before.
  StmtLease st =
      c_.cached("UPDATE versions SET body = ?, body_hash = ? WHERE version_id = ? AND substr(body, 1, 3) != x'005342'");
  st->bind_blob(1, sealed.body.data(), sealed.body.size());
  st->bind_blob(2, sealed.body_hash.data(), sealed.body_hash.size());
  st->bind_id(3, sealed.version);
  st->run();
  if (sqlite3_changes(c_.db().raw()) != 1)
    throw std::runtime_error("version " + sealed.version.hex() + " is not stored here in clear");
}

std::optional<Version> VersionLog::by_id(Id version) const {
  static const std::string sql = std::string("SELECT ") + kColumns + " FROM versions WHERE version_id = ?";
  StmtLease st = c_.cached(sql.c_str());
  st->bind_id(1, version);
  if (!st->step()) return std::nullopt;
  return read_row(*st);
}

std::map<Id, std::int64_t> VersionLog::clear_sealable_by_author() const {
  Stmt st(c_.db(),
          "SELECT author, type, count(*) FROM versions WHERE tombstone = 0 AND substr(body, 1, 3) != x'005342' "
          "GROUP BY author, type");
  std::map<Id, std::int64_t> out;
  while (st.step())
    if (crypto::travels_sealed(static_cast<RecordType>(st.col_int(1)))) out[st.col_id(0)] += st.col_int(2);
  return out;
}

std::int64_t VersionLog::newest_seq() const {
  Stmt st(c_.db(), "SELECT coalesce(max(seq), 0) FROM versions");
  return st.step() ? st.col_int(0) : 0;
}

void VersionLog::for_each_by_author(Id author, std::int64_t after, std::int64_t up_to,
                                    const std::function<bool(std::int64_t, Version&&)>& on_version) const {
  // A walk of the seq range (the table's key); no index by author is needed for a one-time pass.
  static const std::string sql = std::string("SELECT ") + kColumns +
                                 ", seq FROM versions WHERE seq > ? AND seq <= ? AND author = ? AND tombstone = 0 "
                                 "ORDER BY seq";
  StmtLease st = c_.cached(sql.c_str());
  st->bind(1, after).bind(2, up_to);
  st->bind_id(3, author);
  while (st->step())
    if (!on_version(st->col_int(kColumnCount), read_row(*st))) return;
}

}  // namespace core
