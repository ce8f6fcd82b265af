// What hash.h declares that both SHA-256 implementations share.
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

Sha256 sha256(std::string_view bytes) { return sha256({bytes}); }

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
