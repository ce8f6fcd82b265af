// Random 128-bit identifiers for records, versions, people and devices.
// Ids come from the OS CSPRNG (OpenSSL RAND_bytes), so two offline devices never collide;
// nothing about an id encodes time or order. The all-zero id means "none".
#pragma once
#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace core {

struct Id {
  std::array<std::uint8_t, 16> bytes{};  // all zero = no id

  static Id random();
  static std::optional<Id> from_hex(std::string_view hex);  // 32 hex digits, else nullopt
  std::string hex() const;                                   // 32 lowercase hex digits
  std::string short_hex() const { return hex().substr(0, 8); }
  bool empty() const;

  friend bool operator==(const Id& a, const Id& b) { return a.bytes == b.bytes; }
  friend bool operator!=(const Id& a, const Id& b) { return a.bytes != b.bytes; }
  friend bool operator<(const Id& a, const Id& b) { return a.bytes < b.bytes; }

};

// Fills `out` with cryptographically random bytes; throws std::runtime_error if the OS cannot.
void random_bytes(std::uint8_t* out, std::size_t n);

}  // namespace core

template <>
struct std::hash<core::Id> {
  std::size_t operator()(const core::Id& id) const noexcept {
    std::size_t h = 0;
    for (int i = 0; i < 8; ++i) h = (h << 8) | id.bytes[static_cast<std::size_t>(i)];
    return h;
  }
};
