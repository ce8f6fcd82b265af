// The shared widget kit. See widgets.h for the guarantees.
#include "app/ui/widgets.h"

#include <imgui_internal.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <unordered_map>

#include "app/ui/field_focus.h"
#include "app/ui/theme.h"
#include "platform/text_input_kind.h"

namespace ui {

namespace {
ImVec4 mix(const ImVec4& a, const ImVec4& b, float t) {
  return ImVec4(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t, a.z + (b.z - a.z) * t, a.w + (b.w - a.w) * t);
}

// Cards cannot nest deeper than this; a fixed array keeps the splitters from being copied.
constexpr int kMaxCardDepth = 4;
struct CardFrame {
  ImDrawListSplitter splitter;
  ImGuiWindow* window = nullptr;
  ImVec2 start;
  float width = 0.0f;
  float pad = 0.0f;
  bool tinted = false;
  bool card = true;  // false: a plain column (narrows the content, draws nothing)
};
CardFrame g_cards[kMaxCardDepth];
int g_card_depth = 0;

float content_right() {
  ImGuiWindow* w = ImGui::GetCurrentWindow();
  if (g_card_depth > 0 && g_cards[g_card_depth - 1].window == w) {
    const CardFrame& c = g_cards[g_card_depth - 1];
    return c.start.x + c.width - c.pad;
  }
  return w->Pos.x + ImGui::GetWindowContentRegionMax().x;
}

struct TouchScroll {
  ImGuiWindow* target = nullptr;  // the scrollable window under the finger at press time
  bool dragging = false;
  float velocity = 0.0f;  // px per frame, for the fling after release
  ImGuiWindow* fling = nullptr;
};
TouchScroll g_scroll;

bool g_recording = false;
std::vector<ItemRecord> g_records;
void record_last(const char* label) {
  if (!g_recording) return;
  ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
  if (ImGui::IsRectVisible(min, max)) g_records.push_back({label, min, max});
}

}  // namespace

void record_item(const char* label) { record_last(label); }

// ---- layout ----

bool is_narrow() { return ImGui::GetIO().DisplaySize.x < em(56.0f); }

void begin_root(const char* id) {
  ImGuiIO& io = ImGui::GetIO();
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(io.DisplaySize);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
  ImGui::Begin(id, nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse);
  ImGui::PopStyleVar();
}

void end_root() { ImGui::End(); }

// The scroll bar's width is always reserved. When it came and went with the content, the page
// became narrower at the moment a field's keyboard inset (or a growing list) made it scroll, chips
// wrapped onto a new line and everything below jumped: a tap on "Start" right after typing a name
// landed on the old place and was lost (seen at phone width). Where nothing scrolls the bar is
// drawn transparent, so the reserved space looks like margin.
namespace {
std::unordered_map<ImGuiID, bool> g_area_scrolls;  // by scroll area id: it scrolled last frame
std::vector<ImGuiID> g_open_areas;
}  // namespace

bool begin_scroll_area(const char* id, ImVec2 size) {
  const ImGuiID key = ImGui::GetID(id);
  const bool scrolls = g_area_scrolls[key];
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(em(1.0f), em(0.6f)));
  if (!scrolls) ImGui::PushStyleColor(ImGuiCol_ScrollbarGrab, ImVec4(0, 0, 0, 0));
  bool open = ImGui::BeginChild(id, size, false,
                                ImGuiWindowFlags_AlwaysUseWindowPadding | ImGuiWindowFlags_AlwaysVerticalScrollbar);
  if (!scrolls) ImGui::PopStyleColor();
  ImGui::PopStyleVar();
  g_open_areas.push_back(key);
  return open;
}

void end_scroll_area() {
  add_keyboard_inset();
  if (!g_open_areas.empty()) {
    g_area_scrolls[g_open_areas.back()] = ImGui::GetScrollMaxY() > 0.0f;
    g_open_areas.pop_back();
  }
  ImGui::EndChild();
}

// ---- text ----

void body_wrapped(const char* text) {
  ImGui::PushTextWrapPos(content_right() - ImGui::GetWindowPos().x + ImGui::GetScrollX());
  ImGui::TextUnformatted(text);
  ImGui::PopTextWrapPos();
}

void heading(const char* text) {
  ImGui::PushFont(fonts().heading);
  body_wrapped(text);
  ImGui::PopFont();
}

void subheading(const char* text) {
  ImGui::PushFont(fonts().bold);
  body_wrapped(text);
  ImGui::PopFont();
}

