// This device's content keys (docs/encryption.md): the keys of the scopes it may read, made here
// or received in a grant, the sealed versions it received before it held their key, and the public
// key it trusts for each colleague. The only place that reads or writes the `content_keys`,
// `sealed_waiting` and `known_public_keys` tables (schema 5).
// Invariants: a key id names one key and one scope, forever; a version waits at most once, and
// only while this device does not hold its key.
#pragma once
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "core/crypto/content_key.h"
#include "core/crypto/sealing_scope.h"
#include "core/records.h"
#include "core/store/connection.h"

namespace core {

class KeyRing {
 public:
  explicit KeyRing(Connection& connection) : c_(connection) {}

  std::optional<crypto::ContentKey> find(Id key_id) const;
  std::optional<crypto::SealingScope> scope_of(Id key_id) const;
  // The newest key of the scope: the one new bodies are sealed with.
  std::optional<crypto::ContentKey> current(const crypto::SealingScope& scope) const;
  // Every key here with its scope, oldest first.
  std::vector<std::pair<crypto::ContentKey, crypto::SealingScope>> all() const;
  // A new key for the scope, saved (durably, unless inside the caller's transaction) before it
  // returns: a body is never sealed with a key this device could lose.
  crypto::ContentKey make(const crypto::SealingScope& scope);
  // A key received from a colleague. False when it was already here. Throws std::runtime_error
  // when the key id is here with other bytes or another scope (a grant that lies).
  bool add(const crypto::ContentKey& key, const crypto::SealingScope& scope);

  // --- colleagues' public keys, trusted on first use ---
  // The key this device trusts for `person`: the first one it saw, or the one the person using
  // this device accepted since. nullopt: none seen yet.
  std::optional<std::string> trusted_key(Id person) const;
  // Trusts `public_key` for `person` (the first one seen, or a changed one the person accepted).
  void trust_key(Id person, const std::string& public_key);

  // --- sealed versions waiting for their key ---
  void wait(const Version& sealed);  // inside the caller's transaction, with the pulled page
  // Those whose key is now here, oldest first.
  std::vector<Version> openable() const;
  void stop_waiting(Id version);
  std::int64_t waiting() const;
  // Of those, the ones whose key this device does not hold: what the app says waits for a key. The
  // others are parts of a sealed bundle waiting for the rest of it (crypto/sealed_bundle.h).
  std::int64_t waiting_for_key() const;

 private:
  Connection& c_;
};

}  // namespace core
