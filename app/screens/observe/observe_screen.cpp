// The Observe screen's drawing: clock and focus, the one-line note composer, counters, timers,
// the seating chart and the virtualized timeline. See observe_screen.h.
#include "app/screens/observe/observe_screen.h"
#include "app/shell/model_screen_impl.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>

#include "app/screens/common/lesson_data_view.h"
#include "app/screens/common/model_text.h"
#include "app/screens/common/record_summary.h"
#include "app/ui/theme.h"
#include "app/ui/widgets.h"
#include "core/dates.h"

namespace app {

namespace {
using ObserveKind = ObserveAction::Kind;

ObserveAction act(ObserveKind kind, std::string key = {}) {
  ObserveAction a;
  a.kind = kind;
  a.key = std::move(key);
  return a;
}

void draw_clock(const ObserveModel& m, bool can_prompt, Emitted<ObserveAction>& out) {
  const ui::Palette& p = ui::palette();
  ImGui::PushFont(ui::fonts().clock);
  ImGui::PushStyleColor(ImGuiCol_Text, m.clock_running() ? p.accent : p.text);
  std::string t = core::format_lesson_time(m.lesson_now());
  ImGui::TextUnformatted(t.c_str());
  ImGui::PopStyleColor();
  ImGui::PopFont();
  const char* state = !m.clock_started()  ? "Not started"
                      : m.clock_ended()   ? "Lesson ended"
                      : m.clock_running() ? "Observing"
                                          : "Paused";
  ui::caption(state);
  if (!m.clock_started()) {
    if (ui::button("Start observing", ui::Tone::Primary)) out.push_back(act(ObserveKind::Start));
  } else if (m.clock_running()) {
    if (ui::button("Pause")) out.push_back(act(ObserveKind::Pause));
    ImGui::SameLine();
    if (ui::button("End lesson", ui::Tone::Danger)) out.push_back(act(ObserveKind::End));
  } else {
    if (m.clock_ended() && can_prompt) {
      // The next step of the cycle: turn the evidence into questions for the teacher.
      if (ui::button("Write prompts", ui::Tone::Primary))
        out.open = Route{ScreenId::Prompt, m.observation(), m.plan().cycle};  // the draft is kept on leaving
      ImGui::SameLine();
    }
    if (ui::button(m.clock_ended() ? "Resume observing" : "Resume",
                   m.clock_ended() && can_prompt ? ui::Tone::Secondary : ui::Tone::Primary))
      out.push_back(act(ObserveKind::Resume));
    if (!m.clock_ended()) {
      ImGui::SameLine();
      if (ui::button("End lesson", ui::Tone::Danger)) out.push_back(act(ObserveKind::End));
    }
  }
}

// Under the composer: the stamp of the note being typed and the language hint (below).
void draw_composer_notes(const ObserveModel& m, ObserveUi& ui, const AppContext& ctx);

void draw_composer(const ObserveModel& m, ObserveUi& ui, const AppContext& ctx, Emitted<ObserveAction>& out) {
  if (!m.plan().tools.evidence_notes) {
    ui::muted_wrapped("The plan for this lesson asks for data only, no notes.");
    return;
  }
  if (ui.focus_composer) {
    ImGui::SetKeyboardFocusHere();
    ui.focus_composer = false;
  }
  float save_w = ui::button_width("Save");
  bool enter = ui::text_field("##note", "What did you see or hear?  Enter saves", &ui.draft,
                              ImGuiInputTextFlags_EnterReturnsTrue,
                              ui::content_width() - save_w - ImGui::GetStyle().ItemSpacing.x);
  if (ui.draft != m.draft()) {
    ObserveAction a = act(ObserveKind::EditDraft);
    a.text = ui.draft;
    out.push_back(a);
  }
  ImGui::SameLine();
  bool tapped = ui::button("Save", ui::Tone::Primary, save_w);
  if (enter || tapped) {
    out.push_back(act(ObserveKind::SaveNote));
    ui.focus_composer = enter;  // keep typing after Enter; a tap on Save lets the keyboard go
  }
  // Kind chips, then look-for tags, in one flowing row.
  const core::NoteKind kinds[] = {core::NoteKind::Noticing, core::NoteKind::Quote, core::NoteKind::Wondering};
  bool first = true;
  for (core::NoteKind k : kinds) {
    if (!first) ui::flow_next(ui::chip_width(core::note_kind_label(k)));
    first = false;
    if (ui::chip(core::note_kind_label(k), m.draft_kind() == k)) {
      ObserveAction a = act(ObserveKind::SetNoteKind);
      a.note_kind = k;
      out.push_back(a);
    }
  }
  // On a phone the look-for tags would take three rows of the screen above the counters: they
  // fold behind one chip saying how many are chosen, open until tapped again.
  const auto& look_fors = m.plan().look_fors;
  if (!look_fors.empty() && ui::content_width() < ui::em(30.0f)) {
    const std::string label = ui.look_fors_open
                                  ? std::string("Hide look-fors")
                                  : "Look-fors (" +
                                        (m.draft_tags().empty() ? std::to_string(look_fors.size())
                                                                : std::to_string(m.draft_tags().size()) + " chosen") +
                                        ")";
    ui::flow_next(ui::chip_width(label.c_str()));
    if (ui::chip((label + "##look_fors").c_str(), ui.look_fors_open || !m.draft_tags().empty()))
      ui.look_fors_open = !ui.look_fors_open;
    if (!ui.look_fors_open) return draw_composer_notes(m, ui, ctx);
  }
  // The look-for tags pick several at once, the kinds only one: a quiet word in the row tells
  // the two groups apart, so a tag is not taken for a fourth kind of note.
  if (!m.plan().look_fors.empty()) {
    const float chip_h = ImGui::GetItemRectSize().y;
    ImFont* small = ui::fonts().small;
    const char* word = "Look-fors:";
    const ImVec2 ts = small->CalcTextSizeA(small->FontSize, FLT_MAX, 0, word);
    ui::flow_next(ts.x + ui::em(0.4f));
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddText(small, small->FontSize,
                                        ImVec2(at.x + ui::em(0.4f), at.y + (chip_h - ts.y) * 0.5f),
                                        ui::col(ui::palette().text_muted), word);
    ImGui::Dummy(ImVec2(ts.x + ui::em(0.4f), chip_h));
  }
  int i = 0;
  for (const auto& tag : m.plan().look_fors) {
    ImGui::PushID(i++);
    ui::flow_next(ui::chip_width(tag.c_str()));
    bool on = std::find(m.draft_tags().begin(), m.draft_tags().end(), tag) != m.draft_tags().end();
    if (ui::chip(tag.c_str(), on)) out.push_back(act(ObserveKind::ToggleTag, tag));
    ImGui::PopID();
  }
  draw_composer_notes(m, ui, ctx);
}

// Under the composer: when the note is stamped, and the gentle hint about evaluative wording.
void draw_composer_notes(const ObserveModel& m, ObserveUi& ui, const AppContext& ctx) {
  // A gentle hint about evaluative wording; it never blocks saving.
  ui.hint.update(ctx.guide, ui.draft);
  if (!m.draft().empty()) {
    std::string since = "Stamped at " + core::format_lesson_time(m.draft_started_ms()) + ", when you began typing.";
    ui::caption(since.c_str());
  }
  if (!ui.hint.text.empty()) ui::muted_wrapped(ui.hint.text.c_str());
}

void draw_counters(const ObserveModel& m, bool co_observed, Emitted<ObserveAction>& out) {
  if (m.counters().empty()) return;
  // Each observer counts on their own device; the numbers here are only mine, never a sum. Said in
  // the heading itself: a caption line would push the counters out of a phone's short tool panel.
  ui::subheading(co_observed ? "Counters \xC2\xB7 your taps" : "Counters");
  float w = std::max(ui::em(9.0f), ui::touch_px() * 2.0f), h = std::max(ui::em(4.6f), ui::touch_px() * 1.6f);
  int i = 0;
  for (const auto& c : m.counters()) {
    ImGui::PushID(i);
    if (i++ > 0) ui::flow_next(w);
    std::string n = std::to_string(c.my_count);
    if (ui::tally_button("##counter", c.tool.label.c_str(), n.c_str(), ImVec2(w, h)))
      out.push_back(act(ObserveKind::TapCounter, c.tool.key));
    ImGui::PopID();
  }
  ImGui::BeginDisabled(!m.can_undo());
  if (ui::button("Undo last tap", ui::Tone::Quiet)) out.push_back(act(ObserveKind::UndoTally));
  ImGui::EndDisabled();
}

void draw_timers(const ObserveModel& m, Emitted<ObserveAction>& out) {
  if (m.timers().empty()) return;
  ui::subheading("Timers");
  float w = std::max(ui::em(9.0f), ui::touch_px() * 2.0f), h = std::max(ui::em(4.6f), ui::touch_px() * 1.6f);
  std::int64_t now = m.lesson_now();
  int i = 0;
  for (const auto& t : m.timers()) {
    ImGui::PushID(i);
    if (i++ > 0) ui::flow_next(w);
    std::string v = core::format_lesson_time(t.accumulated(now));
    std::string label = t.tool.label + (t.running() ? "  \xE2\x80\xA2 on" : "");
    if (ui::tally_button("##timer", label.c_str(), v.c_str(), ImVec2(w, h), t.running()))
      out.push_back(act(ObserveKind::ToggleTimer, t.tool.key));
    ImGui::PopID();
  }
  bool grouped = std::any_of(m.timers().begin(), m.timers().end(),
                             [](const TimerView& t) { return !t.tool.exclusive_group.empty(); });
  if (grouped) ui::caption("Timers of one group run one at a time: starting one stops the other.");
}

void draw_seating(const ObserveModel& m, Emitted<ObserveAction>& out) {
  if (m.seats().empty()) return;
  ui::subheading("Seating chart");
  ui::caption("Front of the room. Tap a seat each time that student takes part.");
  const auto& chart = m.plan().tools.seating;
  int cols = std::max(1, chart.cols), rows = std::max(1, chart.rows);
  float gap = ui::em(0.4f);
  float cell = std::clamp((ui::content_width() - gap * static_cast<float>(cols - 1)) / static_cast<float>(cols),
                          ui::touch_px(), ui::em(6.0f));
  ImVec2 origin = ImGui::GetCursorScreenPos();
  for (std::size_t i = 0; i < m.seats().size(); ++i) {
    const SeatView& s = m.seats()[i];
    if (s.seat.row < 0 || s.seat.col < 0 || s.seat.row >= rows || s.seat.col >= cols) continue;
    ImGui::PushID(static_cast<int>(i));
    ImGui::SetCursorScreenPos(ImVec2(origin.x + static_cast<float>(s.seat.col) * (cell + gap),
                                     origin.y + static_cast<float>(s.seat.row) * (cell + gap)));
    std::string n = s.my_marks > 0 ? std::to_string(s.my_marks) : std::string("\xE2\x80\x93");
    if (ui::tally_button("##seat", s.seat.label.c_str(), n.c_str(), ImVec2(cell, cell), s.my_marks > 0))
      out.push_back(act(ObserveKind::TapSeat, s.seat.key));
    ImGui::PopID();
  }
  ImGui::SetCursorScreenPos(origin);
  ImGui::Dummy(ImVec2(static_cast<float>(cols) * (cell + gap), static_cast<float>(rows) * (cell + gap)));
}

void draw_timeline(const ObserveModel& m, ObserveUi& ui) {
  const ui::Palette& p = ui::palette();
  const auto& items = m.timeline();
  if (items.empty()) {
    ui::muted_wrapped("Everything you capture appears here, newest first, with the lesson time.");
    return;
  }
  const float row_h = std::max(ui::em(3.4f), ui::touch_px());
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(items.size()), row_h);
  while (clipper.Step()) {
    for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
      const TimelineItem& it = items[items.size() - 1 - static_cast<std::size_t>(row)];  // newest first
      ImGui::PushID(row);
      ImVec2 pos = ImGui::GetCursorScreenPos();
      float w = ImGui::GetContentRegionAvail().x;
      bool tapped = ImGui::InvisibleButton("##row", ImVec2(w, row_h - ImGui::GetStyle().ItemSpacing.y));
      ImDrawList* dl = ImGui::GetWindowDrawList();
      ImVec2 max(pos.x + w, pos.y + row_h - ImGui::GetStyle().ItemSpacing.y);
      dl->AddRectFilled(pos, max, ui::col(ImGui::IsItemActive() ? p.surface_alt : p.surface), ui::em(0.5f));
      float pad = ui::em(0.6f);
      std::string time = core::format_lesson_time(it.lesson_ms);
      if (it.kind == core::EvidenceKind::Timer)
        time += it.end_ms < 0 ? "\xE2\x80\x93" : "\xE2\x80\x93" + core::format_lesson_time(it.end_ms);
      ImGui::PushFont(ui::fonts().small);
      float line = ImGui::GetFontSize();
      dl->AddText(ImVec2(pos.x + pad, pos.y + pad * 0.6f), ui::col(p.text_muted), time.c_str());
      std::string meta = std::string(core::evidence_kind_label(it.kind, it.note_kind));
      if (!it.mine) meta += " \xC2\xB7 " + it.author_name;
      if (!it.tags.empty())
        meta += " \xC2\xB7 " + it.tags.front() + (it.tags.size() > 1 ? " +" + std::to_string(it.tags.size() - 1) : "");
      float meta_x = pos.x + pad + ui::em(5.5f);
      dl->AddText(ImVec2(meta_x, pos.y + pad * 0.6f), ui::col(it.mine ? p.accent : p.text_muted), meta.c_str());
      ImGui::PopFont();
      std::string text =
          it.kind == core::EvidenceKind::Note && it.note_kind == core::NoteKind::Quote ? as_quote(it.text) : it.text;
      ImGui::RenderTextEllipsis(dl, ImVec2(meta_x, pos.y + pad * 0.6f + line + ui::em(0.2f)),
                                ImVec2(max.x - pad, max.y), max.x - pad, max.x - pad, text.c_str(), nullptr, nullptr);
      if (tapped && it.mine) {
        ui.editing = it.record;
        ui.edit_text = it.text;
        ui.confirm_delete = false;
        ui.open_edit = true;
      }
      ImGui::PopID();
    }
  }
}

