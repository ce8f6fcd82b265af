// Drawing each observer's lesson data. See lesson_data_view.h.
#include "app/screens/common/lesson_data_view.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>

#include "app/screens/common/model_text.h"
#include "app/screens/common/record_summary.h"
#include "app/ui/theme.h"
#include "app/ui/widgets.h"
#include "core/dates.h"

namespace app {

namespace {
// A label on the left and its value on the right, one text line; the cursor is left below it.
void value_row(const std::string& label, const std::string& value) {
  const float w = ui::content_width();
  ImVec2 pos = ImGui::GetCursorScreenPos();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImFont* body = ImGui::GetFont();
  ImFont* bold = ui::fonts().bold;
  ImVec2 vs = bold->CalcTextSizeA(bold->FontSize, FLT_MAX, 0, value.c_str());
  const float right = pos.x + w - vs.x - ui::em(0.8f);
  ImGui::RenderTextEllipsis(dl, pos, ImVec2(right, pos.y + body->FontSize), right, right, label.c_str(), nullptr,
                            nullptr);
  dl->AddText(bold, bold->FontSize, ImVec2(pos.x + w - vs.x, pos.y), ui::col(ui::palette().text), value.c_str());
  ImGui::Dummy(ImVec2(w, body->FontSize + ui::em(0.1f)));
}

// value_row with a thin neutral bar of `fraction` under it.
void bar_row(const std::string& label, const std::string& value, float fraction) {
  const ui::Palette& p = ui::palette();
  const float w = ui::content_width();
  const float x = ImGui::GetCursorScreenPos().x;
  value_row(label, value);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float y = ImGui::GetCursorScreenPos().y + ui::em(0.25f) - ImGui::GetStyle().ItemSpacing.y, h = ui::em(0.5f);
  dl->AddRectFilled(ImVec2(x, y), ImVec2(x + w, y + h), ui::col(p.surface_alt), h * 0.5f);
  if (fraction > 0.0f)
    dl->AddRectFilled(ImVec2(x, y), ImVec2(x + std::max(h, w * std::min(1.0f, fraction)), y + h),
                      ui::col(p.accent, 0.75f), h * 0.5f);
  ImGui::SetCursorScreenPos(ImVec2(x, y));
  ImGui::Dummy(ImVec2(w, h + ui::em(0.2f)));
}

// One exclusive group as a single split bar: each timer's share as a segment, labelled below.
void share_bar(const core::DataSummary& d, const std::string& group) {
  const ui::Palette& p = ui::palette();
  const float w = ui::content_width(), h = ui::em(1.6f);
  ImVec2 pos = ImGui::GetCursorScreenPos();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  float x = pos.x;
  int index = 0;
  for (const auto& t : d.timers) {
    if (t.group != group || t.share_percent <= 0) continue;
    float seg = w * static_cast<float>(t.share_percent) / 100.0f;
    // Alternating tones of the one accent colour tell the segments apart without ranking them.
    float alpha = index % 2 == 0 ? 0.85f : 0.4f;
    dl->AddRectFilled(ImVec2(x, pos.y), ImVec2(x + seg, pos.y + h), ui::col(p.accent, alpha));
    std::string pct = std::to_string(t.share_percent) + "%";
    ImFont* bold = ui::fonts().bold;
    ImVec2 ts = bold->CalcTextSizeA(bold->FontSize, FLT_MAX, 0, pct.c_str());
    if (ts.x + ui::em(0.6f) < seg)
      dl->AddText(bold, bold->FontSize, ImVec2(x + ui::em(0.4f), pos.y + (h - ts.y) * 0.5f),
                  ui::col(index % 2 == 0 ? p.on_accent : p.text), pct.c_str());
    x += seg;
    ++index;
  }
  ImGui::Dummy(ImVec2(w, h));
}
}  // namespace

void draw_focus_question(const char* caption, const std::string& question) {
  ui::caption(caption);
  ImGui::PushFont(ui::fonts().bold);
  ui::body_wrapped(question.empty() ? "No focus question in the plan." : question.c_str());
  ImGui::PopFont();
}

void draw_data_summary(const core::DataSummary& d) {
  const ui::Palette& p = ui::palette();
  bool any = false;
  if (!d.counters.empty()) {
    any = true;
    ui::label("Counts");
    int most = 1;
    for (const auto& c : d.counters) most = std::max(most, c.count);
    for (const auto& c : d.counters)
      bar_row(c.label, std::to_string(c.count), static_cast<float>(c.count) / static_cast<float>(most));
    ImGui::Spacing();
  }
  const bool timed =
      std::any_of(d.timers.begin(), d.timers.end(), [](const core::TimerSummary& t) { return t.total_ms > 0; });
  if (!d.timers.empty() && !timed) {
    any = true;
    ui::label("Time");
    ui::muted_wrapped("Nothing timed.");
    ImGui::Spacing();
  } else if (!d.timers.empty()) {
    any = true;
    ui::label("Time");
    std::vector<std::string> groups;
    for (const auto& t : d.timers)
      if (!t.group.empty() && std::find(groups.begin(), groups.end(), t.group) == groups.end())
        groups.push_back(t.group);
    for (std::size_t g = 0; g < groups.size(); ++g) {
      if (g < d.group_lines.size()) {
        ImGui::PushFont(ui::fonts().bold);
        ui::body_wrapped(d.group_lines[g].c_str());
        ImGui::PopFont();
        share_bar(d, groups[g]);
      }
    }
    for (const auto& t : d.timers)
      value_row(t.label, t.total_ms > 0 ? core::format_lesson_time(t.total_ms) : std::string("not timed"));
    ImGui::Spacing();
  }
  if (!d.seats.empty() && d.total_marks == 0) {
    any = true;
    ui::label("Participation on the seating chart");
    ui::muted_wrapped("No participation marks.");  // an empty chart would say the same at ten times the height
  } else if (!d.seats.empty() && d.rows > 0 && d.cols > 0) {
    any = true;
    ui::label("Participation on the seating chart");
    std::string cap = std::to_string(d.total_marks) + (d.total_marks == 1 ? " mark" : " marks") +
                      ". Front of the room at the top; a deeper shade means more marks on that seat.";
    ui::caption(cap.c_str());
    const float gap = ui::em(0.3f);
    const float cell_w = std::min(
        ui::em(5.0f), (ui::content_width() - gap * static_cast<float>(d.cols - 1)) / static_cast<float>(d.cols));
    const float cell_h = std::max(ui::em(2.8f), cell_w * 0.7f);
    ImVec2 origin = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImFont* small = ui::fonts().small;
    ImFont* bold = ui::fonts().bold;
    for (const auto& s : d.seats) {
      if (s.seat.row < 0 || s.seat.col < 0 || s.seat.row >= d.rows || s.seat.col >= d.cols) continue;
      ImVec2 a(origin.x + static_cast<float>(s.seat.col) * (cell_w + gap),
               origin.y + static_cast<float>(s.seat.row) * (cell_h + gap));
      ImVec2 b(a.x + cell_w, a.y + cell_h);
      float t = d.max_marks > 0 ? static_cast<float>(s.marks) / static_cast<float>(d.max_marks) : 0.0f;
      dl->AddRectFilled(a, b, ui::col(p.surface_alt), ui::em(0.4f));
      if (s.marks > 0) dl->AddRectFilled(a, b, ui::col(p.accent, 0.18f + 0.67f * t), ui::em(0.4f));
      bool strong = t > 0.55f;
      ImGui::PushStyleColor(ImGuiCol_Text, strong ? p.on_accent : p.text);  // readable on a deep shade in both themes
      ImGui::RenderTextEllipsis(dl, ImVec2(a.x + ui::em(0.3f), a.y + ui::em(0.25f)),
                                ImVec2(b.x - ui::em(0.2f), a.y + ui::em(0.25f) + small->FontSize), b.x - ui::em(0.2f),
                                b.x - ui::em(0.2f), s.seat.label.c_str(), nullptr, nullptr);
      ImGui::PopStyleColor();
      if (s.marks > 0) {
        std::string n = std::to_string(s.marks);
        dl->AddText(bold, bold->FontSize, ImVec2(a.x + ui::em(0.3f), b.y - bold->FontSize - ui::em(0.2f)),
                    ui::col(strong ? p.on_accent : p.text), n.c_str());
      }
    }
    ImGui::Dummy(ImVec2(static_cast<float>(d.cols) * (cell_w + gap), static_cast<float>(d.rows) * (cell_h + gap)));
  }
  if (!any) ui::muted_wrapped("This plan asked for notes only, so there are no counts or timers to show.");
}

void draw_observers_data(const std::vector<const core::ObserverData*>& shown,
                         const std::vector<const core::ObserverData*>& waiting, core::Id me) {
  if (shown.empty() && waiting.empty()) ui::muted_wrapped("Nothing was captured in this lesson yet.");
  const bool single = shown.size() == 1 && waiting.empty();
  for (std::size_t i = 0; i < shown.size(); ++i) {
    const core::ObserverData& o = *shown[i];
    ImGui::PushID(static_cast<int>(i));
    if (single) {
      std::string from = o.person == me ? std::string("Your taps.") : "Captured by " + core::observer_label(o) + ".";
      ui::caption(from.c_str());
      ImGui::Spacing();
    } else {
      if (i > 0) {
        ImGui::Spacing();
        ImGui::Separator();
        ImGui::Spacing();
      }
      std::string whose = core::whose_data(o, me);
      ImGui::PushStyleColor(ImGuiCol_Text,
                            ui::palette().accent);  // whose data this is stands apart from the section labels
      ui::subheading(whose.c_str());
      ImGui::PopStyleColor();
    }
    if (o.has_data())
      draw_data_summary(o.data);
    else if (!o.data.counters.empty() || !o.data.timers.empty() || !o.data.seats.empty())
      ui::muted_wrapped(o.person == me ? "You wrote notes only: no counts, times or seat marks."
                                       : (o.name + " wrote notes only: no counts, times or seat marks.").c_str());
    else
      draw_data_summary(o.data);  // "notes only" plan: the summary says so itself
    ImGui::PopID();
  }
  for (const auto* o : waiting) {
    if (!shown.empty()) ImGui::Spacing();
    std::string line = core::still_observing_line(*o, me);
    ui::status_dot(ui::palette().warning_soft);
    ImGui::SameLine();
    ui::muted_wrapped(line.c_str());
  }
}

void draw_observer_timeline(const core::ObserverData& o, core::Id me, bool& with_taps) {
  const int taps =
      static_cast<int>(std::count_if(o.timeline.begin(), o.timeline.end(), [](const core::CapturedItem& c) {
        return c.kind == core::EvidenceKind::Counter || c.kind == core::EvidenceKind::Seat;
      }));
  std::string title = o.person == me ? std::string("Everything you captured") : "Everything " + o.name + " captured";
  ui::subheading(title.c_str());
  std::string count = std::to_string(o.notes) + (o.notes == 1 ? " note" : " notes");
  if (taps > 0) count += ", " + std::to_string(taps) + (taps == 1 ? " tap or mark" : " taps and marks");
  count += ", in lesson order.";
  ui::caption(count.c_str());
  if (taps > 0) {
    std::string chip = with_taps ? "Hide each tap and mark" : "Show each tap and mark";
    if (ui::chip(chip.c_str(), with_taps)) with_taps = !with_taps;
  }
  const ui::Palette& p = ui::palette();
  bool any = false;
  for (std::size_t i = 0; i < o.timeline.size(); ++i) {
    const core::CapturedItem& c = o.timeline[i];
    const bool tap = c.kind == core::EvidenceKind::Counter || c.kind == core::EvidenceKind::Seat;
    if (tap && !with_taps) continue;
    any = true;
    std::string when = core::format_lesson_time(c.lesson_ms);
    std::string what;
    switch (c.kind) {
      case core::EvidenceKind::Note:
        what = core::note_kind_label(c.note_kind);
        break;
      case core::EvidenceKind::Counter:
        what = "Count";
        break;
      case core::EvidenceKind::Timer:
        what = "Timer";
        when += "\xE2\x80\x93" + (c.end_ms < 0 ? std::string("running") : core::format_lesson_time(c.end_ms));
        break;
      case core::EvidenceKind::Seat:
        what = "Seat";
        break;
    }
    std::string meta = when + " \xC2\xB7 " + what;
    std::string text = c.kind == core::EvidenceKind::Note && c.note_kind == core::NoteKind::Quote ? as_quote(c.text)
                       : c.kind == core::EvidenceKind::Seat ? c.text + ": took part"
                                                            : c.text;
    ImGui::PushID(static_cast<int>(i));
    // The time line sits close to its text, and entries are set apart by a little more.
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(ImGui::GetStyle().ItemSpacing.x, ui::em(0.1f)));
    ImGui::PushStyleColor(ImGuiCol_Text, p.text_muted);
    ui::caption(meta.c_str());
    ImGui::PopStyleColor();
    ImGui::PopStyleVar();
    if (c.kind == core::EvidenceKind::Note)
      ui::body_wrapped(text.c_str());
    else
      ui::muted_wrapped(text.c_str());
    ImGui::PopID();
  }
  if (!any) ui::muted_wrapped(o.person == me ? "You wrote no notes." : (o.name + " wrote no notes.").c_str());
}

}  // namespace app
