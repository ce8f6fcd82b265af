// Devices sealing and opening bodies through a real hub (core/sync/sealing.h): what colleagues
// read is what was written, the hub holds ciphertext only, a device without the key keeps the
// versions until it arrives, and a body moved on the hub is refused with a sentence. The key
// reaches the colleague's device here by hand, as a grant will carry it (docs/encryption.md).
#include <httplib.h>
#include <catch2/catch.hpp>

#include <cctype>
#include <fstream>
#include <iterator>

#include <sqlite3.h>
#include "core/crypto/sealed_body.h"
#include "core/crypto/sealed_bundle.h"
#include "core/crypto/sealing_scope.h"
#include "core/serialization.h"
#include "core/sync/key_grants.h"
#include "core/sync/key_recovery.h"

#include "core/sqlite.h"
#include "sync_fixture.h"

using namespace core;
using namespace testing_support;

namespace {
// What someone with the hub's database can do: copy one version's sealed body and its hash over
// another's.
void copy_body_over(Db& db, Id from, Id onto) {
  Stmt st(db,
          "UPDATE versions SET body = (SELECT body FROM versions WHERE version_id = ?1), "
          "body_hash = (SELECT body_hash FROM versions WHERE version_id = ?1) WHERE version_id = ?2");
  st.bind_id(1, from).bind_id(2, onto);
  st.run();
}

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
  // A request as `from`'s device would send it, bypassing its sync client (its token, our body).
  httplib::Result post_as(const Device& from, const std::string& path, const std::string& body) const {
    httplib::Client c(hub.url());
    const std::string token = from.store->meta().get(MetaKey::SyncToken).value_or("");
    return c.Post(path.c_str(), {{"Authorization", "Bearer " + token}}, body, "application/x-peerobs");
  }
  // Chidi, with the visit's key, syncs and reads each of `written`: nothing refused, nothing waiting.
  void check_chidi_reads(const std::vector<Version>& written) {
    auto r = chidi.sync();
    CHECK(r.unopened.empty());
    CHECK(chidi.store->keys().waiting() == 0);
    for (const Version& v : written) CHECK(chidi.sees(v.record));
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
  CHECK(t.lena.sync().pushed == 5);  // the visit, its two notes, Lena's published key, her own grant
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
  // Each sync seals its one note alone (two notes in one push would be sealed as a bundle: below).
  const Version kept = t.lena.note(t.obs, "what was said");
  t.lena.sync();
  const Version moved_onto = t.lena.note(t.obs, "what was written on the board");
  t.lena.sync();
  {
    // Someone with the hub's database copies one sealed body (and its hash) over another.
    Db db(t.hub.data_dir() + "/hub.sqlite", false);
    copy_body_over(db, kept.version, moved_onto.version);
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

TEST_CASE(
    "sealed sync: notes sealed together, one of them moved or relabelled on the hub, are refused together "
    "with a sentence",
    "[server][sync][sealed][bundle]") {
  SealingColleagues t;
  const Version first = t.lena.note(t.obs, "what was said");
  const Version second = t.lena.note(t.obs, "what was written on the board");
  const Version third = t.lena.note(t.obs, "who answered");
  t.lena.sync();  // one push: the three notes travel as one bundle
  {
    Db db(t.hub.data_dir() + "/hub.sqlite", false);
    Stmt parts(db, "SELECT count(*) FROM versions WHERE substr(body, 1, 4) IN (x'00534202', x'00534203')");
    REQUIRE(parts.step());
    REQUIRE(parts.col_int(0) == 3);
  }
  Id named;
  std::string why;
  {
    Db db(t.hub.data_dir() + "/hub.sqlite", false);
    SECTION("a member's body and hash copied over another member") {
      copy_body_over(db, second.version, third.version);
      named = third.version;
      why = "another version in it";
    }
    SECTION("a member relabelled as another note's version") {
      Stmt st(db, "UPDATE versions SET record_id = ?1 WHERE version_id = ?2");
      st.bind_id(1, first.record).bind_id(2, second.version);
      st.run();
      named = first.version;  // the bundle is named by its head
      why = "could not be opened";
    }
    SECTION("a member's body replaced by a body sealed alone") {
      const Version alone = t.lena.note(t.obs, "sealed on its own");
      t.lena.sync();
      copy_body_over(db, alone.version, third.version);
      named = first.version;  // the two left wait for their third part, which the hub never sends
      why = "no longer holds as they were sealed";
    }
    REQUIRE(sqlite3_changes(db.raw()) == 1);
  }
  t.chidi_receives_the_key();

  auto r = t.chidi.sync();
  REQUIRE(r.unopened.size() >= 1);
  std::string all;
  for (const auto& sentence : r.unopened) all += sentence + "\n";
  CHECK_THAT(all, Catch::Contains(why) && Catch::Contains(named.hex().substr(24)));
  for (const Version& v : {first, second, third}) CHECK_FALSE(t.chidi.sees(v.record));
  CHECK(t.chidi.store->keys().waiting() == 0);  // refused, not left waiting for a key
}

TEST_CASE("sealed sync: a push whose answer was lost goes again no further than it reached, so its bundles stay whole",
          "[server][sync][sealed][bundle]") {
  SealingColleagues t;
  std::vector<Version> notes;
  for (int i = 0; i < 10; ++i) notes.push_back(t.lena.note(t.obs, "before the crash " + std::to_string(i)));
  t.lena.options.fault = [](const char* point) {
    if (std::string(point) == "after_push_ack") throw std::runtime_error("simulated crash");
  };
  CHECK_THROWS(t.lena.sync());  // the hub stored the batch, the tablet never heard
  t.lena.options.fault = nullptr;
  // Written before the next sync: a batch read again past the first would seal them into the
  // bundle the hub already holds with ten notes.
  for (int i = 0; i < 5; ++i) notes.push_back(t.lena.note(t.obs, "after the crash " + std::to_string(i)));
  SECTION("sent again in batches as large as before") {}
  SECTION("sent again in smaller batches, as after a cut, so its bundles are sealed with fewer notes") {
    t.lena.options.batch_size = 4;
  }
  auto sent = t.lena.sync();
  CHECK(sent.held_back == 0);
  CHECK(t.lena.store->outbox().size() == 0);
  CHECK(t.lena.store->outbox().held_back_size() == 0);

  t.chidi_receives_the_key();
  t.check_chidi_reads(notes);
}

TEST_CASE("sealed sync: a device that sends a bundle member whose head is already on the hub is told why",
          "[server][sync][sealed][bundle]") {
  SealingColleagues t;
  std::vector<Version> plain;
  for (int i = 0; i < 3; ++i) plain.push_back(t.lena.note(t.obs, "note " + std::to_string(i)));
  t.lena.sync();
  // A fourth note sealed as the next member of the bundle the hub holds (no peerobs does this:
  // it would be the member no device could ever open).
  const Version fourth = t.lena.note(t.obs, "note 3");
  plain.push_back(fourth);
  auto members = crypto::seal_bundle(plain, *t.lena.store->keys().current(t.visit_scope()));
  sync::PushRequest req;
  req.batch = Id::random();
  req.versions = {members[0], members[3]};
  auto answer = t.post_as(t.lena, "/v1/push", sync::pack(req));
  REQUIRE(answer);
  CHECK(answer->status == 409);
  const auto refusal = sync::unpack<sync::RefusalResponse>(answer->body);
  REQUIRE(refusal.refused.size() == 1);
  CHECK(refusal.refused[0].version == fourth.version);
  CHECK_THAT(refusal.refused[0].reason, Catch::Contains("is not new in the same push"));
  t.chidi_receives_the_key();
  t.chidi.sync();
  CHECK_FALSE(t.chidi.sees(fourth.record));
}

TEST_CASE("sealed sync: a tombstone carrying a broken bundle part's bytes is a tombstone, not a server error",
          "[server][sync][sealed][bundle]") {
  SealingColleagues t;
  const Version note = t.lena.note(t.obs, "to be deleted");
  t.lena.sync();
  Version tombstone = note;
  tombstone.version = Id::clustered();
  tombstone.parents = {note.version};
  tombstone.tombstone = true;
  tombstone.body = std::string(kBundleMemberMarker, 4) + "cut short";
  tombstone.body_hash = body_hash(tombstone.type, true, tombstone.body);
  sync::PushRequest req;
  req.batch = Id::random();
  req.versions = {tombstone};
  auto answer = t.post_as(t.lena, "/v1/push", sync::pack(req));
  REQUIRE(answer);
  CHECK(answer->status == 200);
  t.chidi_receives_the_key();
  t.chidi.sync();
  CHECK_FALSE(t.chidi.store->get(note.record));  // deleted, as a tombstone says
}

TEST_CASE("sealed sync: a pull page that would end inside a bundle ends before it, unless the bundle starts it",
          "[server][sync][sealed][bundle]") {
  SealingColleagues t;
  std::vector<Version> notes;
  for (int i = 0; i < 10; ++i) notes.push_back(t.lena.note(t.obs, "note " + std::to_string(i)));
  t.lena.sync();
  t.chidi.sync();  // Chidi's key is published; Lena's next sync grants her the visit's key
  t.lena.sync();

  std::uint64_t cursor = 0;
  std::size_t parts_seen = 0;
  for (int page_no = 0; page_no < 50; ++page_no) {
    auto answer = t.post_as(t.chidi, "/v1/pull", sync::pack(sync::PullRequest{cursor, 4}));
    REQUIRE(answer);
    REQUIRE(answer->status == 200);
    const auto page = sync::unpack<sync::PullResponse>(answer->body);
    // Each head in the page has all its members after it in the page, unless it opens the page's
    // bundles and the bundle is larger than a page.
    std::map<Id, std::uint32_t> members_of;
    std::map<Id, std::size_t> head_at;
    std::map<Id, std::uint32_t> count_of_head;
    for (std::size_t i = 0; i < page.versions.size(); ++i) {
      auto part = crypto::bundle_part(page.versions[i].body);
      if (!part) continue;
      ++parts_seen;
      const Id head = part->index == 0 ? page.versions[i].version : part->head;
      ++members_of[head];
      if (part->index == 0) {
        head_at[head] = i;
        count_of_head[head] = part->count;
      }
    }
    for (const auto& [head, at] : head_at)
      if (members_of[head] < count_of_head[head]) CHECK(at == 0);
    cursor = page.next_cursor;
    if (!page.more) break;
  }
  CHECK(parts_seen >= notes.size());

  t.chidi.options.page_size = 4;
  t.check_chidi_reads(notes);
}

TEST_CASE("sealed sync: a body moved into another visit on the hub is refused with a sentence naming it",
          "[server][sync][sealed]") {
  SealingColleagues t;
  Observation second_plan;
  second_plan.participants = {{t.lena.me(), Role::TeacherLeader}, {*Id::from_hex(t.chidi_id), Role::Coach}};
  const Id second_visit = t.lena.store->create(second_plan, t.lena.me()).record;
  const Version kept = t.lena.note(t.obs, "said in the first visit");
  const Version moved_onto = t.lena.note(second_visit, "said in the second visit");
  t.lena.sync();
  crypto::SealingScope second_scope;
  second_scope.scope = second_visit;
  auto second_key = t.lena.store->keys().current(second_scope);
  REQUIRE(second_key);
  t.chidi.store->keys().add(*second_key, second_scope);
  t.chidi_receives_the_key();  // Chidi holds the keys of both visits: only the move can stop it
  Id refused;
  {
    Db db(t.hub.data_dir() + "/hub.sqlite", false);
    SECTION("a body and its hash copied over a note of the other visit") {
      copy_body_over(db, kept.version, moved_onto.version);
      refused = moved_onto.version;
    }
    SECTION("a note's version relabelled as the other visit's") {
      Stmt st(db, "UPDATE versions SET observation = ?1 WHERE version_id = ?2");
      st.bind_id(1, second_visit).bind_id(2, kept.version);
      st.run();
      refused = kept.version;
    }
    REQUIRE(sqlite3_changes(db.raw()) == 1);
  }

  auto r = t.chidi.sync();
  REQUIRE(r.unopened.size() == 1);
  CHECK_THAT(r.unopened[0], Catch::Contains("could not be opened") && Catch::Contains(refused.hex().substr(24)));
  CHECK_FALSE(t.chidi.store->has_version(refused));  // stored as nothing, in neither visit
  CHECK(t.chidi.notes(t.obs) + t.chidi.notes(second_visit) == 1);
}

TEST_CASE(
    "sealed sync: keys reach members as grants, a person added later reads everything, one removed "
    "gets no key for what comes after",
    "[server][sync][sealed][grants]") {
  SealingColleagues t;
  const Version before = t.lena.note(t.obs, "Before the bell, four pupils were already reading");
  t.lena.sync();   // Lena's key published, the visit's key made and used
  t.chidi.sync();  // Chidi's key published; the visit waits for its key
  CHECK(t.chidi.store->keys().waiting() > 0);
  t.lena.sync();  // Chidi's key arrives: a grant for him goes out in the same sync
  auto r = t.chidi.sync();
  CHECK(r.keys_received == 1);
  CHECK(t.chidi.store->keys().waiting() == 0);
  CHECK(t.text_of(t.chidi, before.record) == "Before the bell, four pupils were already reading");

  // Omar joins the visit later: one sync of Lena's grants him the key, and he reads it all.
  Device omar;
  omar.options.seal_bodies = true;
  t.join_visit(omar, "Omar", Role::ObservedTeacher);
  omar.sync();
  CHECK(omar.store->keys().waiting() == 0);
  CHECK(t.text_of(omar, before.record) == "Before the bell, four pupils were already reading");

  // Chidi leaves the visit: what Lena writes from then on is sealed with a key he never gets.
  const Id old_key = t.lena.store->keys().current(t.visit_scope())->id();
  auto plan = std::get<Observation>(t.lena.store->get(t.obs)->body);
  plan.participants.erase(plan.participants.begin() + 1);  // Chidi, the coach
  t.lena.store->update(t.obs, plan, t.lena.me());
  const Version after = t.lena.note(t.obs, "After Chidi left: the pause grew to five seconds");
  t.lena.sync();
  const Id new_key = t.lena.store->keys().current(t.visit_scope())->id();
  CHECK(new_key != old_key);
  omar.sync();
  CHECK(t.text_of(omar, after.record) == "After Chidi left: the pause grew to five seconds");
  t.chidi.sync();
  CHECK_FALSE(t.chidi.sees(after.record));
  CHECK_FALSE(t.chidi.store->keys().find(new_key));
  // Even the sealed bytes, taken from the hub's database, name a key Chidi does not hold.
  Db db(t.hub.data_dir() + "/hub.sqlite", false);
  Stmt st(db, "SELECT body FROM versions WHERE version_id = ?");
  st.bind_id(1, after.version);
  REQUIRE(st.step());
  Version sealed = after;
  sealed.body = st.col_blob(0);
  CHECK(crypto::sealed_key_id(sealed) == new_key);
}

TEST_CASE(
    "sealed sync: a second device reads everything once given the recovery phrase, a wrong phrase gets a "
    "sentence",
    "[server][sync][sealed][recovery]") {
  SealingColleagues t;
  const Version seen = t.lena.note(t.obs, "Two pupils explained the method to the table");
  t.lena.sync();
  const crypto::RecoveryPhrase phrase = sync::back_up_key_pair(*t.lena.store, t.lena.me());
  t.lena.sync();  // the backup reaches the hub, for Lena's devices only
  const std::string published = std::get<Person>(t.lena.store->get(t.lena.me())->body).public_key;

  Device tablet;  // Lena's second device
  tablet.options.seal_bodies = true;
  tablet.enroll(t.hub.url(), t.hub.issue_code(t.lena_id));
  auto first = tablet.sync();
  CHECK(first.needs_recovery_phrase);
  CHECK(sync::needs_recovery_phrase(*tablet.store, tablet.me()));
  CHECK_FALSE(tablet.sees(seen.record));  // sealed, waiting for a key
  CHECK(tablet.store->keys().waiting() > 0);
  // The chidi device never receives Lena's backup.
  t.chidi.sync();
  CHECK(t.chidi.store->live(RecordType::KeyBackup).empty());

  const crypto::RecoveryPhrase other = crypto::RecoveryPhrase::make();
  auto wrong = sync::restore_key_pair(*tablet.store, tablet.me(), other.shown().view());
  CHECK_FALSE(wrong.restored);
  CHECK_THAT(wrong.message, Catch::Contains("recovery phrase does not open"));
  auto typo = sync::restore_key_pair(*tablet.store, tablet.me(), "ABCD");
  CHECK_FALSE(typo.restored);
  CHECK_FALSE(typo.message.empty());
  CHECK(sync::needs_recovery_phrase(*tablet.store, tablet.me()));

  // Typed as a person would: lower case, with dashes.
  std::string typed(phrase.shown().view());
  for (char& c : typed) c = c == ' ' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  auto right = sync::restore_key_pair(*tablet.store, tablet.me(), typed);
  CHECK(right.restored);
  CHECK_FALSE(sync::needs_recovery_phrase(*tablet.store, tablet.me()));
  auto after = tablet.sync();
  CHECK_FALSE(after.needs_recovery_phrase);
  CHECK(after.keys_received >= 1);
  CHECK(t.text_of(tablet, seen.record) == "Two pupils explained the method to the table");
  // The second device took the published key; it did not make and publish one of its own.
  CHECK(std::get<Person>(tablet.store->get(tablet.me())->body).public_key == published);
}

TEST_CASE("sealed sync: a colleague's key that changes is reported and granted nothing until it is accepted",
          "[server][sync][sealed][grants]") {
  SealingColleagues t;
  t.lena.sync();
  t.chidi.sync();
  t.lena.sync();  // Chidi's first key: trusted on first use, granted the visit's key
  CHECK(t.lena.store->keys().trusted_key(*Id::from_hex(t.chidi_id)));

  // Chidi starts again with a new key pair (or a hub shows Lena a key of its own making for him).
  sync::keep_key_pair(*t.chidi.store, crypto::PersonKeys::make());
  t.chidi.sync();  // publishes the new key
  auto seen = t.lena.sync();
  REQUIRE(seen.changed_keys.size() == 1);  // reported as soon as Lena's device sees it
  CHECK(seen.changed_keys[0] == t.chidi.me());

  Observation second;
  second.participants = {{t.lena.me(), Role::TeacherLeader}, {t.chidi.me(), Role::Coach}};
  const Id next_visit = t.lena.store->create(second, t.lena.me()).record;
  t.lena.note(next_visit, "A new visit after Chidi's key changed");
  auto r = t.lena.sync();
  REQUIRE(r.changed_keys.size() == 1);
  CHECK(r.changed_keys[0] == t.chidi.me());
  t.chidi.sync();
  CHECK_FALSE(t.chidi.sees(next_visit));  // sealed, and no key was granted to the changed key

  // Lena compared fingerprints with Chidi and accepts his new key.
  sync::accept_changed_key(*t.lena.store, t.chidi.me());
  auto accepted = t.lena.sync();
  CHECK(accepted.changed_keys.empty());
  CHECK(accepted.keys_granted >= 1);
  t.chidi.sync();
  CHECK(t.chidi.sees(next_visit));
  CHECK(t.chidi.notes(next_visit) == 1);
}
