#include "core/store/key_ring.h"

#include <algorithm>
#include <stdexcept>

#include "core/crypto/sealed_body.h"
#include "core/store.h"
#include "core/store/version_log.h"

namespace core {

namespace {
crypto::ContentKey key_from_row(const Stmt& st, int id_column, int bytes_column) {
  std::string bytes = st.col_blob(bytes_column);
  std::array<std::uint8_t, crypto::kContentKeyBytes> key{};
  if (bytes.size() != key.size()) throw std::runtime_error("a content key of this device has the wrong size");
  std::copy(bytes.begin(), bytes.end(), key.begin());
  crypto::ContentKey out(st.col_id(id_column), key);
  std::fill(bytes.begin(), bytes.end(), '\0');
  std::fill(key.begin(), key.end(), 0);
  return out;
}

void bind_scope(Stmt& st, int first, const crypto::SealingScope& scope) {
  st.bind(first, static_cast<std::int64_t>(scope.kind));
  st.bind_id(first + 1, scope.scope);
  st.bind_id(first + 2, scope.coach);
  st.bind_id(first + 3, scope.teacher_leader);
}
}  // namespace

std::optional<crypto::ContentKey> KeyRing::find(Id key_id) const {
  StmtLease st = c_.cached("SELECT key_id, key FROM content_keys WHERE key_id = ?");
  st->bind_id(1, key_id);
  if (!st->step()) return std::nullopt;
  return key_from_row(*st, 0, 1);
}

std::optional<crypto::SealingScope> KeyRing::scope_of(Id key_id) const {
  StmtLease st = c_.cached("SELECT scope_kind, scope, coach, teacher_leader FROM content_keys WHERE key_id = ?");
  st->bind_id(1, key_id);
  if (!st->step()) return std::nullopt;
  crypto::SealingScope s;
  s.kind = static_cast<KeyScope>(st->col_int(0));
  s.scope = st->col_id(1);
  s.coach = st->col_id(2);
  s.teacher_leader = st->col_id(3);
  return s;
}

std::optional<crypto::ContentKey> KeyRing::current(const crypto::SealingScope& scope) const {
  StmtLease st = c_.cached(
      "SELECT key_id, key FROM content_keys WHERE scope_kind = ? AND scope = ? AND coach = ? AND teacher_leader = ? "
      "ORDER BY added DESC LIMIT 1");
  bind_scope(*st, 1, scope);
  if (!st->step()) return std::nullopt;
  return key_from_row(*st, 0, 1);
}

std::vector<std::pair<crypto::ContentKey, crypto::SealingScope>> KeyRing::all() const {
  StmtLease st =
      c_.cached("SELECT key_id, key, scope_kind, scope, coach, teacher_leader FROM content_keys ORDER BY added");
  std::vector<std::pair<crypto::ContentKey, crypto::SealingScope>> out;
  while (st->step()) {
    crypto::SealingScope s;
    s.kind = static_cast<KeyScope>(st->col_int(2));
    s.scope = st->col_id(3);
    s.coach = st->col_id(4);
    s.teacher_leader = st->col_id(5);
    out.emplace_back(key_from_row(*st, 0, 1), s);
  }
  return out;
}

crypto::ContentKey KeyRing::make(const crypto::SealingScope& scope) {
  crypto::ContentKey key = crypto::ContentKey::make();
  add(key, scope);
  return key;
}

bool KeyRing::add(const crypto::ContentKey& key, const crypto::SealingScope& scope) {
  bool added = false;
  c_.transaction([&] {
    if (auto known = find(key.id())) {
      if (!std::equal(known->bytes(), known->bytes() + crypto::kContentKeyBytes, key.bytes()) ||
          scope_of(key.id()) != scope)
        throw std::runtime_error("The key " + key.id().hex() + " for " + crypto::describe(scope) +
                                 " is already known on this device with other bytes or for another scope; "
                                 "the new one was not kept.");
      return;
    }
    StmtLease next = c_.cached("SELECT coalesce(max(added), 0) + 1 FROM content_keys");
    next->step();
    const std::int64_t order = next->col_int(0);
    StmtLease st = c_.cached(
        "INSERT INTO content_keys(key_id, scope_kind, scope, coach, teacher_leader, key, added) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)");
    st->bind_id(1, key.id());
    bind_scope(*st, 2, scope);
    st->bind_blob(6, key.bytes(), crypto::kContentKeyBytes);
    st->bind(7, order);
    st->run();
    added = true;
  });
  return added;
}

std::optional<std::string> KeyRing::trusted_key(Id person) const {
  StmtLease st = c_.cached("SELECT public_key FROM known_public_keys WHERE person = ?");
  st->bind_id(1, person);
  if (!st->step()) return std::nullopt;
  return st->col_blob(0);
}

void KeyRing::trust_key(Id person, const std::string& public_key) {
  StmtLease st = c_.cached(
      "INSERT INTO known_public_keys(person, public_key, first_seen) VALUES (?, ?, ?) "
      "ON CONFLICT(person) DO UPDATE SET public_key = excluded.public_key, first_seen = excluded.first_seen");
  st->bind_id(1, person);
  st->bind_blob(2, public_key.data(), public_key.size());
  st->bind(3, wall_clock_ms());
  st->run();
}

void KeyRing::wait(const Version& sealed) {
  const Id key_id = crypto::sealed_key_id(sealed);
  StmtLease st = c_.cached(
      "INSERT OR IGNORE INTO sealed_waiting(version_id, record_id, type, author, observation, parents, tombstone, "
      "saved_at, body, body_hash, key_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  std::string parents;
  for (const auto& p : sealed.parents) parents.append(reinterpret_cast<const char*>(p.bytes.data()), 16);
  st->bind_id(1, sealed.version);
  st->bind_id(2, sealed.record);
  st->bind(3, static_cast<std::int64_t>(sealed.type));
  st->bind_id(4, sealed.author);
  st->bind_id(5, sealed.observation);
  st->bind_blob(6, parents.data(), parents.size());
  st->bind(7, static_cast<std::int64_t>(sealed.tombstone ? 1 : 0));
  st->bind(8, sealed.saved_at_ms);
  st->bind_blob(9, sealed.body.data(), sealed.body.size());
  st->bind_blob(10, sealed.body_hash.data(), sealed.body_hash.size());
  st->bind_id(11, key_id);
  st->run();
}

std::vector<Version> KeyRing::openable() const {
  StmtLease st = c_.cached(
      "SELECT w.version_id, w.record_id, w.type, w.author, w.observation, w.parents, w.tombstone, w.saved_at, "
      "w.body, w.body_hash FROM sealed_waiting w JOIN content_keys k ON k.key_id = w.key_id ORDER BY w.rowid");
  std::vector<Version> out;
  while (st->step()) out.push_back(VersionLog::read_row(*st));
  return out;
}

void KeyRing::stop_waiting(Id version) {
  StmtLease st = c_.cached("DELETE FROM sealed_waiting WHERE version_id = ?");
  st->bind_id(1, version);
  st->run();
}

std::int64_t KeyRing::waiting() const {
  StmtLease st = c_.cached("SELECT count(*) FROM sealed_waiting");
  st->step();
  return st->col_int(0);
}

std::int64_t KeyRing::waiting_for_key() const {
  StmtLease st = c_.cached(
      "SELECT count(*) FROM sealed_waiting w WHERE NOT EXISTS (SELECT 1 FROM content_keys k WHERE k.key_id = "
      "w.key_id)");
  st->step();
  return st->col_int(0);
}

}  // namespace core
