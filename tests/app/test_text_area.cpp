// Multi-line fields wrap on the real Debrief screen: a long paragraph typed word by word into the
// debrief note (portrait tablet size) is saved exactly as typed, and while it is typed no line of
// the field is wider than the field, nothing scrolls sideways, and the field grows with its text.
#include <catch2/catch.hpp>

#include <imgui.h>
#include <imgui_internal.h>

#include <cfloat>
#include <sstream>
#include <string>
#include <vector>

#include "app/screens/prompt/prompt_screen.h"
#include "app/ui/soft_wrap.h"
#include "app/ui/theme.h"
#include "ui_harness.h"

using test::UiHarness;

namespace {

// SDL scancodes, as the backend maps them.
constexpr int kBackspaceKey = 42, kHomeKey = 74, kAKey = 4, kCKey = 6;

// The field being edited: its text as drawn (soft breaks included) and its own child window.
struct ActiveField {
  std::string drawn;
  ImGuiWindow* window = nullptr;
  float scroll_x = 0.0f;
};

ActiveField active_field() {
  ImGuiContext& g = *GImGui;
  ActiveField f;
  const ImGuiInputTextState& st = g.InputTextState;
  if (st.ID == 0 || g.ActiveId != st.ID) return f;
  std::vector<char> utf8(static_cast<std::size_t>(st.CurLenW) * 4 + 1);
  ImTextStrToUtf8(utf8.data(), static_cast<int>(utf8.size()), st.TextW.Data, st.TextW.Data + st.CurLenW);
  f.drawn = utf8.data();
  f.scroll_x = st.ScrollX;
  for (ImGuiWindow* w : g.Windows)
    if (w->ChildId == st.ID) f.window = w;
  return f;
}

// Widths of the drawn lines in the body font, spaces at a line's end (which hang) left out.
std::vector<float> drawn_line_widths(const std::string& drawn) {
  std::vector<float> out;
  std::string line;
  std::istringstream in(drawn);
  while (std::getline(in, line)) {
    std::string visible;
    for (char c : line)
      if (c != '\r') visible.push_back(c);
    while (!visible.empty() && visible.back() == ' ') visible.pop_back();
    ImFont* font = ui::fonts().body;
    out.push_back(font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, visible.c_str()).x);
  }
  return out;
}

void press(UiHarness& h, int key) {
  ImGuiIO& io = ImGui::GetIO();
  io.KeysDown[key] = true;
  h.frame();
  io.KeysDown[key] = false;
  h.frame();
}

core::Id open_debrief(UiHarness& h) {
  h.tap("##name");
  h.type("Sam Okafor");
  h.tap("Start");
  core::Id visit;
  for (const auto& [id, rec] : h.store().live(core::RecordType::Observation))
    if (!std::get<core::Observation>(rec.body).follows.empty()) visit = id;
  REQUIRE_FALSE(visit.empty());
  h.app().context().open(app::Route{app::ScreenId::Debrief, visit, {}});
  h.frames(2);
  REQUIRE(h.app().route().screen == app::ScreenId::Debrief);
  return visit;
}

const std::vector<std::string> kWords = {"Amira",
                                         "noticed",
                                         "that",
                                         "the",
                                         "back",
                                         "row",
                                         "wrote",
                                         "on",
                                         "their",
                                         "whiteboards",
                                         "but",
                                         "did",
                                         "not",
                                         "speak",
                                         "until",
                                         "the",
                                         "third",
                                         "question;",
                                         "les",
                                         "\xC3\xA9l\xC3\xA8ves",
                                         "du",
                                         "fond",
                                         "(\xE5\xAD\xA6\xE7\x94\x9F)",
                                         "answered",
                                         "once",
                                         "she",
                                         "waited",
                                         "five",
                                         "seconds.",
                                         "Link:",
                                         "https://school.example/observations/follow-up/"
                                         "whiteboards-and-wait-time-in-the-first-ten-minutes-and-the-questions-"
                                         "that-followed-in-the-second-half",
                                         "end."};

}  // namespace

