// Sealed bundles: the versions of one push that share a content key, an author and a reader list,
// sealed together and compressed together (docs/encryption.md, "Bundles"). Sealed one by one, a
// short note costs 40 bytes of nonce and tag that no compressor shrinks, and its text no longer
// compresses against its neighbours': a push of 10,000 notes was 3.4 times the bytes of a clear
// one. A bundle costs one nonce and one tag, and its members' texts compress against each other
// before they are sealed.
//
// Every member stays a version of its own on the hub (its ids, routing facts and save time are
// clear, as for a version sealed alone); the first member, the head, carries the ciphertext:
//
//   head    4   marker 00 'S' 'B' 02
//           16  key id of the content key
//           4   member count n, little-endian (2 .. kMaxBundleMembers)
//           24  nonce (derived: the same bundle sealed twice gives the same bytes)
//           rest XChaCha20-Poly1305 of zstd(for each member in order: u32 length, plain body), tag
//   member  4   marker 00 'S' 'B' 03
//           16  key id
//           16  the head's version id
//           4   its index in the bundle, little-endian (1 .. n-1)
//
// The additional data binds the ciphertext to every member's version id, record, type, author,
// observation, parents and save time, in order, and to the head's clear bytes: a member moved to
// another record or observation, a member swapped for another, left out or added, and the bundle
// does not open. A device opens a bundle once it holds all n members (they travel in one push,
// but a pull page may end between them: the first ones wait, sealed, for the rest).
//
// Only types whose readers are the observation's participants bundle (notes, tallies, timers,
// seat marks, the lesson clock, reflections, debrief notes, next steps): those with routing
// fields of their own (observations, cycles, prompts, coaching notes) are sealed one by one.
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/crypto/content_key.h"
#include "core/records.h"

namespace core::crypto {

constexpr std::uint32_t kMaxBundleMembers = 256;
// Plain bytes of one bundle, at most (past the first member): its head stays far below a
// version body's 4 MiB limit, and a pull page rarely ends inside one.
constexpr std::size_t kMaxBundlePlainBytes = 256u << 10;

// Whether `plain` may be a bundle's member: a live version of a type without routing fields.
bool bundles(const Version& plain);

// What the clear bytes of a head or a member say. nullopt for a body that is neither (a version
// sealed alone, a clear body).
struct BundlePart {
  Id key_id;
  Id head;                  // the head's version id (the head's own id for the head)
  std::uint32_t index = 0;  // 0 for the head
  std::uint32_t count = 0;  // the head only: how many members, itself included; 0 for a member
};
// Throws std::runtime_error, naming what is wrong, for a body that claims to be a part and is not
// well formed (cut short, a count or index out of range).
std::optional<BundlePart> bundle_part(const std::string& body);

// The members sealed together under `key`: the same versions with the head's and the members'
// bodies, each body hash that of its new bytes. Throws std::invalid_argument unless there are 2 to
// kMaxBundleMembers members, each bundles(), all of one author and observation.
std::vector<Version> seal_bundle(const std::vector<Version>& plain, const ContentKey& key);

struct OpenedBundle {
  std::vector<Version> plain;  // the members in order, with plain bodies and their hashes
  std::string refusal;         // why not, a sentence naming the bundle, when plain is empty
};
// Opens a whole bundle: members[i] is the part with index i (members[0] the head). Never throws
// for bad bytes: a refusal instead.
OpenedBundle open_bundle(const std::vector<Version>& members, const ContentKey& key);

}  // namespace core::crypto
