// The sync envelope and messages: round trips, and refusal of damaged, oversized, truncated or
// foreign-version input before anything is inflated or decoded (the network is untrusted).
#include <zstd.h>
#include <catch2/catch.hpp>

#include <sstream>

#include "core/serialization.h"
#include "core/sync/messages.h"

using namespace core;
using namespace core::sync;

namespace {
Version sample_version(const std::string& text) {
  EvidenceNote note;
  note.observation = Id::random();
  note.text = text;
  note.lesson_ms = 61000;
  Version v;
  v.version = Id::random();
  v.record = Id::random();
  v.type = RecordType::EvidenceNote;
  v.parents = {Id::random(), Id::random()};
  v.author = Id::random();
  v.observation = note.observation;
  v.saved_at_ms = 1700000000000;
  v.body = encode_body(note);
  v.body_hash = body_hash(v.type, false, v.body);
  return v;
}

WireError::Kind kind_of(const std::string& envelope) {
  try {
    unpack<PushRequest>(envelope);
  } catch (const WireError& e) {
    return e.kind;
  }
  FAIL("the envelope was accepted");
  return WireError::Kind::Malformed;
}

void set_u16(std::string& s, std::size_t at, std::uint16_t v) {
  s[at] = static_cast<char>(v >> 8);
  s[at + 1] = static_cast<char>(v & 0xff);
}
void set_u32(std::string& s, std::size_t at, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) s[at + static_cast<std::size_t>(i)] = static_cast<char>((v >> (24 - 8 * i)) & 0xff);
}
}  // namespace

TEST_CASE("sync wire: a push request survives a round trip, compressed", "[core][sync]") {
  PushRequest req;
  req.batch = Id::random();
  for (int i = 0; i < 50; ++i)
    req.versions.push_back(sample_version("the teacher asked an open question " + std::to_string(i)));
  std::string env = pack(req);
  CHECK(env.substr(0, 4) == "POBS");
  CHECK((static_cast<std::uint8_t>(env[7]) & kCompressed) != 0);
  auto back = unpack<PushRequest>(env);
  CHECK(back.batch == req.batch);
  REQUIRE(back.versions.size() == req.versions.size());
  for (std::size_t i = 0; i < req.versions.size(); ++i) {
    const auto& a = req.versions[i];
    const auto& b = back.versions[i];
    CHECK(a.version == b.version);
    CHECK(a.record == b.record);
    CHECK(a.parents == b.parents);
    CHECK(a.author == b.author);
    CHECK(a.observation == b.observation);
    CHECK(a.body == b.body);
    CHECK(a.body_hash == b.body_hash);
    CHECK(a.saved_at_ms == b.saved_at_ms);
    CHECK(b.type == RecordType::EvidenceNote);
  }
}

TEST_CASE("sync wire: every message type round-trips", "[core][sync]") {
  EnrollRequest er{"ABCD-1234", "laptop", std::string(64, 'f')};
  CHECK(unpack<EnrollRequest>(pack(er)).code == "ABCD-1234");
  EnrollResponse es;
  es.device = Id::random();
  es.token = std::string(64, 'a');
  es.person = Id::random();
  es.person_name = "Ana";
  es.person_versions = {sample_version("x")};
  auto es2 = unpack<EnrollResponse>(pack(es));
  CHECK(es2.person == es.person);
  CHECK(es2.person_versions.size() == 1);
  PullRequest pr{42, 100};
  CHECK(unpack<PullRequest>(pack(pr)).cursor == 42);
  PullResponse ps;
  ps.next_cursor = 77;
  ps.more = true;
  auto ps2 = unpack<PullResponse>(pack(ps));
  CHECK(ps2.next_cursor == 77);
  CHECK(ps2.more);
  PushResponse pu;
  pu.stored = 3;
  pu.replayed = true;
  CHECK(unpack<PushResponse>(pack(pu)).stored == 3);
  StatusResponse st;
  st.latest_cursor = 9;
  CHECK(unpack<StatusResponse>(pack(st)).latest_cursor == 9);
  RefusalResponse rf;
  rf.batch = Id::random();
  rf.message = "The hub refused 2 of the 3 versions sent.";
  rf.refused = {{Id::random(), 403, "not a participant"}, {Id::random(), 409, "changed body"}};
  auto rf2 = unpack<RefusalResponse>(pack(rf));
  CHECK(rf2.batch == rf.batch);
  CHECK(rf2.message == rf.message);
  REQUIRE(rf2.refused.size() == 2);
  CHECK(rf2.refused[1].version == rf.refused[1].version);
  CHECK(rf2.refused[1].status == 409);
  CHECK(rf2.refused[0].reason == "not a participant");
  CHECK_THROWS_AS(unpack<PushResponse>(pack(rf)), WireError);  // a refusal is not an acknowledgement
}

