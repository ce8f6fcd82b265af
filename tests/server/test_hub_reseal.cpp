// Upgrading a hub that holds clear text (docs/encryption.md): devices that synced before sealing
// re-send their own person's versions sealed, the real hub replaces the clear bodies and leaves no
// trace of their text in its files, colleagues read everything once, and the hub refuses a sealed
// body for a clear version from anyone but its author or with other routing fields.
#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>
#include <stdexcept>

#include "core/crypto/sealed_body.h"
#include "core/net/hub_request.h"
#include "core/serialization.h"
#include "core/sync/messages.h"
#include "sync_fixture.h"

using namespace core;
using namespace testing_support;

namespace {
// Two colleagues who used a hub before sealing: everything they sent is clear text there.
struct ClearHub : TwoColleagues {
  ClearHub() : TwoColleagues(Sealed::No) { enroll(); }

  void turn_sealing_on() {
    lena.options.seal_bodies = true;
    chidi.options.seal_bodies = true;
  }
  // hub.sqlite and its WAL, as someone who copies the data directory reads them.
  std::string hub_bytes() const {
    std::string all;
    for (const char* suffix : {"", "-wal"}) {
      std::ifstream in(hub.data_dir() + "/hub.sqlite" + suffix, std::ios::binary);
      all.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    return all;
  }
  bool hub_files_hold(const std::string& text) const { return hub_bytes().find(text) != std::string::npos; }
  std::string plaintext() const { return hub.admin({"plaintext"}); }

  std::string text_of(const Device& d, Id note) const {
    auto head = d.store->get(note);
    return head ? std::get<EvidenceNote>(head->body).text : "";
  }
  // A push made by hand with a device's token, as a device that does not follow the rules would.
  void push_as(const Device& d, const std::vector<Version>& versions) const {
    sync::PushRequest req;
    req.batch = Id::random();
    req.versions = versions;
    net::post_to_hub(d.hub_url, d.store->meta().get(MetaKey::SyncToken).value_or(""), "/v1/push", sync::pack(req),
                     d.options, nullptr);
  }
  // The version as the hub holds it now.
  Version on_hub(Id version) const {
    Db db(hub.data_dir() + "/hub.sqlite", false);
    std::string sql = std::string("SELECT ") + VersionLog::kColumns + " FROM versions WHERE version_id = ?";
    Stmt st(db, sql.c_str());
    st.bind_id(1, version);
    if (!st.step()) throw std::runtime_error("the hub does not hold version " + version.hex());
    return VersionLog::read_row(st);
  }
};
}  // namespace

TEST_CASE(
    "re-sealing: after syncs with sealing on, the hub's files hold none of the clear text it held, its report "
    "counts down, and colleagues read every note once",
    "[server][sync][sealed][reseal]") {
  ClearHub t;
  const Version first = t.lena.note(t.obs, "Amara counted on her fingers under the desk");
  const Version second = t.lena.note(t.obs, "The starter took eleven minutes");
  t.lena.sync();
  const Version reply = t.chidi.note(t.obs, "Chidi noticed the seating plan changed");
  t.chidi.sync();
  t.lena.sync();
  t.check_notes(t.chidi, 3);  // Chidi's device pulled Lena's notes in clear

  // Control: before re-sealing, the hub's files hold the text and its report counts it.
  CHECK(t.hub_files_hold("Amara counted on her fingers"));
  CHECK(t.hub_files_hold("The starter took eleven minutes"));
  CHECK(t.hub_files_hold("Chidi noticed the seating plan"));
  CHECK_THAT(t.plaintext(), Catch::Contains("4 versions of teachers' writing"));  // the visit and three notes

  t.turn_sealing_on();
  const auto lena_run = t.lena.sync();
  CHECK(lena_run.resealed == 3);  // the visit and her two notes; Chidi's note is not hers to seal
  CHECK(lena_run.reseal_refused.empty());
  CHECK_FALSE(t.hub_files_hold("Amara counted on her fingers"));
  CHECK_FALSE(t.hub_files_hold("The starter took eleven minutes"));
  CHECK(t.hub_files_hold("Chidi noticed the seating plan"));
  CHECK(crypto::sealed_key_id(t.on_hub(first.version)) ==
        t.lena.store->keys().current({KeyScope::Observation, t.obs, {}, {}})->id());
  const std::string one_left = t.plaintext();
  CHECK_THAT(one_left, Catch::Contains("1 version of teachers' writing"));
  CHECK_THAT(one_left, Catch::Contains("re-send their own versions sealed"));

  const auto chidi_run = t.chidi.sync();
  CHECK(chidi_run.resealed == 1);
  CHECK(chidi_run.sealed_waiting == 0);  // nothing he pulled before came again
  t.lena.sync();                         // Chidi's key arrives: the visit's key is granted to him
  t.chidi.sync();
  CHECK_FALSE(t.hub_files_hold("Chidi noticed the seating plan"));
  CHECK_THAT(t.plaintext(), Catch::Contains("No teacher's writing is stored in clear text here"));

  // Chidi's device, which pulled them in clear, is not disturbed: one version each, no conflict.
  t.check_notes(t.chidi, 3);
  CHECK(t.chidi.store->conflicted_records().empty());
  CHECK(t.chidi.store->keys().waiting() == 0);
  CHECK(t.text_of(t.chidi, first.record) == "Amara counted on her fingers under the desk");
  t.check_notes(t.lena, 3);
  CHECK(t.text_of(t.lena, reply.record) == "Chidi noticed the seating plan changed");

  // Omar joins the visit after the re-seal: he receives the sealed bodies and reads each once.
  Device omar;
  omar.options.seal_bodies = true;
  t.join_visit(omar, "Omar", Role::ObservedTeacher);
  t.chidi.sync();  // Chidi's key for the visit, if his device made one, goes to Omar too
  const auto omar_run = omar.sync();
  CHECK(omar_run.unopened.empty());
  CHECK(omar.store->keys().waiting() == 0);
  t.check_notes(omar, 3);
  CHECK(t.text_of(omar, second.record) == "The starter took eleven minutes");
  CHECK(t.text_of(omar, reply.record) == "Chidi noticed the seating plan changed");
}

TEST_CASE("re-sealing: the hub refuses a sealed body for a clear version from anyone but its author",
          "[server][sync][sealed][reseal]") {
  ClearHub t;
  const Version note = t.lena.note(t.obs, "Two pupils swapped books without being asked");
  t.lena.sync();
  t.chidi.sync();

  // Chidi's device holds Lena's note (pulled in clear) and seals it with a key of its own.
  const Version held = t.chidi.store->versions().by_id(note.version).value();
  const Version sealed = crypto::seal_version(held, crypto::ContentKey::make());
  try {
    t.push_as(t.chidi, {sealed});
    FAIL("the hub accepted another person's sealed body for Lena's note");
  } catch (const net::SyncError& e) {
    CHECK(e.http_status == 403);
    REQUIRE(e.refused.size() == 1);
    CHECK(e.refused[0].version == note.version);
    CHECK_THAT(e.refused[0].reason, Catch::Contains("written by someone else"));
  }
  CHECK_FALSE(is_sealed_body(t.on_hub(note.version).body));
  CHECK(t.hub_files_hold("Two pupils swapped books"));

  // The same bytes from Lena's own device are accepted: the refusal was about who sent them.
  t.push_as(t.lena, {sealed});
  CHECK(is_sealed_body(t.on_hub(note.version).body));
}

TEST_CASE("re-sealing: the hub refuses a sealed body whose clear routing fields or version differ from the clear one",
          "[server][sync][sealed][reseal]") {
  ClearHub t;
  t.lena.sync();
  const Version visit = t.lena.store->versions().of_record(t.obs).front();
  const crypto::ContentKey key = crypto::ContentKey::make();

  SECTION("another participant list") {
    // Sealed from a plan that adds someone: the hub would route the visit to them.
    auto plan = std::get<Observation>(decode_body(RecordType::Observation, visit.body));
    plan.participants.push_back({Id::random(), Role::ObservedTeacher});
    Version changed = visit;
    changed.body = encode_body(plan);
    changed.body_hash = body_hash(changed.type, false, changed.body);
    try {
      t.push_as(t.lena, {crypto::seal_version(changed, key)});
      FAIL("the hub accepted other routing fields for the visit");
    } catch (const net::SyncError& e) {
      REQUIRE(e.refused.size() == 1);
      CHECK(e.refused[0].status == 403);
      CHECK_THAT(e.refused[0].reason, Catch::Contains("other participants"));
    }
  }
  SECTION("another save time") {
    Version changed = visit;
    changed.saved_at_ms += 1;
    try {
      t.push_as(t.lena, {crypto::seal_version(changed, key)});
      FAIL("the hub accepted a sealed body naming another save time");
    } catch (const net::SyncError& e) {
      REQUIRE(e.refused.size() == 1);
      CHECK_THAT(e.refused[0].reason, Catch::Contains("save time"));
    }
  }
  const Version after = t.on_hub(visit.version);
  CHECK_FALSE(is_sealed_body(after.body));
  CHECK(after.body_hash == visit.body_hash);
}

TEST_CASE("re-sealing: a crash between re-seal batches loses nothing and stores nothing twice",
          "[server][sync][sealed][reseal]") {
  ClearHub t;
  std::vector<Version> notes;
  for (int i = 0; i < 7; ++i) notes.push_back(t.lena.note(t.obs, "crash trial note " + std::to_string(i)));
  t.lena.sync();
  t.chidi.sync();
  CHECK_THAT(t.plaintext(), Catch::Contains("8 versions of teachers' writing"));

  t.turn_sealing_on();
  t.lena.options.batch_size = 3;  // the visit and seven notes: batches of 3, 3 and 2
  int acks = 0;
  t.lena.options.fault = [&](const char* point) {
    if (std::string(point) == "after_reseal_ack" && ++acks == 2) throw std::runtime_error("killed");
  };
  CHECK_THROWS_WITH(t.lena.sync(), "killed");
  // The hub stored two batches; the device remembers only the first.
  CHECK_THAT(t.plaintext(), Catch::Contains("2 versions of teachers' writing"));

  t.lena.options.fault = nullptr;
  const auto again = t.lena.sync();
  CHECK(again.reseal_refused.empty());
  CHECK_THAT(t.plaintext(), Catch::Contains("No teacher's writing is stored in clear text here"));
  for (int i = 0; i < 7; ++i) CHECK_FALSE(t.hub_files_hold("crash trial note " + std::to_string(i)));
  for (const Version& n : notes) CHECK(is_sealed_body(t.on_hub(n.version).body));
  CHECK(t.lena.sync().resealed == 0);  // nothing left: a later sync sends nothing again
  t.check_notes(t.lena, 7);
  CHECK(t.lena.store->outbox().size() == 0);
  CHECK(t.lena.store->outbox().held_back_size() == 0);

  t.chidi.options.seal_bodies = true;
  t.chidi.sync();  // his key published
  t.lena.sync();   // the visit's key granted to him
  t.chidi.sync();
  t.check_notes(t.chidi, 7);
  CHECK(t.chidi.store->conflicted_records().empty());

  // A new device of Chidi's colleague would receive the sealed bodies; every one opens.
  Device omar;
  omar.options.seal_bodies = true;
  t.join_visit(omar, "Omar", Role::ObservedTeacher);
  CHECK(omar.sync().unopened.empty());
  t.check_notes(omar, 7);
}

TEST_CASE("re-sealing: a person's new device re-seals what their old device sent in clear and never will",
          "[server][sync][sealed][reseal]") {
  ClearHub t;
  const Version note = t.lena.note(t.obs, "The lost tablet's note about group work");
  t.lena.sync();  // Lena's first device: clear, and never seen again

  Device tablet;
  tablet.options.seal_bodies = true;
  tablet.enroll(t.hub.url(), t.hub.issue_code(t.lena_id));
  CHECK(tablet.sync().resealed == 0);  // her versions arrive with its first pull, in clear
  CHECK(t.text_of(tablet, note.record) == "The lost tablet's note about group work");
  CHECK(t.hub_files_hold("The lost tablet's note"));

  CHECK(tablet.sync().resealed == 2);  // the visit and the note
  CHECK_FALSE(t.hub_files_hold("The lost tablet's note"));
  CHECK_THAT(t.plaintext(), Catch::Contains("No teacher's writing is stored in clear text here"));
  t.check_notes(tablet, 1);
}

TEST_CASE("peerobs-hub plaintext: clear writing whose author has no enrolled device is counted as staying clear",
          "[server][sealed][plaintext][reseal]") {
  ClearHub t;
  t.lena.note(t.obs, "written before sealing");
  t.lena.sync();
  t.hub.admin({"revoke", "--device", t.lena.store->meta().get(MetaKey::SyncDevice).value()});
  const std::string report = t.plaintext();
  CHECK_THAT(report, Catch::Contains("2 versions of teachers' writing"));
  CHECK_THAT(report, Catch::Contains("2 of them were written by people with no enrolled device"));
}
