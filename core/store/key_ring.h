// This device's content keys (docs/encryption.md): the keys of the scopes it may read, made here
// or received in a grant, and the sealed versions it received before it held their key. The only
// place that reads or writes the `content_keys` and `sealed_waiting` tables (schema 5).
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

  // --- sealed versions waiting for their key ---
  void wait(const Version& sealed);  // inside the caller's transaction, with the pulled page
  // Those whose key is now here, oldest first.
  std::vector<Version> openable() const;
  void stop_waiting(Id version);
  std::int64_t waiting() const;

 private:
  Connection& c_;
};

}  // namespace core
