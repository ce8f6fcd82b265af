// Sealed bodies on a real hub store (docs/encryption.md): the hub routes and refuses sealed
// versions by their clear routing fields exactly as it does plain ones, and what it stores of
// them holds no text that was written.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>

#include "core/crypto/sealed_body.h"
#include "core/serialization.h"
#include "hub_process.h"
#include "server/hub_plaintext.h"
#include "server/hub_store.h"
#include "support/test_values.h"

using namespace core;
using server::HubStore;

namespace {
struct SealedSchool {
  std::string dir = testing_support::temp_dir("peerobs-hub-sealed");
  HubStore hub{dir};
  Id lena, omar, ben, sam;  // teacher leader, observed teacher, coach, someone not in the visit
  server::DeviceRow lena_tablet, omar_tablet, ben_tablet, sam_tablet;
  crypto::ContentKey visit_key = crypto::ContentKey::make();
  crypto::ContentKey thread_key = crypto::ContentKey::make();  // Ben and Lena's only
  Id visit = Id::random();

  SealedSchool() {
    lena = hub.add_person("Lena", "");
    omar = hub.add_person("Omar", "");
    ben = hub.add_person("Ben", "");
    sam = hub.add_person("Sam", "");
    lena_tablet = device_of(lena);
    omar_tablet = device_of(omar);
    ben_tablet = device_of(ben);
    sam_tablet = device_of(sam);
  }
  ~SealedSchool() { std::filesystem::remove_all(dir); }

  server::DeviceRow device_of(Id person) {
    sync::EnrollRequest request;
    request.code = hub.issue_code(person, 7);
    request.device_name = "tablet";
    return hub.authenticate(hub.enroll(request).token);
  }

  Version sealed(const RecordBody& body, Id author, const crypto::ContentKey& key, Id record = Id::random(),
                 std::vector<Id> parents = {}) const {
    Version v;
    v.version = Id::random();
    v.record = type_of(body) == RecordType::Observation ? visit : record;
    v.type = type_of(body);
    v.author = author;
    v.observation = type_of(body) == RecordType::Observation ? Id{} : visit;
    v.parents = std::move(parents);
    v.saved_at_ms = 1795664719000;
    v.body = encode_body(body);
    v.body_hash = body_hash(v.type, false, v.body);
    return crypto::seal_version(v, key);
  }

  void push(const server::DeviceRow& device, std::vector<Version> versions) {
    hub.push(device, sync::PushRequest{Id::random(), std::move(versions)});
  }

  // The record ids a device receives from the start of its feed.
  std::set<Id> pulled_records(const server::DeviceRow& device) const {
    std::set<Id> out;
    for (const Version& v : hub.pull(device, sync::PullRequest{0, 1000}).versions) out.insert(v.record);
    return out;
  }
};

Observation planned_visit(Id lena, Id omar, Id ben) {
  Observation o;
  o.focus_question = "Who gets to answer the hard questions?";
  o.class_name = "8B science";
  o.participants = {{lena, Role::TeacherLeader}, {omar, Role::ObservedTeacher}, {ben, Role::Coach}};
  return o;
}

std::string file_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}
}  // namespace

TEST_CASE("sealed on the hub: each person receives the sealed records that are theirs, and only those",
          "[server][sealed]") {
  SealedSchool s;
  const Version plan = s.sealed(planned_visit(s.lena, s.omar, s.ben), s.lena, s.visit_key);
  const Version seen = s.sealed(note(s.visit, "Priya answered twice"), s.lena, s.visit_key);
  const Id prompt = Id::random();
  const Version draft = s.sealed(Prompt{s.visit, "Why did Priya answer?", {}, false}, s.lena, s.visit_key, prompt);
  s.push(s.lena_tablet, {plan, seen, draft});
  const Version thread =
      s.sealed(CoachingNote{s.visit, s.lena, "Your pause grew", s.ben}, s.ben, s.thread_key, Id::random());
  s.push(s.ben_tablet, {thread});

  CHECK(s.pulled_records(s.omar_tablet).count(s.visit) == 1);
  CHECK(s.pulled_records(s.omar_tablet).count(seen.record) == 1);
  CHECK(s.pulled_records(s.omar_tablet).count(prompt) == 0);         // not shared yet
  CHECK(s.pulled_records(s.omar_tablet).count(thread.record) == 0);  // the coach and the leader only
  CHECK(s.pulled_records(s.lena_tablet).count(thread.record) == 1);
  for (Id r : {s.visit, seen.record, prompt, thread.record}) CHECK(s.pulled_records(s.sam_tablet).count(r) == 0);

  // Sharing the prompt is a clear routing field: the observed teacher receives it from then on.
  Prompt shared{s.visit, "Why did Priya answer?", {}, true};
  s.push(s.lena_tablet, {s.sealed(shared, s.lena, s.visit_key, prompt, {draft.version})});
  CHECK(s.pulled_records(s.omar_tablet).count(prompt) == 1);

  // What the observed teacher receives is the sealed bytes as pushed, and opens with the visit's key.
  for (const Version& v : s.hub.pull(s.omar_tablet, sync::PullRequest{0, 1000}).versions) {
    if (v.record != seen.record) continue;
    CHECK(v.body == seen.body);
    auto opened = crypto::open_version(v, s.visit_key);
    REQUIRE(opened.plain);
    CHECK(std::get<EvidenceNote>(decode_body(v.type, opened.plain->body)).text == "Priya answered twice");
  }
}

