// A content key: the symmetric key that seals the bodies of one scope (an observation, a coaching
// thread, a cycle; docs/encryption.md), and the AEAD that uses it (XChaCha20-Poly1305, libsodium).
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/ids.h"

namespace core::crypto {

constexpr std::size_t kContentKeyBytes = 32;
constexpr std::size_t kSealNonceBytes = 24;  // XChaCha20: long enough to be derived, not counted
constexpr std::size_t kSealTagBytes = 16;

// The key bytes are wiped when the key goes away (copies are wiped too: a key is copied only
// into the places that use it).
class ContentKey {
 public:
  ContentKey(Id key_id, const std::array<std::uint8_t, kContentKeyBytes>& bytes);
  ContentKey(const ContentKey& other);
  ContentKey& operator=(const ContentKey& other);
  ~ContentKey();

  // A fresh key with a fresh random key id.
  static ContentKey make();

  Id id() const { return id_; }
  const std::uint8_t* bytes() const { return bytes_.data(); }

 private:
  Id id_;
  std::array<std::uint8_t, kContentKeyBytes> bytes_{};
};

// The nonce for sealing `plain` as version `version`: a keyed BLAKE2b of the version id and the
// plain bytes. Derived rather than random so that sealing the same version again gives the same
// bytes (a push resent after a crash is a replay to the hub, with the same body hash), while two
// different plain texts never share a nonce under one key, even if a version id were reused.
std::array<std::uint8_t, kSealNonceBytes> derive_nonce(const ContentKey& key, Id version, std::string_view plain);

// XChaCha20-Poly1305 (IETF). Returns ciphertext followed by its tag.
std::string aead_seal(const ContentKey& key, const std::array<std::uint8_t, kSealNonceBytes>& nonce,
                      std::string_view plain, std::string_view additional_data);
// nullopt when the ciphertext, the nonce, the additional data or the key do not match.
std::optional<std::string> aead_open(const ContentKey& key, const std::array<std::uint8_t, kSealNonceBytes>& nonce,
                                     std::string_view sealed, std::string_view additional_data);

}  // namespace core::crypto
