// Headless walks through the real screens: taps and typing go through ImGui's io exactly as the
// platform layer feeds them, and every assertion is on what the store holds afterwards.
#include <imgui_internal.h>
#include <catch2/catch.hpp>

#include "app/screens/home/home_screen.h"
#include "app/screens/observe/observe_screen.h"
#include "app/screens/plan/plan_screen.h"
#include "app/ui/theme.h"
#include "app/ui/widgets.h"
#include "ui_harness.h"

using test::UiHarness;

namespace {
template <typename T>
std::vector<T> bodies(core::Store& store, core::RecordType type, core::Id obs = {}) {
  std::vector<T> out;
  for (const auto& [id, h] : store.live(type, obs)) out.push_back(std::get<T>(h.body));
  return out;
}

std::string first_template_title(UiHarness& h) {
  for (const auto& t : h.app().context().templates->templates)
    if (!t.conversation && !t.counters.empty() && !t.timers.empty()) return t.title;
  return "";
}

// First run without the demo, then a plan made through the Plan screen. Returns the observation.
core::Id plan_through_ui(UiHarness& h) {
  h.tap("##name");
  h.type("Sam Okafor");
  h.tap("Start empty");
  h.tap("Start");
  REQUIRE(h.app().route().screen == app::ScreenId::Home);
  h.tap("+ Plan an observation");
  REQUIRE(h.app().route().screen == app::ScreenId::Plan);
  std::string title = first_template_title(h);
  REQUIRE(!title.empty());
  h.tap(title);
  // Make sure the chart is on, whatever the template suggests: its row/column steppers show then.
  if (!h.has("\xE2\x88\x92")) h.tap("Seating chart");
  REQUIRE(h.has("\xE2\x88\x92"));
  h.tap("##focus_q");
  h.type("Who answers my questions?");
  h.tap("##class");
  h.type("8B science");
  h.tap("##date");
  h.type("2026-12-03");
  h.tap("##new_person");  // the "Add" row's field
  h.type("Amira Haddad");
  h.tap("Add##new_person");
  h.tap("Save plan");
  REQUIRE(h.app().route().screen == app::ScreenId::Home);
  auto obs = h.store().live(core::RecordType::Observation);
  REQUIRE(obs.size() == 1);
  return obs.front().first;
}
}  // namespace

TEST_CASE("client: first run with demo data lands on Home with the follow-up visit to observe", "[app][walk]") {
  UiHarness h(768, 1024);
  REQUIRE(h.app().route().screen == app::ScreenId::FirstRun);
  h.tap("##name");
  h.type("Sam Okafor");
  h.tap("Start");
  REQUIRE(h.app().route().screen == app::ScreenId::Home);
  auto me = h.store().meta().local_person();
  REQUIRE(me);
  auto person = h.store().get(*me);
  REQUIRE(person);
  CHECK(std::get<core::Person>(person->body).name == "Sam Okafor");
  CHECK(h.store().live(core::RecordType::Observation).size() == 3);
  auto* home = static_cast<app::HomeScreen*>(h.app().screen(app::ScreenId::Home));
  REQUIRE(home->model().observing.size() == 1);
  CHECK(home->model().observing.front().follow_up);
  // The demo's other side: a colleague observed my class and a prompt waits for my answer.
  bool prompt_waits = false;
  for (const auto& w : home->model().waiting)
    prompt_waits = prompt_waits || (w.kind == app::WaitingItem::Kind::AnswerPrompts && w.text == "1 prompt to answer");
  CHECK(prompt_waits);
  CHECK(h.has("Observe"));
}

TEST_CASE("client: first run refuses an empty name and says why", "[app][walk]") {
  UiHarness h(768, 1024);
  h.tap("Start");
  CHECK(h.app().route().screen == app::ScreenId::FirstRun);
  CHECK_FALSE(h.store().meta().local_person());
}

TEST_CASE("client: a plan made from a template is saved with its tools and people", "[app][walk]") {
  UiHarness h;
  core::Id obs_id = plan_through_ui(h);
  auto o = std::get<core::Observation>(h.store().get(obs_id)->body);
  CHECK(o.focus_question == "Who answers my questions?");
  CHECK(o.class_name == "8B science");
  CHECK(o.date == "2026-12-03");
  CHECK_FALSE(o.template_key.empty());
  CHECK_FALSE(o.tools.counters.empty());
  CHECK_FALSE(o.tools.timers.empty());
  CHECK(o.tools.seating.enabled);
  CHECK(o.tools.seating.seats.size() == static_cast<std::size_t>(o.tools.seating.rows * o.tools.seating.cols));
  REQUIRE(o.participants.size() == 2);
  CHECK(o.participants[0].person == *h.store().meta().local_person());
  CHECK(o.participants[0].role == core::Role::TeacherLeader);
  CHECK(o.participants[1].role == core::Role::ObservedTeacher);
  auto amira = h.store().get(o.participants[1].person);
  REQUIRE(amira);
  CHECK(std::get<core::Person>(amira->body).name == "Amira Haddad");
  auto cycle = h.store().get(o.cycle);
  REQUIRE(cycle);
  CHECK(std::get<core::Cycle>(cycle->body).observed_teacher == o.participants[1].person);
}

