// A person's published public key: a Person body of today (version 1) still reads and, while it has
// no key, still encodes to the very same bytes (old devices, existing body hashes); a key makes the
// body version 2 and round trips through binary and JSON; renaming keeps the key.
#include <catch2/catch.hpp>

#include <sstream>

#include "core/lesson/person_rename.h"
#include "core/serialization.h"
#include "support/temp_dir.h"
#include "support/test_values.h"

using namespace core;

namespace {
// Person{"Amira", "Northfield"} exactly as peerobs wrote it before keys: endianness flag, class
// version 1, then each string as a 64-bit length and its bytes.
const std::string kPersonVersion1Body = from_hex(
    "01"
    "01000000"
    "0500000000000000"
    "416d697261"
    "0a00000000000000"
    "4e6f7274686669656c64");

std::string person_key_bytes() {
  std::string key(32, '\0');
  for (std::size_t i = 0; i < key.size(); ++i) key[i] = static_cast<char>(0xe0 + i);  // high bytes on purpose
  return key;
}

std::string person_json(const Person& p) {
  std::ostringstream out;
  {
    cereal::JSONOutputArchive ar(out);
    save_body_json(ar, p);
  }
  return out.str();
}
Person person_from_json(const std::string& json) {
  std::istringstream in(json);
  cereal::JSONInputArchive ar(in);
  return std::get<Person>(load_body_json(ar, RecordType::Person));
}
}  // namespace

TEST_CASE("person key: a version-1 person body from before keys still reads, with no key", "[core][person][keys]") {
  const auto p = std::get<Person>(decode_body(RecordType::Person, kPersonVersion1Body));
  CHECK(p.name == "Amira");
  CHECK(p.school == "Northfield");
  CHECK(p.public_key.empty());
}

TEST_CASE("person key: a person without a key encodes byte for byte as version 1 did", "[core][person][keys]") {
  CHECK(encode_body(Person{"Amira", "Northfield"}) == kPersonVersion1Body);
  // The body hash a version-1 writer computed holds after decoding and encoding again, and
  // after an export and import (JSON), which re-encode every body.
  const auto decoded = decode_body(RecordType::Person, kPersonVersion1Body);
  CHECK(encode_body(decoded) == kPersonVersion1Body);
  CHECK(encode_body(person_from_json(person_json(std::get<Person>(decoded)))) == kPersonVersion1Body);
}

TEST_CASE("person key: an export written before keys imports, with or without its class version",
          "[core][person][keys]") {
  // cereal named the class version only on the first person of an export.
  const auto first =
      person_from_json(R"({"body": {"cereal_class_version": 1, "name": "Amira", "school": "Northfield"}})");
  const auto later = person_from_json(R"({"body": {"name": "Jonas", "school": ""}})");
  CHECK(first.name == "Amira");
  CHECK(later.name == "Jonas");
  CHECK(encode_body(first) == kPersonVersion1Body);
}

TEST_CASE("person key: a person with a key is body version 2 and keeps the key through binary and JSON",
          "[core][person][keys]") {
  const Person p{"Amira", "Northfield", person_key_bytes()};
  const std::string bytes = encode_body(p);
  CHECK(bytes.substr(1, 4) == from_hex("02000000"));
  const auto back = std::get<Person>(decode_body(RecordType::Person, bytes));
  CHECK(back.public_key == p.public_key);
  CHECK(back.name == "Amira");

  const std::string json = person_json(p);
  CHECK(json.find(to_hex(reinterpret_cast<const std::uint8_t*>(p.public_key.data()), 32)) != std::string::npos);
  CHECK(encode_body(person_from_json(json)) == bytes);
}

TEST_CASE("person key: a body version this peerobs does not know is refused with a sentence", "[core][person][keys]") {
  std::string bytes = kPersonVersion1Body;
  bytes[1] = '\x03';
  CHECK_THROWS_WITH(decode_body(RecordType::Person, bytes), Catch::Contains("update peerobs on this device"));
}

TEST_CASE("person key: renaming a person keeps their school and public key", "[core][person][keys]") {
  testing_support::TempDir dir;
  {
    Store store(dir.file("peerobs.sqlite"));
    const Id me = Id::random();
    store.create_with_id(me, Person{"Amira", "Northfield", person_key_bytes()}, me);
    const Version renamed = rename_person(store, me, "Amira Haddad", me);
    const auto p = std::get<Person>(store.get(me)->body);
    CHECK(p.name == "Amira Haddad");
    CHECK(p.school == "Northfield");
    CHECK(p.public_key == person_key_bytes());
    CHECK(store.heads(me).size() == 1);
    CHECK(store.heads(me).front().version.version == renamed.version);
    CHECK_THROWS_WITH(rename_person(store, Id::random(), "Nobody", me), Catch::Contains("to rename"));
  }
}
