// The whole walk after the lesson, headless through ImGui's io on the real screens: observe the
// follow-up visit (tap a counter, end the lesson) -> prompt and share -> the observed teacher
// answers -> debrief note and next step -> one tap schedules the follow-up. Asserts on the store.
#include <catch2/catch.hpp>

#include <algorithm>

#include "app/screens/prompt/prompt_screen.h"
#include "demo_store.h"

using test::UiHarness;

namespace {
core::Id first_run(UiHarness& h) {
  h.tap("##name");
  h.type("Sam Okafor");
  h.tap("Start");
  REQUIRE(h.app().route().screen == app::ScreenId::Home);
  return *h.store().meta().local_person();
}

void open_screen(UiHarness& h, app::ScreenId screen, core::Id observation) {
  h.app().context().open(app::Route{screen, observation, {}});
  h.frames(2);
  REQUIRE(h.app().route().screen == screen);
}

void tap_after(UiHarness& h, const std::string& label) {
  INFO("widget " << label);
  REQUIRE(h.has(label));
  h.tap(label);
}

template <typename T>
std::vector<std::pair<core::Id, T>> live(core::Store& store, core::RecordType type, core::Id obs) {
  std::vector<std::pair<core::Id, T>> out;
  for (const auto& [id, h] : store.live(type, obs)) out.push_back({id, std::get<T>(h.body)});
  return out;
}
}  // namespace

TEST_CASE("client walk: observe, prompt and share, reflect, debrief, and the follow-up is scheduled",
          "[app][debrief][ui][walk]") {
  UiHarness h(1280, 2000);
  const core::Id me = first_run(h);
  core::Id follow, amira;
  for (const auto& [id, rec] : h.store().live(core::RecordType::Observation))
    if (!std::get<core::Observation>(rec.body).follows.empty()) follow = id;
  for (const auto& [id, rec] : h.store().live(core::RecordType::Person))
    if (std::get<core::Person>(rec.body).name == "Amira Haddad") amira = id;
  REQUIRE_FALSE(follow.empty());
  REQUIRE_FALSE(amira.empty());

  // Observe (the shell's screen): two closed questions, then the lesson ends.
  open_screen(h, app::ScreenId::Observe, follow);
  h.tap("Start observing");
  h.advance(60000);
  h.tap("Closed questions");
  h.advance(60000);
  h.tap("Closed questions");
  h.tap("End lesson");
  REQUIRE(std::get<core::Observation>(h.store().get(follow)->body).status == core::ObservationStatus::Observed);

  // Prompt: attach the count, write, save, share.
  open_screen(h, app::ScreenId::Prompt, follow);
  tap_after(h, "Closed questions: 2");
  tap_after(h, "##prompt_text");
  h.type("Two closed questions this time. Is that what you expected?");
  h.tap("Save prompt");
  h.tap("Share with Amira Haddad (1)");
  auto prompts = live<core::Prompt>(h.store(), core::RecordType::Prompt, follow);
  REQUIRE(prompts.size() == 1);
  CHECK(prompts[0].second.shared);
  CHECK(prompts[0].second.evidence.size() == 2);  // both tallies
  const core::Id prompt = prompts[0].first;

  // Reflect: the observed teacher, on her device (the same records, as after a sync).
  h.app().context().me = amira;
  open_screen(h, app::ScreenId::Reflect, follow);
  tap_after(h, "##answer-" + prompt.short_hex());
  h.type("Fewer than I hoped; the whiteboards took the first ten minutes.");
  h.tap("Save answer");
  auto answers = live<core::Reflection>(h.store(), core::RecordType::Reflection, follow);
  REQUIRE(answers.size() == 1);
  CHECK(answers[0].second.prompt == prompt);
  CHECK(answers[0].second.text == "Fewer than I hoped; the whiteboards took the first ten minutes.");
  CHECK(h.store().get(answers[0].first)->version.author == amira);

  // Debrief: back on the observer's device.
  h.app().context().me = me;
  open_screen(h, app::ScreenId::Debrief, follow);
  tap_after(h, "##note");
  h.type("Amira will move the whiteboards to the starter.");
  h.tap("Save note");
  auto notes = live<core::DebriefNote>(h.store(), core::RecordType::DebriefNote, follow);
  REQUIRE(notes.size() == 1);
  CHECK(notes[0].second.text == "Amira will move the whiteboards to the starter.");
  h.tap("##step_text");
  h.type("Whiteboards in the starter, then three open questions");
  h.tap("##support");
  h.type("Jonas co-plans the starter");
  h.tap("##date");
  h.type("2027-01-14");
  h.tap("Add next step");
  auto steps = live<core::NextStep>(h.store(), core::RecordType::NextStep, follow);
  REQUIRE(steps.size() == 1);
  CHECK(steps[0].second.owner == amira);  // the observed teacher owns it unless someone else is picked
  CHECK(steps[0].second.follow_up_date == "2027-01-14");
  CHECK(steps[0].second.support == "Jonas co-plans the starter");

  REQUIRE(h.has("Schedule the follow-up"));
  h.tap("Schedule the follow-up");
  auto step = std::get<core::NextStep>(h.store().get(steps[0].first)->body);
  REQUIRE_FALSE(step.follow_up_observation.empty());
  auto next = std::get<core::Observation>(h.store().get(step.follow_up_observation)->body);
  auto visit = std::get<core::Observation>(h.store().get(follow)->body);
  CHECK(visit.status == core::ObservationStatus::Debriefed);
  CHECK(next.status == core::ObservationStatus::Planned);
  CHECK(next.follows == follow);
  CHECK(next.cycle == visit.cycle);
  CHECK(next.date == "2027-01-14");
  CHECK(next.focus_question == visit.focus_question);
  REQUIRE(next.tools.counters.size() == visit.tools.counters.size());
  CHECK(next.tools.counters[0].key == visit.tools.counters[0].key);
  CHECK_FALSE(h.has("Schedule the follow-up"));
  CHECK(h.has("Debrief held"));

  // The cycle now shows three visits, and the counts of the two observed ones side by side.
  h.app().context().open(app::Route{app::ScreenId::Cycle, follow, {}});
  h.frames(2);
  REQUIRE(h.app().route().screen == app::ScreenId::Cycle);
  CHECK(h.has("Done"));
}
