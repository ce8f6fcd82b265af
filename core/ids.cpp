// Id generation and hex conversion.
#include "core/ids.h"

#include "core/hash.h"

#include <sodium.h>

#include <algorithm>
#include <atomic>
#include <stdexcept>

namespace core {

void random_bytes(std::uint8_t* out, std::size_t n) {
  try {
    ensure_sodium();
  } catch (const std::exception&) {
    throw std::runtime_error("The system could not provide random bytes for a new id.");
  }
  randombytes_buf(out, n);
}

Id Id::random() {
  Id id;
  random_bytes(id.bytes.data(), id.bytes.size());
  return id;
}

Id Id::clustered() {
  static const std::array<std::uint8_t, 6> prefix = [] {
    std::array<std::uint8_t, 6> p{};
    random_bytes(p.data(), p.size());
    return p;
  }();
  static std::atomic<std::uint32_t> counter{0};
  std::uint32_t n = counter.fetch_add(1, std::memory_order_relaxed);
  Id id;
  std::copy(prefix.begin(), prefix.end(), id.bytes.begin());
  for (std::size_t i = 0; i < 4; ++i) id.bytes[6 + i] = static_cast<std::uint8_t>(n >> (8 * (3 - i)));
  random_bytes(id.bytes.data() + 10, 6);
  return id;
}

static int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::optional<Id> Id::from_hex(std::string_view hex) {
  if (hex.size() != 32) return std::nullopt;
  Id id;
  for (std::size_t i = 0; i < 16; ++i) {
    int hi = hex_digit(hex[2 * i]), lo = hex_digit(hex[2 * i + 1]);
    if (hi < 0 || lo < 0) return std::nullopt;
    id.bytes[i] = static_cast<std::uint8_t>(hi * 16 + lo);
  }
  return id;
}

std::string Id::hex() const {
  static const char* digits = "0123456789abcdef";
  std::string s(32, '0');
  for (std::size_t i = 0; i < 16; ++i) {
    s[2 * i] = digits[bytes[i] >> 4];
    s[2 * i + 1] = digits[bytes[i] & 15];
  }
  return s;
}

bool Id::empty() const {
  for (auto b : bytes)
    if (b) return false;
  return true;
}

}  // namespace core
