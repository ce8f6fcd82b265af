// Recovery phrases: made, shown and typed back. See recovery_phrase.h.
#include "core/crypto/recovery_phrase.h"

#include "core/crypto/code_alphabet.h"
#include "core/hash.h"

namespace core::crypto {

namespace {
constexpr std::size_t kPhraseGroup = 4;

// What a refusal may quote of a typed character: printable ASCII only (never a piece of UTF-8).
std::string phrase_quoted(char c) {
  if (c > ' ' && c < 0x7f) return std::string("'") + c + "'";
  return "a character that is not a letter or a digit";
}
}  // namespace

RecoveryPhrase RecoveryPhrase::make() {
  ensure_sodium();
  SecretBytes characters(kRecoveryPhraseChars);
  for (std::size_t i = 0; i < kRecoveryPhraseChars; ++i)
    characters.data()[i] = static_cast<std::uint8_t>(
        kCodeCharacters[randombytes_uniform(static_cast<std::uint32_t>(kCodeCharacters.size()))]);
  return RecoveryPhrase(std::move(characters));
}

SecretBytes RecoveryPhrase::shown() const {
  const std::size_t groups = kRecoveryPhraseChars / kPhraseGroup;
  SecretBytes out(kRecoveryPhraseChars + groups - 1);
  std::size_t at = 0;
  for (std::size_t i = 0; i < kRecoveryPhraseChars; ++i) {
    if (i > 0 && i % kPhraseGroup == 0) out.data()[at++] = ' ';
    out.data()[at++] = characters_.data()[i];
  }
  return out;
}

ParsedRecoveryPhrase parse_recovery_phrase(std::string_view typed) {
  ParsedRecoveryPhrase out;
  SecretBytes characters(kRecoveryPhraseChars);
  std::size_t count = 0;
  for (char c : typed) {
    if (c == ' ' || c == '-' || c == '\t' || c == '\n' || c == '\r') continue;
    const char upper = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    if (code_character_index(upper) < 0) {
      out.refusal = "A recovery phrase has no " + phrase_quoted(c) +
                    ": it uses the letters A to Z without I, L and O, and the digits 2 to 9. Check the phrase you "
                    "wrote down.";
      return out;
    }
    if (count < kRecoveryPhraseChars) characters.data()[count] = static_cast<std::uint8_t>(upper);
    ++count;
  }
  if (count != kRecoveryPhraseChars) {
    out.refusal = "A recovery phrase has " + std::to_string(kRecoveryPhraseChars) +
                  " letters and digits; this one has " + std::to_string(count) + ". Check the phrase you wrote down.";
    return out;
  }
  out.phrase = RecoveryPhrase(std::move(characters));
  return out;
}

}  // namespace core::crypto
