// ReflectModel against a real store: what the observed teacher sees and what answers leave on disk.
#include <catch2/catch.hpp>

#include <algorithm>

#include "app/screens/reflect/reflect_model.h"
#include "demo_store.h"

using app::ReflectAction;

TEST_CASE("reflect: the teacher sees shared prompts only", "[app][reflect]") {
  test::DemoStore s;
  s.store.create(core::Prompt{s.demo.observed_visit, "Still a draft of the observer", {}, false}, s.me);
  core::Id shared =
      s.store.create(core::Prompt{s.demo.observed_visit, "What would you like to try next?", {}, true}, s.me).record;
  app::ReflectModel m(s.store, s.demo.observed_teacher, s.clock());
  REQUIRE(m.load(s.demo.observed_visit));
  CHECK(m.can_answer());
  REQUIRE(m.prompts().size() == 3);  // the demo's two shared prompts and the new shared one
  for (const auto& p : m.prompts()) CHECK(p.text != "Still a draft of the observer");
  CHECK(m.unanswered() == 1);
  CHECK(m.prompts().back().id == shared);
  CHECK(m.prompts().back().from == "Sam Okafor");
}

TEST_CASE("reflect: an answer is a Reflection, and changing it is a new version of the same record", "[app][reflect]") {
  test::DemoStore s;
  core::Id prompt =
      s.store.create(core::Prompt{s.demo.observed_visit, "What would you change?", {}, true}, s.me).record;
  app::ReflectModel m(s.store, s.demo.observed_teacher, s.clock());
  REQUIRE(m.load(s.demo.observed_visit));
  REQUIRE(m.apply(ReflectAction{ReflectAction::Kind::EditAnswer, prompt, "Start with whiteboards."}));
  REQUIRE(m.apply(ReflectAction{ReflectAction::Kind::SaveAnswer, prompt, {}}));
  auto answers = [&] {
    std::vector<std::pair<core::Id, core::Reflection>> out;
    for (const auto& r : s.live<core::Reflection>(core::RecordType::Reflection, s.demo.observed_visit))
      if (r.second.prompt == prompt) out.push_back(r);
    return out;
  };
  REQUIRE(answers().size() == 1);
  CHECK(answers().front().second.text == "Start with whiteboards.");
  CHECK(s.store.get(answers().front().first)->version.author == s.demo.observed_teacher);
  CHECK_FALSE(s.store.drafts().get(app::ReflectModel::draft_key(prompt)));

  REQUIRE(
      m.apply(ReflectAction{ReflectAction::Kind::EditAnswer, prompt, "Start with whiteboards and a 5-second wait."}));
  REQUIRE(m.apply(ReflectAction{ReflectAction::Kind::SaveAnswer, prompt, {}}));
  REQUIRE(answers().size() == 1);
  CHECK(answers().front().second.text == "Start with whiteboards and a 5-second wait.");
  CHECK(s.store.versions_of(answers().front().first).size() == 2);
}

TEST_CASE("reflect: data summaries keep each observer's taps and split the talk time", "[app][reflect]") {
  test::DemoStore s;
  app::ReflectModel m(s.store, s.demo.observed_teacher, s.clock());
  REQUIRE(m.load(s.demo.observed_visit));
  REQUIRE(m.shown_observers().size() == 2);
  const auto& d = m.shown_observers()[0]->data;  // Sam, the teacher leader
  REQUIRE(d.counters.size() == 3);
  CHECK(d.counters[0].count == 7);   // open questions
  CHECK(d.counters[1].count == 13);  // closed questions
  CHECK(d.counters[2].count == 0);   // student questions were tapped by the coach, not by Sam
  CHECK(m.shown_observers()[1]->person == s.demo.coach);
  CHECK(m.shown_observers()[1]->data.counters[2].count == 3);
  REQUIRE(d.timers.size() == 3);
  CHECK(d.timers[0].total_ms == 28 * 60000);  // teacher talk
  CHECK(d.timers[1].total_ms == 19 * 60000);  // student talk
  CHECK(d.timers[0].share_percent + d.timers[1].share_percent == 100);
  CHECK(d.timers[0].share_percent == 60);
  CHECK(d.timers[2].share_percent == -1);  // wait time is not in a group
  REQUIRE(d.group_lines.size() == 1);
  CHECK(d.group_lines.front() == "Teacher talk 60% \xC2\xB7 Student talk 40%");
  CHECK(d.total_marks == 11);
  CHECK(d.max_marks == 2);
  auto seat =
      std::find_if(d.seats.begin(), d.seats.end(), [](const core::SeatSummary& x) { return x.seat.key == "r0c1"; });
  REQUIRE(seat != d.seats.end());
  CHECK(seat->marks == 2);
}

TEST_CASE("reflect: group shares always add up to 100", "[app][reflect]") {
  std::vector<core::TimerSummary> timers = {{"a", "A", "g", 1000, -1, {}},
                                            {"b", "B", "g", 1000, -1, {}},
                                            {"c", "C", "g", 1000, -1, {}},
                                            {"d", "D", "", 5000, -1, {}}};
  core::compute_group_shares(timers);
  CHECK(timers[0].share_percent + timers[1].share_percent + timers[2].share_percent == 100);
  CHECK(timers[3].share_percent == -1);
}

TEST_CASE("reflect: a typed answer is autosaved within a second and comes back", "[app][reflect]") {
  test::DemoStore s;
  core::Id prompt = s.store.create(core::Prompt{s.demo.observed_visit, "What surprised you?", {}, true}, s.me).record;
  {
    app::ReflectModel m(s.store, s.demo.observed_teacher, s.clock());
    REQUIRE(m.load(s.demo.observed_visit));
    REQUIRE(m.apply(ReflectAction{ReflectAction::Kind::EditAnswer, prompt, "The back row"}));
    s.now += 900;
    m.autosave(false);
  }
  CHECK(s.store.drafts().get(app::ReflectModel::draft_key(prompt)) == std::optional<std::string>("The back row"));
  app::ReflectModel again(s.store, s.demo.observed_teacher, s.clock());
  REQUIRE(again.load(s.demo.observed_visit));
  auto p = std::find_if(again.prompts().begin(), again.prompts().end(),
                        [&](const app::ReflectPrompt& x) { return x.id == prompt; });
  REQUIRE(p != again.prompts().end());
  CHECK(p->draft.text() == "The back row");
}

TEST_CASE("reflect: only the observed teacher answers", "[app][reflect]") {
  test::DemoStore s;
  core::Id prompt = s.store.create(core::Prompt{s.demo.observed_visit, "What surprised you?", {}, true}, s.me).record;
  app::ReflectModel m(s.store, s.me, s.clock());
  REQUIRE(m.load(s.demo.observed_visit));
  CHECK_FALSE(m.can_answer());
  REQUIRE(m.apply(ReflectAction{ReflectAction::Kind::EditAnswer, prompt, "I would answer for her"}));
  CHECK_FALSE(m.apply(ReflectAction{ReflectAction::Kind::SaveAnswer, prompt, {}}));
  CHECK(m.error() == "Only the observed teacher answers these prompts.");
}
