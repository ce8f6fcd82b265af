// Which versions a device re-sends sealed (core/sync/reseal.h): this person's own versions that
// left it before sealing, in arrival order, in batches whose progress is remembered; never what is
// still to send, held back, local-only, another author's, or in a visit this person has left.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "core/crypto/sealed_body.h"
#include "core/serialization.h"
#include "core/store.h"
#include "core/sync/reseal.h"
#include "support/temp_dir.h"

using namespace core;
using testing_support::TempDir;

namespace {
struct ResealingStore {
  TempDir dir;
  Store store{dir.file("s.sqlite")};
  Id me = Id::random(), colleague = Id::random();
  ResealingStore() { store.meta().set(MetaKey::SyncPerson, me.hex()); }  // as enrollment leaves it

  Id visit_with(std::vector<Id> people) {
    Observation o;
    for (Id p : people) o.participants.push_back({p, p == me ? Role::TeacherLeader : Role::Coach});
    return store.create(o, me).record;
  }
  Version note(Id visit, const std::string& text) {
    return store.create(EvidenceNote{visit, 0, text, NoteKind::Quote, {}}, me);
  }
  // What a push the hub acknowledged leaves behind: nothing in the outbox.
  void pushed() {
    std::vector<Id> all;
    for (const Version& v : store.outbox().first(1000)) all.push_back(v.version);
    store.outbox().remove(all);
  }
  std::vector<Id> next_ids(int limit = 100) {
    std::vector<Id> ids;
    for (const Version& v : sync::next_reseal_batch(store, me, limit, 1 << 20).plain) ids.push_back(v.version);
    return ids;
  }
};
}  // namespace

TEST_CASE("re-seal: only this person's versions that left the device before sealing are sent again",
          "[core][sync][reseal]") {
  ResealingStore s;
  const Id visit = s.visit_with({s.me, s.colleague});
  const Version sent = s.note(visit, "sent in clear");
  const Version refused = s.note(visit, "refused by the hub");
  s.pushed();
  s.store.outbox().hold_back({{refused.version, 403, "not a participant", 1}});
  Version theirs;  // a colleague's note, pulled in clear: not this device's to seal
  theirs.version = Id::random();
  theirs.record = Id::random();
  theirs.type = RecordType::EvidenceNote;
  theirs.author = s.colleague;
  theirs.observation = visit;
  theirs.body = encode_body(EvidenceNote{visit, 0, "theirs", NoteKind::Quote, {}});
  theirs.body_hash = body_hash(theirs.type, false, theirs.body);
  s.store.apply_version(theirs);
  const Id demo = Id::random();
  s.store.outbox().mark_local_only(demo);
  s.note(demo, "demo data never leaves");
  s.note(visit, "still in the outbox");

  CHECK(sync::next_reseal_batch(s.store, s.me, 100, 1 << 20).last_seq == 0);  // sealing never began: nothing
  sync::note_push_sealing(s.store, true);
  s.note(visit, "written after sealing began");  // goes sealed with the push
  const std::vector<Id> expected = {s.store.versions_of(visit).front().version, sent.version};
  CHECK(s.next_ids() == expected);
}

TEST_CASE("re-seal: a device whose first push is sealed re-sends nothing afterwards", "[core][sync][reseal]") {
  ResealingStore s;
  const Id visit = s.visit_with({s.me});
  for (int i = 0; i < 3; ++i) s.note(visit, "offline note " + std::to_string(i));
  sync::note_push_sealing(s.store, true);  // everything waits in the outbox: this push seals it all
  s.pushed();
  CHECK(sync::next_reseal_batch(s.store, s.me, 100, 1 << 20).last_seq == 0);
}

TEST_CASE("re-seal: batches follow arrival order and what the hub acknowledged is not sent again",
          "[core][sync][reseal]") {
  ResealingStore s;
  const Id visit = s.visit_with({s.me});
  std::vector<Id> sent = {s.store.versions_of(visit).front().version};
  for (int i = 0; i < 4; ++i) sent.push_back(s.note(visit, "note " + std::to_string(i)).version);
  s.pushed();
  sync::note_push_sealing(s.store, true);

  auto first = sync::next_reseal_batch(s.store, s.me, 2, 1 << 20);
  REQUIRE(first.plain.size() == 2);
  CHECK(first.plain[0].version == sent[0]);
  CHECK(first.plain[1].version == sent[1]);
  CHECK(s.next_ids(2) == std::vector<Id>{sent[0], sent[1]});  // not acknowledged: the same batch again
  sync::reseal_acknowledged(s.store, first.last_seq);
  CHECK(s.next_ids(2) == std::vector<Id>{sent[2], sent[3]});
  sync::reseal_acknowledged(s.store, sync::next_reseal_batch(s.store, s.me, 2, 1 << 20).last_seq);
  auto last = sync::next_reseal_batch(s.store, s.me, 2, 1 << 20);
  CHECK(s.next_ids(2) == std::vector<Id>{sent[4]});
  sync::reseal_acknowledged(s.store, last.last_seq);
  CHECK(sync::next_reseal_batch(s.store, s.me, 2, 1 << 20).last_seq == 0);

  // The batch's push carries them sealed, under a batch id of its own.
  const auto request = sync::reseal_request(s.store, last.plain);
  REQUIRE(request.versions.size() == 1);
  CHECK(is_sealed_body(request.versions[0].body));
  CHECK(request.versions[0].version == sent[4]);
  CHECK(request.batch != sent[4]);
}

TEST_CASE("re-seal: a visit this person has left is passed over, as no key made there would reach anyone",
          "[core][sync][reseal]") {
  ResealingStore s;
  const Id left = s.visit_with({s.colleague});  // the plan no longer names this person
  s.note(left, "written before leaving");
  s.pushed();
  sync::note_push_sealing(s.store, true);
  auto batch = sync::next_reseal_batch(s.store, s.me, 100, 1 << 20);
  CHECK(batch.plain.empty());
  CHECK(batch.passed_over == 2);  // the plan and the note
  CHECK(batch.last_seq > 0);      // the walk still moves past them
  CHECK_FALSE(s.store.keys().current({KeyScope::Observation, left, {}, {}}));
}

TEST_CASE("re-seal: a push with sealing off forgets the mark, so what it sends clear is re-sealed later",
          "[core][sync][reseal]") {
  ResealingStore s;
  const Id visit = s.visit_with({s.me});
  s.pushed();
  sync::note_push_sealing(s.store, true);
  sync::reseal_acknowledged(s.store, sync::next_reseal_batch(s.store, s.me, 100, 1 << 20).last_seq);
  CHECK(sync::next_reseal_batch(s.store, s.me, 100, 1 << 20).last_seq == 0);

  const Version clear = s.note(visit, "sent while sealing was off again");
  sync::note_push_sealing(s.store, false);
  s.pushed();
  sync::note_push_sealing(s.store, true);
  const std::vector<Id> ids = s.next_ids();
  REQUIRE_FALSE(ids.empty());
  CHECK(ids.back() == clear.version);
}
