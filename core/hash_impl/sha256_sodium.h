// libsodium's SHA-256, built on every platform: the browser build's core::sha256, and on the
// desktop the reference the tests hold OpenSSL's against (tests/core/test_hash.cpp).
#pragma once
#include <initializer_list>
#include <string_view>

#include "core/hash.h"

namespace core::hash_impl {

Sha256 sha256_sodium(std::initializer_list<std::string_view> parts);

}  // namespace core::hash_impl
