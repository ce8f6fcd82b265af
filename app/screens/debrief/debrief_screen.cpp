// The Debrief screen's drawing. See debrief_screen.h; the rules live in debrief_model.cpp.
#include "app/screens/debrief/debrief_screen.h"
#include "app/shell/model_screen_impl.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "app/screens/common/lesson_data_view.h"
#include "app/screens/common/report_share_view.h"
#include "app/ui/rows.h"
#include "app/ui/theme.h"
#include "app/ui/widgets.h"

namespace app {

namespace {
using DebriefKind = DebriefAction::Kind;

bool same_form(const NextStepForm& a, const NextStepForm& b) {
  return a.text == b.text && a.owner == b.owner && a.support == b.support && a.follow_up_date == b.follow_up_date;
}

void draw_notes(const DebriefModel& m, DebriefUi& ui, const AppContext& ctx, Emitted<DebriefAction>& out) {
  ui::heading("Debrief notes");
  ui::caption("What was said and agreed in the conversation. Everyone in the observation can add a note.");
  if (m.notes().empty()) ui::muted_wrapped("No notes yet.");
  int i = 0;
  for (const auto& n : m.notes()) {
    ImGui::PushID(i++);
    ui::begin_card("##n");
    ui::caption(n.author.c_str());
    ui::body_wrapped(n.text.c_str());
    ui::end_card();
    ImGui::PopID();
  }
  if (!m.can_write()) return;
  ui::begin_card("##note_composer");
  ui::label("Add a note");
  ui::text_area("##note", "e.g. We noticed the back row wrote but did not speak.", &ui.note, 3.2f);
  if (ui.note != m.note_draft()) {
    DebriefAction a;
    a.kind = DebriefKind::EditNote;
    a.text = ui.note;
    out.push_back(a);
  }
  ui.hint.draw(ctx.guide, ui.note);
  if (ui::button("Save note", ui::Tone::Primary)) out.push_back(DebriefAction{DebriefKind::SaveNote, {}, {}, {}});
  ui::end_card();
}

// What was collected (each observer's own data) and the teacher's own reflections, to talk from;
// below the notes (and, on a narrow screen, the next steps), so what is typed stays near the top.
void draw_lesson(const DebriefModel& m) {
  ui::begin_card("##data");
  ui::subheading("What was collected");
  ui::caption("Each observer\xE2\x80\x99s counts and times, kept apart.");
  ImGui::Spacing();
  draw_observers_data(m.shown_observers(), m.still_observing(), m.me());
  ui::end_card();
  if (m.own_reflections().empty()) return;
  std::string head = m.teacher_name().empty() ? std::string("The teacher\xE2\x80\x99s own reflections")
                                              : m.teacher_name() + "\xE2\x80\x99s own reflections";
  ui::begin_card("##own");
  ui::subheading(head.c_str());
  for (const auto& o : m.own_reflections()) {
    std::string who = o.mine ? std::string("Your reflection") : o.author;
    ui::caption(who.c_str());
    ui::body_wrapped(o.text.c_str());
    ImGui::Spacing();
  }
  ui::end_card();
}

void draw_steps(const DebriefModel& m, DebriefUi& ui, Emitted<DebriefAction>& out) {
  ui::heading("Next steps");
  ui::caption("What will be tried, who owns it, the support it needs, and when follow-up data is collected.");
  if (m.steps().empty()) ui::muted_wrapped("No next steps yet.");
  int i = 0;
  for (const auto& s : m.steps()) {
    ImGui::PushID(i++);
    ui::begin_card("##s", s.step.follow_up_observation.empty() && !s.step.follow_up_date.empty());
    ImGui::PushFont(ui::fonts().bold);
    ui::body_wrapped(s.step.text.c_str());
    ImGui::PopFont();
    std::string meta = "Owner: " + s.owner_name + " \xC2\xB7 " + core::next_step_status_label(s.step.status);
    ui::caption(meta.c_str());
    if (!s.step.support.empty()) {
      std::string support = "Support: " + s.step.support;
      ui::body_wrapped(support.c_str());
    }
    if (!s.follow_up_label.empty()) {
      ui::status_dot(ui::palette().accent);
      ImGui::SameLine();
      ui::caption(s.follow_up_label.c_str());
    } else if (!s.step.follow_up_date.empty()) {
      std::string when = "Follow-up data on " + s.step.follow_up_date;
      ui::caption(when.c_str());
      if (m.can_write() && ui::button("Schedule the follow-up", ui::Tone::Primary)) {
        DebriefAction a;
        a.kind = DebriefKind::ScheduleFollowUp;
        a.record = s.id;
        out.push_back(a);
      }
    } else {
      ui::caption("No follow-up date yet.");
    }
    ui::end_card();
    ImGui::PopID();
  }
  if (!m.can_write()) return;
  ui::begin_card("##step_form");
  ui::label("Add a next step");
  ui::text_field("##step_text", "What will be tried, e.g. mini whiteboards for the first two questions", &ui.step.text);
  ui::label("Owner");
  int p = 0;
  for (const auto& [id, name] : m.participants()) {
    ImGui::PushID(p);
    if (p++ > 0) ui::flow_next(ui::chip_width(name.c_str()));
    if (ui::chip(name.c_str(), ui.step.owner == id)) ui.step.owner = id;
    ImGui::PopID();
  }
  ui::label("Support needed");
  ui::text_field("##support", "e.g. a class set of whiteboards", &ui.step.support);
  ui::label("Follow-up date");
  ui::exact_text_field("##date", "YYYY-MM-DD", &ui.step.follow_up_date,
                       ImGuiInputTextFlags_CharsDecimal | ImGuiInputTextFlags_CharsNoBlank,
                       std::min(ui::content_width(), ui::em(12.0f)));
  if (!same_form(ui.step, m.step_form())) {
    DebriefAction a;
    a.kind = DebriefKind::EditStep;
    a.step = ui.step;
    out.push_back(a);
  }
  ImGui::Spacing();
  if (ui::button("Add next step", ui::Tone::Primary)) out.push_back(DebriefAction{DebriefKind::SaveStep, {}, {}, {}});
  ui::end_card();
}
// The visit's summary to hand over: the observed teacher's copy or mine, as a PDF or a page to print.
void draw_share(const DebriefModel& m, const AppContext& ctx, Emitted<DebriefAction>& out) {
  auto event = draw_share_card(m.share(), "Share a summary\xE2\x80\xA6", ctx);
  if (!event) return;
  DebriefAction a;
  a.kind = event->kind == ShareEvent::Kind::Share ? DebriefKind::ShareSummary : DebriefKind::ChoosePaper;
  a.record = event->reader;
  a.paper = event->paper;
  out.push_back(a);
}
}  // namespace

void draw_debrief(const DebriefModel& m, DebriefUi& ui, const AppContext& ctx, Emitted<DebriefAction>& out) {
  if (!m.loaded()) return ui::message_body("##debrief_missing", m.error());
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float body_h = avail.y - ui::footer_height();
  auto focus = [&] {
    draw_focus_question("FOCUS QUESTION", m.plan().focus_question);
    ImGui::Spacing();
  };
  if (ui::is_narrow()) {
    ui::begin_scroll_area("##debrief", ImVec2(avail.x, body_h));
    focus();
    draw_notes(m, ui, ctx, out);
    ImGui::Spacing();
    draw_steps(m, ui, out);
    ImGui::Spacing();
    draw_share(m, ctx, out);
    ui::end_scroll_area();
  } else {
    float left = std::floor(avail.x * 0.5f);
    ui::begin_scroll_area("##debrief_left", ImVec2(left, body_h));
    focus();
    draw_notes(m, ui, ctx, out);
    ImGui::Spacing();
    draw_lesson(m);
    ui::end_scroll_area();
    ImGui::SameLine(0, 0);
    ui::begin_scroll_area("##debrief_right", ImVec2(avail.x - left, body_h));
    draw_steps(m, ui, out);
    ImGui::Spacing();
    draw_share(m, ctx, out);
    ui::end_scroll_area();
  }
  const bool held = m.plan().status == core::ObservationStatus::Debriefed;
  const char* label = held ? "Debrief held" : "Mark the debrief as held";
  float w = ui::button_width(label);
  ui::footer_begin(m.error(), w);
  ImGui::BeginDisabled(held || !m.can_write());
  if (ui::button(label, held ? ui::Tone::Quiet : ui::Tone::Secondary, w))
    out.push_back(DebriefAction{DebriefKind::MarkDebriefed, {}, {}, {}});
  ImGui::EndDisabled();
}

// ---- the screen ----

struct DebriefShape : AutosavedShape<ScreenId::Debrief, draw_debrief, &DebriefModel::drafts_dirty> {
  static std::string title(const Model* m) { return title_with("Debrief", m); }
  static void enter(std::unique_ptr<Model>& m, Ui& ui, const Route& route, AppContext& ctx) {
    load_visit(m, route, ctx);
    ui = DebriefUi{};
    ui.note = m->note_draft();
    ui.step = m->step_form();
    ctx.report_message.clear();  // the outcome of a report made from another screen
  }

  static void apply(Model& m, Ui& ui, const Action& a, AppContext& ctx) {
    if (!m.apply(a)) return;
    switch (a.kind) {
      case DebriefKind::SaveNote:
        ui.note.clear();
        ctx.toast = "Note saved";
        break;
      case DebriefKind::SaveStep:
        ui.step = m.step_form();
        ctx.toast = "Next step added";
        break;
      case DebriefKind::ScheduleFollowUp: {
        auto f = ctx.store->get(m.last_follow_up());
        std::string date = f && std::holds_alternative<core::Observation>(f->body)
                               ? std::get<core::Observation>(f->body).date
                               : std::string();
        ctx.toast = "Follow-up visit planned for " + date;
        break;
      }
      case DebriefKind::MarkDebriefed:
        ctx.toast = "Debrief marked as held";
        break;
      case DebriefKind::ShareSummary:
        if (auto r = m.share().take_request()) ctx.share_report = std::move(*r);
        break;
      default:
        break;
    }
  }
};
template class ModelScreen<DebriefShape, DebriefModel, DebriefUi>;

}  // namespace app
