// A person's key pair (X25519, libsodium crypto_box; docs/encryption.md, Keys): made on their first
// device, the public half published with their Person record, the pair kept in the device's meta
// as a versioned byte string. A parsed pair is checked: its public key is the one its secret key
// makes, so a damaged store is caught here rather than as grants that never open.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/crypto/secret_bytes.h"

namespace core::crypto {

constexpr std::size_t kPublicKeyBytes = 32;
constexpr std::size_t kSecretKeyBytes = 32;
// 1 format byte, the public key, the secret key.
constexpr std::size_t kStoredKeyPairBytes = 1 + kPublicKeyBytes + kSecretKeyBytes;

using PublicKey = std::array<std::uint8_t, kPublicKeyBytes>;

// The 32 bytes of a Person record's public key; nullopt for any other size.
std::optional<PublicKey> public_key_from(std::string_view bytes);
std::string public_key_text(const PublicKey& key);  // the 32 bytes as a std::string
// False for a key that makes no secret with anyone (all zero, or of low order on Curve25519):
// a hub that published one could read whatever was wrapped for it.
bool is_usable_public_key(const PublicKey& key);

struct ParsedKeyPair;

class PersonKeys {
 public:
  // A fresh pair from the OS's random source.
  static PersonKeys make();

  const PublicKey& public_key() const { return public_; }
  std::string public_key_text() const { return crypto::public_key_text(public_); }
  const SecretBytes& secret_key() const { return secret_; }

  // The pair for the device's meta: format byte 1, then the public and the secret key.
  SecretBytes serialise() const;

  PersonKeys copy() const { return PersonKeys(public_, secret_.copy()); }

 private:
  PersonKeys(const PublicKey& public_key, SecretBytes secret_key);
  friend ParsedKeyPair parse_key_pair(std::string_view stored);

  PublicKey public_{};
  SecretBytes secret_;
};

struct ParsedKeyPair {
  std::optional<PersonKeys> keys;
  std::string refusal;  // why not, a sentence, when keys is empty
};
// Reads what serialise() wrote. Never throws for bad bytes: a refusal that says what is wrong.
ParsedKeyPair parse_key_pair(std::string_view stored);

}  // namespace core::crypto
