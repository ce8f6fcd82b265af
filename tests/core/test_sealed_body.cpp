// Sealed bodies (docs/encryption.md): what the hub keeps in clear is only what its rules read;
// the rest opens only with the scope's key, and only where it was sealed.
#include <catch2/catch.hpp>

#include "core/crypto/sealed_body.h"
#include "core/serialization.h"
#include "support/test_values.h"

using namespace core;
using core::crypto::ContentKey;

namespace {
const Id kLena = id("0a000000000000000000000000000001");
const Id kOmar = id("0a000000000000000000000000000002");
const Id kBen = id("0a000000000000000000000000000003");
const Id kVisit = id("0b000000000000000000000000000001");
const Id kOtherVisit = id("0b000000000000000000000000000002");

Version plain_version(const RecordBody& body, Id author = kLena, Id observation = kVisit) {
  Version v;
  v.version = Id::clustered();
  v.record = Id::clustered();
  v.type = type_of(body);
  v.author = author;
  v.observation = type_of(body) == RecordType::Observation ? Id{} : observation;
  v.saved_at_ms = 1795664719089;
  v.body = encode_body(body);
  v.body_hash = body_hash(v.type, false, v.body);
  return v;
}

Observation planned_visit() {
  Observation o;
  o.cycle = id("0c000000000000000000000000000001");
  o.focus_question = "Who gets to answer the hard questions?";
  o.look_fors = {"wait time after a question"};
  o.class_name = "8B science";
  o.date = "2026-12-03";
  o.participants = {{kLena, Role::TeacherLeader}, {kOmar, Role::ObservedTeacher}, {kBen, Role::Coach}};
  return o;
}
}  // namespace

TEST_CASE("sealed body: a note sealed and opened comes back as it was, with its plain body hash", "[crypto][sealed]") {
  const ContentKey key = ContentKey::make();
  const Version plain = plain_version(note(kVisit, "Asked Priya why the ice melts faster on metal"));
  const Version sealed = crypto::seal_version(plain, key);

  CHECK(is_sealed_body(sealed.body));
  CHECK(sealed.body_hash == body_hash(sealed.type, false, sealed.body));
  CHECK(crypto::sealed_key_id(sealed) == key.id());
  auto opened = crypto::open_version(sealed, key);
  REQUIRE(opened.plain);
  CHECK(opened.refusal.empty());
  CHECK(opened.plain->body == plain.body);
  CHECK(opened.plain->body_hash == plain.body_hash);
  CHECK(opened.plain->version == plain.version);
}

TEST_CASE("sealed body: no text of any sealed type is left in the sealed bytes", "[crypto][sealed]") {
  const ContentKey key = ContentKey::make();
  Observation visit = planned_visit();
  Prompt prompt{kVisit, "What did you notice about who answered first?", {}, true};
  CoachingNote coaching{kVisit, kLena, "Your second question opened the room up", kBen};
  NextStep step{
      kVisit, "Try think-pair-share before cold calling", kOmar, "A timer", "2027-01-10", NextStepStatus::Open, {}};
  Cycle cycle{"Questioning in Year 8", kOmar, "Do quiet students get time to think?"};
  for (const RecordBody& body : std::vector<RecordBody>{visit, prompt, coaching, step, cycle}) {
    const Version sealed = crypto::seal_version(plain_version(body), key);
    for (const char* text :
         {"Who gets to answer", "wait time", "8B science", "2026-12-03", "who answered first", "second question",
          "think-pair-share", "A timer", "2027-01-10", "Questioning in Year 8", "quiet students"})
      CHECK(count_of(sealed.body, text) == 0);
  }
}

TEST_CASE("sealed body: the same version sealed twice gives the same bytes, another text other bytes",
          "[crypto][sealed]") {
  const ContentKey key = ContentKey::make();
  Version plain = plain_version(note(kVisit, "Four hands up after the pause"));
  const Version first = crypto::seal_version(plain, key);
  CHECK(crypto::seal_version(plain, key).body == first.body);

  plain.body = encode_body(note(kVisit, "Five hands up after the pause"));
  plain.body_hash = body_hash(plain.type, false, plain.body);
  const Version other = crypto::seal_version(plain, key);
  CHECK(other.body != first.body);
  // The nonces differ too (bytes 8 + routing + 16 .. +24), so the two texts never share one.
  CHECK(crypto::derive_nonce(key, plain.version, "a") != crypto::derive_nonce(key, plain.version, "b"));
}