void muted_wrapped(const char* text) {
  ImGui::PushStyleColor(ImGuiCol_Text, palette().text_muted);
  body_wrapped(text);
  ImGui::PopStyleColor();
}

void message_body(const char* id, const std::string& text) {
  begin_scroll_area(id);
  body_wrapped(text.c_str());
  end_scroll_area();
}

void error_wrapped(const std::string& text) {
  if (text.empty()) return;
  ImGui::PushStyleColor(ImGuiCol_Text, palette().danger);
  body_wrapped(text.c_str());
  ImGui::PopStyleColor();
}

void outcome_wrapped(const std::string& text, bool failed) {
  if (text.empty()) return;
  ImGui::PushStyleColor(ImGuiCol_Text, failed ? palette().danger : palette().success);
  body_wrapped(text.c_str());
  ImGui::PopStyleColor();
  ImGui::Spacing();
}

void caption(const char* text) {
  ImGui::PushFont(fonts().small);
  ImGui::PushStyleColor(ImGuiCol_Text, palette().text_muted);
  ImGui::PushTextWrapPos(content_right() - ImGui::GetWindowPos().x + ImGui::GetScrollX());
  ImGui::TextUnformatted(text);
  ImGui::PopTextWrapPos();
  ImGui::PopStyleColor();
  ImGui::PopFont();
}

void label(const char* text) {
  ImGui::PushFont(fonts().bold);
  ImGui::TextUnformatted(text);
  ImGui::PopFont();
}

// ---- buttons and chips ----

float button_width(const char* text) {
  ImGui::PushFont(fonts().bold);
  float w = ImGui::CalcTextSize(text, nullptr, true).x + em(2.4f);
  ImGui::PopFont();
  return std::max(w, touch_px());
}

bool button(const char* text, Tone tone, float width) {
  const Palette& p = palette();
  ImVec4 bg = p.chip, fg = p.text;
  switch (tone) {
    case Tone::Primary:
      bg = p.accent;
      fg = p.on_accent;
      break;
    case Tone::Secondary:
      break;
    case Tone::Quiet:
      bg = ImVec4(0, 0, 0, 0);
      fg = p.accent;
      break;
    case Tone::Danger:
      bg = p.danger_soft;
      fg = p.danger;
      break;
  }
  ImVec4 pressed = tone == Tone::Quiet ? p.accent_soft : mix(bg, p.text, 0.18f);
  ImGui::PushStyleColor(ImGuiCol_Button, bg);
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered, bg);
  ImGui::PushStyleColor(ImGuiCol_ButtonActive, pressed);
  ImGui::PushStyleColor(ImGuiCol_Text, fg);
  ImGui::PushFont(fonts().bold);
  float w = width == 0.0f ? button_width(text) : width < 0.0f ? content_right() - ImGui::GetCursorScreenPos().x : width;
  if (tone == Tone::Quiet && width == 0.0f) {
    // A quiet button shows its padding but no background, so at the start of a line its label
    // looked indented from the text above; it starts left of the line so the label lines up.
    ImGuiWindow* win = ImGui::GetCurrentWindow();
    const float line_start = win->Pos.x + win->DC.Indent.x + win->DC.ColumnsOffset.x;
    if (std::fabs(win->DC.CursorPos.x - line_start) < 0.5f) {
      const float inset = (w - ImGui::CalcTextSize(text, nullptr, true).x) * 0.5f;
      ImGui::SetCursorScreenPos(ImVec2(win->DC.CursorPos.x - inset, win->DC.CursorPos.y));
    }
  }
  bool pressed_now = ImGui::Button(text, ImVec2(w, touch_px()));
  record_last(text);
  ImGui::PopFont();
  ImGui::PopStyleColor(4);
  return pressed_now;
}

float chip_width(const char* text) {
  return std::max(touch_px(), ImGui::CalcTextSize(text, nullptr, true).x + em(1.8f));
}

bool chip(const char* text, bool selected) {
  const Palette& p = palette();
  ImVec4 bg = selected ? p.chip_on : p.chip, fg = selected ? p.on_accent : p.text;
  // As tall as every other touch target (48 px at scale 1): chips are tapped as often as buttons.
  const float h = touch_px();
  ImGui::PushStyleVar(ImGuiStyleVar_FrameRounding, h * 0.5f);
  ImGui::PushStyleColor(ImGuiCol_Button, bg);
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered, bg);
  ImGui::PushStyleColor(ImGuiCol_ButtonActive, mix(bg, p.text, 0.18f));
  ImGui::PushStyleColor(ImGuiCol_Text, fg);
  bool tapped = ImGui::Button(text, ImVec2(chip_width(text), h));
  record_last(text);
  ImGui::PopStyleColor(4);
  ImGui::PopStyleVar();
  return tapped;
}

