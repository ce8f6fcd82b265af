// Every screen has one shape (app/shell/model_screen.h): drawing reads the model and emits
// actions, and only applying an action writes. These walks draw each screen with no input and
// check through a second connection that the store did not change, then check that taps on
// Plan, Settings and the first run write through their actions.
#include <catch2/catch.hpp>

#include <string>

#include "app/screens/plan/plan_screen.h"
#include "app/ui/widgets.h"
#include "core/sqlite.h"
#include "ui_harness.h"

using test::UiHarness;

namespace {
// What any write would change: record versions, the outbox, the meta keys and every draft (with
// its save time), read through a connection of its own.
std::string store_state(const core::Store& store) {
  core::Db db(store.path(), false);
  core::Stmt st(db,
                "SELECT (SELECT count(*) FROM versions), (SELECT count(*) FROM outbox),"
                " (SELECT group_concat(key || '=' || value, ';') FROM meta),"
                " (SELECT group_concat(key || '@' || updated_at || '=' || text, ';') FROM drafts)");
  REQUIRE(st.step());
  return std::to_string(st.col_int(0)) + " versions, " + std::to_string(st.col_int(1)) + " in the outbox; meta " +
         st.col_text(2) + "; drafts " + st.col_text(3);
}

core::Id start_with_demo(UiHarness& h) {
  h.tap("##name");
  h.type("Sam Okafor");
  h.tap("Start");
  REQUIRE(h.app().route().screen == app::ScreenId::Home);
  return *h.store().meta().local_person();
}

core::Id demo_visit(core::Store& store, bool follow_up) {
  for (const auto& [id, head] : store.live(core::RecordType::Observation)) {
    const auto& o = std::get<core::Observation>(head.body);
    if (o.class_name == "8B science" && o.follows.empty() != follow_up) return id;
  }
  FAIL("the demo's 8B science visits are missing");
  return {};
}

void open(UiHarness& h, app::Route route) {
  h.app().context().open(route);
  h.frames(2);
  REQUIRE(h.app().route().screen == route.screen);
}
}  // namespace

TEST_CASE("every screen: frames drawn without a tap write nothing to the store", "[app][shape]") {
  UiHarness h(1280, 2000);
  start_with_demo(h);
  const core::Id visit = demo_visit(h.store(), false), follow = demo_visit(h.store(), true);
  const app::Route routes[] = {
      {app::ScreenId::Home, {}, {}},
      {app::ScreenId::Plan, {}, {}},
      {app::ScreenId::Plan, follow, {}},
      {app::ScreenId::Observe, follow, {}},
      {app::ScreenId::Prompt, visit, {}},
      {app::ScreenId::Reflect, visit, {}},
      {app::ScreenId::Debrief, visit, {}},
      {app::ScreenId::Cycle, visit, {}},
      {app::ScreenId::CoachingNotes, visit, {}},
      {app::ScreenId::Settings, {}, {}},
      {app::ScreenId::Conflicts, {}, {}},
      {app::ScreenId::MatchColleagues, {}, {}},
      {app::ScreenId::RestoreKey, {}, {}},
  };
  for (const app::Route& route : routes) {
    INFO("screen " << static_cast<int>(route.screen));
    open(h, route);
    const std::string before = store_state(h.store());
    h.advance(5000);  // anything waiting for an autosave would be written now
    h.frames(4);
    CHECK(store_state(h.store()) == before);
  }
}

