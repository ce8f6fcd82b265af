// The multi-line text field (ui::text_area): wrapped by words at the field's width while typing and
// while shown, growing with its text up to a limit and then scrolling. Dear ImGui 1.86 never wraps
// InputTextMultiline, so the field edits a display copy with soft breaks (soft_wrap.h) that an
// edit callback re-flows every frame; the caller's string only ever receives the stored text.
#include <imgui.h>
#include <imgui_internal.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <unordered_map>

#include "app/ui/field_focus.h"
#include "app/ui/soft_wrap.h"
#include "app/ui/theme.h"
#include "app/ui/widgets.h"

namespace ui {

namespace {
namespace sw = soft_wrap;

// One field's state, kept by its ImGui id.
struct AreaState {
  std::string stored;            // the teacher's text: the caller's, or as edited while active
  std::string display;           // the buffer handed to ImGui: `stored` with soft breaks
  std::string buf;               // ImGui's edit buffer as our last callback left it
  int caret = 0;                 // the display caret our last callback left (byte offset)
  float width = 1.0f;            // the wrap width for this frame, px
  sw::Advance advance;           // glyph widths in the field's font for this frame
  std::string stored_before;     // stored text and selection (stored offsets) before this frame's
  int sel_from = 0, sel_to = 0;  // keys ran, for Copy and Cut (see fix_clipboard)
  int seen_frame = 0;
};
std::unordered_map<ImGuiID, AreaState> g_areas;

sw::Advance font_advance() {
  ImFont* font = ImGui::GetFont();
  const float scale = ImGui::GetFontSize() / font->FontSize;
  return [font, scale](char32_t c) {
    // ImGui decodes code points above its ImWchar range as U+FFFD, and so draws them.
    const auto w = static_cast<ImWchar>(c <= IM_UNICODE_CODEPOINT_MAX ? c : IM_UNICODE_CODEPOINT_INVALID);
    return font->GetCharAdvance(w) * scale;
  };
}

std::string wrap_for(const AreaState& st, std::string_view stored) {
  return sw::can_wrap(stored) ? sw::wrap(stored, st.width, st.advance) : std::string(stored);
}

// Runs every frame the field is active, after ImGui applied this frame's keys to the display.
int reflow(ImGuiInputTextCallbackData* data) {
  auto& st = *static_cast<AreaState*>(data->UserData);
  const std::string_view now(data->Buf, static_cast<std::size_t>(data->BufTextLen));
  st.stored_before = st.stored;
  std::string stored;
  int caret = 0, sel_from = 0, sel_to = 0;
  sw::Side side = sw::Side::LineStart;
  const bool edited = now != st.buf;
  if (!sw::can_wrap(st.stored)) {  // shown as is: display offsets are stored offsets
    stored = std::string(now);
    caret = data->CursorPos;
    sel_from = std::min(data->SelectionStart, data->SelectionEnd);
    sel_to = std::max(data->SelectionStart, data->SelectionEnd);
  } else if (edited) {
    sw::StoredEdit e = sw::apply_display_edit(st.buf, st.caret, now, data->CursorPos);
    stored = std::move(e.stored);
    caret = sel_from = sel_to = e.caret;
    side = sw::Side::LineEnd;  // a glyph typed at the end of a line stays with the caret
  } else {
    stored = st.stored;
    const int settled = sw::settle_caret(now, data->CursorPos, st.caret);
    if (settled != data->CursorPos) {
      if (data->SelectionEnd == data->CursorPos) data->SelectionEnd = settled;
      if (data->SelectionStart == data->CursorPos) data->SelectionStart = settled;
      data->CursorPos = settled;
    }
    caret = sw::to_stored(now, settled);
    side = sw::inside_soft_break(now, settled) ? sw::Side::LineEnd : sw::Side::LineStart;
    sel_from = sw::to_stored(now, std::min(data->SelectionStart, data->SelectionEnd));
    sel_to = sw::to_stored(now, std::max(data->SelectionStart, data->SelectionEnd));
  }
  // Keep the pre-frame selection for Copy/Cut, which ran before this callback.
  if (!edited) {
    st.sel_from = sel_from;
    st.sel_to = sel_to;
  }
  const std::string target = wrap_for(st, stored);
  if (target != now) {
    const bool had_selection = data->SelectionStart != data->SelectionEnd && !edited;
    const bool caret_at_end = data->CursorPos == std::max(data->SelectionStart, data->SelectionEnd);
    data->DeleteChars(0, data->BufTextLen);
    data->InsertChars(0, target.data(), target.data() + target.size());
    const int c = sw::to_display(target, caret, side);
    data->CursorPos = data->SelectionStart = data->SelectionEnd = c;
    if (had_selection) {
      const int other = sw::to_display(target, caret_at_end ? sel_from : sel_to, sw::Side::LineStart);
      data->SelectionStart = other;
      data->SelectionEnd = c;
    }
  }
  st.stored = std::move(stored);
  st.buf.assign(data->Buf, static_cast<std::size_t>(data->BufTextLen));
  st.caret = data->CursorPos;
  return 0;
}

// Copy and Cut take ImGui's display text, soft breaks included; put the stored text there instead.
void fix_clipboard(const AreaState& st) {
  ImGuiIO& io = ImGui::GetIO();
  auto pressed = [](ImGuiKey k) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(k), false); };
  const bool copy_or_cut =
      ((io.KeyCtrl || io.KeySuper) && (pressed(ImGuiKey_C) || pressed(ImGuiKey_X) || pressed(ImGuiKey_Insert))) ||
      (io.KeyShift && pressed(ImGuiKey_Delete));
  if (!copy_or_cut) return;
  const char* clip = ImGui::GetClipboardText();
  if (!clip || !std::strchr(clip, '\r')) return;
  const std::string& text = st.stored_before;
  // With nothing selected ImGui copies the whole field.
  const bool none = st.sel_from == st.sel_to;
  const auto from = static_cast<std::size_t>(std::clamp(none ? 0 : st.sel_from, 0, static_cast<int>(text.size())));
  const auto to = static_cast<std::size_t>(
      std::clamp(none ? static_cast<int>(text.size()) : st.sel_to, 0, static_cast<int>(text.size())));
  ImGui::SetClipboardText(text.substr(from, to - from).c_str());
}

