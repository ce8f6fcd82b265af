// A reflection of the observed teacher's own (Reflection.prompt empty): the store keeps it as
// written, the hub's write rule accepts it from the observed teacher, and it reaches everyone in
// the observation, like an answer to a prompt.
#include <catch2/catch.hpp>

#include "core/paths.h"
#include "core/serialization.h"
#include "core/store.h"
#include "core/sync/privacy.h"
#include "support/temp_dir.h"

using namespace core;
using namespace core::sync;

TEST_CASE(
    "privacy: the observed teacher's own reflection is stored, accepted by the hub's rule and read by every "
    "participant",
    "[core][sync][privacy]") {
  testing_support::TempDir dir;
  Store store(store_path_in(dir.path()));
  const Id teacher = Id::random(), leader = Id::random(), coach = Id::random(), stranger = Id::random();
  Observation plan;
  plan.participants = {{teacher, Role::ObservedTeacher}, {leader, Role::TeacherLeader}, {coach, Role::Coach}};
  const Id observation = store.create(plan, leader).record;
  ObservationFacts facts = facts_from_heads({&plan});

  Version v = store.create(Reflection{observation, Id{}, "I want to know why the back row stays quiet."}, teacher);
  auto head = store.get(v.record);
  REQUIRE(head);
  const auto& r = std::get<Reflection>(head->body);
  CHECK(r.prompt.empty());
  CHECK(r.text == "I want to know why the back row stays quiet.");
  CHECK(head->version.observation == observation);

  RecordBody body = head->body;
  CHECK(may_write(head->version, &body, teacher, facts, {}).allowed);
  Audience readers = readers_of(head->version, &body, facts, {});
  CHECK(readers.includes(teacher));
  CHECK(readers.includes(leader));
  CHECK(readers.includes(coach));
  CHECK_FALSE(readers.includes(stranger));

  SECTION("someone outside the observation cannot write one into it") {
    Version theirs = store.create(Reflection{observation, Id{}, "Not mine to say"}, stranger);
    RecordBody b = std::get<Reflection>(store.get(theirs.record)->body);
    CHECK_FALSE(may_write(theirs, &b, stranger, facts, {}).allowed);
  }
}