namespace {
// An enroll request as a device from before format 2 wrote it: the code and the device name.
std::string format_one_enroll_request(const std::string& code, const std::string& device_name) {
  std::ostringstream out(std::ios::binary);
  {
    cereal::PortableBinaryOutputArchive ar(out);
    ar(code, device_name);
  }
  return seal(MessageType::EnrollRequest, std::move(out).str());
}
}  // namespace

TEST_CASE("sync wire: an enroll request carries the device's own token after its format number", "[core][sync]") {
  const std::string token(64, 'c');
  const auto back = unpack<EnrollRequest>(pack(EnrollRequest{"ABCD-EFGH-JKMN", "tablet", token}));
  CHECK(back.code == "ABCD-EFGH-JKMN");
  CHECK(back.device_name == "tablet");
  CHECK(back.token == token);
  // The number sits right after the format-1 fields, so a reader of format 1 stops before it.
  const std::string one = format_one_enroll_request("ABCD-EFGH-JKMN", "tablet");
  const std::string two = pack(EnrollRequest{"ABCD-EFGH-JKMN", "tablet", token});
  const std::string one_payload = core::sync::open(one, MessageType::EnrollRequest);
  CHECK(core::sync::open(two, MessageType::EnrollRequest).compare(0, one_payload.size(), one_payload) == 0);
}

TEST_CASE("sync wire: an enroll request from before the token is read, and one without a token is written so",
          "[core][sync]") {
  const std::string old = format_one_enroll_request("ABCD-EFGH-JKMN", "old tablet");
  const auto back = unpack<EnrollRequest>(old);
  CHECK(back.code == "ABCD-EFGH-JKMN");
  CHECK(back.device_name == "old tablet");
  CHECK(back.token.empty());
  CHECK(pack(EnrollRequest{"ABCD-EFGH-JKMN", "old tablet", ""}) == old);
}

TEST_CASE("sync wire: an enroll request of an unknown format is refused, naming it", "[core][sync]") {
  std::ostringstream out(std::ios::binary);
  {
    cereal::PortableBinaryOutputArchive ar(out);
    ar(std::string("ABCD-EFGH-JKMN"), std::string("tablet"), std::uint32_t{3}, std::string(64, 'c'));
  }
  try {
    unpack<EnrollRequest>(seal(MessageType::EnrollRequest, std::move(out).str()));
    FAIL("a format-3 enroll request was read");
  } catch (const WireError& e) {
    CHECK(e.kind == WireError::Kind::Malformed);
    CHECK_THAT(e.what(), Catch::Contains("its format is 3") && Catch::Contains("update the hub"));
  }
}

TEST_CASE("sync wire: codes are compared without dashes, spaces or case", "[core][sync]") {
  CHECK(normalized_code("abcd-efgh jkmn") == "ABCDEFGHJKMN");
  CHECK(normalized_code("ABCDEFGHJKMN") == "ABCDEFGHJKMN");
  CHECK(normalized_code("abcd-efgh-jkmp") != normalized_code("abcd-efgh-jkmn"));
}

TEST_CASE("sync wire: a peer with another protocol version gets a clear error either way", "[core][sync]") {
  PushRequest req;
  std::string env = pack(req);
  std::string older = env, newer = env;
  set_u16(older, 4, kProtocolVersion - 1);
  set_u16(newer, 4, kProtocolVersion + 1);
  try {
    unpack<PushRequest>(older);
    FAIL("an older protocol was accepted");
  } catch (const WireError& e) {
    CHECK(e.kind == WireError::Kind::PeerTooOld);
    CHECK(std::string(e.what()).find("older than this one") != std::string::npos);
    CHECK(e.http_status() == 426);
  }
  try {
    unpack<PushRequest>(newer);
    FAIL("a newer protocol was accepted");
  } catch (const WireError& e) {
    CHECK(e.kind == WireError::Kind::PeerTooNew);
    CHECK(std::string(e.what()).find("Update this peerobs") != std::string::npos);
  }
  CHECK(claimed_protocol(newer) == kProtocolVersion + 1);
}

TEST_CASE("sync wire: a protocol-3 peer, which knows nothing of sealed bundles, is told to update", "[core][sync]") {
  REQUIRE(kProtocolVersion == 4);
  std::string from_protocol_3 = pack(PushRequest{});
  set_u16(from_protocol_3, 4, 3);
  try {
    unpack<PushRequest>(from_protocol_3);
    FAIL("a protocol-3 envelope was accepted");
  } catch (const WireError& e) {
    CHECK(e.kind == WireError::Kind::PeerTooOld);
    CHECK(e.http_status() == 426);
    CHECK_THAT(e.what(), Catch::Contains("speaks sync protocol 3, older than this one (4)") &&
                             Catch::Contains("Update the older peerobs (app or hub) so both match."));
  }
  CHECK(claimed_protocol(from_protocol_3) == 3);
}