TEST_CASE("client: observing — note with Enter, counter tap and undo, timer toggle, seat tap", "[app][walk]") {
  UiHarness h;
  core::Id obs_id = plan_through_ui(h);
  auto plan = std::get<core::Observation>(h.store().get(obs_id)->body);
  h.tap("Observe");
  REQUIRE(h.app().route().screen == app::ScreenId::Observe);
  h.tap("Start observing");
  REQUIRE(bodies<core::LessonClock>(h.store(), core::RecordType::LessonClock, obs_id).size() == 1);

  SECTION("a note is stamped with the lesson time at which typing began") {
    h.advance(65000);
    h.tap("##note");
    h.type("Ali answers first");
    h.advance(20000);  // slow typing: the stamp must stay at the first keystroke
    h.type(", then Bea");
    h.press_enter();
    auto notes = bodies<core::EvidenceNote>(h.store(), core::RecordType::EvidenceNote, obs_id);
    REQUIRE(notes.size() == 1);
    CHECK(notes[0].text == "Ali answers first, then Bea");
    CHECK(notes[0].lesson_ms >= 65000);
    CHECK(notes[0].lesson_ms < 66000);
    CHECK_FALSE(h.store().drafts().get(app::ObserveModel::draft_key(obs_id)));
    // The composer is ready for the next note (focus kept after Enter).
    h.type("Second");
    h.press_enter();
    CHECK(bodies<core::EvidenceNote>(h.store(), core::RecordType::EvidenceNote, obs_id).size() == 2);
  }
  SECTION("after Enter saves a long note, the empty composer shows its hint from the start") {
    h.tap("##note");
    h.type(
        "Ali asks why the chain rusted first, and Bea answers with the salt water idea from yesterday's lab, "
        "then Chen asks whether paint would have stopped it");
    CHECK(GImGui->InputTextState.ScrollX > 0.0f);  // the long line scrolled while typing
    h.press_enter();
    h.frames(2);
    REQUIRE(GImGui->ActiveId == GImGui->InputTextState.ID);  // typing can go on
    CHECK(GImGui->InputTextState.ScrollX == 0.0f);           // not "...aves" from the old scroll
  }
  SECTION("a Quote chip and a look-for tag go with the note") {
    h.tap("Quote");
    h.tap(plan.look_fors.front());
    h.tap("##note");
    h.type("Why did the chain rust?");
    h.tap("Save");
    auto notes = bodies<core::EvidenceNote>(h.store(), core::RecordType::EvidenceNote, obs_id);
    REQUIRE(notes.size() == 1);
    CHECK(notes[0].kind == core::NoteKind::Quote);
    REQUIRE(notes[0].look_for_tags.size() == 1);
    CHECK(notes[0].look_for_tags[0] == plan.look_fors.front());
  }
  SECTION("a counter tap is one tally; undo removes it") {
    const auto& counter = plan.tools.counters.front();
    h.tap(counter.label + "##counter");
    h.tap(counter.label + "##counter");
    auto tallies = bodies<core::Tally>(h.store(), core::RecordType::Tally, obs_id);
    REQUIRE(tallies.size() == 2);
    CHECK(tallies[0].counter_key == counter.key);
    h.tap("Undo last tap");
    CHECK(bodies<core::Tally>(h.store(), core::RecordType::Tally, obs_id).size() == 1);
  }
  SECTION("a timer toggles on and off as one span") {
    const auto& timer = plan.tools.timers.front();
    h.advance(10000);
    h.tap(timer.label + "##timer");
    auto spans = bodies<core::TimerSpan>(h.store(), core::RecordType::TimerSpan, obs_id);
    REQUIRE(spans.size() == 1);
    CHECK(spans[0].end_ms < 0);
    h.advance(30000);
    h.tap(timer.label + "  \xE2\x80\xA2 on##timer");  // a running timer says so on its button
    spans = bodies<core::TimerSpan>(h.store(), core::RecordType::TimerSpan, obs_id);
    REQUIRE(spans.size() == 1);
    CHECK(spans[0].end_ms - spans[0].start_ms >= 30000);
  }
  SECTION("a tap on a seat adds a participation mark") {
    REQUIRE_FALSE(plan.tools.seating.seats.empty());
    const auto& seat = plan.tools.seating.seats.front();
    h.tap(seat.label + "##seat");
    auto marks = bodies<core::SeatMark>(h.store(), core::RecordType::SeatMark, obs_id);
    REQUIRE(marks.size() == 1);
    CHECK(marks[0].seat_key == seat.key);
  }
}

