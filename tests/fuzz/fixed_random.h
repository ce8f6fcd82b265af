// A repeatable random source for the harnesses that need ids to agree across processes: the
// seeds are written by the replay build and read by the libFuzzer build, so the hub person they
// were authored as must get the same id in both. libsodium's randombytes (every id, token and
// code peerobs makes) is swapped for splitmix64; fixed_random_restart() starts the sequence over.
// Only in harnesses: nothing here is fit for a real token.
#pragma once
#include <sodium.h>

#include <cstdint>
#include <cstring>

namespace fuzz {

inline std::uint64_t& fixed_random_state() {
  static std::uint64_t state = 0;
  return state;
}

inline std::uint64_t fixed_random_next() {
  std::uint64_t z = (fixed_random_state() += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

inline void fixed_random_buf(void* out, std::size_t n) {
  auto* bytes = static_cast<unsigned char*>(out);
  while (n > 0) {
    const std::uint64_t word = fixed_random_next();
    const std::size_t take = n < sizeof word ? n : sizeof word;
    std::memcpy(bytes, &word, take);
    bytes += take;
    n -= take;
  }
}

// Installs the source (before libsodium starts, as it asks) and starts it at `seed`.
inline void fixed_random_restart(std::uint64_t seed) {
  static const bool installed = [] {
    static randombytes_implementation fixed = {
        [] { return "peerobs fuzz fixed random"; },
        [] { return static_cast<std::uint32_t>(fixed_random_next()); },
        nullptr,  // stir: nothing to stir
        nullptr,  // uniform: libsodium derives it from random()
        [](void* buf, std::size_t size) { fixed_random_buf(buf, size); },
        nullptr,  // close
    };
    randombytes_set_implementation(&fixed);
    return sodium_init() >= 0;
  }();
  (void)installed;
  fixed_random_state() = seed;
}

}  // namespace fuzz
