// A person's key pair and its stored form. See person_keys.h.
#include "core/crypto/person_keys.h"

#include <cstring>
#include <stdexcept>

#include "core/hash.h"

namespace core::crypto {

static_assert(kPublicKeyBytes == crypto_box_PUBLICKEYBYTES);
static_assert(kSecretKeyBytes == crypto_box_SECRETKEYBYTES);
static_assert(kPublicKeyBytes == crypto_scalarmult_BYTES && kSecretKeyBytes == crypto_scalarmult_SCALARBYTES);

namespace {
constexpr std::uint8_t kKeyPairFormat = 1;
}  // namespace

std::optional<PublicKey> public_key_from(std::string_view bytes) {
  if (bytes.size() != kPublicKeyBytes) return std::nullopt;
  PublicKey key{};
  std::memcpy(key.data(), bytes.data(), key.size());
  return key;
}

std::string public_key_text(const PublicKey& key) { return std::string(key.begin(), key.end()); }

bool is_usable_public_key(const PublicKey& key) {
  ensure_sodium();
  // Any scalar shows it: libsodium clamps scalars to multiples of the cofactor, so a point of low
  // order always gives the all-zero result, which crypto_scalarmult refuses (-1).
  SecretBytes scalar(kSecretKeyBytes);
  scalar.data()[0] = 9;
  SecretBytes shared(crypto_scalarmult_BYTES);
  return crypto_scalarmult(shared.data(), scalar.data(), key.data()) == 0;
}

PersonKeys::PersonKeys(const PublicKey& public_key, SecretBytes secret_key)
    : public_(public_key), secret_(std::move(secret_key)) {}

PersonKeys PersonKeys::make() {
  ensure_sodium();
  PublicKey public_key{};
  SecretBytes secret_key(kSecretKeyBytes);
  if (crypto_box_keypair(public_key.data(), secret_key.data()) != 0)
    throw std::runtime_error("libsodium could not make a key pair");
  return PersonKeys(public_key, std::move(secret_key));
}

SecretBytes PersonKeys::serialise() const {
  SecretBytes out(kStoredKeyPairBytes);
  out.data()[0] = kKeyPairFormat;
  std::memcpy(out.data() + 1, public_.data(), kPublicKeyBytes);
  std::memcpy(out.data() + 1 + kPublicKeyBytes, secret_.data(), kSecretKeyBytes);
  return out;
}

ParsedKeyPair parse_key_pair(std::string_view stored) {
  ensure_sodium();
  ParsedKeyPair out;
  if (stored.empty()) {
    out.refusal = "This device's stored key pair is empty.";
    return out;
  }
  if (static_cast<std::uint8_t>(stored[0]) != kKeyPairFormat) {
    out.refusal = "This device's stored key pair is in format " + std::to_string(static_cast<std::uint8_t>(stored[0])) +
                  ", and this version of peerobs reads only format " + std::to_string(kKeyPairFormat) +
                  ": update peerobs on this device.";
    return out;
  }
  if (stored.size() != kStoredKeyPairBytes) {
    out.refusal = "This device's stored key pair is " + std::to_string(stored.size()) + " bytes long instead of " +
                  std::to_string(kStoredKeyPairBytes) + "; it was damaged.";
    return out;
  }
  PublicKey public_key{};
  std::memcpy(public_key.data(), stored.data() + 1, kPublicKeyBytes);
  SecretBytes secret_key(reinterpret_cast<const std::uint8_t*>(stored.data()) + 1 + kPublicKeyBytes, kSecretKeyBytes);
  PublicKey derived{};
  if (crypto_scalarmult_base(derived.data(), secret_key.data()) != 0 ||
      sodium_memcmp(derived.data(), public_key.data(), kPublicKeyBytes) != 0) {
    out.refusal =
        "This device's stored key pair does not fit together: its public key is not the one its secret "
        "key makes; it was damaged.";
    return out;
  }
  out.keys = PersonKeys(public_key, std::move(secret_key));
  return out;
}

}  // namespace core::crypto