// Fields not drawn for a while (their screen closed) are forgotten.
void forget_old_fields() {
  const int now = ImGui::GetFrameCount();
  for (auto it = g_areas.begin(); it != g_areas.end();)
    it = now - it->second.seen_frame > 600 ? g_areas.erase(it) : std::next(it);
}
}  // namespace

bool text_area(const char* id, const char* hint, std::string* text, float height_em) {
  const ImGuiStyle& style = ImGui::GetStyle();
  const ImVec2 pad(em(0.8f), em(0.6f));
  const ImGuiID key = ImGui::GetID(id);
  if (ImGui::GetFrameCount() % 600 == 0) forget_old_fields();
  AreaState& st = g_areas[key];
  st.seen_frame = ImGui::GetFrameCount();
  st.advance = font_advance();
  ImGuiContext& g = *GImGui;
  const bool active = g.ActiveId == key && g.InputTextState.ID == key;
  if (!active) st.stored = *text;

  // Width: the frame less its padding and a caret's width; less a scrollbar once the text is
  // taller than the field may grow. Height: the text's lines, between the caller's minimum and
  // the limit (14 em, or under half the window on a short screen).
  const float field_w = content_width(), line_h = ImGui::GetFontSize();
  const float min_h = em(height_em), max_h = std::max(min_h, std::min(em(14.0f), ImGui::GetIO().DisplaySize.y * 0.45f));
  const float chrome_h = 3.0f * pad.y;  // top and bottom padding plus the trailing space ImGui adds
  st.width = std::max(1.0f, field_w - 2.0f * pad.x - 2.0f);
  int lines = sw::line_count(wrap_for(st, st.stored));
  if (lines * line_h + chrome_h > max_h) {
    st.width = std::max(1.0f, st.width - style.ScrollbarSize);
    lines = sw::line_count(wrap_for(st, st.stored));
  }
  const float height = std::clamp(std::ceil(lines * line_h + chrome_h), min_h, max_h);
  if (!active) {
    st.display = wrap_for(st, st.stored);
    st.buf = st.display;  // what ImGui copies into its edit buffer if the field activates now
  }

  ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, pad);
  ImGui::PushStyleColor(ImGuiCol_FrameBg, palette().surface_alt);
  ImGui::InputTextMultiline(
      id, &st.display, ImVec2(field_w, height),
      ImGuiInputTextFlags_CallbackAlways | ImGuiInputTextFlags_CallbackEdit | ImGuiInputTextFlags_NoHorizontalScroll,
      reflow, &st);
  record_item(id);
  const bool now_active = ImGui::IsItemActive();
  if (now_active) fix_clipboard(st);
  // Escape puts back the text the field had when it was activated, without our callback.
  if (!now_active && st.display != st.buf) st.stored = sw::can_wrap(st.stored) ? sw::unwrap(st.display) : st.display;
  keep_active_field_in_view();
  if (text->empty() && st.stored.empty() && !now_active && hint && *hint) {
    const ImVec2 at = ImGui::GetItemRectMin();
    ImGui::GetWindowDrawList()->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(at.x + pad.x, at.y + pad.y),
                                        col(palette().text_muted), hint, nullptr, field_w - 2.0f * pad.x);
  }
  ImGui::PopStyleColor();
  ImGui::PopStyleVar();
  if (st.stored == *text) return false;
  *text = st.stored;
  return true;
}

}  // namespace ui
