// Which content key seals a record (docs/encryption.md, "Keys"): one key per observation for
// everything in it, one per coaching thread (an observation's coach and teacher leader only), one
// per cycle. The scope is read from the clear parts of a version and, for a coaching note, its pair.
#pragma once
#include <cstdint>
#include <string>

#include "core/records.h"

namespace core::crypto {

// KeyScope (what a key is for) is in core/records.h, beside the KeyGrant that names it.
struct SealingScope {
  KeyScope kind = KeyScope::Observation;
  Id scope;           // the observation (Observation, CoachingThread) or the cycle
  Id coach;           // CoachingThread only, else empty
  Id teacher_leader;  // CoachingThread only, else empty

  bool operator==(const SealingScope& o) const {
    return kind == o.kind && scope == o.scope && coach == o.coach && teacher_leader == o.teacher_leader;
  }
  bool operator!=(const SealingScope& o) const { return !(*this == o); }
};

// The scope of `plain`, a version of a type that travels sealed, with its plain body. Throws
// std::invalid_argument for a tombstone or a type that travels clear (they have no scope key).
SealingScope key_scope_of(const Version& plain);

// "the visit 0b00...", "the coaching thread of the visit 0b00...", "the cycle 0c00...": for sentences.
std::string describe(const SealingScope& scope);

}  // namespace core::crypto