void draw_edit_sheet(const ObserveModel& m, ObserveUi& ui, Emitted<ObserveAction>& out) {
  const auto& items = m.timeline();
  auto found = std::find_if(items.begin(), items.end(), [&](const TimelineItem& i) { return i.record == ui.editing; });
  ImGuiIO& io = ImGui::GetIO();
  ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y * 0.35f), ImGuiCond_Always,
                          ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(std::min(io.DisplaySize.x - ui::em(2.0f), ui::em(32.0f)), 0));
  if (ui.open_edit) {
    ImGui::OpenPopup("##edit_item");  // opened here so the popup id matches BeginPopupModal's
    ui.open_edit = false;
  }
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(ui::em(1.2f), ui::em(1.2f)));
  if (ImGui::BeginPopupModal("##edit_item", nullptr,
                             ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize)) {
    if (found == items.end()) {
      ImGui::CloseCurrentPopup();
    } else {
      bool note = found->kind == core::EvidenceKind::Note;
      ui::heading(note ? "Edit note" : "Captured item");
      std::string when = std::string(core::evidence_kind_label(found->kind, found->note_kind)) + " at " +
                         core::format_lesson_time(found->lesson_ms);
      ui::caption(when.c_str());
      if (note)
        ui::text_field("##edit_text", "Note", &ui.edit_text);
      else
        ui::body_wrapped(found->text.c_str());
      ImGui::Spacing();
      if (note && ui::button("Save", ui::Tone::Primary)) {
        ObserveAction a = act(ObserveKind::EditNote);
        a.record = found->record;
        a.text = ui.edit_text;
        out.push_back(a);
        ImGui::CloseCurrentPopup();
      }
      if (note) ImGui::SameLine();
      if (!ui.confirm_delete) {
        if (ui::button("Delete", ui::Tone::Danger)) ui.confirm_delete = true;
      } else if (ui::button("Delete for good", ui::Tone::Danger)) {
        ObserveAction a = act(ObserveKind::DeleteItem);
        a.record = found->record;
        out.push_back(a);
        ImGui::CloseCurrentPopup();
      }
      ImGui::SameLine();
      if (ui::button("Cancel", ui::Tone::Quiet)) ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
  }
  ImGui::PopStyleVar();
}

