// SHA-256 for record body hashes and device-token hashes. Two implementations with one result,
// chosen by CMake like the network transport: OpenSSL's on the desktop and the hub (its assembly
// uses the CPU's SHA instructions: 10,000 note bodies in about 1.5 ms instead of 5-6 ms), and
// libsodium's in the browser build, which has no OpenSSL (core/hash_impl/).
#pragma once
#include <array>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

namespace core {

using Sha256 = std::array<std::uint8_t, 32>;

Sha256 sha256(std::string_view bytes);
// The hash of `parts` joined, without joining them first (a body hash's prefix and its body).
Sha256 sha256(std::initializer_list<std::string_view> parts);
// Starts libsodium once (hashes and random bytes need it); throws std::runtime_error if it cannot.
void ensure_sodium();
std::string to_hex(const std::uint8_t* data, std::size_t n);
inline std::string to_hex(const Sha256& h) { return to_hex(h.data(), h.size()); }

}  // namespace core