TEST_CASE("text area: a long paragraph wraps inside the debrief note and is saved exactly as typed",
          "[app][ui][wrap]") {
  UiHarness h(768, 1024);
  ImGuiIO& io = ImGui::GetIO();
  io.KeyMap[ImGuiKey_Backspace] = kBackspaceKey;
  io.KeyMap[ImGuiKey_Home] = kHomeKey;
  io.KeyMap[ImGuiKey_A] = kAKey;
  io.KeyMap[ImGuiKey_C] = kCKey;
  const core::Id visit = open_debrief(h);
  REQUIRE(h.has("##note"));
  const ImVec2 note = h.center_of("##note");
  h.tap_at(note);

  std::string typed;
  float first_height = 0.0f;
  for (std::size_t i = 0; i < kWords.size(); ++i) {
    const std::string word = kWords[i] + (i + 1 < kWords.size() ? " " : "");
    h.type(word);
    typed += word;
    const ActiveField f = active_field();
    REQUIRE(f.window != nullptr);
    if (first_height == 0.0f) first_height = f.window->Rect().GetHeight();
    const float inner = f.window->Rect().GetWidth() - 2.0f * ui::em(0.8f);
    INFO("after typing \"" << word << "\" the field shows:\n" << f.drawn);
    for (float w : drawn_line_widths(f.drawn)) CHECK(w <= inner);
    CHECK(f.scroll_x == 0.0f);
  }
  const ActiveField f = active_field();
  // It did wrap (soft breaks drawn), and the field grew with the text.
  CHECK(std::count(f.drawn.begin(), f.drawn.end(), '\r') >= 3);
  CHECK(f.window->Rect().GetHeight() > first_height);

  SECTION("Enter inserts a real newline and Backspace deletes what was typed") {
    h.press_enter();
    h.type("Next time: xyz");
    press(h, kBackspaceKey);
    press(h, kBackspaceKey);
    press(h, kBackspaceKey);
    h.type("wait ten seconds.");
    typed += "\nNext time: wait ten seconds.";
  }

  SECTION("Backspace at the start of a wrapped line deletes the last glyph of the line above") {
    const std::size_t last_break = f.drawn.rfind("\r\n");  // here inside the long link
    REQUIRE(last_break != std::string::npos);
    const int stored_at = ui::soft_wrap::to_stored(f.drawn, static_cast<int>(last_break) + 2);
    REQUIRE(static_cast<unsigned char>(typed[static_cast<std::size_t>(stored_at) - 1]) < 0x80);
    press(h, kHomeKey);  // the caret was at the end of the last line: now at its start
    press(h, kBackspaceKey);
    typed.erase(static_cast<std::size_t>(stored_at) - 1, 1);
  }

  SECTION("Copy puts the text on the clipboard without soft breaks") {
    io.KeyCtrl = true;
    press(h, kAKey);
    press(h, kCKey);
    io.KeyCtrl = false;
    h.frame();
    REQUIRE(ImGui::GetClipboardText() != nullptr);
    CHECK(std::string(ImGui::GetClipboardText()) == typed);
    h.type("A shorter note.");  // the selection is replaced
    typed = "A shorter note.";
    CHECK(active_field().drawn == typed);
    h.frame();  // the field's height follows its text a frame later; the Save button moves up
  }

  REQUIRE(h.has("Save note"));
  h.tap("Save note");
  std::vector<std::string> notes;
  for (const auto& [id, rec] : h.store().live(core::RecordType::DebriefNote, visit))
    notes.push_back(std::get<core::DebriefNote>(rec.body).text);
  REQUIRE(notes.size() == 1);
  CHECK(notes[0] == typed);
  CHECK(notes[0].find('\r') == std::string::npos);
}

TEST_CASE("text area: a saved paragraph is shown wrapped when the field is not being edited", "[app][ui][wrap]") {
  UiHarness h(768, 1024);
  open_debrief(h);
  // Listed by the kit, so the UI map (PEEROBS_UI_MAP) lets xdotool tap it by name.
  REQUIRE(h.has("##note"));
  const ImVec2 note = h.center_of("##note");
  h.tap_at(note);
  std::string typed;
  for (const auto& w : kWords) typed += w + " ";
  h.type(typed);
  // The field lets go (as when another widget is tapped) and shows the text from the caller's string.
  ImGui::ClearActiveID();
  h.frames(2);
  REQUIRE(active_field().window == nullptr);
  h.tap_at(note);  // and activating it again starts from the wrapped display
  const ActiveField f = active_field();
  REQUIRE(f.window != nullptr);
  CHECK(std::count(f.drawn.begin(), f.drawn.end(), '\r') >= 3);
  const float inner = f.window->Rect().GetWidth() - 2.0f * ui::em(0.8f);
  for (float w : drawn_line_widths(f.drawn)) CHECK(w <= inner);
}