TEST_CASE("sync wire: garbage after the magic is a damaged message, not a newer peer", "[core][sync]") {
  // What `curl --data-binary POBSxxxxxxxxxxxx` sends: the magic, then text where the header goes.
  std::string garbage = std::string("POBS") + std::string(12, 'x') + "payload";
  try {
    unpack<PushRequest>(garbage);
    FAIL("garbage was accepted");
  } catch (const WireError& e) {
    CHECK(e.kind == WireError::Kind::Malformed);
    CHECK(e.http_status() == 400);
    CHECK_THAT(e.what(), Catch::Contains("header is damaged") && Catch::Contains("30840"));
  }
  CHECK(claimed_protocol(garbage) == 0);
  std::string just_over = pack(PushRequest{});
  set_u16(just_over, 4, kProtocolVersionLimit);
  CHECK(kind_of(just_over) == WireError::Kind::Malformed);
  std::string highest = pack(PushRequest{});
  set_u16(highest, 4, kProtocolVersionLimit - 1);
  CHECK(kind_of(highest) == WireError::Kind::PeerTooNew);  // still a plausible future peerobs
}

TEST_CASE("sync wire: damaged envelopes are refused before decoding", "[core][sync]") {
  PushRequest req;
  for (int i = 0; i < 20; ++i) req.versions.push_back(sample_version(std::string(200, 'a' + static_cast<char>(i))));
  std::string env = pack(req);

  SECTION("not ours") { CHECK(kind_of("GET / HTTP/1.1\r\n\r\n") == WireError::Kind::Malformed); }
  SECTION("shorter than the header") { CHECK(kind_of(env.substr(0, 10)) == WireError::Kind::Truncated); }
  SECTION("cut mid-payload") { CHECK(kind_of(env.substr(0, env.size() - 7)) == WireError::Kind::Truncated); }
  SECTION("a claimed length over the limit is refused without reading it") {
    std::string big = env;
    set_u32(big, 8, kMaxWireBytes + 1);
    CHECK(kind_of(big) == WireError::Kind::TooLarge);
  }
  SECTION("a zip bomb: declared inflated size over the limit") {
    std::string bomb = env;
    set_u32(bomb, 12, kMaxDecodedBytes + 1);
    CHECK(kind_of(bomb) == WireError::Kind::TooLarge);
    CHECK(WireError(WireError::Kind::TooLarge, "").http_status() == 413);
  }
  SECTION("inflates to more than declared") {
    std::string lie = env;
    set_u32(lie, 12, 100);
    CHECK(kind_of(lie) == WireError::Kind::Malformed);
  }
  SECTION("a compressed frame that does not state its size is refused before it is inflated") {
    // A zstd frame may leave its content size out; such a frame could be inflated only by
    // trusting the header, so it is refused however small it is.
    std::string payload(5000, 'q');
    std::string frame(ZSTD_compressBound(payload.size()), '\0');
    ZSTD_CCtx* c = ZSTD_createCCtx();
    ZSTD_CCtx_setParameter(c, ZSTD_c_contentSizeFlag, 0);
    std::size_t n = ZSTD_compress2(c, frame.data(), frame.size(), payload.data(), payload.size());
    ZSTD_freeCCtx(c);
    REQUIRE_FALSE(ZSTD_isError(n));
    frame.resize(n);
    REQUIRE(ZSTD_getFrameContentSize(frame.data(), frame.size()) == ZSTD_CONTENTSIZE_UNKNOWN);
    std::string unsized = env.substr(0, kHeaderBytes) + frame;
    set_u32(unsized, 8, static_cast<std::uint32_t>(frame.size()));
    set_u32(unsized, 12, static_cast<std::uint32_t>(payload.size()));
    CHECK(kind_of(unsized) == WireError::Kind::Malformed);
  }
  SECTION("flipped bytes in the compressed payload") {
    std::string bad = env;
    for (std::size_t i = kHeaderBytes + 4; i < bad.size(); i += 3) bad[i] = static_cast<char>(bad[i] ^ 0x5a);
    CHECK(kind_of(bad) == WireError::Kind::Malformed);
  }
  SECTION("a valid envelope of the wrong message type") {
    CHECK(kind_of(pack(PullRequest{})) == WireError::Kind::WrongMessage);
  }
  SECTION("garbage payload inside a valid envelope: a list that claims a billion items") {
    std::string payload(16, '\0');
    payload += std::string("\x01\xff\xff\xff\x3f\x00\x00\x00\x00", 9);  // a size tag near 2^30
    CHECK(kind_of(seal(MessageType::PushRequest, payload)) == WireError::Kind::Malformed);
  }
  SECTION("a version body over its limit") {
    PushRequest one;
    Version v = sample_version("x");
    v.body.assign(kMaxBodyBytes + 1, 'x');
    one.versions.push_back(v);
    CHECK(kind_of(pack(one)) == WireError::Kind::Malformed);
  }
}