// The counters, timers and seating chart the plan asked for.
void draw_tools(const ObserveModel& m, const AppContext& ctx, Emitted<ObserveAction>& out) {
  const bool co_observed = std::any_of(
      m.plan().participants.begin(), m.plan().participants.end(),
      [&](const core::Participant& p) { return p.person != ctx.me && p.role != core::Role::ObservedTeacher; });
  draw_counters(m, co_observed, out);
  draw_timers(m, out);
  draw_seating(m, out);
}

// The lesson clock and its buttons with the focus question beside (landscape) or below it.
void draw_clock_card(const ObserveModel& m, const AppContext& ctx, bool side_by_side, Emitted<ObserveAction>& out) {
  ui::begin_card("##clock");
  ImGui::BeginGroup();
  draw_clock(m, ctx.has(ScreenId::Prompt), out);
  ImGui::EndGroup();
  if (side_by_side)
    ImGui::SameLine(0, ui::em(1.5f));
  else
    ImGui::Spacing();
  ImGui::BeginGroup();
  draw_focus_question("FOCUS QUESTION", m.plan().focus_question);
  ImGui::EndGroup();
  ui::end_card();
}

void draw_composer_card(const ObserveModel& m, ObserveUi& ui, const AppContext& ctx, Emitted<ObserveAction>& out) {
  ui::begin_card("##composer");
  draw_composer(m, ui, ctx, out);
  ui::end_card();
}

