// SHA-256 (core/hash.h): the desktop's OpenSSL implementation and the browser's libsodium one
// must give the same hash for every input, or a body hashed in the browser would not match the
// hub's check of it. Both are held against FIPS 180-2's examples and against each other.
#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <thread>
#include <vector>

#include "core/hash.h"
#include "core/hash_impl/sha256_sodium.h"
#include "core/serialization.h"

using core::sha256;
using core::to_hex;
using core::hash_impl::sha256_sodium;

TEST_CASE("SHA-256 gives the standard's answers", "[hash]") {
  const std::string abc = "abc";
  const std::string two_blocks = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
  const std::string million(1000000, 'a');
  CHECK(to_hex(sha256("")) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(to_hex(sha256(abc)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(to_hex(sha256(two_blocks)) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  CHECK(to_hex(sha256(million)) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  CHECK(to_hex(sha256_sodium({abc})) == to_hex(sha256(abc)));
  CHECK(to_hex(sha256_sodium({million})) == to_hex(sha256(million)));
}

TEST_CASE("SHA-256 of parts is the hash of the parts joined", "[hash]") {
  CHECK(sha256({"a", "", "bc"}) == sha256("abc"));
  CHECK(sha256({}) == sha256(""));
  CHECK(sha256_sodium({"ab", "c"}) == sha256("abc"));
  const std::string body = "a note's body";
  const char prefix[2] = {static_cast<char>(core::RecordType::EvidenceNote), 0};
  CHECK(core::body_hash(core::RecordType::EvidenceNote, false, body) == sha256(std::string(prefix, 2) + body));
}

TEST_CASE("the desktop's and the browser's SHA-256 agree on every length across block edges", "[hash]") {
  std::mt19937 random(20261203);
  for (std::size_t n = 0; n < 300; ++n) {
    std::string bytes(n, '\0');
    for (char& c : bytes) c = static_cast<char>(random());
    const std::size_t cut = n == 0 ? 0 : random() % n;
    const std::string_view whole(bytes), head = whole.substr(0, cut), tail = whole.substr(cut);
    INFO("length " << n << ", cut at " << cut);
    CHECK(sha256(whole) == sha256_sodium({whole}));
    CHECK(sha256({head, tail}) == sha256_sodium({whole}));
  }
}

TEST_CASE("SHA-256 hashes on several threads at once alike", "[hash]") {
  // Each thread keeps its own digest context: none may see another's half-hashed input.
  const std::string a(5000, 'a'), b(7000, 'b');
  const core::Sha256 want_a = sha256_sodium({a}), want_b = sha256_sodium({b});
  std::vector<int> wrong(4, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 2000; ++i)
        if (sha256(t % 2 ? a : b) != (t % 2 ? want_a : want_b)) ++wrong[static_cast<std::size_t>(t)];
    });
  for (auto& thread : threads) thread.join();
  CHECK(wrong == std::vector<int>(4, 0));
}
