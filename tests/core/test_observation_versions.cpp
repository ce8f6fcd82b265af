// An Observation body with another proposed time is body version 2; version-1 bodies (every
// observation saved before) still read, and still encode to the very same bytes, so their body
// hashes hold through export and import.
#include <catch2/catch.hpp>

#include <sstream>

#include "core/serialization.h"
#include "support/test_values.h"

using namespace core;

namespace {

// encode_body of the plan below, made by peerobs before Observation had version 2.
const char* const kVersion1Hex =
    "01010000000123456789abcdef0123456789abcdef0c0000000000000057686f20616e73776572733f0100000000000000090000"
    "0000000000576169742074696d65010000000101000000000000000100000006000000000000006f70656e2d710e0000000000"
    "00004f70656e207175657374696f6e7300000000000000000100000000000000000000000000000000000000000000000000000000"
    "0a00000000000000384220736369656e63650a00000000000000323032362d31322d3033050000000000000031303a3430020000"
    "00000000000100000011111111111111111111111111111111002222222222222222222222222222222201000000000000000000"
    "0000000000000000";

Observation the_plan() {
  Observation o;
  o.cycle = *Id::from_hex("0123456789abcdef0123456789abcdef");
  o.focus_question = "Who answers?";
  o.look_fors = {"Wait time"};
  o.tools.counters = {{"open-q", "Open questions"}};
  o.class_name = "8B science";
  o.date = "2026-12-03";
  o.time = "10:40";
  o.participants = {{*Id::from_hex("11111111111111111111111111111111"), Role::ObservedTeacher},
                    {*Id::from_hex("22222222222222222222222222222222"), Role::TeacherLeader}};
  return o;
}

std::string to_json(const std::vector<RecordBody>& bodies) {
  std::ostringstream out;
  {
    cereal::JSONOutputArchive ar(out);
    for (const auto& b : bodies) save_body_json(ar, b);
  }
  return out.str();
}
}  // namespace

TEST_CASE("observation versions: a version-1 body still reads and encodes to the same bytes", "[core][serialization]") {
  const std::string v1 = from_hex(kVersion1Hex);
  auto o = std::get<Observation>(decode_body(RecordType::Observation, v1));
  CHECK(o.class_name == "8B science");
  CHECK(o.date == "2026-12-03");
  CHECK(o.time == "10:40");
  CHECK(o.participants.at(1).role == Role::TeacherLeader);
  CHECK(o.proposed_date.empty());
  CHECK(o.proposed_by.empty());
  // Saved again without a proposal: byte for byte what version 1 wrote, so the hash still holds.
  CHECK(encode_body(o) == v1);
  CHECK(encode_body(the_plan()) == v1);
}

TEST_CASE("observation versions: a proposed time survives the wire and JSON", "[core][serialization]") {
  Observation o = the_plan();
  o.proposed_date = "2026-12-05";
  o.proposed_time = "09:00";
  o.proposed_by = *Id::from_hex("11111111111111111111111111111111");
  const std::string bytes = encode_body(o);
  CHECK(bytes.substr(1, 4) == std::string("\x02\x00\x00\x00", 4));  // body version 2
  auto back = std::get<Observation>(decode_body(RecordType::Observation, bytes));
  CHECK(back.proposed_date == "2026-12-05");
  CHECK(back.proposed_time == "09:00");
  CHECK(back.proposed_by == o.proposed_by);
  CHECK(back.date == "2026-12-03");
  // An export holds many bodies in one JSON archive: each says its own version.
  Observation plain = the_plan();
  std::istringstream in(to_json({o, plain, o}));
  cereal::JSONInputArchive ar(in);
  CHECK(encode_body(load_body_json(ar, RecordType::Observation)) == bytes);
  CHECK(encode_body(load_body_json(ar, RecordType::Observation)) == from_hex(kVersion1Hex));
  CHECK(encode_body(load_body_json(ar, RecordType::Observation)) == bytes);
}

TEST_CASE("observation versions: an export written before version 2 still imports", "[core][serialization]") {
  // cereal named a type's version on its first object only; the second body has none.
  std::string body = to_json({the_plan()});
  body = body.substr(body.find("\"body\""));
  body = body.substr(0, body.rfind('}'));
  std::string second = body;
  const std::string version = "\"cereal_class_version\": 1,";
  for (auto at = second.find(version); at != std::string::npos; at = second.find(version))
    second.erase(at, version.size());
  std::istringstream in("{" + body + ",\n" + second + "}");
  cereal::JSONInputArchive ar(in);
  CHECK(encode_body(load_body_json(ar, RecordType::Observation)) == from_hex(kVersion1Hex));
  CHECK(encode_body(load_body_json(ar, RecordType::Observation)) == from_hex(kVersion1Hex));
}

TEST_CASE("observation versions: a body from a newer peerobs is refused with a sentence", "[core][serialization]") {
  std::string bytes = from_hex(kVersion1Hex);
  bytes[1] = 3;
  CHECK_THROWS_WITH(decode_body(RecordType::Observation, bytes),
                    Catch::Contains("observation of body version 3") && Catch::Contains("update peerobs"));
}
