// Sealed bodies: how a version's body travels and rests on the hub once content is end-to-end
// encrypted (docs/encryption.md). The hub keeps in clear only the routing fields its privacy
// rules read; everything else is the whole plain body, sealed with the scope's content key.
//
//   bytes  field
//   4      marker 00 'S' 'B' 01 (no plain body starts so: cereal's endianness flag 01, or 00 and
//          then a class version below 2^24, whose next byte is 00)
//   4      length of the routing bytes, little-endian
//   n      routing: the type's routing fields (cereal portable binary, bounded loaders); none at
//          all (n = 0) for the types that have none, such as notes
//   16     key id of the content key
//   24     nonce (derive_nonce: the same version sealed twice gives the same bytes)
//   rest   the plain body, XChaCha20-Poly1305, then its 16-byte tag
//
// The additional data binds the ciphertext to the version's id, record, type, author,
// observation, parents and save time, and to every clear byte before it: a body copied into
// another version or record, or with a changed clear field, does not open. Opening also checks
// that the clear routing fields are those of the body inside (the author cannot give the hub one
// participant list and colleagues another).
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "core/crypto/content_key.h"
#include "core/records.h"

namespace core::crypto {

// People's records stay clear (names are the roster's, and the hub needs them); tombstones have no
// body. Every other type travels sealed.
bool travels_sealed(RecordType type);
// is_sealed_body(bytes) is in core/serialization.h: the plain reader refuses sealed bytes.

// Whether a type has routing fields of its own (an observation's cycle and participants, a
// cycle's observed teacher, a prompt's `shared`, a coaching note's pair): the others' one routing
// field is the observation, which the version names.
bool seal_has_routing(RecordType type);

// The routing fields of a body, encoded: an observation's cycle and participants, a cycle's observed
// teacher, a prompt's `shared`, a coaching note's teacher leader and coach; no bytes at all for the
// other types, whose one routing field, the observation, the version names already.
std::string encode_routing(const RecordBody& body);

// `plain` sealed under `key`: the same version with a sealed body and the body hash of the sealed
// bytes. Throws std::invalid_argument for a tombstone or a type that travels clear.
Version seal_version(const Version& plain, const ContentKey& key);

// The key id a sealed version names. Throws std::runtime_error when the body is not a well-formed
// sealed body.
Id sealed_key_id(const Version& sealed);

struct Opened {
  std::optional<Version> plain;  // the version with its plain body and the body hash of it
  std::string refusal;           // why not, a sentence naming the version, when plain is empty
};
// Opens a sealed version with the key it names. Never throws for bad bytes: a refusal instead.
Opened open_version(const Version& sealed, const ContentKey& key);

// The additional data a sealed body's ciphertext is bound to: a domain string, the version's id,
// record, type, author, observation, parents and save time, and `clear_part`, every byte of the
// sealed body before the ciphertext. Part of the format (tests forge bodies with it).
std::string sealed_additional_data(const Version& v, std::string_view clear_part);

// What a reader that holds no key (the hub) knows of a stored body: a plain body decoded whole; a
// sealed body as its routing view, a body of its type whose routing fields are set (the
// observation from the version) and every other field left empty. Throws std::runtime_error naming
// the type when the bytes are neither.
RecordBody decode_stored_body(const Version& v);

}  // namespace core::crypto