TEST_CASE("sealed body: the hub reads the routing fields and nothing else", "[crypto][sealed]") {
  const ContentKey key = ContentKey::make();

  const Version visit = crypto::seal_version(plain_version(planned_visit()), key);
  const RecordBody visit_view = crypto::decode_stored_body(visit);
  const auto& o = std::get<Observation>(visit_view);
  CHECK(o.cycle == planned_visit().cycle);
  REQUIRE(o.participants.size() == 3);
  CHECK(o.participants[1].person == kOmar);
  CHECK(o.participants[1].role == Role::ObservedTeacher);
  CHECK(o.focus_question.empty());
  CHECK(o.class_name.empty());
  CHECK(o.date.empty());
  CHECK(o.look_fors.empty());

  const Version prompt = crypto::seal_version(plain_version(Prompt{kVisit, "Why then?", {kVisit}, true}), key);
  const auto p = std::get<Prompt>(crypto::decode_stored_body(prompt));
  CHECK(p.shared);
  CHECK(p.observation == kVisit);
  CHECK(p.text.empty());
  CHECK(p.evidence.empty());

  const Version thread =
      crypto::seal_version(plain_version(CoachingNote{kVisit, kLena, "Good pause", kBen}, kBen), key);
  const auto c = std::get<CoachingNote>(crypto::decode_stored_body(thread));
  CHECK(c.coach == kBen);
  CHECK(c.teacher_leader == kLena);
  CHECK(c.text.empty());

  const Version tally = crypto::seal_version(plain_version(Tally{kVisit, "open-q", 61000}), key);
  const auto t = std::get<Tally>(crypto::decode_stored_body(tally));
  CHECK(t.observation == kVisit);
  CHECK(t.counter_key.empty());
  CHECK(t.lesson_ms == 0);

  // A plain body is still read whole, as before.
  const Version clear = plain_version(note(kVisit, "said aloud"));
  CHECK(std::get<EvidenceNote>(crypto::decode_stored_body(clear)).text == "said aloud");
}

TEST_CASE("sealed body: a reader of plain bodies refuses a sealed one instead of reading it as empty",
          "[crypto][sealed]") {
  const Version sealed = crypto::seal_version(plain_version(note(kVisit, "x")), ContentKey::make());
  CHECK_THROWS_WITH(decode_body(sealed.type, sealed.body), Catch::Contains("sealed"));
}

TEST_CASE("sealed body: a body moved to another version, record, observation or author does not open",
          "[crypto][sealed]") {
  const ContentKey key = ContentKey::make();
  const Version sealed = crypto::seal_version(plain_version(note(kVisit, "Quote: it's like a race")), key);
  auto moved = [&](auto change) {
    Version v = sealed;
    change(v);
    v.body_hash = body_hash(v.type, false, v.body);  // a hub rewriting its database fixes the hash too
    return crypto::open_version(v, key);
  };
  for (const auto& opened :
       {moved([](Version& v) { v.version = Id::clustered(); }), moved([](Version& v) { v.record = Id::clustered(); }),
        moved([](Version& v) { v.observation = kOtherVisit; }), moved([](Version& v) { v.author = kOmar; }),
        moved([](Version& v) { v.parents = {Id::clustered()}; })}) {
    CHECK_FALSE(opened.plain);
    CHECK_THAT(opened.refusal, Catch::Contains("could not be opened") && Catch::Contains("evidence_note"));
  }
}

TEST_CASE("sealed body: a changed clear field, a flipped byte or a cut body does not open", "[crypto][sealed]") {
  const ContentKey key = ContentKey::make();
  const Version sealed = crypto::seal_version(plain_version(Prompt{kVisit, "What next?", {}, false}), key);
  for (std::size_t at : {std::size_t(9), sealed.body.size() / 2, sealed.body.size() - 1}) {
    Version v = sealed;
    v.body[at] = static_cast<char>(v.body[at] ^ 0x01);
    CHECK_FALSE(crypto::open_version(v, key).plain);
  }
  Version cut = sealed;
  cut.body.resize(20);
  auto opened = crypto::open_version(cut, key);
  CHECK_FALSE(opened.plain);
  CHECK_THAT(opened.refusal, Catch::Contains("cut short"));
  CHECK_THROWS_AS(crypto::decode_stored_body(cut), std::runtime_error);
}

