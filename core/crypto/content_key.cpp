// Content keys and their AEAD through libsodium. See content_key.h.
#include "core/crypto/content_key.h"

#include <sodium.h>

#include <stdexcept>

#include "core/hash.h"

namespace core::crypto {

ContentKey::ContentKey(Id key_id, const std::array<std::uint8_t, kContentKeyBytes>& bytes)
    : id_(key_id), bytes_(bytes) {}

ContentKey::ContentKey(const ContentKey& other) : id_(other.id_), bytes_(other.bytes_) {}

ContentKey& ContentKey::operator=(const ContentKey& other) {
  id_ = other.id_;
  bytes_ = other.bytes_;
  return *this;
}

ContentKey::~ContentKey() { sodium_memzero(bytes_.data(), bytes_.size()); }

ContentKey ContentKey::make() {
  ensure_sodium();
  std::array<std::uint8_t, kContentKeyBytes> bytes{};
  crypto_aead_xchacha20poly1305_ietf_keygen(bytes.data());
  ContentKey key(Id::random(), bytes);
  sodium_memzero(bytes.data(), bytes.size());
  return key;
}

std::array<std::uint8_t, kSealNonceBytes> derive_nonce(const ContentKey& key, Id version, std::string_view plain) {
  static_assert(kSealNonceBytes >= crypto_generichash_BYTES_MIN && kSealNonceBytes <= crypto_generichash_BYTES_MAX);
  ensure_sodium();
  static constexpr char kDomain[] = "peerobs seal nonce 1";
  crypto_generichash_state st;
  if (crypto_generichash_init(&st, key.bytes(), kContentKeyBytes, kSealNonceBytes) != 0)
    throw std::runtime_error("BLAKE2b could not start in libsodium");
  crypto_generichash_update(&st, reinterpret_cast<const unsigned char*>(kDomain), sizeof kDomain);
  crypto_generichash_update(&st, version.bytes.data(), version.bytes.size());
  crypto_generichash_update(&st, reinterpret_cast<const unsigned char*>(plain.data()), plain.size());
  std::array<std::uint8_t, kSealNonceBytes> nonce{};
  crypto_generichash_final(&st, nonce.data(), nonce.size());
  return nonce;
}

std::string aead_seal(const ContentKey& key, const std::array<std::uint8_t, kSealNonceBytes>& nonce,
                      std::string_view plain, std::string_view additional_data) {
  static_assert(kSealNonceBytes == crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
  static_assert(kSealTagBytes == crypto_aead_xchacha20poly1305_ietf_ABYTES);
  ensure_sodium();
  std::string out(plain.size() + kSealTagBytes, '\0');
  unsigned long long written = 0;
  crypto_aead_xchacha20poly1305_ietf_encrypt(reinterpret_cast<unsigned char*>(out.data()), &written,
                                             reinterpret_cast<const unsigned char*>(plain.data()), plain.size(),
                                             reinterpret_cast<const unsigned char*>(additional_data.data()),
                                             additional_data.size(), nullptr, nonce.data(), key.bytes());
  out.resize(static_cast<std::size_t>(written));
  return out;
}

std::optional<std::string> aead_open(const ContentKey& key, const std::array<std::uint8_t, kSealNonceBytes>& nonce,
                                     std::string_view sealed, std::string_view additional_data) {
  ensure_sodium();
  if (sealed.size() < kSealTagBytes) return std::nullopt;
  std::string out(sealed.size() - kSealTagBytes, '\0');
  unsigned long long written = 0;
  if (crypto_aead_xchacha20poly1305_ietf_decrypt(reinterpret_cast<unsigned char*>(out.data()), &written, nullptr,
                                                 reinterpret_cast<const unsigned char*>(sealed.data()), sealed.size(),
                                                 reinterpret_cast<const unsigned char*>(additional_data.data()),
                                                 additional_data.size(), nonce.data(), key.bytes()) != 0)
    return std::nullopt;
  out.resize(static_cast<std::size_t>(written));
  return out;
}

}  // namespace core::crypto
