// The Reflect screen's drawing and the shared data summary drawing. See reflect_screen.h.
#include "app/screens/reflect_screen.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>

#include "app/screens/prompt_screen.h"
#include "app/ui/theme.h"
#include "app/ui/widgets.h"

namespace app {

namespace {
// A label on the left, a value on the right, and a thin neutral bar of `fraction` under them.
void bar_row(const std::string& label, const std::string& value, float fraction) {
  const ui::Palette& p = ui::palette();
  const float w = ui::content_width();
  ImVec2 pos = ImGui::GetCursorScreenPos();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImFont* body = ImGui::GetFont();
  ImFont* bold = ui::fonts().bold;
  ImVec2 vs = bold->CalcTextSizeA(bold->FontSize, FLT_MAX, 0, value.c_str());
  ImGui::RenderTextEllipsis(dl, pos, ImVec2(pos.x + w - vs.x - ui::em(0.8f), pos.y + body->FontSize), pos.x + w - vs.x - ui::em(0.8f),
                            pos.x + w - vs.x - ui::em(0.8f), label.c_str(), nullptr, nullptr);
  dl->AddText(bold, bold->FontSize, ImVec2(pos.x + w - vs.x, pos.y), ui::col(p.text), value.c_str());
  const float y = pos.y + body->FontSize + ui::em(0.35f), h = ui::em(0.5f);
  dl->AddRectFilled(ImVec2(pos.x, y), ImVec2(pos.x + w, y + h), ui::col(p.surface_alt), h * 0.5f);
  if (fraction > 0.0f)
    dl->AddRectFilled(ImVec2(pos.x, y), ImVec2(pos.x + std::max(h, w * std::min(1.0f, fraction)), y + h), ui::col(p.accent, 0.75f), h * 0.5f);
  ImGui::Dummy(ImVec2(w, body->FontSize + ui::em(0.35f) + h + ui::em(0.2f)));
}

// A label on the left and its value on the right, one text line.
void value_row(const std::string& label, const std::string& value) {
  const float w = ui::content_width();
  ImVec2 pos = ImGui::GetCursorScreenPos();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImFont* body = ImGui::GetFont();
  ImFont* bold = ui::fonts().bold;
  ImVec2 vs = bold->CalcTextSizeA(bold->FontSize, FLT_MAX, 0, value.c_str());
  const float right = pos.x + w - vs.x - ui::em(0.8f);
  ImGui::RenderTextEllipsis(dl, pos, ImVec2(right, pos.y + body->FontSize), right, right, label.c_str(), nullptr, nullptr);
  dl->AddText(bold, bold->FontSize, ImVec2(pos.x + w - vs.x, pos.y), ui::col(ui::palette().text), value.c_str());
  ImGui::Dummy(ImVec2(w, body->FontSize + ui::em(0.1f)));
}

// One exclusive group as a single split bar: each timer's share as a segment, labelled below.
void share_bar(const DataSummary& d, const std::string& group) {
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
      dl->AddText(bold, bold->FontSize, ImVec2(x + ui::em(0.4f), pos.y + (h - ts.y) * 0.5f), ui::col(index % 2 == 0 ? p.on_accent : p.text),
                  pct.c_str());
    x += seg;
    ++index;
  }
  ImGui::Dummy(ImVec2(w, h));
}
}  // namespace

