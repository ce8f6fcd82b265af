// SecretBytes (core/crypto/secret_bytes.h): secrets have one owner, moves leave nothing behind and
// copies are made only on purpose.
#include <catch2/catch.hpp>

#include <type_traits>

#include "core/crypto/secret_bytes.h"

using core::crypto::SecretBytes;

static_assert(!std::is_copy_constructible_v<SecretBytes>, "a secret is copied only through copy()");
static_assert(!std::is_copy_assignable_v<SecretBytes>, "a secret is copied only through copy()");
static_assert(std::is_nothrow_move_constructible_v<SecretBytes>);

TEST_CASE("secret bytes: a moved-from secret holds no bytes, the new owner holds them all", "[crypto][secret]") {
  SecretBytes key(std::string_view("correct horse battery staple"));
  const std::uint8_t* buffer = key.data();

  SecretBytes moved(std::move(key));
  CHECK(key.empty());  // NOLINT(bugprone-use-after-move): the state after a move is the point
  CHECK(key.size() == 0);
  CHECK(key.data() == nullptr);
  CHECK(moved.data() == buffer);  // handed over, not copied: no second copy was made to wipe
  CHECK(moved.view() == "correct horse battery staple");
}

TEST_CASE("secret bytes: moving onto a secret replaces its bytes and empties the source", "[crypto][secret]") {
  SecretBytes old_key(std::string_view("the old key"));
  SecretBytes new_key(std::string_view("the new key!"));
  old_key = std::move(new_key);
  CHECK(old_key.view() == "the new key!");
  CHECK(new_key.empty());  // NOLINT(bugprone-use-after-move)
  CHECK(new_key.data() == nullptr);
}

TEST_CASE("secret bytes: an explicit copy owns its own bytes", "[crypto][secret]") {
  SecretBytes original(std::string_view("ABCD"));
  SecretBytes copy = original.copy();
  CHECK(copy == original);
  CHECK(copy.data() != original.data());
  copy.data()[0] = 'Z';
  CHECK(original.view() == "ABCD");
  CHECK(copy != original);
}

TEST_CASE("secret bytes: a sized secret starts as zeros and compares by content and length", "[crypto][secret]") {
  SecretBytes zeros(4);
  REQUIRE(zeros.size() == 4);
  for (std::size_t i = 0; i < zeros.size(); ++i) CHECK(zeros.data()[i] == 0);
  CHECK(SecretBytes(std::string_view("ab")) != SecretBytes(std::string_view("abc")));
  CHECK(SecretBytes() == SecretBytes(std::string_view("")));
}
