// The recovery phrase (docs/encryption.md, Several devices): 24 characters of the code alphabet
// (about 119 bits), made on a person's first device and shown once, in groups of four. It is the
// only way to the key backup the hub keeps, so it is held as SecretBytes from the moment it is made
// or typed. Typing it back is forgiving about case, spaces and dashes, and about nothing else.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "core/crypto/secret_bytes.h"

namespace core::crypto {

constexpr std::size_t kRecoveryPhraseChars = 24;

struct ParsedRecoveryPhrase;

class RecoveryPhrase {
 public:
  // A fresh phrase, each character drawn uniformly from the OS's random source.
  static RecoveryPhrase make();

  // The 24 characters, upper case, without separators: what a key is derived from.
  const SecretBytes& characters() const { return characters_; }
  // The phrase as shown and written down: "ABCD EFGH JKMN PQRS TUVW XYZ2".
  SecretBytes shown() const;

 private:
  explicit RecoveryPhrase(SecretBytes characters) : characters_(std::move(characters)) {}
  friend ParsedRecoveryPhrase parse_recovery_phrase(std::string_view typed);

  SecretBytes characters_;
};

struct ParsedRecoveryPhrase {
  std::optional<RecoveryPhrase> phrase;
  std::string refusal;  // why not, a sentence the person can act on, when phrase is empty
};
// A phrase as a person typed it: lower case, spaces and dashes are accepted; a character outside
// the alphabet or a length other than 24 is refused with a sentence.
ParsedRecoveryPhrase parse_recovery_phrase(std::string_view typed);

}  // namespace core::crypto
