// Round trips of every record type through portable binary and JSON, and refusal of
// malformed binary (which arrives from other devices and is untrusted).
#include <catch2/catch.hpp>

#include <sstream>

#include "core/serialization.h"
#include "support/records_samples.h"

using namespace core;

static std::string to_json(const RecordBody& body) {
  std::ostringstream out;
  {
    cereal::JSONOutputArchive ar(out);
    save_body_json(ar, body);
  }
  return out.str();
}

static RecordBody from_json(RecordType type, const std::string& text) {
  std::istringstream in(text);
  cereal::JSONInputArchive ar(in);
  return load_body_json(ar, type);
}

TEST_CASE("serialization: every record type survives a binary and a JSON round trip", "[core][serialization]") {
  auto samples = testing_support::sample_bodies();
  REQUIRE(samples.size() == static_cast<std::size_t>(kRecordTypeCount));
  for (const auto& body : samples) {
    RecordType type = type_of(body);
    INFO(type_name(type));
    std::string bytes = encode_body(body);
    RecordBody back = decode_body(type, bytes);
    CHECK(back.index() == body.index());
    CHECK(encode_body(back) == bytes);
    RecordBody via_json = from_json(type, to_json(body));
    CHECK(encode_body(via_json) == bytes);
  }
}

TEST_CASE("serialization: fields keep their values through the wire format", "[core][serialization]") {
  auto samples = testing_support::sample_bodies();
  SECTION("an evidence note") {
    auto note = std::get<EvidenceNote>(decode_body(RecordType::EvidenceNote, encode_body(samples[4])));
    const auto& orig = std::get<EvidenceNote>(samples[4]);
    CHECK(note.observation == orig.observation);
    CHECK(note.lesson_ms == 65000);
    CHECK(note.text == orig.text);
    CHECK(note.kind == NoteKind::Quote);
    CHECK(note.look_for_tags == std::vector<std::string>{"Who answers"});
  }
  SECTION("an observation plan with its data tools") {
    auto o = std::get<Observation>(decode_body(RecordType::Observation, encode_body(samples[2])));
    CHECK(o.focus_question == "Who answers?");
    CHECK(o.tools.timers.at(1).exclusive_group == "talk");
    CHECK(o.tools.seating.seats.at(1).label == "Zoë");
    CHECK(o.participants.at(1).role == Role::Coach);
    CHECK(o.status == ObservationStatus::Observed);
    CHECK(o.follows == std::get<Observation>(samples[2]).follows);
  }
  SECTION("a next step") {
    auto n = std::get<NextStep>(from_json(RecordType::NextStep, to_json(samples[11])));
    CHECK(n.support == "A class set");
    CHECK(n.follow_up_date == "2026-12-03");
    CHECK(n.status == NextStepStatus::Done);
  }
}

TEST_CASE("serialization: ids are plain hex strings in JSON", "[core][serialization]") {
  auto samples = testing_support::sample_bodies();
  std::string json = to_json(samples[1]);
  CHECK(json.find("\"observed_teacher\": \"" + std::get<Cycle>(samples[1]).observed_teacher.hex() + "\"") !=
        std::string::npos);
}

TEST_CASE("serialization: malformed binary bodies are refused with a message", "[core][serialization]") {
  std::string bytes = encode_body(EvidenceNote{Id::random(), 5, "a note", NoteKind::Noticing, {}});
  SECTION("truncated") {
    CHECK_THROWS_WITH(decode_body(RecordType::EvidenceNote, bytes.substr(0, bytes.size() - 3)),
                      Catch::Contains("evidence_note body could not be read"));
  }
  SECTION("trailing bytes") {
    CHECK_THROWS_WITH(decode_body(RecordType::EvidenceNote, bytes + "xx"), Catch::Contains("trailing bytes"));
  }
  SECTION("a text length far beyond the limit is refused before allocating") {
    // portable binary: 1 byte endianness flag, class version (4), id (16), lesson_ms (8), then the text size (8)
    std::string forged = bytes;
    std::size_t size_at = 1 + 4 + 16 + 8;
    for (std::size_t i = 0; i < 8; ++i) forged[size_at + i] = static_cast<char>(0x7f);
    CHECK_THROWS_WITH(decode_body(RecordType::EvidenceNote, forged), Catch::Contains("limit 1 MiB"));
  }
  SECTION("an unknown type") { CHECK_THROWS(decode_body(static_cast<RecordType>(99), bytes)); }
}

TEST_CASE("serialization: the body hash covers type, tombstone and bytes", "[core][serialization]") {
  std::string bytes = encode_body(Tally{Id::random(), "open-q", 5});
  auto h = body_hash(RecordType::Tally, false, bytes);
  CHECK(h == body_hash(RecordType::Tally, false, bytes));
  CHECK(h != body_hash(RecordType::Tally, true, bytes));
  CHECK(h != body_hash(RecordType::SeatMark, false, bytes));
  CHECK(h != body_hash(RecordType::Tally, false, bytes + "x"));
}

TEST_CASE("ids: random ids differ and survive hex", "[core][ids]") {
  Id a = Id::random(), b = Id::random();
  CHECK(a != b);
  CHECK_FALSE(a.empty());
  CHECK(Id::from_hex(a.hex()) == a);
  CHECK_FALSE(Id::from_hex("xyz").has_value());
  CHECK_FALSE(Id::from_hex(std::string(32, 'g')).has_value());
  CHECK(Id{}.empty());
}