void draw_data_summary(const DataSummary& d) {
  const ui::Palette& p = ui::palette();
  bool any = false;
  if (!d.counters.empty()) {
    any = true;
    ui::label("Counts");
    int most = 1;
    for (const auto& c : d.counters) most = std::max(most, c.count);
    for (const auto& c : d.counters) bar_row(c.label, std::to_string(c.count), static_cast<float>(c.count) / static_cast<float>(most));
    ImGui::Spacing();
  }
  if (!d.timers.empty()) {
    any = true;
    ui::label("Time");
    std::vector<std::string> groups;
    for (const auto& t : d.timers)
      if (!t.group.empty() && std::find(groups.begin(), groups.end(), t.group) == groups.end()) groups.push_back(t.group);
    for (std::size_t g = 0; g < groups.size(); ++g) {
      if (g < d.group_lines.size()) {
        ImGui::PushFont(ui::fonts().bold);
        ui::body_wrapped(d.group_lines[g].c_str());
        ImGui::PopFont();
        share_bar(d, groups[g]);
      }
    }
    for (const auto& t : d.timers) value_row(t.label, t.total_ms > 0 ? format_duration(t.total_ms) : std::string("not timed"));
    ImGui::Spacing();
  }
  if (!d.seats.empty() && d.rows > 0 && d.cols > 0) {
    any = true;
    ui::label("Participation on the seating chart");
    std::string cap = std::to_string(d.total_marks) + (d.total_marks == 1 ? " mark" : " marks") +
                      ". Front of the room at the top; a deeper shade means more marks on that seat.";
    ui::caption(cap.c_str());
    const float gap = ui::em(0.3f);
    const float cell_w = std::min(ui::em(5.0f), (ui::content_width() - gap * static_cast<float>(d.cols - 1)) / static_cast<float>(d.cols));
    const float cell_h = std::max(ui::em(2.8f), cell_w * 0.7f);
    ImVec2 origin = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImFont* small = ui::fonts().small;
    ImFont* bold = ui::fonts().bold;
    for (const auto& s : d.seats) {
      if (s.seat.row < 0 || s.seat.col < 0 || s.seat.row >= d.rows || s.seat.col >= d.cols) continue;
      ImVec2 a(origin.x + static_cast<float>(s.seat.col) * (cell_w + gap), origin.y + static_cast<float>(s.seat.row) * (cell_h + gap));
      ImVec2 b(a.x + cell_w, a.y + cell_h);
      float t = d.max_marks > 0 ? static_cast<float>(s.marks) / static_cast<float>(d.max_marks) : 0.0f;
      dl->AddRectFilled(a, b, ui::col(p.surface_alt), ui::em(0.4f));
      if (s.marks > 0) dl->AddRectFilled(a, b, ui::col(p.accent, 0.18f + 0.67f * t), ui::em(0.4f));
      bool strong = t > 0.55f;
      ImGui::PushStyleColor(ImGuiCol_Text, strong ? p.on_accent : p.text);  // readable on a deep shade in both themes
      ImGui::RenderTextEllipsis(dl, ImVec2(a.x + ui::em(0.3f), a.y + ui::em(0.25f)), ImVec2(b.x - ui::em(0.2f), a.y + ui::em(0.25f) + small->FontSize),
                                b.x - ui::em(0.2f), b.x - ui::em(0.2f), s.seat.label.c_str(), nullptr, nullptr);
      ImGui::PopStyleColor();
      if (s.marks > 0) {
        std::string n = std::to_string(s.marks);
        dl->AddText(bold, bold->FontSize, ImVec2(a.x + ui::em(0.3f), b.y - bold->FontSize - ui::em(0.2f)), ui::col(strong ? p.on_accent : p.text),
                    n.c_str());
      }
    }
    ImGui::Dummy(ImVec2(static_cast<float>(d.cols) * (cell_w + gap), static_cast<float>(d.rows) * (cell_h + gap)));
  }
  if (!any) ui::muted_wrapped("This plan asked for notes only, so there are no counts or timers to show.");
}

namespace {
void draw_prompt_card(const ReflectModel& m, const ReflectPrompt& p, ReflectUi& ui, const AppContext& ctx, std::vector<ReflectAction>& out) {
  ImGui::PushID(p.id.hex().c_str());
  ui::begin_card("##rp", p.answer.empty() && m.can_answer());
  std::string from = "From " + p.from;
  ui::caption(from.c_str());
  ImGui::PushFont(ui::fonts().bold);
  ui::body_wrapped(p.text.c_str());
  ImGui::PopFont();
  for (const auto& e : p.evidence) {
    std::string line = std::string(evidence_kind_label(e)) +
                       (e.kind == EvidenceKind::Note ? " at " + ui::format_lesson_time(e.lesson_ms) : std::string()) + ": " + after::shown_text(e);
    ImGui::Indent(ui::em(0.6f));
    ImGui::PushStyleColor(ImGuiCol_Text, ui::palette().text_muted);
    ui::body_wrapped(line.c_str());
    ImGui::PopStyleColor();
    ImGui::Unindent(ui::em(0.6f));
  }
  ImGui::Spacing();
  const bool editing = m.can_answer() && (p.answer.empty() || ui.editing.count(p.id));
  if (!editing) {
    if (p.answer.empty()) {
      ui::muted_wrapped("Not answered yet.");
    } else {
      std::string who = m.can_answer() ? std::string("Your answer") : p.answered_by + " answered";
      ui::label(who.c_str());
      ui::body_wrapped(p.answer.c_str());
      if (m.can_answer() && ui::button("Change answer", ui::Tone::Quiet)) {
        ui.editing.insert(p.id);
        ui.answers[p.id] = p.draft.text().empty() ? p.answer : p.draft.text();
      }
    }
  } else {
    auto it = ui.answers.find(p.id);
    if (it == ui.answers.end()) it = ui.answers.emplace(p.id, p.draft.text()).first;
    std::string field = "##answer-" + p.id.short_hex();  // one label per prompt, for tests
    after::text_area(field.c_str(), "Your thoughts, in your own words", &it->second, 4.0f);
    if (it->second != p.draft.text()) out.push_back(ReflectAction{ReflectAction::Kind::EditAnswer, p.id, it->second});
    after::language_hint(ctx, it->second, ui.hint_for[p.id], ui.hint[p.id]);
    after::hint_line(ui.hint[p.id]);
    if (ui::button(p.answer.empty() ? "Save answer" : "Save changes", ui::Tone::Primary))
      out.push_back(ReflectAction{ReflectAction::Kind::SaveAnswer, p.id, it->second});
  }
  ui::end_card();
  ImGui::PopID();
}
}  // namespace

