// Wrapped content keys (core/crypto/key_wrap.h): a key wrapped for one person, by one person, for
// one scope opens only there, and a changed byte never opens.
#include <catch2/catch.hpp>

#include <functional>
#include <stdexcept>
#include <utility>
#include <vector>

#include "core/crypto/key_wrap.h"
#include "support/test_values.h"

using core::KeyScope;
using core::crypto::ContentKey;
using core::crypto::KeyBinding;
using core::crypto::PersonKeys;

namespace {
struct KeyWrapPeople {
  PersonKeys lena = PersonKeys::make();  // teacher leader, the sender
  PersonKeys omar = PersonKeys::make();  // observed teacher, the recipient
};

KeyBinding key_wrap_binding(const ContentKey& key) {
  KeyBinding b;
  b.key_id = key.id();
  b.scope = KeyScope::CoachingThread;
  b.scope_id = id("0b000000000000000000000000000001");
  b.recipient = id("0a000000000000000000000000000002");
  b.sender = id("0a000000000000000000000000000001");
  b.coach = id("0a000000000000000000000000000003");
  b.teacher_leader = id("0a000000000000000000000000000001");
  return b;
}
}  // namespace

TEST_CASE("key wrap: a wrapped key opens for its recipient as the same key with the same id", "[crypto][key_wrap]") {
  KeyWrapPeople people;
  const ContentKey key = ContentKey::make();
  const KeyBinding binding = key_wrap_binding(key);
  const std::string wrapped = core::crypto::wrap_key(key, binding, people.omar.public_key(), people.lena);
  CHECK(wrapped.size() == core::crypto::kWrappedKeyBytes);

  auto opened = core::crypto::unwrap_key(wrapped, binding, people.lena.public_key(), people.omar);
  REQUIRE(opened.key);
  CHECK(opened.refusal.empty());
  CHECK(opened.key->id() == key.id());
  CHECK(std::equal(key.bytes(), key.bytes() + core::crypto::kContentKeyBytes, opened.key->bytes()));
  // The key bytes are not in the wrapped bytes in clear.
  CHECK(count_of(wrapped, std::string(reinterpret_cast<const char*>(key.bytes()), 8)) == 0);
}

TEST_CASE("key wrap: a wrapped key bound to anything else does not open", "[crypto][key_wrap]") {
  KeyWrapPeople people;
  const ContentKey key = ContentKey::make();
  const KeyBinding binding = key_wrap_binding(key);
  const std::string wrapped = core::crypto::wrap_key(key, binding, people.omar.public_key(), people.lena);
  const core::Id elsewhere = id("0f0000000000000000000000000000ff");

  const std::vector<std::pair<const char*, std::function<void(KeyBinding&)>>> changes = {
      {"key id", [&](KeyBinding& b) { b.key_id = elsewhere; }},
      {"scope kind", [](KeyBinding& b) { b.scope = KeyScope::Observation; }},
      {"scope id", [&](KeyBinding& b) { b.scope_id = elsewhere; }},
      {"recipient", [&](KeyBinding& b) { b.recipient = elsewhere; }},
      {"sender", [&](KeyBinding& b) { b.sender = elsewhere; }},
      {"coach", [&](KeyBinding& b) { b.coach = elsewhere; }},
      {"teacher leader", [&](KeyBinding& b) { b.teacher_leader = elsewhere; }},
  };
  for (const auto& [field, change] : changes) {
    INFO("changed: " << field);
    KeyBinding moved = binding;
    change(moved);
    auto opened = core::crypto::unwrap_key(wrapped, moved, people.lena.public_key(), people.omar);
    CHECK_FALSE(opened.key);
    CHECK(opened.refusal == "The key grant for key " + moved.key_id.short_hex() +
                                " could not be opened: it was made for another key, scope, recipient or sender, or "
                                "changed after it was made.");
  }
}

TEST_CASE("key wrap: another person's keys or another sender's public key do not open it", "[crypto][key_wrap]") {
  KeyWrapPeople people;
  const PersonKeys ben = PersonKeys::make();
  const ContentKey key = ContentKey::make();
  const KeyBinding binding = key_wrap_binding(key);
  const std::string wrapped = core::crypto::wrap_key(key, binding, people.omar.public_key(), people.lena);

  CHECK_FALSE(core::crypto::unwrap_key(wrapped, binding, people.lena.public_key(), ben).key);
  CHECK_FALSE(core::crypto::unwrap_key(wrapped, binding, ben.public_key(), people.omar).key);
  CHECK(core::crypto::unwrap_key(wrapped, binding, people.lena.public_key(), people.omar).key);
}

TEST_CASE("key wrap: any changed byte of a wrapped key refuses it", "[crypto][key_wrap]") {
  KeyWrapPeople people;
  const ContentKey key = ContentKey::make();
  const KeyBinding binding = key_wrap_binding(key);
  const std::string wrapped = core::crypto::wrap_key(key, binding, people.omar.public_key(), people.lena);
  for (std::size_t at = 0; at < wrapped.size(); ++at) {
    INFO("byte " << at);
    std::string tampered = wrapped;
    tampered[at] = static_cast<char>(tampered[at] ^ 0x01);
    auto opened = core::crypto::unwrap_key(tampered, binding, people.lena.public_key(), people.omar);
    CHECK_FALSE(opened.key);
    CHECK_FALSE(opened.refusal.empty());
  }
}

TEST_CASE("key wrap: a wrapped key of the wrong length is refused with a sentence", "[crypto][key_wrap]") {
  KeyWrapPeople people;
  const ContentKey key = ContentKey::make();
  const KeyBinding binding = key_wrap_binding(key);
  const std::string wrapped = core::crypto::wrap_key(key, binding, people.omar.public_key(), people.lena);
  auto opened = core::crypto::unwrap_key(wrapped.substr(1), binding, people.lena.public_key(), people.omar);
  CHECK_FALSE(opened.key);
  CHECK(opened.refusal ==
        "The key grant for key " + key.id().short_hex() + " is 104 bytes long instead of 105; it was not accepted.");
}

TEST_CASE("key wrap: a recipient key of low order is refused before anything is wrapped", "[crypto][key_wrap]") {
  KeyWrapPeople people;
  const ContentKey key = ContentKey::make();
  const KeyBinding binding = key_wrap_binding(key);
  const core::crypto::PublicKey zero{};
  CHECK_THROWS_AS(core::crypto::wrap_key(key, binding, zero, people.lena), std::invalid_argument);
  // ... and a grant claiming such a sender opens nothing.
  const std::string wrapped = core::crypto::wrap_key(key, binding, people.omar.public_key(), people.lena);
  auto opened = core::crypto::unwrap_key(wrapped, binding, zero, people.omar);
  CHECK_FALSE(opened.key);
  CHECK(count_of(opened.refusal, "not usable") == 1);
}

TEST_CASE("key wrap: a binding naming another key id is refused when wrapping", "[crypto][key_wrap]") {
  KeyWrapPeople people;
  const ContentKey key = ContentKey::make();
  KeyBinding binding = key_wrap_binding(key);
  binding.key_id = ContentKey::make().id();
  CHECK_THROWS_AS(core::crypto::wrap_key(key, binding, people.omar.public_key(), people.lena), std::invalid_argument);
}
