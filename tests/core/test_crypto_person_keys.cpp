// A person's key pair (core/crypto/person_keys.h): made fresh, kept in the device's meta, read back
// only when it is whole and fits together.
#include <catch2/catch.hpp>

#include "core/crypto/person_keys.h"
#include "support/test_values.h"

using core::crypto::PersonKeys;

TEST_CASE("person keys: a stored key pair reads back as the same pair", "[crypto][person_keys]") {
  const PersonKeys keys = PersonKeys::make();
  const core::crypto::SecretBytes stored = keys.serialise();
  REQUIRE(stored.size() == core::crypto::kStoredKeyPairBytes);

  auto parsed = core::crypto::parse_key_pair(stored.view());
  REQUIRE(parsed.keys);
  CHECK(parsed.refusal.empty());
  CHECK(parsed.keys->public_key() == keys.public_key());
  CHECK(parsed.keys->secret_key() == keys.secret_key());
  CHECK(parsed.keys->public_key_text() == keys.public_key_text());
  CHECK(keys.public_key_text().size() == core::crypto::kPublicKeyBytes);

  const PersonKeys again = keys.copy();  // a second owner, with its own secret bytes
  CHECK(again.public_key() == keys.public_key());
  CHECK(again.secret_key() == keys.secret_key());
  CHECK(again.secret_key().data() != keys.secret_key().data());
}

TEST_CASE("person keys: two fresh pairs share neither half", "[crypto][person_keys]") {
  const PersonKeys a = PersonKeys::make();
  const PersonKeys b = PersonKeys::make();
  CHECK(a.public_key() != b.public_key());
  CHECK(a.secret_key() != b.secret_key());
  CHECK(core::crypto::is_usable_public_key(a.public_key()));
}

TEST_CASE("person keys: a stored pair of the wrong size, format or halves is refused with a sentence",
          "[crypto][person_keys]") {
  const std::string stored(PersonKeys::make().serialise().view());

  SECTION("cut short") {
    auto parsed = core::crypto::parse_key_pair(std::string_view(stored).substr(0, stored.size() - 1));
    CHECK_FALSE(parsed.keys);
    CHECK(parsed.refusal == "This device's stored key pair is 64 bytes long instead of 65; it was damaged.");
  }
  SECTION("one byte too many") {
    auto parsed = core::crypto::parse_key_pair(stored + "x");
    CHECK_FALSE(parsed.keys);
    CHECK(parsed.refusal == "This device's stored key pair is 66 bytes long instead of 65; it was damaged.");
  }
  SECTION("empty") {
    auto parsed = core::crypto::parse_key_pair("");
    CHECK_FALSE(parsed.keys);
    CHECK(parsed.refusal == "This device's stored key pair is empty.");
  }
  SECTION("a later format") {
    std::string later = stored;
    later[0] = 2;
    auto parsed = core::crypto::parse_key_pair(later);
    CHECK_FALSE(parsed.keys);
    CHECK(count_of(parsed.refusal, "update peerobs") == 1);
  }
  SECTION("a public key that is not the secret key's") {
    std::string mixed = stored;
    const std::string other(PersonKeys::make().serialise().view());
    mixed.replace(1, core::crypto::kPublicKeyBytes, other.substr(1, core::crypto::kPublicKeyBytes));
    auto parsed = core::crypto::parse_key_pair(mixed);
    CHECK_FALSE(parsed.keys);
    CHECK(count_of(parsed.refusal, "does not fit together") == 1);
  }
}

TEST_CASE("person keys: a public key is read from exactly 32 bytes", "[crypto][person_keys]") {
  const PersonKeys keys = PersonKeys::make();
  auto read = core::crypto::public_key_from(keys.public_key_text());
  REQUIRE(read);
  CHECK(*read == keys.public_key());
  CHECK_FALSE(core::crypto::public_key_from(keys.public_key_text().substr(1)));
  CHECK_FALSE(core::crypto::public_key_from(keys.public_key_text() + "x"));
}

TEST_CASE("person keys: the all-zero key and keys of low order are not usable", "[crypto][person_keys]") {
  core::crypto::PublicKey zero{};
  CHECK_FALSE(core::crypto::is_usable_public_key(zero));
  core::crypto::PublicKey one{};
  one[0] = 1;  // the point u = 1, of order 4
  CHECK_FALSE(core::crypto::is_usable_public_key(one));
  // Of order 8 (the list libsodium and the X25519 papers give).
  auto order_eight =
      core::crypto::public_key_from(from_hex("e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800"));
  REQUIRE(order_eight);
  CHECK_FALSE(core::crypto::is_usable_public_key(*order_eight));
}
