// Key fingerprints (docs/encryption.md, Trust on first use): 12 characters of the code alphabet in
// three groups ("K7QM 3XWD 9PTA"), from a BLAKE2b hash of a person's public key and their id, so
// two colleagues can compare one person's key in a few seconds. 12 characters hold about 59 bits:
// a hub that wanted to pass off a key of its own with the same fingerprint would need about 2^59
// tries for that one person, and a changed key is shown anyway (docs/encryption.md).
#pragma once
#include <string>

#include "core/crypto/person_keys.h"
#include "core/ids.h"

namespace core::crypto {

constexpr std::size_t kFingerprintChars = 12;

// "K7QM 3XWD 9PTA": the same key and person always give the same text.
std::string fingerprint(const PublicKey& key, Id person);

}  // namespace core::crypto