bool tally_button(const char* id, const char* text, const char* value, ImVec2 size, bool highlight) {
  const Palette& p = palette();
  ImVec2 pos = ImGui::GetCursorScreenPos();
  bool tapped = ImGui::InvisibleButton(id, size);
  if (g_recording) record_last((std::string(text) + id).c_str());  // "Open questions##counter"

  bool held = ImGui::IsItemActive();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImVec4 bg = highlight ? p.accent_soft : p.surface_alt;
  if (held) bg = mix(bg, p.accent, 0.25f);
  ImVec2 max(pos.x + size.x, pos.y + size.y);
  dl->AddRectFilled(pos, max, col(bg), em(0.7f));
  float pad = em(0.7f);
  ImGui::PushFont(fonts().bold);
  ImGui::RenderTextEllipsis(dl, ImVec2(pos.x + pad, pos.y + pad),
                            ImVec2(max.x - pad, pos.y + pad + ImGui::GetFontSize()), max.x - pad, max.x - pad, text,
                            nullptr, nullptr);
  ImGui::PopFont();
  ImGui::PushFont(fonts().heading);
  ImVec2 vs = ImGui::CalcTextSize(value);
  dl->AddText(ImVec2(pos.x + pad, max.y - pad - vs.y), col(highlight ? p.accent : p.text), value);
  ImGui::PopFont();
  return tapped;
}

void flow_next(float width) {
  float right = ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + width;
  if (right <= content_right()) ImGui::SameLine();
}

// ---- cards ----

void begin_card(const char* id, bool tinted) {
  IM_ASSERT(g_card_depth < kMaxCardDepth);
  const float right = content_right();  // of the enclosing card or column, before this one is pushed
  CardFrame& c = g_cards[g_card_depth++];
  c.window = ImGui::GetCurrentWindow();
  c.start = ImGui::GetCursorScreenPos();
  c.width = right - c.start.x;
  c.pad = em(1.0f);
  c.tinted = tinted;
  c.card = true;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  c.splitter.Split(dl, 2);
  c.splitter.SetCurrentChannel(dl, 1);
  ImGui::PushID(id);
  ImGui::SetCursorScreenPos(ImVec2(c.start.x + c.pad, c.start.y + c.pad));
  ImGui::BeginGroup();
  ImGui::PushItemWidth(c.width - 2 * c.pad);
}

void end_card() {
  IM_ASSERT(g_card_depth > 0);
  CardFrame& c = g_cards[--g_card_depth];
  ImGui::PopItemWidth();
  ImGui::EndGroup();
  ImGui::PopID();
  float bottom = ImGui::GetItemRectMax().y + c.pad;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  c.splitter.SetCurrentChannel(dl, 0);
  const Palette& p = palette();
  ImVec2 max(c.start.x + c.width, bottom);
  dl->AddRectFilled(c.start, max, col(c.tinted ? p.accent_soft : p.surface), em(0.8f));
  if (!c.tinted) dl->AddRect(c.start, max, col(p.border, 0.7f), em(0.8f));
  c.splitter.Merge(dl);
  ImGui::SetCursorScreenPos(c.start);
  ImGui::Dummy(ImVec2(c.width, bottom - c.start.y));
}

void begin_column(float width) {
  IM_ASSERT(g_card_depth < kMaxCardDepth);
  const float right = content_right();
  CardFrame& c = g_cards[g_card_depth++];
  c.window = ImGui::GetCurrentWindow();
  c.start = ImGui::GetCursorScreenPos();
  c.width = std::min(width, right - c.start.x);
  c.pad = 0.0f;
  c.card = false;
  ImGui::BeginGroup();
  ImGui::PushItemWidth(c.width);
}

void end_column() {
  IM_ASSERT(g_card_depth > 0 && !g_cards[g_card_depth - 1].card);
  --g_card_depth;
  ImGui::PopItemWidth();
  ImGui::EndGroup();
}

float begin_centred_column(const char* scroll_id, float max_width_em) {
  begin_scroll_area(scroll_id);
  const float width = std::min(ImGui::GetContentRegionAvail().x, em(max_width_em));
  ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0f, (ImGui::GetContentRegionAvail().x - width) * 0.5f));
  begin_column(width);
  return width;
}

void end_centred_column() {
  end_column();
  end_scroll_area();
}

float content_width() { return std::max(1.0f, content_right() - ImGui::GetCursorScreenPos().x); }

// ---- fields ----

