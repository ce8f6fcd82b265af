#include "core/hash_impl/sha256_sodium.h"

#include <sodium.h>

#include <stdexcept>

namespace core::hash_impl {

Sha256 sha256_sodium(std::initializer_list<std::string_view> parts) {
  ensure_sodium();
  crypto_hash_sha256_state state;
  crypto_hash_sha256_init(&state);
  for (std::string_view part : parts)
    crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char*>(part.data()), part.size());
  Sha256 out{};
  if (crypto_hash_sha256_final(&state, out.data()) != 0) throw std::runtime_error("SHA-256 failed in libsodium");
  return out;
}

}  // namespace core::hash_impl
