// A cancelled visit leaves the cycle's comparisons: no bar, no "0", only a plain line that says it
// was cancelled.
#include <catch2/catch.hpp>

#include "app/screens/cycle/cycle_model.h"
#include "demo_store.h"

TEST_CASE("cycle: a cancelled visit is not compared, only listed as cancelled", "[app][cycle]") {
  test::DemoStore s;
  // The planned follow-up is called off after someone had tapped on it (a trial tap, say).
  s.store.create(core::Tally{s.demo.follow_up_visit, "open-q", 0}, s.me);
  core::Observation o = std::get<core::Observation>(s.store.get(s.demo.follow_up_visit)->body);
  o.status = core::ObservationStatus::Cancelled;
  s.store.update(s.demo.follow_up_visit, o, s.me);

  app::CycleModel m(s.store, s.me);
  REQUIRE(m.load(s.demo.cycle, {}));
  REQUIRE(m.visits().size() == 1);
  CHECK(m.visits()[0].id == s.demo.observed_visit);
  for (const auto& c : m.counters()) CHECK(c.counts.size() == 1);
  for (const auto& t : m.timers()) CHECK(t.totals.size() == 1);
  CHECK(m.counters()[0].counts == std::vector<int>{7});
  REQUIRE(m.cancelled().size() == 1);
  CHECK(m.cancelled()[0].id == s.demo.follow_up_visit);
  CHECK(m.cancelled()[0].date == o.date);
}
