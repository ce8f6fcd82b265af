// CoachingModel as a thread: the teacher leader replies to the coach, the reply is durable
// before it shows and follows the coach's note in order; each coach has a thread of their own.
#include <catch2/catch.hpp>

#include "app/screens/coaching/coaching_model.h"
#include "demo_store.h"

using app::CoachingAction;

namespace {
bool save(app::CoachingModel& m, const std::string& text) {
  return m.apply(CoachingAction{CoachingAction::Kind::EditDraft, text, {}}) &&
         m.apply(CoachingAction{CoachingAction::Kind::Save, {}, {}});
}
}  // namespace

TEST_CASE("coaching thread: the teacher leader's reply is saved durably and follows the coach's note",
          "[app][coaching]") {
  test::DemoStore s;
  app::CoachingModel leader(s.store, s.me, s.clock());
  REQUIRE(leader.load(s.demo.observed_visit));
  REQUIRE(leader.thread());
  CHECK(leader.thread()->name == "Jonas Berg");
  CHECK(leader.thread()->role == "coach");
  REQUIRE(leader.notes().size() == 1);  // the demo coach's note
  CHECK(leader.notes().front().from == "Jonas Berg");
  CHECK_FALSE(leader.notes().front().mine);
  REQUIRE(leader.can_write());

  REQUIRE(save(leader, "  The silence felt long to me. How long is long enough?  "));
  REQUIRE(leader.notes().size() == 2);
  CHECK(leader.notes().back().from == "You");
  CHECK(leader.notes().back().mine);
  CHECK(leader.notes().back().text == "The silence felt long to me. How long is long enough?");
  CHECK_FALSE(leader.notes().back().when.empty());
  CHECK(leader.draft().empty());

  // Durable: another connection to the same file reads it, addressed to the coach.
  core::Store reopened(s.store.path());
  auto notes = reopened.live(core::RecordType::CoachingNote, s.demo.observed_visit);
  REQUIRE(notes.size() == 2);
  int replies = 0;
  for (const auto& [id, h] : notes) {
    if (h.version.author != s.me) continue;
    ++replies;
    const auto& n = std::get<core::CoachingNote>(h.body);
    CHECK(n.coach == s.demo.coach);
    CHECK(n.teacher_leader == s.me);
    CHECK(reopened.outbox().size() > 0);
  }
  CHECK(replies == 1);
  CHECK_FALSE(reopened.drafts().get(app::CoachingModel::draft_key(s.demo.observed_visit)));

  app::CoachingModel coach(s.store, s.demo.coach, s.clock());
  REQUIRE(coach.load(s.demo.observed_visit));
  REQUIRE(coach.notes().size() == 2);
  CHECK(coach.notes().front().from == "You");
  CHECK(coach.notes().back().from == "Sam Okafor");
  CHECK(coach.notes().back().text == "The silence felt long to me. How long is long enough?");

  app::CoachingModel teacher(s.store, s.demo.observed_teacher, s.clock());
  REQUIRE(teacher.load(s.demo.observed_visit));
  CHECK_FALSE(teacher.can_read());
  CHECK(teacher.notes().empty());
  CHECK(teacher.threads().empty());
}

TEST_CASE("coaching thread: with two coaches, the teacher leader holds a separate thread with each",
          "[app][coaching]") {
  test::DemoStore s;
  core::Id ana = s.store.create(core::Person{"Ana Lima", ""}, s.me).record;
  auto head = s.store.get(s.demo.observed_visit);
  REQUIRE(head);
  auto plan = std::get<core::Observation>(head->body);
  plan.participants.push_back({ana, core::Role::Coach});
  s.store.update(s.demo.observed_visit, plan, s.me);

  app::CoachingModel leader(s.store, s.me, s.clock());
  REQUIRE(leader.load(s.demo.observed_visit));
  REQUIRE(leader.threads().size() == 2);
  CHECK(leader.thread()->name == "Jonas Berg");  // the thread with the newest note opens first
  core::sync::CoachingPair with_ana{ana, s.me};
  REQUIRE(leader.apply(CoachingAction{CoachingAction::Kind::PickThread, {}, with_ana}));
  CHECK(leader.thread()->name == "Ana Lima");
  CHECK(leader.notes().empty());
  REQUIRE(save(leader, "Ana, what did you notice about my second prompt?"));
  CHECK(leader.notes().size() == 1);

  app::CoachingModel jonas(s.store, s.demo.coach, s.clock());
  REQUIRE(jonas.load(s.demo.observed_visit));
  CHECK(jonas.threads().size() == 1);
  CHECK(jonas.notes().size() == 1);  // only his own note: Ana's thread is not his
  CHECK_FALSE(jonas.apply(CoachingAction{CoachingAction::Kind::PickThread, {}, with_ana}));

  app::CoachingModel ana_model(s.store, ana, s.clock());
  REQUIRE(ana_model.load(s.demo.observed_visit));
  REQUIRE(ana_model.notes().size() == 1);
  CHECK(ana_model.notes().front().from == "Sam Okafor");
  CHECK(ana_model.thread()->role == "teacher leader");
}

TEST_CASE("coaching thread: a thread whose coach left the visit stays readable and takes no more notes",
          "[app][coaching]") {
  test::DemoStore s;
  auto plan = std::get<core::Observation>(s.store.get(s.demo.observed_visit)->body);
  std::vector<core::Participant> without_coach;
  for (const auto& p : plan.participants)
    if (p.role != core::Role::Coach) without_coach.push_back(p);
  plan.participants = without_coach;
  s.store.update(s.demo.observed_visit, plan, s.me);
  const auto versions = s.store.all_versions().size();

  app::CoachingModel leader(s.store, s.me, s.clock());
  REQUIRE(leader.load(s.demo.observed_visit));
  REQUIRE(leader.thread());
  CHECK(leader.notes().size() == 1);
  CHECK_FALSE(leader.can_write());
  CHECK_FALSE(save(leader, "Are you still there?"));
  CHECK(leader.error() == "Jonas Berg is no longer part of this observation, so this thread is closed.");
  CHECK(s.store.all_versions().size() == versions);
}
