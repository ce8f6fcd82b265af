// Key backups sealed under a recovery phrase. See key_backup.h for the layout.
#include "core/crypto/key_backup.h"

#include <cstring>
#include <stdexcept>

#include "core/hash.h"

namespace core::crypto {

namespace {
constexpr std::uint8_t kBackupFormat = 1;
constexpr std::size_t kBackupHeaderBytes = 1 + kBackupSaltBytes + crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
static_assert(kBackupSaltBytes == crypto_pwhash_SALTBYTES);
static_assert(kSealedKeyBackupBytes ==
              kBackupHeaderBytes + kStoredKeyPairBytes + crypto_aead_xchacha20poly1305_ietf_ABYTES);
static_assert(crypto_aead_xchacha20poly1305_ietf_KEYBYTES == 32);

std::string backup_additional_data(Id person, std::string_view header) {
  static constexpr char kDomain[] = "peerobs key backup 1";
  std::string ad(kDomain, sizeof kDomain);
  ad.append(reinterpret_cast<const char*>(person.bytes.data()), person.bytes.size());
  ad.append(header);
  return ad;
}
}  // namespace

SecretBytes backup_key_from_phrase(const RecoveryPhrase& phrase,
                                   const std::array<std::uint8_t, kBackupSaltBytes>& salt) {
  ensure_sodium();
  SecretBytes key(crypto_aead_xchacha20poly1305_ietf_KEYBYTES);
  const SecretBytes& characters = phrase.characters();
  if (crypto_pwhash(key.data(), key.size(), reinterpret_cast<const char*>(characters.data()), characters.size(),
                    salt.data(), crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE,
                    crypto_pwhash_ALG_ARGON2ID13) != 0)
    throw std::runtime_error("This device has not the " + std::to_string(crypto_pwhash_MEMLIMIT_INTERACTIVE >> 20) +
                             " MiB of free memory that reading a recovery phrase takes; close other apps and try "
                             "again.");
  return key;
}

std::string seal_key_backup(const PersonKeys& keys, Id person, const RecoveryPhrase& phrase) {
  ensure_sodium();
  std::string out(kSealedKeyBackupBytes, '\0');
  auto* bytes = reinterpret_cast<unsigned char*>(out.data());
  bytes[0] = kBackupFormat;
  std::array<std::uint8_t, kBackupSaltBytes> salt{};
  randombytes_buf(salt.data(), salt.size());
  std::memcpy(bytes + 1, salt.data(), salt.size());
  unsigned char* nonce = bytes + 1 + kBackupSaltBytes;
  randombytes_buf(nonce, crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);

  const SecretBytes key = backup_key_from_phrase(phrase, salt);
  const SecretBytes plain = keys.serialise();
  const std::string ad = backup_additional_data(person, std::string_view(out).substr(0, kBackupHeaderBytes));
  unsigned long long written = 0;
  crypto_aead_xchacha20poly1305_ietf_encrypt(bytes + kBackupHeaderBytes, &written, plain.data(), plain.size(),
                                             reinterpret_cast<const unsigned char*>(ad.data()), ad.size(), nullptr,
                                             nonce, key.data());
  if (written != kSealedKeyBackupBytes - kBackupHeaderBytes)
    throw std::logic_error("a sealed key backup came out of the wrong size");
  return out;
}

OpenedKeyBackup open_key_backup(std::string_view sealed, Id person, const RecoveryPhrase& phrase) {
  ensure_sodium();
  OpenedKeyBackup out;
  if (sealed.size() != kSealedKeyBackupBytes) {
    out.refusal = "The key backup is " + std::to_string(sealed.size()) + " bytes long instead of " +
                  std::to_string(kSealedKeyBackupBytes) + "; it was damaged, and no phrase can open it.";
    return out;
  }
  const auto* bytes = reinterpret_cast<const unsigned char*>(sealed.data());
  if (bytes[0] != kBackupFormat) {
    out.refusal = "The key backup is in format " + std::to_string(bytes[0]) +
                  ", and this version of peerobs reads only format " + std::to_string(kBackupFormat) +
                  ": update peerobs on this device.";
    return out;
  }
  std::array<std::uint8_t, kBackupSaltBytes> salt{};
  std::memcpy(salt.data(), bytes + 1, salt.size());
  const SecretBytes key = backup_key_from_phrase(phrase, salt);
  const std::string ad = backup_additional_data(person, sealed.substr(0, kBackupHeaderBytes));
  SecretBytes plain(kStoredKeyPairBytes);
  unsigned long long written = 0;
  if (crypto_aead_xchacha20poly1305_ietf_decrypt(plain.data(), &written, nullptr, bytes + kBackupHeaderBytes,
                                                 sealed.size() - kBackupHeaderBytes,
                                                 reinterpret_cast<const unsigned char*>(ad.data()), ad.size(),
                                                 bytes + 1 + kBackupSaltBytes, key.data()) != 0) {
    out.refusal =
        "This recovery phrase does not open the key backup: compare it, group by group, with the phrase you wrote "
        "down when peerobs showed it.";
    return out;
  }
  auto parsed = parse_key_pair(plain.view());
  if (!parsed.keys) {
    out.refusal = "The key backup opened, but the key pair inside cannot be used: " + parsed.refusal;
    return out;
  }
  out.keys = std::move(parsed.keys);
  return out;
}

}  // namespace core::crypto