// A hairline where the cards that stay put end and the scrolling tools begin, so a tile half
// scrolled under the composer reads as scrolled, not as drawn over.
void draw_rule(float width) {
  const ImVec2 at = ImGui::GetCursorScreenPos();
  ImGui::GetWindowDrawList()->AddLine(ImVec2(at.x, at.y), ImVec2(at.x + width, at.y), ui::col(ui::palette().border));
  ImGui::Dummy(ImVec2(width, 1.0f));
}

void draw_timeline_panel(const ObserveModel& m, ObserveUi& ui, ImVec2 size) {
  std::string head = "Timeline \xC2\xB7 " + std::to_string(m.timeline().size());
  ImGui::SetCursorPosX(ImGui::GetCursorPosX() + ui::em(1.0f));
  ui::subheading(head.c_str());
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(ui::em(1.0f), ui::em(0.4f)));
  ImGui::BeginChild("##timeline", size, false, ImGuiWindowFlags_AlwaysUseWindowPadding);
  draw_timeline(m, ui);
  ImGui::EndChild();
  ImGui::PopStyleVar();
}

// Portrait: clock, focus and composer stay put; tools and timeline share the rest.
void draw_portrait(const ObserveModel& m, ObserveUi& ui, const AppContext& ctx, Emitted<ObserveAction>& out) {
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float gap = ui::em(1.0f);
  ImGui::SetCursorPos(ImVec2(gap, ImGui::GetCursorPosY() + gap * 0.6f));
  ui::begin_column(avail.x - 2 * gap);
  // A phone's width leaves the focus question a sliver beside the clock (seven lines for one
  // sentence): there it goes under the clock, across the card.
  draw_clock_card(m, ctx, avail.x >= ui::em(36.0f), out);
  draw_composer_card(m, ui, ctx, out);
  ui::end_column();
  draw_rule(avail.x);
  // The tools get a bit over half of what is left, and never less than a row of counters with
  // room to scroll (on a phone the cards above leave little); the timeline keeps its heading.
  const float rest = ImGui::GetContentRegionAvail().y;
  const float tools = std::max(std::floor(rest * 0.55f), std::min(ui::em(11.0f), rest - ui::em(3.5f)));
  ui::begin_scroll_area("##observe_tools", ImVec2(avail.x, tools));
  draw_tools(m, ctx, out);
  ui::end_scroll_area();
  draw_timeline_panel(m, ui, ImVec2(avail.x, 0));
}

