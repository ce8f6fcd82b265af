// Home lists my cycles, so a cycle's visits, data and next steps stay one tap away after its last
// planned visit has happened (the visit cards only show planned visits).
#include <catch2/catch.hpp>

#include "app/screens/home.h"
#include "ui_harness.h"

using namespace core;

TEST_CASE("home: my cycles stay reachable after the last planned visit has happened", "[app][home][ui]") {
  test::UiHarness h(768, 2000);  // tall: the cycles section sits below the fold in portrait
  h.tap("##name");
  h.type("Sam Okafor");
  h.tap("Start");
  const Id me = *h.store().local_person();

  // The demo cycle: a debriefed visit and a planned follow-up.
  auto view = app::build_home(h.store(), me);
  REQUIRE(view.cycles.size() == 1);
  CHECK(view.cycles.front().title == "Questioning in 8B science");
  CHECK_THAT(view.cycles.front().detail, Catch::StartsWith("2 visits \xC2\xB7 latest "));

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
  h.tap("Open cycle");
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
