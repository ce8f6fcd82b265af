// Hub tests, part 3: versions the hub refuses (403 privacy, 409 changed body) are named in a
// machine-readable answer, held back on the device with the hub's reason, and never block what
// comes after them; the batch that contained them stores nothing; nothing is lost locally.
// Devices send bodies in clear (ClearDevice, TwoColleagues::Sealed::No in sync_fixture.h): the cases count
// outbox sizes and versions, and read after one sync of the writer.
#include <httplib.h>
#include <catch2/catch.hpp>

#include <chrono>
#include <set>
#include <thread>

#include "core/net/sync_worker.h"
#include "core/serialization.h"
#include "core/sync/messages.h"
#include "support/test_values.h"
#include "sync_fixture.h"

using namespace core;
using namespace testing_support;

namespace {
struct Team : TwoColleagues {
  Team() : TwoColleagues(Sealed::No) {
    enroll();
    lena.sync();
  }
  // The texts of the notes Chidi's device holds for the observation, after a sync.
  std::multiset<std::string> chidi_notes() {
    chidi.sync();
    std::multiset<std::string> out;
    for (auto& [r, h] : chidi.store->live(RecordType::EvidenceNote, obs)) {
      CHECK(chidi.store->versions_of(r).size() == 1);
      out.insert(std::get<EvidenceNote>(h.body).text);
    }
    return out;
  }
};

std::multiset<std::string> texts(const std::string& prefix, int n) {
  std::multiset<std::string> out;
  for (int i = 0; i < n; ++i) out.insert(prefix + std::to_string(i));
  return out;
}
}  // namespace

TEST_CASE("held back: a Person record for someone else is held back with the reason, the five good notes arrive",
          "[server][sync][held]") {
  Team t;
  Id chidi_record = id(t.chidi_id);
  REQUIRE(t.lena.sees(chidi_record));  // the roster arrived with the first sync
  t.lena.note(t.obs, "good 0");
  t.lena.note(t.obs, "good 1");
  // Renaming a colleague is the program lead's job: the hub refuses it (403).
  Version rename = t.lena.store->update(chidi_record, Person{"Chidi the Great", ""}, t.lena.me());
  for (int i = 2; i < 5; ++i) t.lena.note(t.obs, "good " + std::to_string(i));
  REQUIRE(t.lena.store->outbox().size() == 6);

  auto r = t.lena.sync();
  CHECK(r.pushed == 5);
  CHECK(r.held_back == 1);
  CHECK(t.lena.store->outbox().size() == 0);
  auto held = t.lena.store->outbox().held_back();
  REQUIRE(held.size() == 1);
  CHECK(held[0].version == rename.version);
  CHECK(held[0].status == 403);
  CHECK(held[0].reason.find("people other than yourself are added to the roster") != std::string::npos);
  CHECK(held[0].held_at_ms > 0);
  CHECK(t.chidi_notes() == texts("good ", 5));
  // Nothing is lost locally: the refused edit is still this device's version of the record.
  CHECK(t.lena.store->has_version(rename.version));
  CHECK(std::get<Person>(t.lena.store->get(chidi_record)->body).name == "Chidi the Great");
  // ...and it never reached anyone else.
  CHECK(std::get<Person>(t.chidi.store->get(chidi_record)->body).name == "Chidi");

  SECTION("the next sync is clean and later notes are not blocked") {
    t.lena.note(t.obs, "after 0");
    auto again = t.lena.sync();
    CHECK(again.pushed == 1);
    CHECK(again.held_back == 0);
    CHECK(t.lena.store->outbox().held_back_size() == 1);
    auto notes = t.chidi_notes();
    CHECK(notes.count("after 0") == 1);
    CHECK(notes.size() == 6);
  }
  SECTION("the worker reports the held-back count and the reason in plain words") {
    core::net::WorkerOptions o;
    o.interval = std::chrono::minutes(10);
    core::net::SyncWorker worker(t.lena.store->path(), o);
    worker.start();
    core::net::SyncStatus s;
    for (int i = 0; i < 200 && (s = worker.status()).runs < 1; ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(25));
    worker.stop();
    CHECK(s.error.empty());
    CHECK(s.held_back == 1);
    const std::string& message = s.held_back_note;
    CHECK(message == core::net::held_back_message(1, held[0].reason));
    CHECK(message.find("1 item could not be sent: The person version") == 0);
    CHECK(message.find("They stay on this device.") != std::string::npos);
    CHECK(core::net::held_back_message(0, "").empty());
  }
  SECTION("retrying puts it back in the outbox; refused again, it is held again, once") {
    CHECK(t.lena.store->outbox().retry_held_back() == 1);
    CHECK(t.lena.store->outbox().held_back_size() == 0);
    CHECK(t.lena.store->outbox().size() == 1);
    auto retry = t.lena.sync();
    CHECK(retry.pushed == 0);
    CHECK(retry.held_back == 1);
    CHECK(t.lena.store->outbox().held_back_size() == 1);
    CHECK(t.lena.store->outbox().size() == 0);
    CHECK(std::get<Person>(t.chidi.store->get(chidi_record)->body).name == "Chidi");
  }
}

