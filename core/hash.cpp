// SHA-256 through libsodium. One implementation on every platform: the browser build compiles
// libsodium from Debian's source package, where OpenSSL is not available. (OpenSSL's assembly was
// faster on x86: 10,000 note bodies 1.8 ms there; bench_capture prints today's figure.)
#include "core/hash.h"

#include <sodium.h>

#include <stdexcept>

namespace core {

void ensure_sodium() {
  // sodium_init is idempotent and thread-safe; it picks the fastest code paths for this CPU
  // and opens the random source once.
  static const bool ready = sodium_init() >= 0;
  if (!ready) throw std::runtime_error("libsodium could not start (no random source on this system?)");
}

Sha256 sha256(std::string_view bytes) {
  ensure_sodium();
  Sha256 out{};
  if (crypto_hash_sha256(out.data(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size()) != 0)
    throw std::runtime_error("SHA-256 failed in libsodium");
  return out;
}

std::string to_hex(const std::uint8_t* data, std::size_t n) {
  static const char* digits = "0123456789abcdef";
  std::string s(n * 2, '0');
  for (std::size_t i = 0; i < n; ++i) {
    s[2 * i] = digits[data[i] >> 4];
    s[2 * i + 1] = digits[data[i] & 15];
  }
  return s;
}

}  // namespace core
