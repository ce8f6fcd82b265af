// Home lists my cycles, so a cycle's visits, data and next steps stay one tap away after its last
// planned visit has happened (the visit cards only show planned visits).
#include <catch2/catch.hpp>

#include "app/screens/home/home_screen.h"
#include "ui_harness.h"

using namespace core;

TEST_CASE("home: my cycles stay reachable after the last planned visit has happened", "[app][home][ui]") {
  test::UiHarness h(768, 2000);  // tall: the cycles section sits below the fold in portrait
  h.tap("##name");
  h.type("Sam Okafor");
  h.tap("Start");
  const Id me = *h.store().meta().local_person();

  // The demo's cycles, latest visit first: questioning (a debriefed visit and a follow-up planned
  // for 2026-12-03) and group work, where a colleague observed me on 2026-11-24.
  auto view = app::build_home(h.store(), me);
  REQUIRE(view.cycles.size() == 2);
  CHECK(view.cycles[0].title == "Questioning in 8B science");
  CHECK(view.cycles[0].detail == "2 visits \xC2\xB7 latest 2026-12-03");
  CHECK(view.cycles[1].title == "Group work in 9C maths");
  CHECK(view.cycles[1].detail == "1 visit \xC2\xB7 latest 2026-11-24");

  // The follow-up lesson is observed: no planned visit is left on Home.
  for (const auto& [id, rec] : h.store().live(RecordType::Observation)) {
    auto o = std::get<Observation>(rec.body);
    if (o.status != ObservationStatus::Planned) continue;
    o.status = ObservationStatus::Observed;
    h.store().update(id, o, me);
  }
  h.app().context().go_home = true;
  h.frames(3);
  REQUIRE(app::build_home(h.store(), me).observing.empty());
  REQUIRE(h.has("Open cycle"));
  h.tap("Open cycle");  // the first: questioning
  h.frames(2);
  CHECK(h.app().route().screen == app::ScreenId::Cycle);
  CHECK(h.app().route().cycle == view.cycles.front().id);
}

TEST_CASE("home: a person in no cycle sees no cycles section", "[app][home]") {
  test::UiHarness h(1280, 900);
  h.tap("##name");
  h.type("Sam Okafor");
  h.tap("Start");
  // A stranger to the demo cycle: nothing of it is theirs.
  CHECK(app::build_home(h.store(), Id::random()).cycles.empty());
}

TEST_CASE("home: in the demo, the prompt a colleague shared with me is answered from Home",
          "[app][home][reflect][ui]") {
  test::UiHarness h(1280, 2000);
  h.tap("##name");
  h.type("Sam Okafor");
  h.tap("Start");
  const Id me = *h.store().meta().local_person();
  // For one visit, what waits follows the cycle: answer the prompts, then hold the debrief.
  auto waiting = app::build_home(h.store(), me).waiting;
  REQUIRE(waiting.size() >= 2);
  CHECK(waiting[0].kind == app::WaitingItem::Kind::AnswerPrompts);
  CHECK(waiting[1].kind == app::WaitingItem::Kind::HoldDebrief);
  CHECK(waiting[0].observation == waiting[1].observation);
  REQUIRE(h.has("Answer"));
  h.tap("Answer");
  h.frames(2);
  REQUIRE(h.app().route().screen == app::ScreenId::Reflect);
  const Id visit = h.app().route().observation;
  CHECK(std::get<Observation>(h.store().get(visit)->body).class_name == "9C maths");
  REQUIRE(h.has("Save answer"));
  auto prompts = h.store().live(RecordType::Prompt, visit);
  REQUIRE(prompts.size() == 1);
  h.tap("##answer-" + prompts.front().first.short_hex());
  h.type("I go where I am called; the quiet group never calls.");
  h.frames(1);
  h.tap("Save answer");
  auto answers = h.store().live(RecordType::Reflection, visit);
  REQUIRE(answers.size() == 1);
  CHECK(answers.front().second.version.author == me);
  CHECK(std::get<Reflection>(answers.front().second.body).text ==
        "I go where I am called; the quiet group never calls.");
  h.app().context().go_home = true;
  h.frames(3);
  CHECK_FALSE(h.has("Answer"));  // nothing waits any more
}
