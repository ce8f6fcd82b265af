// core::sha256 in the browser build, which compiles libsodium from Debian's source package and
// has no OpenSSL (CMake picks this file or sha256_openssl.cpp).
#include "core/hash_impl/sha256_sodium.h"

namespace core {

Sha256 sha256(std::initializer_list<std::string_view> parts) { return hash_impl::sha256_sodium(parts); }

}  // namespace core