void draw_reflect(const ReflectModel& m, ReflectUi& ui, const AppContext& ctx, std::vector<ReflectAction>& out) {
  if (!m.loaded()) {
    ui::begin_scroll_area("##reflect_missing");
    ui::body_wrapped(m.error().c_str());
    ui::end_scroll_area();
    return;
  }
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  auto data = [&] {
    ui::begin_card("##focus");
    ui::caption("YOUR FOCUS QUESTION");
    ImGui::PushFont(ui::fonts().bold);
    ui::body_wrapped(m.plan().focus_question.empty() ? "No focus question in the plan." : m.plan().focus_question.c_str());
    ImGui::PopFont();
    ui::end_card();
    ui::begin_card("##data");
    ui::subheading("What was collected");
    ui::caption("Counts and times from everyone who observed. They describe the lesson; they do not grade it.");
    ImGui::Spacing();
    draw_data_summary(m.summary());
    ui::end_card();
  };
  auto prompts = [&] {
    std::string head = m.prompts().empty() ? std::string("Prompts")
                       : m.unanswered() == 0 ? std::string("Prompts \xC2\xB7 all answered")
                                             : "Prompts \xC2\xB7 " + std::to_string(m.unanswered()) + " to answer";
    ui::heading(head.c_str());
    if (m.prompts().empty())
      ui::muted_wrapped("No prompts have been shared with you yet. They appear here once the observer shares them.");
    for (const auto& p : m.prompts()) draw_prompt_card(m, p, ui, ctx, out);
    after::error_line(m.error());
  };
  if (ui::is_narrow()) {
    ui::begin_scroll_area("##reflect");
    prompts();
    ImGui::Spacing();
    data();
    ui::end_scroll_area();
  } else {
    float left = std::floor(avail.x * 0.45f);
    ui::begin_scroll_area("##reflect_left", ImVec2(left, avail.y));
    data();
    ui::end_scroll_area();
    ImGui::SameLine(0, 0);
    ui::begin_scroll_area("##reflect_right", ImVec2(avail.x - left, avail.y));
    prompts();
    ui::end_scroll_area();
  }
}

// ---- the screen ----

std::string ReflectScreen::title() const { return model_ && model_->loaded() ? "Reflect \xC2\xB7 " + model_->title() : "Reflect"; }

void ReflectScreen::enter(const Route& route, AppContext& ctx) {
  if (model_) model_->autosave(true);
  model_ = std::make_unique<ReflectModel>(*ctx.store, ctx.me, ctx.now_ms);
  model_->load(route.observation);
  ui_ = ReflectUi{};
  // A draft typed over a saved answer reopens the answer for editing, so the words show again.
  for (const auto& p : model_->prompts())
    if (!p.answer.empty() && !p.draft.text().empty()) {
      ui_.editing.insert(p.id);
      ui_.answers[p.id] = p.draft.text();
    }
}

void ReflectScreen::tick(AppContext&) {
  if (model_) model_->autosave(false);
}

void ReflectScreen::draw(AppContext& ctx) {
  if (!model_) return;
  std::vector<ReflectAction> actions;
  draw_reflect(*model_, ui_, ctx, actions);
  for (const auto& a : actions) {
    bool ok = model_->apply(a);
    if (a.kind == ReflectAction::Kind::SaveAnswer && ok) {
      ui_.editing.erase(a.prompt);
      ui_.answers.erase(a.prompt);
      ctx.toast = "Answer saved";
    }
  }
}

void ReflectScreen::commit_drafts(AppContext&) {
  if (model_) model_->autosave(true);
}

int ReflectScreen::wake_after_ms(const AppContext&) const { return model_ && model_->any_dirty() ? 300 : -1; }

}  // namespace app
