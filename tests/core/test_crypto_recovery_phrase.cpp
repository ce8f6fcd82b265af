// Recovery phrases (core/crypto/recovery_phrase.h): made from the code alphabet, shown in groups of
// four, typed back forgivingly but never guessed at.
#include <catch2/catch.hpp>

#include <set>

#include "core/crypto/code_alphabet.h"
#include "core/crypto/recovery_phrase.h"
#include "support/test_values.h"

using core::crypto::RecoveryPhrase;

TEST_CASE("recovery phrase: a new phrase has 24 characters of the code alphabet, shown in six groups of four",
          "[crypto][phrase]") {
  const RecoveryPhrase phrase = RecoveryPhrase::make();
  const std::string characters(phrase.characters().view());
  REQUIRE(characters.size() == 24);
  for (char c : characters) CHECK(core::crypto::code_character_index(c) >= 0);

  const std::string shown(phrase.shown().view());
  REQUIRE(shown.size() == 29);
  for (std::size_t i = 0; i < shown.size(); ++i) {
    INFO("at " << i);
    if (i % 5 == 4)
      CHECK(shown[i] == ' ');
    else
      CHECK(shown[i] == characters[i - i / 5]);
  }
}

TEST_CASE("recovery phrase: two new phrases differ and together use much of the alphabet", "[crypto][phrase]") {
  std::set<char> seen;
  std::set<std::string> phrases;
  for (int i = 0; i < 20; ++i) {
    const RecoveryPhrase phrase = RecoveryPhrase::make();
    phrases.insert(std::string(phrase.characters().view()));
    for (char c : phrase.characters().view()) seen.insert(c);
  }
  CHECK(phrases.size() == 20);
  // 480 uniform draws from 31 characters miss one with odds of about 31 * (30/31)^480, under 1e-5.
  CHECK(seen.size() == 31);
}

TEST_CASE("recovery phrase: the phrase as shown reads back as the same phrase", "[crypto][phrase]") {
  const RecoveryPhrase phrase = RecoveryPhrase::make();
  auto parsed = core::crypto::parse_recovery_phrase(phrase.shown().view());
  REQUIRE(parsed.phrase);
  CHECK(parsed.refusal.empty());
  CHECK(parsed.phrase->characters() == phrase.characters());
}

TEST_CASE("recovery phrase: lower case, spaces and dashes are accepted as typed", "[crypto][phrase]") {
  const std::string expected = "K7QM3XWD9PTAABCD2345EFGH";
  for (const char* typed : {"K7QM3XWD9PTAABCD2345EFGH", "k7qm 3xwd 9pta abcd 2345 efgh",
                            "K7QM-3XWD-9PTA-ABCD-2345-EFGH", "  k7Qm - 3XWd\t9pta\nABCD 2345 EFGH  "}) {
    INFO(typed);
    auto parsed = core::crypto::parse_recovery_phrase(typed);
    REQUIRE(parsed.phrase);
    CHECK(parsed.phrase->characters().view() == expected);
  }
}

TEST_CASE("recovery phrase: a character outside the alphabet is refused with a sentence naming it",
          "[crypto][phrase]") {
  const std::string tail = "3XWD 9PTA ABCD 2345 EFGH";
  for (const char* head : {"K7QO ", "K7Q0 ", "K7QI ", "k7ql ", "K7Q1 ", "K7Q. "}) {
    INFO(head);
    auto parsed = core::crypto::parse_recovery_phrase(head + tail);
    CHECK_FALSE(parsed.phrase);
    const std::string quoted = std::string("'") + head[3] + "'";
    CHECK(parsed.refusal == "A recovery phrase has no " + quoted +
                                ": it uses the letters A to Z without I, L and O, and the digits 2 to 9. Check the "
                                "phrase you wrote down.");
  }
  auto accented = core::crypto::parse_recovery_phrase("K7Q\xc3\xa9 " + tail);
  CHECK_FALSE(accented.phrase);
  CHECK(count_of(accented.refusal, "a character that is not a letter or a digit") == 1);
}

TEST_CASE("recovery phrase: a phrase one character short or long is refused with its length", "[crypto][phrase]") {
  auto short_one = core::crypto::parse_recovery_phrase("K7QM 3XWD 9PTA ABCD 2345 EFG");
  CHECK_FALSE(short_one.phrase);
  CHECK(short_one.refusal ==
        "A recovery phrase has 24 letters and digits; this one has 23. Check the phrase you wrote down.");
  auto long_one = core::crypto::parse_recovery_phrase("K7QM 3XWD 9PTA ABCD 2345 EFGH J");
  CHECK_FALSE(long_one.phrase);
  CHECK(count_of(long_one.refusal, "this one has 25") == 1);
  CHECK_FALSE(core::crypto::parse_recovery_phrase(" - ").phrase);
}
