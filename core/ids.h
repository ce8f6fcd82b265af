// 128-bit identifiers for records, versions, people and devices. The all-zero id means "none".
// Both kinds draw on the OS CSPRNG (libsodium's randombytes: getrandom on Linux, crypto.getRandomValues in a browser),
// so two offline devices never collide, and no id encodes a time: no clock can order or decide anything through an id.
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

  // 128 random bits: people, devices, anything with no batch of siblings.
  static Id random();
  // For records and versions. Ids made by one process share a random 6-byte prefix, then
  // count up (4 bytes), then end in 6 random bytes. A sync batch of new records then lands
  // in one place of every index that is keyed by id, instead of at 10,000 random places
  // (each a B-tree page touched on the hub and on every device); see docs/sync_protocol.md.
  // Two processes share a prefix with odds of 2^-48, and even then the random tail keeps
  // their ids apart.
  static Id clustered();
  static std::optional<Id> from_hex(std::string_view hex);  // 32 hex digits, else nullopt
  std::string hex() const;                                  // 32 lowercase hex digits
  // The last 8 hex digits: random in both kinds of id (a clustered id's first digits are
  // shared by everything its process made).
  std::string short_hex() const { return hex().substr(24); }
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
    // Every byte counts: clustered ids differ only after their shared prefix.
    std::uint64_t hi = 0, lo = 0;
    for (std::size_t i = 0; i < 8; ++i) {
      hi = (hi << 8) | id.bytes[i];
      lo = (lo << 8) | id.bytes[i + 8];
    }
    return static_cast<std::size_t>((hi * 0x9E3779B97F4A7C15ull) ^ lo);
  }
};
