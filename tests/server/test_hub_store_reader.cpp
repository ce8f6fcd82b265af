// The hub's store in process: a pull reads each version through the version log's reader (the
// one every device's store uses), and a damaged version is refused by the version log's one
// check with a 400 that names the damage.
#include <catch2/catch.hpp>

#include "core/serialization.h"
#include "hub_process.h"
#include "server/hub_store.h"

using namespace core;

namespace {
struct ReaderHub {
  server::HubStore hub{testing_support::temp_dir("peerobs-hub-store")};
  server::DeviceRow device;
  Id person;
  ReaderHub() {
    person = hub.add_person("Lena", "");
    auto enrolled = hub.enroll({hub.issue_code(person, 7), "tablet"});
    device = hub.authenticate(enrolled.token);
  }
};

Version note_version(Id author, Id obs, const std::string& text, std::vector<Id> parents = {}, Id record = {}) {
  Version v;
  v.version = Id::random();
  v.record = record.empty() ? Id::random() : record;
  v.type = RecordType::EvidenceNote;
  v.author = author;
  v.observation = obs;
  v.parents = std::move(parents);
  v.saved_at_ms = 1795664719089;
  v.body = encode_body(EvidenceNote{obs, 2000, text, NoteKind::Quote, {"wait-time"}});
  v.body_hash = body_hash(v.type, false, v.body);
  return v;
}
}  // namespace

TEST_CASE("hub pull: every version comes back exactly as it was pushed", "[server][store]") {
  ReaderHub h;
  Observation o;
  o.participants = {{h.person, Role::TeacherLeader}};
  Version obs;
  obs.version = Id::random();
  obs.record = Id::random();
  obs.type = RecordType::Observation;
  obs.author = h.person;
  obs.saved_at_ms = 1795664719000;
  obs.body = encode_body(o);
  obs.body_hash = body_hash(obs.type, false, obs.body);
  Version first = note_version(h.person, obs.record, "Why do you think so?");
  Version edit = note_version(h.person, obs.record, "Why do you think that?", {first.version}, first.record);
  auto pushed = h.hub.push(h.device, {Id::random(), {obs, first, edit}});
  CHECK(pushed.stored == 3);

  auto page = h.hub.pull(h.device, {0, 100});
  std::map<Id, Version> by_id;
  for (const auto& v : page.versions) by_id[v.version] = v;
  for (const Version* sent : {&obs, &first, &edit}) {
    REQUIRE(by_id.count(sent->version));
    const Version& got = by_id[sent->version];
    CHECK(got.record == sent->record);
    CHECK(got.type == sent->type);
    CHECK(got.author == sent->author);
    CHECK(got.observation == sent->observation);
    CHECK(got.parents == sent->parents);
    CHECK(got.tombstone == sent->tombstone);
    CHECK(got.saved_at_ms == sent->saved_at_ms);
    CHECK(got.body == sent->body);
    CHECK(got.body_hash == sent->body_hash);
  }
  // The hub's own store reads the record's heads as a device's would.
  auto heads = h.hub.store().heads(first.record);
  REQUIRE(heads.size() == 1);
  CHECK(heads[0].version.version == edit.version);
}

TEST_CASE("hub push: a damaged version is refused whole, naming the damage", "[server][store]") {
  ReaderHub h;
  Version v = note_version(h.person, Id::random(), "text");
  SECTION("a body that does not match its hash") {
    v.body_hash[0] ^= 1;
    CHECK_THROWS_MATCHES(h.hub.push(h.device, {Id::random(), {v}}), server::HubError,
                         Catch::Predicate<server::HubError>([](const server::HubError& e) {
                           return e.status == 400 &&
                                  std::string(e.what()).find("does not match its body hash") != std::string::npos;
                         }));
  }
  SECTION("a body that does not decode") {
    v.body = "garbage";
    v.body_hash = body_hash(v.type, false, v.body);
    CHECK_THROWS_MATCHES(h.hub.push(h.device, {Id::random(), {v}}), server::HubError,
                         Catch::Predicate<server::HubError>([](const server::HubError& e) {
                           return e.status == 400 &&
                                  std::string(e.what()).find("could not be read") != std::string::npos;
                         }));
  }
  CHECK(h.hub.store().all_versions().size() == 1);  // only the roster's Person record
}
