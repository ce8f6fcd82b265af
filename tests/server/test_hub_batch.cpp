// Hub tests, part 4: one push batch mixing first versions (which the hub writes many rows per
// statement) with versions that read them back: edits and deletes of records new in the same
// batch, and a participant joining (backfill) after notes written earlier in the batch.
// Devices send bodies in clear (ClearDevice, TwoColleagues::Sealed::No in sync_fixture.h): the cases count
// the versions each push and pull carries.
#include <catch2/catch.hpp>

#include "core/serialization.h"
#include "support/test_values.h"
#include "sync_fixture.h"

using namespace core;
using namespace testing_support;

namespace {}  // namespace

TEST_CASE("hub push: a batch with new notes, their edits and deletes and a coach joining arrives whole",
          "[server][sync]") {
  HubProcess hub{temp_dir("peerobs-hub")};
  hub.start();
  std::string teacher = hub.add_person("Tomás"), leader = hub.add_person("Lena"), coach = hub.add_person("Chidi"),
              stranger = hub.add_person("Sam");
  ClearDevice lena, chidi, tomas, sam;
  lena.enroll(hub.url(), hub.issue_code(leader));
  chidi.enroll(hub.url(), hub.issue_code(coach));
  tomas.enroll(hub.url(), hub.issue_code(teacher));
  sam.enroll(hub.url(), hub.issue_code(stranger));

  // All offline, so one batch carries it all, in this order.
  Observation o;
  o.focus_question = "Who talks in groups?";
  o.participants = {{id(teacher), Role::ObservedTeacher}, {id(leader), Role::TeacherLeader}};
  Id obs = lena.store->create(o, lena.me()).record;
  std::vector<Id> notes;
  for (int i = 0; i < 5; ++i) notes.push_back(lena.note(obs, "group " + std::to_string(i)).record);
  lena.store->update(notes[1], EvidenceNote{obs, 2000, "group 1, corrected", NoteKind::Noticing, {}}, lena.me());
  lena.store->remove(notes[2], lena.me());
  o.participants.push_back({id(coach), Role::Coach});
  lena.store->update(obs, o, lena.me());
  Id after = lena.note(obs, "after the coach joined").record;

  auto pushed = lena.sync();
  CHECK(pushed.pushed == 10);
  CHECK(pushed.held_back == 0);
  for (Device* d : {&chidi, &tomas}) {
    d->sync();
    CHECK(d->notes(obs) == 5);
    CHECK(std::get<EvidenceNote>(d->store->get(notes[1])->body).text == "group 1, corrected");
    CHECK_FALSE(d->store->get(notes[2]));
    CHECK(d->sees(after));
    CHECK(d->store->conflicted_records().empty());
    CHECK(d->store->versions_of(obs).size() == 2);
  }
  sam.sync();
  CHECK_FALSE(sam.sees(obs));
  CHECK(sam.notes() == 0);
  // Nothing new: a second sync pushes and pulls nothing.
  auto again = chidi.sync();
  CHECK(again.pushed == 0);
  CHECK(again.pulled_total == 0);
  hub.stop();
  std::filesystem::remove_all(hub.data_dir());
}
