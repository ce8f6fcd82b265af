// A person's key pair on more than one device (docs/encryption.md, Several devices, lost
// devices): the pair sealed under a recovery phrase as their KeyBackup record, which the hub gives
// only to their own devices and cannot open; and a second device, or one restored after a loss,
// taking the pair back from that record with the phrase the person typed.
#pragma once
#include <string>
#include <string_view>

#include "core/crypto/recovery_phrase.h"
#include "core/store.h"

namespace core::sync {

// A new phrase, and this device's key pair sealed under it as the person's KeyBackup record (a new
// version of the one record, so an earlier phrase stops mattering once it syncs). Show the phrase
// once. Throws std::runtime_error with a sentence when this device holds no key pair.
crypto::RecoveryPhrase back_up_key_pair(Store& store, Id me);

// True when this device cannot read what colleagues share with this person until it is given the
// recovery phrase: the person's key is published (by another device) and this one holds no pair.
bool needs_recovery_phrase(const Store& store, Id me);

struct RestoreOutcome {
  bool restored = false;
  std::string message;  // a sentence either way
};
// Opens the person's KeyBackup with `typed` (spaces, dashes and case do not matter) and keeps the
// pair on this device; the next sync receives the keys granted to it. A wrong or mistyped phrase,
// or no backup here yet, gets a sentence saying so, and nothing changes.
RestoreOutcome restore_key_pair(Store& store, Id me, std::string_view typed);

}  // namespace core::sync