TEST_CASE("plan screen: typing is an action kept as a draft after a pause, and Save plan saves it",
          "[app][plan][shape]") {
  UiHarness h(1280, 2000);
  start_with_demo(h);
  h.tap("+ Plan an observation");
  REQUIRE(h.app().route().screen == app::ScreenId::Plan);
  auto* plan = static_cast<app::PlanScreen*>(h.app().screen(app::ScreenId::Plan));
  const std::string key = plan->model().draft_key();
  h.tap("##focus_q");
  h.type("Who answers first?");
  CHECK(plan->model().form().focus_question == "Who answers first?");  // applied from the action
  CHECK_FALSE(h.store().drafts().get(key).has_value());                // typing just now: not yet
  h.advance(400);
  h.frame();
  REQUIRE(h.store().drafts().get(key).has_value());
  CHECK(h.store().drafts().get(key)->find("Who answers first?") != std::string::npos);
  const std::string kept = store_state(h.store());
  h.advance(5000);
  h.frames(3);
  CHECK(store_state(h.store()) == kept);  // drawn again, nothing changed: nothing written again

  h.tap("Amira Haddad");  // joins as the observed teacher
  h.tap("Save plan");
  CHECK(h.app().route().screen == app::ScreenId::Home);
  CHECK_FALSE(h.store().drafts().get(key).has_value());
  bool saved = false;
  for (const auto& [id, head] : h.store().live(core::RecordType::Observation))
    saved = saved || std::get<core::Observation>(head.body).focus_question == "Who answers first?";
  CHECK(saved);
}

TEST_CASE("settings and first run: a tap on a text size or theme is applied as an action", "[app][shape]") {
  UiHarness h(1280, 2000);
  h.tap("Large");  // the first run stores the size at once, so the person sees it
  CHECK(h.store().meta().get(core::MetaKey::TextSize) == std::optional<std::string>("1.15"));
  start_with_demo(h);
  h.tap("Settings");
  REQUIRE(h.app().route().screen == app::ScreenId::Settings);
  h.tap("Dark");
  CHECK(h.store().meta().get(core::MetaKey::Theme) == std::optional<std::string>("dark"));
  const std::string before = store_state(h.store());
  h.frames(3);
  CHECK(store_state(h.store()) == before);
}

TEST_CASE("every screen: at a phone's 390 px width every tap target fits across and is 48 px tall", "[app][shape]") {
  UiHarness h(390, 844);
  start_with_demo(h);
  const core::Id visit = demo_visit(h.store(), false), follow = demo_visit(h.store(), true);
  const app::Route routes[] = {
      {app::ScreenId::Home, {}, {}},        {app::ScreenId::Plan, {}, {}},
      {app::ScreenId::Observe, follow, {}}, {app::ScreenId::Prompt, visit, {}},
      {app::ScreenId::Reflect, visit, {}},  {app::ScreenId::Debrief, visit, {}},
      {app::ScreenId::Cycle, visit, {}},    {app::ScreenId::CoachingNotes, visit, {}},
      {app::ScreenId::Settings, {}, {}},
  };
  for (const app::Route& route : routes) {
    open(h, route);
    for (const ui::ItemRecord& item : ui::recorded_items()) {
      INFO("screen " << static_cast<int>(route.screen) << ", widget " << item.label);
      CHECK(item.max.x <= 390.5f);
      if (item.label.rfind("##", 0) != 0) CHECK(item.max.y - item.min.y >= 47.5f);  // fields aside
    }
  }
}

TEST_CASE("observe at a phone's 390x844: the counters show whole under the composer and a tap counts",
          "[app][shape][observe]") {
  UiHarness h(390, 844);
  start_with_demo(h);
  const core::Id follow = demo_visit(h.store(), true);
  open(h, {app::ScreenId::Observe, follow, {}});
  // The look-for tags fold behind one chip, so they do not push the counters off the screen.
  REQUIRE(h.has("Look-fors (4)"));
  CHECK_FALSE(h.has("Wait time after a question"));
  const ui::ItemRecord* counter = nullptr;
  for (const ui::ItemRecord& item : ui::recorded_items())
    if (item.label == "Open questions##counter") counter = &item;
  REQUIRE(counter);
  CHECK(counter->max.y <= 844.0f * 0.85f);  // the whole tile, above the timeline's heading
  const auto before = h.store().live(core::RecordType::Tally, follow).size();
  h.tap("Open questions##counter");
  CHECK(h.store().live(core::RecordType::Tally, follow).size() == before + 1);
  h.tap("Look-fors (4)");
  h.frames(2);
  CHECK(h.has("Wait time after a question"));  // open until tapped again
  CHECK(h.has("Hide look-fors"));
}
