// Yes/no fields read from untrusted portable binary (a pull page, a push, a record body): only
// the bytes 0 and 1 are read; any other byte refuses the message as damaged. cereal's own loader
// copied the byte into the bool, and a bool holding 43 is undefined behaviour wherever it is used
// (tests/fuzz/corpus/pull_apply/tombstone-byte-43).
#include <catch2/catch.hpp>

#include <sstream>

#include "core/serialization.h"
#include "core/sync/messages.h"
#include "core/sync/wire.h"

namespace {

// A tombstone as the hub sends it in a pull page.
core::sync::PullResponse wire_bools_page() {
  core::Version v;
  v.version = core::Id::random();
  v.record = core::Id::random();
  v.type = core::RecordType::EvidenceNote;
  v.author = core::Id::random();
  v.observation = core::Id::random();
  v.tombstone = true;
  v.saved_at_ms = 1795664719089;
  v.body_hash = core::body_hash(v.type, true, v.body);
  return core::sync::PullResponse{{v}, 42, false};
}

// The page's payload with the byte at `offset` replaced, sealed again as the hub would.
std::string wire_bools_page_with(std::size_t offset, char byte) {
  std::string payload = core::sync::open(core::sync::pack(wire_bools_page()), core::sync::MessageType::PullResponse);
  REQUIRE(offset < payload.size());
  payload[offset] = byte;
  return core::sync::seal(core::sync::MessageType::PullResponse, payload);
}

// Endianness byte, version count, id, record, type, parent count (none), author, observation.
constexpr std::size_t kTombstoneOffset = 1 + 8 + 16 + 16 + 1 + 8 + 16 + 16;

}  // namespace

TEST_CASE("sync wire: a tombstone flag holding a byte other than 0 or 1 refuses the page as damaged", "[core][sync]") {
  const char byte = GENERATE(char{2}, char{43}, char{-1});
  CAPTURE(static_cast<int>(static_cast<unsigned char>(byte)));
  const std::string damaged = wire_bools_page_with(kTombstoneOffset, byte);
  CHECK_THROWS_AS(core::sync::unpack<core::sync::PullResponse>(damaged), core::sync::WireError);
  CHECK_THROWS_WITH(core::sync::unpack<core::sync::PullResponse>(damaged), Catch::Contains("yes/no field"));
}

TEST_CASE("sync wire: tombstone flags 0 and 1 read as they were written", "[core][sync]") {
  CHECK(
      core::sync::unpack<core::sync::PullResponse>(wire_bools_page_with(kTombstoneOffset, 1)).versions.at(0).tombstone);
  CHECK_FALSE(
      core::sync::unpack<core::sync::PullResponse>(wire_bools_page_with(kTombstoneOffset, 0)).versions.at(0).tombstone);
}

TEST_CASE("sync wire: a pull page whose 'more' flag is neither 0 nor 1 is refused", "[core][sync]") {
  const std::string payload =
      core::sync::open(core::sync::pack(wire_bools_page()), core::sync::MessageType::PullResponse);
  CHECK_THROWS_AS(core::sync::unpack<core::sync::PullResponse>(wire_bools_page_with(payload.size() - 1, 7)),
                  core::sync::WireError);
  CHECK(core::sync::unpack<core::sync::PullResponse>(wire_bools_page_with(payload.size() - 1, 1)).more);
}

TEST_CASE("records: a body whose yes/no field is neither 0 nor 1 is refused", "[core][serialization]") {
  const core::Id obs = core::Id::random();
  const std::string running = core::encode_body(core::LessonClock{obs, 123456, true, false});
  const std::string paused = core::encode_body(core::LessonClock{obs, 123456, false, false});
  REQUIRE(running.size() == paused.size());
  std::size_t flag = 0;
  while (flag < running.size() && running[flag] == paused[flag]) ++flag;
  REQUIRE(flag < running.size());
  std::string damaged = running;
  damaged[flag] = 43;
  CHECK_THROWS_WITH(core::decode_body(core::RecordType::LessonClock, damaged), Catch::Contains("only 0 or 1"));
  CHECK(std::get<core::LessonClock>(core::decode_body(core::RecordType::LessonClock, running)).running);
}