TEST_CASE("client: a typed note draft is autosaved within a second and comes back after a restart",
          "[app][walk][drafts]") {
  test::TempDir dir;
  core::Id obs_id;
  {
    UiHarness h(1280, 2000, &dir.path());
    obs_id = plan_through_ui(h);
    h.tap("Observe");
    h.tap("Start observing");
    h.advance(5000);
    h.tap("##note");
    h.type("Half a thought");
    h.advance(1000);
    h.frame();
    auto saved = h.store().drafts().get(app::ObserveModel::draft_key(obs_id));
    REQUIRE(saved);
    CHECK(saved->find("Half a thought") != std::string::npos);
    // No Enter: the note is not a record yet.
    CHECK(h.store().live(core::RecordType::EvidenceNote, obs_id).empty());
  }
  UiHarness again(1280, 2000, &dir.path());
  REQUIRE(again.app().route().screen == app::ScreenId::Home);
  again.tap("Observe");
  auto* observe = static_cast<app::ObserveScreen*>(again.app().screen(app::ScreenId::Observe));
  CHECK(observe->model().draft() == "Half a thought");
  CHECK(observe->model().draft_started_ms() >= 5000);
  again.press_enter();  // the composer is not focused: Enter alone saves nothing
  again.tap("Save");
  auto notes = bodies<core::EvidenceNote>(again.store(), core::RecordType::EvidenceNote, obs_id);
  REQUIRE(notes.size() == 1);
  CHECK(notes[0].text == "Half a thought");
  CHECK(notes[0].lesson_ms >= 5000);
}

TEST_CASE("client: a drag that starts on a button scrolls the list instead of pressing it", "[app][touch]") {
  UiHarness h(768, 1024);
  h.tap("##name");
  h.type("Sam");
  h.tap("Start");  // with the demo
  // Enough planned visits to overflow the Home list.
  auto me = *h.store().meta().local_person();
  for (int i = 0; i < 12; ++i) {
    core::Observation o;
    o.class_name = "Class " + std::to_string(i);
    o.focus_question = "Focus";
    o.participants = {{me, core::Role::TeacherLeader}};
    h.store().create(o, me);
  }
  h.app().context().go_home = true;
  h.frames(3);
  REQUIRE(h.has("Observe"));
  ImVec2 before = h.center_of("Observe");
  h.drag(before, ImVec2(before.x, before.y - 300), 10);
  h.frames(30);                                          // let the fling settle
  CHECK(h.app().route().screen == app::ScreenId::Home);  // the button under the finger did not fire
  ImVec2 after = h.center_of("Observe");
  CHECK(after.y < before.y - 100);  // the list moved with the finger
  // A plain tap still presses.
  h.tap("Observe");
  CHECK(h.app().route().screen == app::ScreenId::Observe);
}

TEST_CASE("client: layout is one column in portrait and two in landscape", "[app][layout]") {
  for (auto [w, hgt, narrow] : {std::tuple{768.0f, 1024.0f, true}, std::tuple{1280.0f, 800.0f, false}}) {
    UiHarness h(w, hgt);
    h.frame();
    CHECK(ui::is_narrow() == narrow);
  }
}

TEST_CASE("client: changing the text size rebuilds the font atlas at the new size", "[app][theme]") {
  UiHarness h;
  float before = ui::fonts().body->FontSize;
  h.store().meta().set(core::MetaKey::TextSize, "1.30");
  h.app().context().theme_changed = true;
  CHECK(h.app().refresh_theme());
  h.frame();
  CHECK(ui::fonts().body->FontSize > before * 1.25f);
  CHECK(ImGui::GetIO().FontGlobalScale == 1.0f);  // crisp: rasterised at size, not scaled up
  CHECK(ui::touch_px() >= 48.0f);
}

TEST_CASE("client: the app sleeps when idle and wakes once a second only while the lesson clock runs", "[app][power]") {
  UiHarness h;
  core::Id obs_id = plan_through_ui(h);
  (void)obs_id;
  h.frames(200);                         // let the "Plan saved" toast expire
  CHECK(h.app().wake_after_ms() == -1);  // Home, nothing pending: block until an event
  h.tap("Observe");
  CHECK(h.app().wake_after_ms() == -1);  // clock not started
  h.tap("Start observing");
  h.frames(200);
  int wake = h.app().wake_after_ms();
  CHECK(wake > 0);
  CHECK(wake <= 1000);
  h.tap("Pause");
  h.frames(200);
  CHECK(h.app().wake_after_ms() == -1);
}

TEST_CASE("client: evaluative wording in a note gets a gentle hint and still saves", "[app][language]") {
  UiHarness h;
  core::Id obs_id = plan_through_ui(h);
  REQUIRE(h.app().context().guide != nullptr);  // the shipped lexicon loads
  h.tap("Observe");
  h.tap("##note");
  h.type("Great job with the questions");
  auto* observe = static_cast<app::ObserveScreen*>(h.app().screen(app::ScreenId::Observe));
  CHECK(observe->ui_state().hint.text.find("praise") != std::string::npos);
  h.press_enter();
  auto notes = bodies<core::EvidenceNote>(h.store(), core::RecordType::EvidenceNote, obs_id);
  REQUIRE(notes.size() == 1);  // never blocked
  CHECK(notes[0].text == "Great job with the questions");
}
