// CoachingModel against a real store: who writes coaching notes and who ever sees them.
#include <catch2/catch.hpp>

#include "app/screens/coaching/coaching_model.h"
#include "demo_store.h"

using app::CoachingAction;

TEST_CASE("coaching: a coach's note reaches the teacher leader and only those two see it", "[app][coaching]") {
  test::DemoStore s;
  {
    app::CoachingModel coach(s.store, s.demo.coach, s.clock());
    REQUIRE(coach.load(s.demo.observed_visit));
    REQUIRE(coach.can_write());
    REQUIRE(coach.thread());
    CHECK(coach.thread()->other == s.me);
    REQUIRE(coach.apply(CoachingAction{CoachingAction::Kind::EditDraft, "You let the data speak first.", {}}));
    REQUIRE(coach.apply(CoachingAction{CoachingAction::Kind::Save, {}, {}}));
    CHECK(coach.notes().size() == 2);  // the demo's note and this one, both mine
    CHECK(coach.notes().back().from == "You");
    CHECK(coach.thread()->name == "Sam Okafor");
  }
  auto stored = s.live<core::CoachingNote>(core::RecordType::CoachingNote, s.demo.observed_visit);
  REQUIRE(stored.size() == 2);
  for (const auto& [id, n] : stored) CHECK(n.teacher_leader == s.me);

  app::CoachingModel leader(s.store, s.me, s.clock());
  REQUIRE(leader.load(s.demo.observed_visit));
  CHECK(leader.can_read());
  CHECK(leader.can_write());  // the teacher leader replies in the same thread
  REQUIRE(leader.notes().size() == 2);
  CHECK(leader.notes().back().from == "Jonas Berg");

  app::CoachingModel teacher(s.store, s.demo.observed_teacher, s.clock());
  REQUIRE(teacher.load(s.demo.observed_visit));
  CHECK_FALSE(teacher.can_read());
  CHECK(teacher.notes().empty());
}

TEST_CASE("coaching: the observed teacher cannot write a coaching note, and an empty note is refused",
          "[app][coaching]") {
  test::DemoStore s;
  const auto versions = s.store.all_versions().size();
  app::CoachingModel teacher(s.store, s.demo.observed_teacher, s.clock());
  REQUIRE(teacher.load(s.demo.observed_visit));
  REQUIRE(teacher.apply(CoachingAction{CoachingAction::Kind::EditDraft, "A note to the coach", {}}));
  CHECK_FALSE(teacher.apply(CoachingAction{CoachingAction::Kind::Save, {}, {}}));
  CHECK(teacher.error() == "Only the coach and the teacher leader of this observation write coaching notes.");
  app::CoachingModel coach(s.store, s.demo.coach, s.clock());
  REQUIRE(coach.load(s.demo.observed_visit));
  CHECK_FALSE(coach.apply(CoachingAction{CoachingAction::Kind::Save, {}, {}}));
  CHECK(coach.error().find("Write the note first") == 0);
  CHECK_FALSE(
      coach.apply(CoachingAction{CoachingAction::Kind::PickThread, {}, {s.demo.coach, s.demo.observed_teacher}}));
  CHECK(s.store.all_versions().size() == versions);
}

TEST_CASE("coaching: a typed coaching note is autosaved and restored", "[app][coaching]") {
  test::DemoStore s;
  {
    app::CoachingModel coach(s.store, s.demo.coach, s.clock());
    REQUIRE(coach.load(s.demo.observed_visit));
    REQUIRE(coach.apply(CoachingAction{CoachingAction::Kind::EditDraft, "Your second prompt", {}}));
    s.now += 1000;
    coach.autosave(false);
  }
  app::CoachingModel again(s.store, s.demo.coach, s.clock());
  REQUIRE(again.load(s.demo.observed_visit));
  CHECK(again.draft() == "Your second prompt");
}
