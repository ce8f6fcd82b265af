// Key backups (core/crypto/key_backup.h): the person's key pair sealed under their recovery phrase
// opens with that phrase, for that person, and with nothing else.
#include <catch2/catch.hpp>

#include "core/crypto/key_backup.h"
#include "support/test_values.h"

using core::crypto::PersonKeys;
using core::crypto::RecoveryPhrase;

namespace {
const core::Id kBackupOwner = id("0a000000000000000000000000000001");
const char kBackupWrongPhraseSentence[] =
    "This recovery phrase does not open the key backup: compare it, group by group, with the phrase you wrote down "
    "when peerobs showed it.";
}  // namespace

TEST_CASE("key backup: the phrase opens the backup as the same key pair", "[crypto][backup]") {
  const PersonKeys keys = PersonKeys::make();
  const RecoveryPhrase phrase = RecoveryPhrase::make();
  const std::string sealed = core::crypto::seal_key_backup(keys, kBackupOwner, phrase);
  CHECK(sealed.size() == core::crypto::kSealedKeyBackupBytes);
  CHECK(count_of(sealed, std::string(reinterpret_cast<const char*>(keys.secret_key().data()), 8)) == 0);

  // As a restored device gets it: the phrase typed back from the paper.
  auto typed = core::crypto::parse_recovery_phrase(phrase.shown().view());
  REQUIRE(typed.phrase);
  auto opened = core::crypto::open_key_backup(sealed, kBackupOwner, *typed.phrase);
  REQUIRE(opened.keys);
  CHECK(opened.refusal.empty());
  CHECK(opened.keys->public_key() == keys.public_key());
  CHECK(opened.keys->secret_key() == keys.secret_key());
}

TEST_CASE("key backup: a wrong phrase, another person or a changed byte gets the sentence, not the keys",
          "[crypto][backup]") {
  const PersonKeys keys = PersonKeys::make();
  const RecoveryPhrase phrase = RecoveryPhrase::make();
  const std::string sealed = core::crypto::seal_key_backup(keys, kBackupOwner, phrase);

  SECTION("a wrong phrase") {
    auto opened = core::crypto::open_key_backup(sealed, kBackupOwner, RecoveryPhrase::make());
    CHECK_FALSE(opened.keys);
    CHECK(opened.refusal == kBackupWrongPhraseSentence);
  }
  SECTION("the phrase with one character changed") {
    std::string typed(phrase.characters().view());
    typed[23] = typed[23] == 'A' ? 'B' : 'A';
    auto near = core::crypto::parse_recovery_phrase(typed);
    REQUIRE(near.phrase);
    auto opened = core::crypto::open_key_backup(sealed, kBackupOwner, *near.phrase);
    CHECK_FALSE(opened.keys);
    CHECK(opened.refusal == kBackupWrongPhraseSentence);
  }
  SECTION("the backup copied to another person's record") {
    auto opened = core::crypto::open_key_backup(sealed, id("0a000000000000000000000000000002"), phrase);
    CHECK_FALSE(opened.keys);
    CHECK(opened.refusal == kBackupWrongPhraseSentence);
  }
  SECTION("a changed byte in the salt, the nonce or the sealed keys") {
    for (std::size_t at : {std::size_t{1}, std::size_t{20}, sealed.size() - 1}) {
      INFO("byte " << at);
      std::string tampered = sealed;
      tampered[at] = static_cast<char>(tampered[at] ^ 0x40);
      auto opened = core::crypto::open_key_backup(tampered, kBackupOwner, phrase);
      CHECK_FALSE(opened.keys);
      CHECK(opened.refusal == kBackupWrongPhraseSentence);
    }
  }
  SECTION("a backup cut short") {
    auto opened = core::crypto::open_key_backup(sealed.substr(0, 100), kBackupOwner, phrase);
    CHECK_FALSE(opened.keys);
    CHECK(opened.refusal ==
          "The key backup is 100 bytes long instead of 122; it was damaged, and no phrase can open it.");
  }
  SECTION("a backup in a later format") {
    std::string later = sealed;
    later[0] = 2;
    auto opened = core::crypto::open_key_backup(later, kBackupOwner, phrase);
    CHECK_FALSE(opened.keys);
    CHECK(count_of(opened.refusal, "update peerobs") == 1);
  }
}

TEST_CASE("key backup: the same phrase and salt derive the same key, another salt another", "[crypto][backup]") {
  const RecoveryPhrase phrase = RecoveryPhrase::make();
  std::array<std::uint8_t, core::crypto::kBackupSaltBytes> salt{};
  salt[0] = 1;
  const auto first = core::crypto::backup_key_from_phrase(phrase, salt);
  CHECK(first.size() == 32);
  CHECK(core::crypto::backup_key_from_phrase(phrase, salt) == first);
  salt[0] = 2;
  CHECK(core::crypto::backup_key_from_phrase(phrase, salt) != first);
}
