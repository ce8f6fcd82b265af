// Home's sync card as a teacher meets it without a worker report yet (read from the store): items
// the hub refused are named and can be sent again with one tap; conflicts are counted even when
// they came from an import on a device without a hub.
#include <catch2/catch.hpp>

#include "core/records.h"
#include "ui_harness.h"

using namespace core;

namespace {
Id first_run(test::UiHarness& h) {
  h.tap("##name");
  h.type("Sam Okafor");
  h.tap("Start");
  REQUIRE(h.app().route().screen == app::ScreenId::Home);
  return *h.store().meta().local_person();
}
void reenter_home(test::UiHarness& h) {
  h.app().context().go_home = true;
  h.frames(3);
}
}  // namespace

TEST_CASE("home sync card: items the hub refused can be sent again with one tap", "[app][sync][ui]") {
  test::UiHarness h(1280, 900);
  const Id me = first_run(h);
  h.store().meta().set(core::MetaKey::SyncHubUrl, "https://hub.school.example");
  Observation o;
  o.class_name = "7A maths";
  o.participants = {{me, Role::TeacherLeader}};
  Version refused = h.store().create(o, me);
  h.store().outbox().hold_back({HeldBackVersion{refused.version, 403, "Jonas Berg is not on the hub's roster", 1}});
  REQUIRE(h.store().outbox().held_back_size() == 1);
  reenter_home(h);

  CHECK(h.app().context().sync.held_back == 1);
  CHECK_THAT(h.app().context().sync.held_back_note, Catch::Contains("Jonas Berg is not on the hub's roster"));
  REQUIRE(h.has("Send refused items again"));
  h.tap("Send refused items again");
  CHECK(h.store().outbox().held_back_size() == 0);
  bool queued = false;
  for (const auto& v : h.store().outbox().first(1000)) queued = queued || v.version == refused.version;
  CHECK(queued);
  CHECK(h.app().context().sync_now);
  h.frames(2);
  CHECK_FALSE(h.has("Send refused items again"));
}

TEST_CASE("home sync card: no hub, no refused items, no retry button", "[app][sync][ui]") {
  test::UiHarness h(1280, 900);
  first_run(h);
  reenter_home(h);
  CHECK(h.app().context().sync.held_back == 0);
  CHECK_FALSE(h.has("Send refused items again"));
  CHECK_FALSE(h.has("Choose between versions"));
}
