// Demo data: a complete cycle a newcomer can walk through, which never reaches a hub.
#include <catch2/catch.hpp>

#include "core/demo_data.h"
#include "support/temp_dir.h"

using namespace core;

TEST_CASE("demo data: a debriefed visit with evidence and a planned follow-up where I observe", "[core][demo]") {
  testing_support::TempDir dir;
  Store store(dir.file("s.sqlite"));
  Id me = Id::random();
  DemoData demo = seed_demo_data(store, me);
  CHECK(store.live(RecordType::EvidenceNote, demo.observed_visit).size() == 10);
  CHECK(store.live(RecordType::Tally, demo.observed_visit).size() > 10);
  CHECK(store.live(RecordType::TimerSpan, demo.observed_visit).size() == 9);
  CHECK(store.live(RecordType::SeatMark, demo.observed_visit).size() == 11);
  CHECK(store.live(RecordType::Prompt, demo.observed_visit).size() == 2);
  CHECK(store.live(RecordType::Reflection, demo.observed_visit).size() == 2);
  CHECK(store.live(RecordType::NextStep, demo.observed_visit).size() == 1);
  auto follow = store.get(demo.follow_up_visit);
  REQUIRE(follow);
  const auto& o = std::get<Observation>(follow->body);
  CHECK(o.status == ObservationStatus::Planned);
  CHECK(o.follows == demo.observed_visit);
  bool me_leading = false;
  for (const auto& p : o.participants) me_leading |= p.person == me && p.role == Role::TeacherLeader;
  CHECK(me_leading);
}

TEST_CASE("demo data: a second cycle where a colleague observed me and a shared prompt waits for my answer",
          "[core][demo]") {
  testing_support::TempDir dir;
  Store store(dir.file("s.sqlite"));
  Id me = Id::random();
  DemoData demo = seed_demo_data(store, me);
  auto visit = store.get(demo.my_visit);
  REQUIRE(visit);
  const auto& o = std::get<Observation>(visit->body);
  CHECK(o.cycle == demo.my_cycle);
  CHECK(o.status == ObservationStatus::Observed);
  bool me_observed = false;
  for (const auto& p : o.participants) me_observed |= p.person == me && p.role == Role::ObservedTeacher;
  CHECK(me_observed);
  auto prompts = store.live(RecordType::Prompt, demo.my_visit);
  REQUIRE(prompts.size() == 1);
  CHECK(std::get<Prompt>(prompts.front().second.body).shared);
  CHECK(prompts.front().second.version.author != me);
  CHECK(store.live(RecordType::Reflection, demo.my_visit).empty());
  CHECK(store.outbox().size() == 0);
}

TEST_CASE("demo data: nothing of it, nor anything added to it, enters the outbox", "[core][demo]") {
  testing_support::TempDir dir;
  Store store(dir.file("s.sqlite"));
  Id me = Id::random();
  DemoData demo = seed_demo_data(store, me);
  CHECK(store.outbox().size() == 0);
  store.create(EvidenceNote{demo.follow_up_visit, 1000, "a note in the demo visit", NoteKind::Noticing, {}}, me);
  auto plan = std::get<Observation>(store.get(demo.follow_up_visit)->body);
  plan.class_name = "8C";
  store.update(demo.follow_up_visit, plan, me);
  Observation third = plan;
  third.follows = demo.follow_up_visit;
  store.create(third, me);
  CHECK(store.outbox().size() == 0);
  // Real work still syncs.
  store.create(Person{"Real colleague", ""}, me);
  CHECK(store.outbox().size() == 1);
}