bool text_field(const char* id, const char* hint, std::string* text, int flags, float width) {
  float pad_y = std::max(em(0.5f), (touch_px() - ImGui::GetFontSize()) * 0.5f);
  ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(em(0.8f), pad_y));
  ImGui::PushStyleColor(ImGuiCol_FrameBg, palette().surface_alt);
  ImGui::SetNextItemWidth(width < 0.0f ? content_width() : width);
  // ImGui 1.86 keeps a field's horizontal scroll when it is activated again, so after Enter saved
  // a long note and cleared it, the hint showed scrolled off ("...aves"). Empty text never scrolls.
  if (text->empty())
    if (ImGuiInputTextState* state = ImGui::GetInputTextState(ImGui::GetID(id))) state->ScrollX = 0.0f;
  bool changed = ImGui::InputTextWithHint(id, hint, text, flags);
  keep_active_field_in_view();
  record_last(id);
  ImGui::PopStyleColor();
  ImGui::PopStyleVar();
  return changed;
}

bool exact_text_field(const char* id, const char* hint, std::string* text, int flags, float width) {
  const bool changed = text_field(id, hint, text, flags, width);
  if (ImGui::IsItemActive()) platform::active_text_kind() = platform::TextKind::Exact;
  return changed;
}

// text_area is in text_area.cpp.

// ---- touch ----

void touch_scroll_frame() {
  ImGuiContext& g = *GImGui;
  ImGuiIO& io = g.IO;
  const float threshold = 8.0f * theme_settings().display_scale;
  if (ImGui::IsMouseClicked(0)) {
    ImGuiWindow* w = g.HoveredWindow;
    // The nearest enclosing region that scrolls; fixed panes (NoScrollWithMouse) never do.
    auto scrolls = [](ImGuiWindow* x) {
      return x->ScrollMax.y > 0.0f && !(x->Flags & ImGuiWindowFlags_NoScrollWithMouse);
    };
    while (w && !scrolls(w) && (w->Flags & ImGuiWindowFlags_ChildWindow)) w = w->ParentWindow;
    g_scroll.target = (w && scrolls(w)) ? w : nullptr;
    g_scroll.dragging = false;
    g_scroll.velocity = 0.0f;
    g_scroll.fling = nullptr;
  }
  if (ImGui::IsMouseDown(0) && g_scroll.target) {
    if (!g_scroll.dragging && std::fabs(io.MousePos.y - io.MouseClickedPos[0].y) > threshold) {
      g_scroll.dragging = true;
      // The finger is scrolling, not pressing: release whatever button it started on, except a
      // text field being edited (a drag there selects text).
      if (g.ActiveId != 0 && g.ActiveId != g.InputTextState.ID) ImGui::ClearActiveID();
    }
    if (g_scroll.dragging) {
      ImGuiWindow* t = g_scroll.target;
      ImGui::SetScrollY(t, std::clamp(t->Scroll.y - io.MouseDelta.y, 0.0f, t->ScrollMax.y));
      g_scroll.velocity = -io.MouseDelta.y;
    }
  } else if (g_scroll.target) {
    if (g_scroll.dragging && std::fabs(g_scroll.velocity) > 2.0f) g_scroll.fling = g_scroll.target;
    g_scroll.target = nullptr;
    g_scroll.dragging = false;
  } else if (g_scroll.fling) {
    ImGuiWindow* t = g_scroll.fling;
    if (ImGui::FindWindowByID(t->ID) != t) {  // the window went away with its screen
      g_scroll.fling = nullptr;
      return;
    }
    ImGui::SetScrollY(t, std::clamp(t->Scroll.y + g_scroll.velocity, 0.0f, t->ScrollMax.y));
    g_scroll.velocity *= 0.92f;
    if (std::fabs(g_scroll.velocity) < 0.5f) g_scroll.fling = nullptr;
  }
}

bool touch_scroll_animating() { return g_scroll.fling != nullptr || g_scroll.dragging; }

// ---- the test hook ----

void record_items(bool on) {
  g_recording = on;
  g_records.clear();
}

void begin_frame_records() {
  if (g_recording) g_records.clear();
}

const std::vector<ItemRecord>& recorded_items() { return g_records; }

void status_dot(const ImVec4& colour) {
  float r = em(0.3f);
  ImVec2 pos = ImGui::GetCursorScreenPos();
  float h = ImGui::GetTextLineHeight();
  ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(pos.x + r, pos.y + h * 0.5f), r, col(colour));
  ImGui::Dummy(ImVec2(2 * r, h));
}

}  // namespace ui
