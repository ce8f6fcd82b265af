// Devices sealing and opening bodies through a real hub (core/sync/sealing.h): what colleagues
// read is what was written, the hub holds ciphertext only, a device without the key keeps the
// versions until it arrives, and a body moved on the hub is refused with a sentence. The key
// reaches the colleague's device here by hand, as a grant will carry it (docs/encryption.md).
#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>

#include <sqlite3.h>
#include "core/crypto/sealing_scope.h"
#include "core/serialization.h"

#include "core/sqlite.h"
#include "sync_fixture.h"

using namespace core;
using namespace testing_support;

namespace {
struct SealingColleagues : TwoColleagues {
  SealingColleagues() {
    lena.options.seal_bodies = true;
    chidi.options.seal_bodies = true;
    enroll();
  }
  crypto::SealingScope visit_scope() const {
    crypto::SealingScope s;
    s.scope = obs;
    return s;
  }
  // What a grant from Lena will do: Chidi's device receives the visit's key.
  void chidi_receives_the_key() {
    auto key = lena.store->keys().current(visit_scope());
    REQUIRE(key);
    chidi.store->keys().add(*key, visit_scope());
  }
  std::string hub_bytes() const {
    std::string all;
    for (const char* suffix : {"", "-wal"}) {
      std::ifstream in(hub.data_dir() + "/hub.sqlite" + suffix, std::ios::binary);
      all.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    return all;
  }
  std::string text_of(const Device& d, Id note) const {
    auto head = d.store->get(note);
    return head ? std::get<EvidenceNote>(head->body).text : "";
  }
};
}  // namespace

TEST_CASE("sealed sync: colleagues with the key read every note, the hub's files hold none of them",
          "[server][sync][sealed]") {
  SealingColleagues t;
  const Version first = t.lena.note(t.obs, "Priya answered the second question first");
  const Version second = t.lena.note(t.obs, "Three hands went up after the pause");
  CHECK(t.lena.sync().pushed == 3);  // the visit and its two notes
  t.chidi_receives_the_key();

  auto r = t.chidi.sync();
  CHECK(r.sealed_opened == 3);
  CHECK(r.unopened.empty());
  CHECK(t.text_of(t.chidi, first.record) == "Priya answered the second question first");
  CHECK(t.text_of(t.chidi, second.record) == "Three hands went up after the pause");
  const Version reply = t.chidi.note(t.obs, "Wait time was longer after open questions");
  t.chidi.sync();
  t.lena.sync();
  CHECK(t.text_of(t.lena, reply.record) == "Wait time was longer after open questions");

  const std::string hub = t.hub_bytes();
  REQUIRE(hub.find("Chidi") != std::string::npos);  // the roster is in clear: the search does find text
  CHECK(hub.find("Priya answered") == std::string::npos);
  CHECK(hub.find("Three hands") == std::string::npos);
  CHECK(hub.find("Wait time was longer") == std::string::npos);
}

TEST_CASE("sealed sync: versions whose key has not arrived wait, and open on the sync after it does",
          "[server][sync][sealed]") {
  SealingColleagues t;
  for (int i = 0; i < 4; ++i) t.lena.note(t.obs, "note " + std::to_string(i));
  t.lena.sync();

  auto before = t.chidi.sync();
  CHECK(before.sealed_waiting == 5);
  CHECK(t.chidi.store->keys().waiting() == 5);
  CHECK_FALSE(t.chidi.sees(t.obs));
  CHECK(t.chidi.notes(t.obs) == 0);

  t.chidi_receives_the_key();
  auto after = t.chidi.sync();  // nothing new on the hub: the waiting ones open
  CHECK(after.sealed_opened == 5);
  CHECK(t.chidi.store->keys().waiting() == 0);
  CHECK(t.chidi.sees(t.obs));
  t.check_notes(t.chidi, 4);
}

TEST_CASE("sealed sync: a body moved to another note on the hub is refused with a sentence naming it",
          "[server][sync][sealed]") {
  SealingColleagues t;
  const Version kept = t.lena.note(t.obs, "what was said");
  const Version moved_onto = t.lena.note(t.obs, "what was written on the board");
  t.lena.sync();
  {
    // Someone with the hub's database copies one sealed body (and its hash) over another.
    Db db(t.hub.data_dir() + "/hub.sqlite", false);
    Stmt st(db,
            "UPDATE versions SET body = (SELECT body FROM versions WHERE version_id = ?1), "
            "body_hash = (SELECT body_hash FROM versions WHERE version_id = ?1) WHERE version_id = ?2");
    st.bind_id(1, kept.version).bind_id(2, moved_onto.version);
    st.run();
    REQUIRE(sqlite3_changes(db.raw()) == 1);
  }
  t.chidi_receives_the_key();

  auto r = t.chidi.sync();
  REQUIRE(r.unopened.size() == 1);
  CHECK_THAT(r.unopened[0],
             Catch::Contains("could not be opened") && Catch::Contains(moved_onto.version.hex().substr(24)));
  CHECK(t.text_of(t.chidi, kept.record) == "what was said");
  CHECK_FALSE(t.chidi.sees(moved_onto.record));  // not stored as anything else either
}
