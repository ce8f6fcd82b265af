// core::sha256 on the desktop and the hub, through OpenSSL's EVP digest (CMake picks this file or
// sha256_browser.cpp): its assembly uses the CPU's SHA instructions where libsodium's portable C
// does not, and every body is hashed on the device that seals it, on the hub and on each device
// that pulls it. The algorithm is fetched once and each thread keeps one context: EVP_Digest
// looked the algorithm up again on every call, which cost more than hashing a note's body.
#include <openssl/evp.h>

#include <memory>
#include <stdexcept>

#include "core/hash.h"

namespace core {

namespace {
struct EvpMdFree {
  void operator()(EVP_MD* md) const { EVP_MD_free(md); }
};
struct EvpMdCtxFree {
  void operator()(EVP_MD_CTX* ctx) const { EVP_MD_CTX_free(ctx); }
};
}  // namespace

Sha256 sha256(std::initializer_list<std::string_view> parts) {
  static const std::unique_ptr<EVP_MD, EvpMdFree> md(EVP_MD_fetch(nullptr, "SHA2-256", nullptr));
  thread_local const std::unique_ptr<EVP_MD_CTX, EvpMdCtxFree> ctx(EVP_MD_CTX_new());
  if (!md || !ctx || EVP_DigestInit_ex(ctx.get(), md.get(), nullptr) != 1)
    throw std::runtime_error("SHA-256 is not available from OpenSSL");
  for (std::string_view part : parts)
    if (EVP_DigestUpdate(ctx.get(), part.data(), part.size()) != 1)
      throw std::runtime_error("SHA-256 failed in OpenSSL");
  Sha256 out{};
  unsigned int len = 0;
  if (EVP_DigestFinal_ex(ctx.get(), out.data(), &len) != 1 || len != out.size())
    throw std::runtime_error("SHA-256 failed in OpenSSL");
  return out;
}

}  // namespace core
