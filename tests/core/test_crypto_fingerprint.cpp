// Key fingerprints (core/crypto/fingerprint.h): short enough to read aloud, the same every time for
// one key and person, different for another key or another person.
#include <catch2/catch.hpp>

#include <set>

#include "core/crypto/code_alphabet.h"
#include "core/crypto/fingerprint.h"
#include "support/test_values.h"

using core::crypto::PersonKeys;

namespace {
const core::Id kFingerprintLena = id("0a000000000000000000000000000001");
const core::Id kFingerprintOmar = id("0a000000000000000000000000000002");
}  // namespace

TEST_CASE("fingerprint: three groups of four characters of the code alphabet", "[crypto][fingerprint]") {
  const std::string shown = core::crypto::fingerprint(PersonKeys::make().public_key(), kFingerprintLena);
  REQUIRE(shown.size() == 14);
  for (std::size_t i = 0; i < shown.size(); ++i) {
    INFO(shown << " at " << i);
    if (i == 4 || i == 9)
      CHECK(shown[i] == ' ');
    else
      CHECK(core::crypto::code_character_index(shown[i]) >= 0);
  }
}

TEST_CASE("fingerprint: one key and person always give the same fingerprint", "[crypto][fingerprint]") {
  const PersonKeys keys = PersonKeys::make();
  CHECK(core::crypto::fingerprint(keys.public_key(), kFingerprintLena) ==
        core::crypto::fingerprint(keys.public_key(), kFingerprintLena));
  // Pinned (computed apart, with Python's hashlib.blake2b), so a change of the hash input or the alphabet (which would
  // show every colleague's key as changed) cannot pass unnoticed.
  core::crypto::PublicKey fixed{};
  for (std::size_t i = 0; i < fixed.size(); ++i) fixed[i] = static_cast<std::uint8_t>(i);
  CHECK(core::crypto::fingerprint(fixed, kFingerprintLena) == "JFP3 X4JN AFBJ");
}

TEST_CASE("fingerprint: another key or another person gives another fingerprint", "[crypto][fingerprint]") {
  std::set<std::string> seen;
  for (int i = 0; i < 50; ++i)
    seen.insert(core::crypto::fingerprint(PersonKeys::make().public_key(), kFingerprintLena));
  CHECK(seen.size() == 50);
  const PersonKeys keys = PersonKeys::make();
  CHECK(core::crypto::fingerprint(keys.public_key(), kFingerprintLena) !=
        core::crypto::fingerprint(keys.public_key(), kFingerprintOmar));
}