TEST_CASE("sealed on the hub: the privacy rules refuse a sealed version as they refuse a plain one",
          "[server][sealed]") {
  SealedSchool s;
  s.push(s.lena_tablet, {s.sealed(planned_visit(s.lena, s.omar, s.ben), s.lena, s.visit_key)});
  // Sam is not in the visit: a note of his in it is refused, sealed or not.
  const Version intruder = s.sealed(note(s.visit, "I was not there"), s.sam, s.visit_key);
  CHECK_THROWS_AS(s.push(s.sam_tablet, {intruder}), server::HubRefusal);
  CHECK_FALSE(s.hub.store().has_version(intruder.version));
  // A coaching note whose clear routing names a pair the author is not part of is refused too.
  const Version forged = s.sealed(CoachingNote{s.visit, s.lena, "Not mine to write", s.ben}, s.omar, s.thread_key);
  CHECK_THROWS_AS(s.push(s.omar_tablet, {forged}), server::HubRefusal);
}

TEST_CASE("sealed on the hub: no text that was written is in the hub's database or its WAL", "[server][sealed]") {
  SealedSchool s;
  const std::vector<std::string> written = {"Who gets to answer the hard questions?", "8B science",
                                            "Priya answered twice", "Why did Priya answer?", "Your pause grew"};
  s.push(s.lena_tablet, {s.sealed(planned_visit(s.lena, s.omar, s.ben), s.lena, s.visit_key),
                         s.sealed(note(s.visit, written[2]), s.lena, s.visit_key),
                         s.sealed(Prompt{s.visit, written[3], {}, true}, s.lena, s.visit_key)});
  s.push(s.ben_tablet, {s.sealed(CoachingNote{s.visit, s.lena, written[4], s.ben}, s.ben, s.thread_key)});
  REQUIRE(s.pulled_records(s.omar_tablet).size() >= 3);  // the hub did store and route them

  const std::string db = file_bytes(s.hub.path()) + file_bytes(s.hub.path() + "-wal");
  REQUIRE(db.find("Omar") != std::string::npos);  // the roster is the hub's own, in clear: the search works
  for (const std::string& text : written) {
    INFO(text);
    CHECK(db.find(text) == std::string::npos);
  }
}

TEST_CASE("peerobs-hub plaintext: counts the clear and the sealed bodies by type and names no text",
          "[server][sealed][plaintext]") {
  SealedSchool s;
  s.push(s.lena_tablet, {s.sealed(planned_visit(s.lena, s.omar, s.ben), s.lena, s.visit_key),
                         s.sealed(note(s.visit, "sealed words"), s.lena, s.visit_key)});
  // Two notes from before encryption: clear text the upgrade has not re-sealed.
  for (const char* text : {"clear words one", "clear words two"}) {
    Version v;
    v.version = Id::random();
    v.record = Id::random();
    v.type = RecordType::EvidenceNote;
    v.author = s.lena;
    v.observation = s.visit;
    v.saved_at_ms = 1795664719000;
    v.body = encode_body(note(s.visit, text));
    v.body_hash = body_hash(v.type, false, v.body);
    s.push(s.lena_tablet, {v});
  }
  const auto rows = server::hub_plaintext(s.hub);
  auto row = [&](RecordType type) {
    for (const auto& r : rows)
      if (r.type == type) return r;
    return server::PlaintextRow{};
  };
  CHECK(row(RecordType::EvidenceNote).clear_versions == 2);
  CHECK(row(RecordType::EvidenceNote).sealed_versions == 1);
  CHECK(row(RecordType::Observation).clear_versions == 0);
  CHECK(row(RecordType::Observation).sealed_versions == 1);
  CHECK(row(RecordType::Person).clear_by_design);
  CHECK(row(RecordType::Person).clear_versions == 4);  // the roster

  const std::string shown = server::format_plaintext(rows);
  CHECK_THAT(shown, Catch::Contains("2 versions of teachers' writing"));
  CHECK(shown.find("clear words") == std::string::npos);
  CHECK(shown.find("Lena") == std::string::npos);
}
