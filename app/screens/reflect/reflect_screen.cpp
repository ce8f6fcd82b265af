// The Reflect screen's drawing. See reflect_screen.h.
#include "app/screens/reflect/reflect_screen.h"
#include "app/shell/model_screen_impl.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>

#include "app/screens/common/lesson_data_view.h"
#include "app/screens/prompt/prompt_screen.h"  // shown_text
#include "app/ui/theme.h"
#include "app/ui/widgets.h"
#include "core/dates.h"

namespace app {

namespace {
void draw_prompt_card(const ReflectModel& m, const ReflectPrompt& p, ReflectUi& ui, const AppContext& ctx,
                      Emitted<ReflectAction>& out) {
  ImGui::PushID(p.id.hex().c_str());
  ui::begin_card("##rp", p.answer.empty() && m.can_answer());
  std::string from = "From " + p.from;
  ui::caption(from.c_str());
  ImGui::PushFont(ui::fonts().bold);
  ui::body_wrapped(p.text.c_str());
  ImGui::PopFont();
  for (const auto& e : p.evidence) {
    std::string line =
        std::string(core::evidence_kind_label(e.kind, e.note_kind)) +
        (e.kind == core::EvidenceKind::Note ? " at " + core::format_lesson_time(e.lesson_ms) : std::string()) + ": " +
        shown_text(e);
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
    ui::text_area(field.c_str(), "Your thoughts, in your own words", &it->second, 4.0f);
    if (it->second != p.draft.text()) out.push_back(ReflectAction{ReflectAction::Kind::EditAnswer, p.id, it->second});
    ui.hints[p.id].draw(ctx.guide, it->second);
    if (ui::button(p.answer.empty() ? "Save answer" : "Save changes", ui::Tone::Primary))
      out.push_back(ReflectAction{ReflectAction::Kind::SaveAnswer, p.id, it->second});
  }
  ui::end_card();
  ImGui::PopID();
}

// One of the teacher's own reflections: the text, and for its author Change and Remove.
void draw_own_card(const OwnReflection& o, ReflectUi& ui, const AppContext& ctx, Emitted<ReflectAction>& out) {
  ImGui::PushID(o.id.hex().c_str());
  ui::begin_card("##own");
  auto editing = ui.own_text.find(o.id);
  if (editing == ui.own_text.end()) {
    std::string who = o.mine ? std::string("Your reflection") : o.author + "\xE2\x80\x99s reflection";
    ui::caption(who.c_str());
    ui::body_wrapped(o.text.c_str());
    if (o.mine) {
      if (ui::button("Change", ui::Tone::Quiet)) {
        ui.own_text[o.id] = o.draft.text().empty() ? o.text : o.draft.text();
        ui.confirm_remove = core::Id{};
      }
      ImGui::SameLine();
      if (ui.confirm_remove != o.id) {
        if (ui::button("Remove", ui::Tone::Quiet)) ui.confirm_remove = o.id;
      } else {
        if (ui::button("Remove for good", ui::Tone::Danger))
          out.push_back(ReflectAction{ReflectAction::Kind::RemoveOwn, {}, {}, o.id});
        ImGui::SameLine();
        if (ui::button("Keep it", ui::Tone::Quiet)) ui.confirm_remove = core::Id{};
      }
    }
  } else {
    std::string field = "##own-" + o.id.short_hex();
    ui::text_area(field.c_str(), "Your reflection", &editing->second, 3.2f);
    if (editing->second != o.draft.text())
      out.push_back(ReflectAction{ReflectAction::Kind::EditOwn, {}, editing->second, o.id});
    ui.hints[o.id].draw(ctx.guide, editing->second);
    if (ui::button("Save changes", ui::Tone::Primary))
      out.push_back(ReflectAction{ReflectAction::Kind::SaveOwn, {}, {}, o.id});
  }
  ui::end_card();
  ImGui::PopID();
}

// The observed teacher's reflections that answer no prompt, and (for them) the composer.
void draw_own_reflections(const ReflectModel& m, ReflectUi& ui, const AppContext& ctx, Emitted<ReflectAction>& out) {
  if (!m.can_answer() && m.own_reflections().empty()) return;
  std::string head = m.can_answer()             ? std::string("Your own reflections")
                     : m.teacher_name().empty() ? std::string("The teacher\xE2\x80\x99s own reflections")
                                                : m.teacher_name() + "\xE2\x80\x99s own reflections";
  ui::heading(head.c_str());
  if (m.can_answer())
    ui::caption(
        "Anything you want to say about the lesson that no prompt asked. Everyone in this observation can read it.");
  for (const auto& o : m.own_reflections()) draw_own_card(o, ui, ctx, out);
  if (!m.can_answer()) return;
  ui::begin_card("##own_composer");
  ui::label(m.own_reflections().empty() ? "Write a reflection of your own" : "Write another reflection");
  ui::text_area("##own_new", "e.g. I want to find out why the back row stays quiet", &ui.own_new, 3.2f);
  if (ui.own_new != m.new_own_draft().text())
    out.push_back(ReflectAction{ReflectAction::Kind::EditOwn, {}, ui.own_new, {}});
  ui.hints[core::Id{}].draw(ctx.guide, ui.own_new);
  if (ui::button("Save reflection", ui::Tone::Primary))
    out.push_back(ReflectAction{ReflectAction::Kind::SaveOwn, {}, {}, {}});
  ui::end_card();
}
}  // namespace

void draw_reflect(const ReflectModel& m, ReflectUi& ui, const AppContext& ctx, Emitted<ReflectAction>& out) {
  if (!m.loaded()) return ui::message_body("##reflect_missing", m.error());
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  auto data = [&] {
    ui::begin_card("##focus");
    // Observers read it too: "your" only to the observed teacher.
    draw_focus_question(m.can_answer() ? "YOUR FOCUS QUESTION" : "FOCUS QUESTION", m.plan().focus_question);
    ui::end_card();
    ui::begin_card("##data");
    ui::subheading("What was collected");
    ui::caption(
        "Each observer\xE2\x80\x99s counts and times, kept apart. They describe the lesson; they do not grade it.");
    ImGui::Spacing();
    draw_observers_data(m.shown_observers(), m.still_observing(), m.me());
    ui::end_card();
    for (const core::ObserverData* o : m.shown_observers()) {
      ImGui::PushID(o->person.hex().c_str());
      ui::begin_card("##timeline");
      bool with_taps = ui.with_taps.count(o->person) > 0;
      draw_observer_timeline(*o, m.me(), with_taps);
      if (with_taps)
        ui.with_taps.insert(o->person);
      else
        ui.with_taps.erase(o->person);
      ui::end_card();
      ImGui::PopID();
    }
  };
  auto prompts = [&] {
    std::string head = m.prompts().empty()   ? std::string("Prompts")
                       : m.unanswered() == 0 ? std::string("Prompts \xC2\xB7 all answered")
                                             : "Prompts \xC2\xB7 " + std::to_string(m.unanswered()) + " to answer";
    ui::heading(head.c_str());
    if (m.prompts().empty())
      ui::muted_wrapped("No prompts have been shared with you yet. They appear here once the observer shares them.");
    for (const auto& p : m.prompts()) draw_prompt_card(m, p, ui, ctx, out);
    ImGui::Spacing();
    draw_own_reflections(m, ui, ctx, out);
    ui::error_wrapped(m.error());
  };
  ui::two_columns("##reflect", avail, 0.45f, data, prompts, /*right_first=*/true);
}

// ---- the screen ----

struct ReflectShape : AutosavedShape<ScreenId::Reflect, draw_reflect, &ReflectModel::any_dirty> {
  static std::string title(const Model* m) { return title_with("Reflect", m); }
  static void enter(std::unique_ptr<Model>& m, Ui& ui, const Route& route, AppContext& ctx) {
    load_visit(m, route, ctx);
    ui = ReflectUi{};
    // A draft typed over a saved answer reopens the answer for editing, so the words show again.
    for (const auto& p : m->prompts())
      if (!p.answer.empty() && !p.draft.text().empty()) {
        ui.editing.insert(p.id);
        ui.answers[p.id] = p.draft.text();
      }
    ui.own_new = m->new_own_draft().text();
    for (const auto& o : m->own_reflections())
      if (o.mine && !o.draft.text().empty()) ui.own_text[o.id] = o.draft.text();
  }

  static void apply(Model& m, Ui& ui, const Action& a, AppContext& ctx) {
    if (!m.apply(a)) return;
    if (a.kind == ReflectAction::Kind::SaveAnswer) {
      ui.editing.erase(a.prompt);
      ui.answers.erase(a.prompt);
      ctx.toast = "Answer saved";
    } else if (a.kind == ReflectAction::Kind::SaveOwn) {
      if (a.record.empty())
        ui.own_new.clear();
      else
        ui.own_text.erase(a.record);
      ctx.toast = "Reflection saved";
    } else if (a.kind == ReflectAction::Kind::RemoveOwn) {
      ui.own_text.erase(a.record);
      ui.confirm_remove = core::Id{};
      ctx.toast = "Reflection removed";
    }
  }
};
template class ModelScreen<ReflectShape, ReflectModel, ReflectUi>;

}  // namespace app
