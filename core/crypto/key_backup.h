// A sealed key backup (docs/encryption.md, Several devices): a person's key pair sealed under a key
// derived from their recovery phrase, which the hub keeps as their KeyBackup record and gives only
// to their own devices. The hub never has the phrase, so it cannot open it; a second device, or one
// restored after a loss, opens it with the phrase the person typed.
//
//   bytes  field
//   1      format 1: Argon2id (crypto_pwhash, OPSLIMIT/MEMLIMIT_INTERACTIVE) and XChaCha20-Poly1305
//   16     salt (random)
//   24     nonce (random)
//   81     the stored key pair (person_keys.h, 65 bytes), sealed; then its 16-byte tag
//
// The derivation limits are fixed by the format byte, not stored: bytes from the hub cannot make a
// device spend more memory or time than this version of peerobs chose. The additional data is a
// domain string, the person's id and every byte before the ciphertext, so a backup copied to
// another person's record does not open.
#pragma once
#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "core/crypto/person_keys.h"
#include "core/crypto/recovery_phrase.h"
#include "core/ids.h"

namespace core::crypto {

constexpr std::size_t kBackupSaltBytes = 16;
constexpr std::size_t kSealedKeyBackupBytes = 1 + kBackupSaltBytes + 24 + kStoredKeyPairBytes + 16;

// The 32-byte key a phrase and a salt give (Argon2id, about 64 MiB of memory). Throws
// std::runtime_error when the device has not the memory for it.
SecretBytes backup_key_from_phrase(const RecoveryPhrase& phrase,
                                   const std::array<std::uint8_t, kBackupSaltBytes>& salt);

// `keys` sealed for `person` under `phrase`, with a fresh salt and nonce.
std::string seal_key_backup(const PersonKeys& keys, Id person, const RecoveryPhrase& phrase);

struct OpenedKeyBackup {
  std::optional<PersonKeys> keys;
  std::string refusal;  // why not, a sentence, when keys is empty
};
// Opens what seal_key_backup made. A wrong phrase, another person's backup or changed bytes give a
// refusal ("This recovery phrase does not open ..."), never an exception; only a device without
// the memory for Argon2id throws (std::runtime_error).
OpenedKeyBackup open_key_backup(std::string_view sealed, Id person, const RecoveryPhrase& phrase);

}  // namespace core::crypto