TEST_CASE("held back: a version whose body changed (409) is held back, the rest arrives, both copies survive",
          "[server][sync][held]") {
  Team t;
  Version original = t.lena.note(t.obs, "what the hub has");
  t.lena.sync();
  // Lena's second device holds the same version id with another body (a damaged or tampered copy).
  ClearDevice tablet;
  tablet.enroll(t.hub.url(), t.hub.issue_code(t.lena_id));
  Version changed = original;
  EvidenceNote body{t.obs, 0, "a different body under the same id", NoteKind::Noticing, {}};
  changed.body = encode_body(body);
  changed.body_hash = body_hash(changed.type, false, changed.body);
  tablet.store->apply_version(changed, true);
  for (int i = 0; i < 5; ++i) tablet.note(t.obs, "tablet " + std::to_string(i));

  auto r = tablet.sync();
  CHECK(r.pushed == 5);
  CHECK(r.held_back == 1);
  CHECK(r.pulled_skipped == 1);  // the hub's copy of that id is not forced onto this device
  auto held = tablet.store->outbox().held_back();
  REQUIRE(held.size() == 1);
  CHECK(held[0].version == original.version);
  CHECK(held[0].status == 409);
  CHECK(held[0].reason.find("already on the hub with a different body") != std::string::npos);
  CHECK(std::get<EvidenceNote>(tablet.store->get(original.record)->body).text == "a different body under the same id");

  auto expected = texts("tablet ", 5);
  expected.insert("what the hub has");
  CHECK(t.chidi_notes() == expected);
  auto clean = tablet.sync();
  CHECK(clean.pushed == 0);
  CHECK(clean.held_back == 0);
  CHECK(tablet.store->outbox().held_back_size() == 1);
  t.lena.sync();
  CHECK(t.lena.notes(t.obs) == 6);
}

TEST_CASE("held back: the hub's refusal names every refused version and stores nothing of the batch",
          "[server][sync][held]") {
  Team t;
  // A raw push: two good notes, a forged author, and a new observation without its author
  // followed by a note inside it (refused too: the observation was not stored).
  sync::PushRequest req;
  req.batch = Id::random();
  req.versions.push_back(t.lena.note(t.obs, "good a"));
  Version forged = t.lena.note(t.obs, "forged");
  forged.author = id(t.chidi_id);
  req.versions.push_back(forged);
  Observation stranger_obs;
  stranger_obs.participants = {{id(t.chidi_id), Role::Coach}};
  Version bad_obs = t.lena.store->create(stranger_obs, t.lena.me());
  req.versions.push_back(bad_obs);
  req.versions.push_back(t.lena.note(bad_obs.record, "inside a refused observation"));
  req.versions.push_back(t.lena.note(t.obs, "good b"));

  httplib::Client c(t.hub.url());
  auto res = c.Post("/v1/push", {{"Authorization", "Bearer " + *t.lena.store->meta().get(core::MetaKey::SyncToken)}},
                    sync::pack(req), "application/x-peerobs");
  REQUIRE(res);
  CHECK(res->status == 403);
  CHECK(res->get_header_value("Content-Type") == "application/x-peerobs");
  auto refusal = sync::unpack<sync::RefusalResponse>(res->body);
  CHECK(refusal.batch == req.batch);
  CHECK(refusal.message.find("The hub refused 3 of the 5 versions sent.") == 0);
  REQUIRE(refusal.refused.size() == 3);
  CHECK(refusal.refused[0].version == forged.version);
  CHECK(refusal.refused[1].version == bad_obs.version);
  CHECK(refusal.refused[2].version == req.versions[3].version);
  for (const auto& r : refusal.refused) {
    CHECK(r.status == 403);
    CHECK_FALSE(r.reason.empty());
  }
  CHECK(t.chidi_notes().empty());  // nothing of the batch was stored
  // The same batch id may be sent again later: a refused batch is not recorded as applied.
  auto again = c.Post("/v1/push", {{"Authorization", "Bearer " + *t.lena.store->meta().get(core::MetaKey::SyncToken)}},
                      sync::pack(req), "application/x-peerobs");
  REQUIRE(again);
  CHECK(again->status == 403);
}
