// SHA-256 for record body hashes and device-token hashes (libsodium, the same library on the
// desktop and in the browser build).
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace core {

using Sha256 = std::array<std::uint8_t, 32>;

Sha256 sha256(std::string_view bytes);
// Starts libsodium once (hashes and random bytes need it); throws std::runtime_error if it cannot.
void ensure_sodium();
std::string to_hex(const std::uint8_t* data, std::size_t n);
inline std::string to_hex(const Sha256& h) { return to_hex(h.data(), h.size()); }

}  // namespace core