TEST_CASE("sealed body: another scope's key does not open it, and says which key it needs", "[crypto][sealed]") {
  const ContentKey key = ContentKey::make();
  const ContentKey other = ContentKey::make();
  const Version sealed = crypto::seal_version(plain_version(note(kVisit, "x")), key);
  auto opened = crypto::open_version(sealed, other);
  CHECK_FALSE(opened.plain);
  CHECK_THAT(opened.refusal, Catch::Contains(key.id().short_hex()));
  // Even a key claiming the right id, with other bytes, does not open it.
  std::array<std::uint8_t, crypto::kContentKeyBytes> bytes{};
  bytes.fill(7);
  CHECK_FALSE(crypto::open_version(sealed, ContentKey(key.id(), bytes)).plain);
}

TEST_CASE("sealed body: an author who shows the hub other participants than the sealed ones is caught",
          "[crypto][sealed]") {
  // Forged by hand: the clear routing says Omar is not in the visit (so the hub would not send
  // him what follows), the sealed body says he is.
  const ContentKey key = ContentKey::make();
  const Observation inside = planned_visit();
  Observation shown = inside;
  shown.participants.pop_back();
  const Version plain = plain_version(inside);
  const std::string routing = crypto::encode_routing(shown);
  std::string body(kSealedBodyMarker, 4);
  for (int i = 0; i < 4; ++i) body.push_back(static_cast<char>((routing.size() >> (8 * i)) & 0xff));
  body += routing;
  body.append(reinterpret_cast<const char*>(key.id().bytes.data()), 16);
  const auto nonce = crypto::derive_nonce(key, plain.version, plain.body);
  body.append(reinterpret_cast<const char*>(nonce.data()), nonce.size());
  body += crypto::aead_seal(key, nonce, plain.body, crypto::sealed_additional_data(plain, body));
  Version forged = plain;
  forged.body = body;
  forged.body_hash = body_hash(forged.type, false, forged.body);

  CHECK(std::get<Observation>(crypto::decode_stored_body(forged)).participants.size() == 2);
  auto opened = crypto::open_version(forged, key);
  CHECK_FALSE(opened.plain);
  CHECK_THAT(opened.refusal, Catch::Contains("other participants"));
}

TEST_CASE("sealed body: a note has no routing bytes, so sealing adds only marker, lengths, key id, nonce and tag",
          "[crypto][sealed]") {
  const ContentKey key = ContentKey::make();
  const Version plain = plain_version(note(kVisit, "Waited five seconds before taking an answer"));
  const Version sealed = crypto::seal_version(plain, key);
  CHECK(crypto::encode_routing(note(kVisit, "x")).empty());
  CHECK(sealed.body.size() == plain.body.size() + 4 + 4 + 16 + crypto::kSealNonceBytes + crypto::kSealTagBytes);

  // A note that shows the hub a routing byte anyway (cereal's endianness flag, as the first
  // format wrote) is damage to the hub, and does not open on a device.
  std::string body(kSealedBodyMarker, 4);
  body += std::string("\x01\x00\x00\x00\x01", 5);
  body.append(reinterpret_cast<const char*>(key.id().bytes.data()), 16);
  const auto nonce = crypto::derive_nonce(key, plain.version, plain.body);
  body.append(reinterpret_cast<const char*>(nonce.data()), nonce.size());
  body += crypto::aead_seal(key, nonce, plain.body, crypto::sealed_additional_data(plain, body));
  Version with_routing = plain;
  with_routing.body = body;
  with_routing.body_hash = body_hash(with_routing.type, false, with_routing.body);
  CHECK_THROWS_WITH(crypto::decode_stored_body(with_routing), Catch::Contains("trailing bytes"));
  CHECK_FALSE(crypto::open_version(with_routing, key).plain);
}

TEST_CASE("sealed body: people's records, tombstones and unknown bytes are not sealed", "[crypto][sealed]") {
  const ContentKey key = ContentKey::make();
  CHECK_FALSE(crypto::travels_sealed(RecordType::Person));
  CHECK(crypto::travels_sealed(RecordType::CoachingNote));
  CHECK_THROWS_AS(crypto::seal_version(plain_version(Person{"Lena Ortiz", ""}), key), std::invalid_argument);
  Version tomb = plain_version(note(kVisit, "x"));
  tomb.tombstone = true;
  tomb.body.clear();
  CHECK_THROWS_AS(crypto::seal_version(tomb, key), std::invalid_argument);
  // A person's body dressed as sealed is damage, not a routing view.
  Version person = plain_version(Person{"Lena Ortiz", ""});
  person.body = crypto::seal_version(plain_version(note(kVisit, "x")), key).body;
  CHECK_THROWS_AS(crypto::decode_stored_body(person), std::runtime_error);
}
