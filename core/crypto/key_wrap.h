// Wrapping a content key for one person (docs/encryption.md, Grants): the key boxed for the
// recipient's public key and authenticated by the sender's secret key (crypto_box, X25519 +
// XSalsa20-Poly1305, a random nonce), bound to a KeyBinding. crypto_box has no additional data, so
// the binding's BLAKE2b hash is boxed beside the key and compared on unwrap: a wrapped key moved to
// another key id, scope, recipient, sender or coaching pair does not open.
//
//   bytes  field
//   1      format 1
//   24     nonce (random: wrapping the same key twice gives different bytes, which is harmless)
//   80     box of: the 32 key bytes, the 32-byte binding hash; then its 16-byte tag
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/crypto/content_key.h"
#include "core/crypto/person_keys.h"
#include "core/ids.h"
#include "core/records.h"  // KeyScope: what a content key is for

namespace core::crypto {

constexpr std::size_t kWrappedKeyBytes = 1 + 24 + kContentKeyBytes + 32 + 16;

struct KeyBinding {
  Id key_id;                               // the content key's id
  KeyScope scope = KeyScope::Observation;  // what the key is for
  Id scope_id;                             // the observation (also for a coaching thread) or the cycle
  Id recipient;                            // the person the key is wrapped for
  Id sender;                               // the person whose device wrapped it
  Id coach;                                // a coaching thread's coach; empty for other scopes
  Id teacher_leader;                       // a coaching thread's teacher leader; empty for other scopes
};

// The 32-byte BLAKE2b hash of every field of the binding, under a domain string of its own.
std::array<std::uint8_t, 32> binding_hash(const KeyBinding& binding);

// `key` wrapped for `recipient_public`, from `sender`. Throws std::invalid_argument when the
// binding names another key id than `key`'s, or when the recipient's key is not usable
// (is_usable_public_key: all zero or of low order, which would let anyone read the key).
std::string wrap_key(const ContentKey& key, const KeyBinding& binding, const PublicKey& recipient_public,
                     const PersonKeys& sender);

struct UnwrappedKey {
  std::optional<ContentKey> key;  // with binding.key_id as its id
  std::string refusal;            // why not, a sentence naming the key, when key is empty
};
// Opens what wrap_key made, with the recipient's pair and the sender's public key. Never throws
// for bad bytes or an unusable sender key (both come from the hub): a refusal instead.
UnwrappedKey unwrap_key(std::string_view wrapped, const KeyBinding& binding, const PublicKey& sender_public,
                        const PersonKeys& recipient);

}  // namespace core::crypto