// Landscape: the composer stays put over the tools on the left; the clock and the focus
// question stay put over the timeline on the right.
void draw_landscape(const ObserveModel& m, ObserveUi& ui, const AppContext& ctx, Emitted<ObserveAction>& out) {
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float gap = ui::em(1.0f);
  const ImGuiWindowFlags fixed = ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse;
  float left = std::floor(avail.x * 0.58f);
  ImGui::BeginChild("##observe_left", ImVec2(left, avail.y), false, fixed);
  ImGui::SetCursorPos(ImVec2(gap, gap * 0.6f));
  ui::begin_column(left - 2 * gap);
  draw_composer_card(m, ui, ctx, out);
  ui::end_column();
  draw_rule(left);
  ui::begin_scroll_area("##observe_tools");
  draw_tools(m, ctx, out);
  ui::end_scroll_area();
  ImGui::EndChild();
  ImGui::SameLine(0, 0);
  ImGui::BeginChild("##observe_right", ImVec2(0, avail.y), false, fixed);
  ImGui::SetCursorPos(ImVec2(gap, gap * 0.6f));
  ui::begin_column(avail.x - left - 2 * gap);
  draw_clock_card(m, ctx, false, out);
  ui::end_column();
  ImGui::SetCursorPosX(0);
  draw_timeline_panel(m, ui, ImVec2(0, 0));
  ImGui::EndChild();
}

