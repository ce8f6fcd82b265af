// Wrapping content keys for people. See key_wrap.h for the layout and what the binding covers.
#include "core/crypto/key_wrap.h"

#include <cstring>
#include <stdexcept>

#include "core/hash.h"

namespace core::crypto {

namespace {
constexpr std::uint8_t kWrapFormat = 1;
constexpr std::size_t kWrapPlainBytes = kContentKeyBytes + 32;
static_assert(kWrappedKeyBytes == 1 + crypto_box_NONCEBYTES + kWrapPlainBytes + crypto_box_MACBYTES);
static_assert(crypto_box_BEFORENMBYTES == 32);

void wrap_hash_id(crypto_generichash_state& st, const Id& id) {
  crypto_generichash_update(&st, id.bytes.data(), id.bytes.size());
}

// The shared key of one pair of people. False for a public key of low order (libsodium refuses
// the all-zero shared secret it would give).
bool wrap_shared_key(SecretBytes& shared, const PublicKey& their_public, const PersonKeys& mine) {
  shared = SecretBytes(crypto_box_BEFORENMBYTES);
  return crypto_box_beforenm(shared.data(), their_public.data(), mine.secret_key().data()) == 0;
}

std::string describe_wrapped(const KeyBinding& b) { return "The key grant for key " + b.key_id.short_hex(); }
}  // namespace

std::array<std::uint8_t, 32> binding_hash(const KeyBinding& binding) {
  ensure_sodium();
  static constexpr char kDomain[] = "peerobs key binding 1";
  crypto_generichash_state st;
  if (crypto_generichash_init(&st, nullptr, 0, 32) != 0)
    throw std::runtime_error("BLAKE2b could not start in libsodium");
  crypto_generichash_update(&st, reinterpret_cast<const unsigned char*>(kDomain), sizeof kDomain);
  wrap_hash_id(st, binding.key_id);
  const auto scope = static_cast<std::uint8_t>(binding.scope);
  crypto_generichash_update(&st, &scope, 1);
  wrap_hash_id(st, binding.scope_id);
  wrap_hash_id(st, binding.recipient);
  wrap_hash_id(st, binding.sender);
  wrap_hash_id(st, binding.coach);
  wrap_hash_id(st, binding.teacher_leader);
  std::array<std::uint8_t, 32> out{};
  crypto_generichash_final(&st, out.data(), out.size());
  return out;
}

std::string wrap_key(const ContentKey& key, const KeyBinding& binding, const PublicKey& recipient_public,
                     const PersonKeys& sender) {
  ensure_sodium();
  if (binding.key_id != key.id())
    throw std::invalid_argument("a key binding names key " + binding.key_id.short_hex() + ", not the key wrapped, " +
                                key.id().short_hex());
  SecretBytes shared;
  if (!wrap_shared_key(shared, recipient_public, sender))
    throw std::invalid_argument("the recipient's public key is not usable (all zero or of low order)");

  SecretBytes plain(kWrapPlainBytes);
  std::memcpy(plain.data(), key.bytes(), kContentKeyBytes);
  const auto hash = binding_hash(binding);
  std::memcpy(plain.data() + kContentKeyBytes, hash.data(), hash.size());

  std::string out(kWrappedKeyBytes, '\0');
  auto* bytes = reinterpret_cast<unsigned char*>(out.data());
  bytes[0] = kWrapFormat;
  randombytes_buf(bytes + 1, crypto_box_NONCEBYTES);
  crypto_box_easy_afternm(bytes + 1 + crypto_box_NONCEBYTES, plain.data(), plain.size(), bytes + 1, shared.data());
  return out;
}

UnwrappedKey unwrap_key(std::string_view wrapped, const KeyBinding& binding, const PublicKey& sender_public,
                        const PersonKeys& recipient) {
  ensure_sodium();
  UnwrappedKey out;
  if (wrapped.size() != kWrappedKeyBytes) {
    out.refusal = describe_wrapped(binding) + " is " + std::to_string(wrapped.size()) + " bytes long instead of " +
                  std::to_string(kWrappedKeyBytes) + "; it was not accepted.";
    return out;
  }
  const auto* bytes = reinterpret_cast<const unsigned char*>(wrapped.data());
  if (bytes[0] != kWrapFormat) {
    out.refusal = describe_wrapped(binding) + " is in format " + std::to_string(bytes[0]) +
                  ", and this version of peerobs reads only format " + std::to_string(kWrapFormat) +
                  ": update peerobs on this device.";
    return out;
  }
  SecretBytes shared;
  if (!wrap_shared_key(shared, sender_public, recipient)) {
    out.refusal = describe_wrapped(binding) +
                  " names a sender whose public key is not usable (all zero or of low order); it was not accepted.";
    return out;
  }
  SecretBytes plain(kWrapPlainBytes);
  const std::size_t boxed = kWrappedKeyBytes - 1 - crypto_box_NONCEBYTES;
  const auto hash = binding_hash(binding);
  if (crypto_box_open_easy_afternm(plain.data(), bytes + 1 + crypto_box_NONCEBYTES, boxed, bytes + 1, shared.data()) !=
          0 ||
      sodium_memcmp(plain.data() + kContentKeyBytes, hash.data(), hash.size()) != 0) {
    out.refusal = describe_wrapped(binding) +
                  " could not be opened: it was made for another key, scope, recipient or sender, or changed after "
                  "it was made.";
    return out;
  }
  std::array<std::uint8_t, kContentKeyBytes> key_bytes{};
  std::memcpy(key_bytes.data(), plain.data(), kContentKeyBytes);
  out.key.emplace(binding.key_id, key_bytes);
  sodium_memzero(key_bytes.data(), key_bytes.size());
  return out;
}

}  // namespace core::crypto
