// The shared widget kit every screen draws with: buttons, chips, cards, text fields, headings,
// scroll areas with drag-to-scroll, and small formatting helpers.
// Guarantees: every tappable widget here is at least ui::touch_px() tall (48 px at scale 1), none
// depends on hover or a right click, and sizes are in em units so they follow the text size.
#pragma once
#include <imgui.h>

#include <cstdint>
#include <string>
#include <vector>

namespace ui {

// ---- layout ----
// True when the window is too narrow for two columns (e.g. 768x1024 portrait at scale 1).
bool is_narrow();
// The full-window root of each frame: no title bar, no move, no resize, no default look.
void begin_root(const char* id);
void end_root();
// A scrolling region of the given size (0 = fill); drag on it to scroll (see touch_scroll_frame).
bool begin_scroll_area(const char* id, ImVec2 size = ImVec2(0, 0));
void end_scroll_area();
// The body as two scroll areas side by side, `left()` in the first `left_share` of the width, or,
// on a narrow window, one scroll area with both, the left one first unless `right_first`.
// Scroll ids: `id` when narrow, `id`_left and `id`_right when wide.
template <class Left, class Right>
void two_columns(const std::string& id, ImVec2 size, float left_share, Left&& left, Right&& right,
                 bool right_first = false);

// ---- text ----
void heading(const char* text);
void subheading(const char* text);
void body_wrapped(const char* text);
void muted_wrapped(const char* text);
// The whole body as one wrapped message in a scroll area, instead of a screen that has nothing
// to show (its record is not on this device); `return ui::message_body(...)` from a draw.
void message_body(const char* id, const std::string& text);
// What stopped an action, wrapped in the danger colour; nothing when `text` is empty.
void error_wrapped(const std::string& text);
// The outcome of the last action: in the danger colour when it failed, else in the success colour,
// followed by a little space; nothing when `text` is empty.
void outcome_wrapped(const std::string& text, bool failed);
void caption(const char* text);
void label(const char* text);  // a bold field label above an input

// ---- buttons and chips ----
enum class Tone { Primary, Secondary, Quiet, Danger };
// A button of at least touch height; width 0 = fit the label, -1 = fill the row.
bool button(const char* label, Tone tone = Tone::Secondary, float width = 0.0f);
// A rounded toggle chip (kind of note, look-for tag, role); returns true when tapped.
bool chip(const char* label, bool selected);
// A big square-ish tap target showing a label and a large number (counters). Listed for tests
// as label + id, e.g. "Open questions##counter".
bool tally_button(const char* id, const char* label, const char* value, ImVec2 size, bool highlight = false);
// Places the next widget on the same row if `width` still fits, else starts a new row (flow layout).
void flow_next(float width);
float chip_width(const char* label);
float button_width(const char* label);

// ---- cards ----
// A rounded surface around a group of widgets, full available width.
void begin_card(const char* id, bool tinted = false);
void end_card();
// A column narrower than the region (e.g. a centred form); text wraps and fields fill inside it.
void begin_column(float width);
void end_column();
// A scroll area filling the region with a column centred in it, at most `max_width_em` wide (a
// form or a list that would be hard to read across a wide window); returns the column's width.
float begin_centred_column(const char* scroll_id, float max_width_em);
void end_centred_column();
// Width available inside the current card or column (or region).
float content_width();

// ---- fields ----
// A full-width single-line text field with a hint; returns true when the text changed.
bool text_field(const char* id, const char* hint, std::string* text, int flags = 0, float width = -1.0f);
// The same for text typed exactly as written (a recovery phrase, an enrollment code, a hub
// address, a date): the on-screen keyboard neither corrects nor capitalises it
// (platform/text_input_kind.h).
bool exact_text_field(const char* id, const char* hint, std::string* text, int flags = 0, float width = -1.0f);
// A full-width multi-line field (text_area.cpp). It wraps by words at its width while typing and
// while shown, and grows with its text from `height_em` up to 14 em (under half a short window),
// then scrolls. The wrapping is display-only: `text` receives exactly what was typed, and Enter
// inserts a real newline. Returns true when the text changed.
bool text_area(const char* id, const char* hint, std::string* text, float height_em = 4.0f);
// Both fields scroll their scroll area so that, when activated or when the window is resized while
// active, they sit in the upper part of it, above an on-screen keyboard (field_focus.h).

// ---- touch ----
// Call once per frame after all windows are drawn: a drag that starts on a scrollable region
// scrolls it (with a short fling), and a drag that started on a button scrolls instead of
// pressing it once it moves past a few pixels.
void touch_scroll_frame();
// True while a fling is still moving (the frame loop must keep drawing).
bool touch_scroll_animating();

// Draws a small filled circle in line with text.
void status_dot(const ImVec4& colour);

// ---- a hook for headless tests ----
// When on, every kit widget drawn in a frame is listed with its label and screen rectangle, so a
// test can tap "Save" the way a finger would. Off by default; costs nothing then.
struct ItemRecord {
  std::string label;  // the label as passed to the widget (ids like "##note" included)
  ImVec2 min, max;
};
void record_items(bool on);
void begin_frame_records();  // the App calls this at the start of each frame
// Lists the item just drawn under `label` (for kit widgets that live in other files).
void record_item(const char* label);
const std::vector<ItemRecord>& recorded_items();

// ---- templates ----

template <class Left, class Right>
void two_columns(const std::string& id, ImVec2 size, float left_share, Left&& left, Right&& right, bool right_first) {
  if (is_narrow()) {
    begin_scroll_area(id.c_str(), size);
    right_first ? right() : left();
    ImGui::Spacing();
    right_first ? left() : right();
    end_scroll_area();
    return;
  }
  const float first = static_cast<float>(static_cast<int>(size.x * left_share));  // whole pixels
  begin_scroll_area((id + "_left").c_str(), ImVec2(first, size.y));
  left();
  end_scroll_area();
  ImGui::SameLine(0, 0);
  begin_scroll_area((id + "_right").c_str(), ImVec2(size.x - first, size.y));
  right();
  end_scroll_area();
}

}  // namespace ui