// Problems show at the bottom edge, in plain words, until the next action.
void draw_error_banner(const std::string& error) {
  if (error.empty()) return;
  ImGuiIO& io = ImGui::GetIO();
  ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y - ui::em(1.0f)), ImGuiCond_Always,
                          ImVec2(0.5f, 1.0f));
  ImGui::PushStyleColor(ImGuiCol_WindowBg, ui::palette().danger_soft);
  ImGui::PushStyleColor(ImGuiCol_Text, ui::palette().danger);
  ImGui::Begin("##observe_error", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoFocusOnAppearing |
                   ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoSavedSettings);
  ImGui::TextUnformatted(error.c_str());
  ImGui::End();
  ImGui::PopStyleColor(2);
}
}  // namespace

void draw_observe(const ObserveModel& m, ObserveUi& ui, const AppContext& ctx, Emitted<ObserveAction>& out) {
  if (!m.loaded()) return ui::message_body("##observe_missing", m.error());
  if (ui::is_narrow())
    draw_portrait(m, ui, ctx, out);
  else
    draw_landscape(m, ui, ctx, out);
  draw_error_banner(m.error());
  draw_edit_sheet(m, ui, out);
}

// ---- the screen ----

struct ObserveShape : AutosavedShape<ScreenId::Observe, draw_observe, &ObserveModel::draft_dirty> {
  static std::string title(const Model* m) { return title_with("Observe", m); }
  static void enter(std::unique_ptr<Model>& m, Ui& ui, const Route& route, AppContext& ctx) {
    // Coming back to the same lesson keeps the model (its undo list, the open edit sheet).
    if (m && m->observation() == route.observation && m->loaded()) return;
    load_visit(m, route, ctx);
    ui = ObserveUi{};
    ui.draft = m->draft();
  }

  static void apply(Model& m, Ui& ui, const Action& a, AppContext& ctx) {
    if (!m.apply(a)) return;
    if (a.kind == ObserveKind::SaveNote) ui.draft.clear();
    if (a.kind == ObserveKind::EditNote) ctx.toast = "Note updated";
    if (a.kind == ObserveKind::DeleteItem) ctx.toast = "Deleted";
    if (a.kind == ObserveKind::End) ctx.toast = "Lesson ended \xE2\x80\x94 everything is saved on this device";
  }

  // A frame a second while the lesson clock runs, besides the draft's autosave.
  static int wake_after_ms(const Model& m, const AppContext&) {
    int wake = m.draft_dirty() ? 300 : -1;
    if (m.clock_running()) {
      int to_next_second = static_cast<int>(1000 - m.lesson_now() % 1000);
      wake = wake < 0 ? to_next_second : std::min(wake, to_next_second);
    }
    return wake;
  }
};
template class ModelScreen<ObserveShape, ObserveModel, ObserveUi>;

}  // namespace app
