// Key fingerprints. See fingerprint.h.
#include "core/crypto/fingerprint.h"

#include <stdexcept>

#include "core/crypto/code_alphabet.h"
#include "core/hash.h"

namespace core::crypto {

std::string fingerprint(const PublicKey& key, Id person) {
  ensure_sodium();
  static constexpr char kDomain[] = "peerobs key fingerprint 1";
  std::array<std::uint8_t, 32> hash{};
  crypto_generichash_state st;
  if (crypto_generichash_init(&st, nullptr, 0, hash.size()) != 0)
    throw std::runtime_error("BLAKE2b could not start in libsodium");
  crypto_generichash_update(&st, reinterpret_cast<const unsigned char*>(kDomain), sizeof kDomain);
  crypto_generichash_update(&st, person.bytes.data(), person.bytes.size());
  crypto_generichash_update(&st, key.data(), key.size());
  crypto_generichash_final(&st, hash.data(), hash.size());

  // Base 31 by long division of the 256-bit hash, not one byte per character: a byte taken
  // modulo 31 would make the first characters of the alphabet more likely than the rest.
  const auto base = static_cast<unsigned>(kCodeCharacters.size());
  std::string digits;
  for (std::size_t n = 0; n < kFingerprintChars; ++n) {
    unsigned remainder = 0;
    for (auto& byte : hash) {
      const unsigned value = (remainder << 8) | byte;
      byte = static_cast<std::uint8_t>(value / base);
      remainder = value % base;
    }
    digits.push_back(kCodeCharacters[remainder]);
  }
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && i % 4 == 0) out.push_back(' ');
    out.push_back(digits[i]);
  }
  return out;
}

}  // namespace core::crypto
