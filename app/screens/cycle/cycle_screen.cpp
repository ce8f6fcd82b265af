// The Cycle screen's drawing. See cycle_screen.h. Bars use one accent colour; a later visit is a
// deeper tone of it so visits are told apart by order, never by "better" or "worse".
#include "app/screens/cycle/cycle_screen.h"
#include "app/shell/model_screen_impl.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>

#include "app/screens/common/record_summary.h"
#include "app/screens/common/report_share_view.h"
#include "app/screens/debrief/debrief_model.h"
#include "app/ui/theme.h"
#include "app/ui/widgets.h"
#include "core/dates.h"

namespace app {

namespace {
float visit_alpha(std::size_t i, std::size_t n) {
  return n <= 1 ? 0.85f : 0.5f + 0.35f * static_cast<float>(i) / static_cast<float>(n - 1);
}

// The width of one small chart: a slot per visit, never narrower than its title needs.
float chart_width(std::size_t visits) {
  return std::max(ui::em(11.0f), ui::em(4.2f) * static_cast<float>(std::max<std::size_t>(1, visits)));
}

// One small chart: a vertical bar per visit with its value above and the visit below.
void column_chart(const CycleModel& m, const std::vector<float>& values, const std::vector<std::string>& labels,
                  float w) {
  const ui::Palette& p = ui::palette();
  const auto& visits = m.visits();
  const std::size_t n = visits.size();
  ImFont* small = ui::fonts().small;
  ImFont* bold = ui::fonts().bold;
  const float slot = std::min(ui::em(4.2f), w / static_cast<float>(std::max<std::size_t>(1, n)));
  const float bar_w = slot * 0.6f;
  float most = 0.0f;
  for (float v : values) most = std::max(most, v);
  // With no bar to draw (nothing counted or timed yet) the chart keeps only the room its words
  // need, instead of an empty box as tall as a real chart.
  const float chart_h = most > 0.0f ? ui::em(4.5f) : ui::em(0.6f);
  ImVec2 pos = ImGui::GetCursorScreenPos();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float base_y = pos.y + bold->FontSize + ui::em(0.3f) + chart_h;
  dl->AddLine(ImVec2(pos.x, base_y), ImVec2(pos.x + slot * static_cast<float>(n), base_y), ui::col(p.border), 1.0f);
  for (std::size_t i = 0; i < n; ++i) {
    float x = pos.x + slot * static_cast<float>(i) + (slot - bar_w) * 0.5f;
    const std::string& text = labels[i];
    if (values[i] > 0.0f) {
      float h = chart_h * values[i] / most;
      dl->AddRectFilled(ImVec2(x, base_y - h), ImVec2(x + bar_w, base_y), ui::col(p.accent, visit_alpha(i, n)),
                        ui::em(0.25f), ImDrawFlags_RoundCornersTop);
      ImVec2 ts = bold->CalcTextSizeA(bold->FontSize, FLT_MAX, 0, text.c_str());
      dl->AddText(bold, bold->FontSize, ImVec2(x + (bar_w - ts.x) * 0.5f, base_y - h - ts.y - ui::em(0.15f)),
                  ui::col(p.text), text.c_str());
    } else if (values[i] == 0.0f) {
      // Collected and zero ("0", "not timed"): said quietly on the baseline, like a missing value.
      ImVec2 ts = small->CalcTextSizeA(small->FontSize, FLT_MAX, 0, text.c_str());
      dl->AddText(small, small->FontSize, ImVec2(x + (bar_w - ts.x) * 0.5f, base_y - ts.y - ui::em(0.2f)),
                  ui::col(p.text_muted), text.c_str());
    } else {
      const char* nc = m.pending(i) ? "not yet" : "not collected";
      ImVec2 ts = small->CalcTextSizeA(small->FontSize, FLT_MAX, 0, nc);
      dl->AddText(small, small->FontSize, ImVec2(x + (bar_w - ts.x) * 0.5f, base_y - ts.y - ui::em(0.2f)),
                  ui::col(p.text_muted), nc);
    }
    ImVec2 ls = small->CalcTextSizeA(small->FontSize, FLT_MAX, 0, visits[i].label.c_str());
    dl->AddText(small, small->FontSize, ImVec2(x + (bar_w - ls.x) * 0.5f, base_y + ui::em(0.25f)),
                ui::col(p.text_muted), visits[i].label.c_str());
  }
  ImGui::Dummy(ImVec2(w, base_y - pos.y + small->FontSize + ui::em(0.5f)));
}

// One exclusive group across visits: a 100% split bar per visit, labelled with each share.
void share_rows(const CycleModel& m, const std::string& group) {
  const ui::Palette& p = ui::palette();
  const auto& visits = m.visits();
  ImFont* small = ui::fonts().small;
  ImFont* bold = ui::fonts().bold;
  const float label_w = ui::em(4.5f);
  for (std::size_t i = 0; i < visits.size(); ++i) {
    const float w = ui::content_width(), h = ui::em(1.7f);
    ImVec2 pos = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddText(small, small->FontSize, ImVec2(pos.x, pos.y + (h - small->FontSize) * 0.5f), ui::col(p.text_muted),
                visits[i].label.c_str());
    float x = pos.x + label_w, bar_w = w - label_w;
    int index = 0;
    bool any = false;
    for (const auto& t : m.timers()) {
      if (t.group != group || t.shares[i] <= 0) continue;
      any = true;
      float seg = bar_w * static_cast<float>(t.shares[i]) / 100.0f;
      float alpha = index % 2 == 0 ? 0.85f : 0.4f;
      dl->AddRectFilled(ImVec2(x, pos.y), ImVec2(x + seg, pos.y + h), ui::col(p.accent, alpha));
      std::string pct = t.label + " " + std::to_string(t.shares[i]) + "%";
      ImVec2 ts = bold->CalcTextSizeA(small->FontSize, FLT_MAX, 0, pct.c_str());
      if (ts.x + ui::em(0.6f) > seg) {
        pct = std::to_string(t.shares[i]) + "%";
        ts = bold->CalcTextSizeA(small->FontSize, FLT_MAX, 0, pct.c_str());
      }
      if (ts.x + ui::em(0.4f) < seg)
        dl->AddText(bold, small->FontSize, ImVec2(x + ui::em(0.4f), pos.y + (h - ts.y) * 0.5f),
                    ui::col(index % 2 == 0 ? p.on_accent : p.text), pct.c_str());
      x += seg;
      ++index;
    }
    if (!any)
      dl->AddText(small, small->FontSize, ImVec2(pos.x + label_w, pos.y + (h - small->FontSize) * 0.5f),
                  ui::col(p.text_muted), m.pending(i) ? "not observed yet" : "no time recorded");
    ImGui::Dummy(ImVec2(w, h));
  }
}

void draw_visits(const CycleModel& m, const AppContext& ctx, Emitted<CycleAction>& out) {
  ui::heading("Visits");
  if (m.visits().empty()) ui::muted_wrapped("No visits in this cycle yet.");
  int i = 0;
  for (const auto& v : m.visits()) {
    ImGui::PushID(i++);
    ui::begin_card("##v");
    std::string head =
        (v.date.empty() ? std::string("No date yet") : v.date) + (v.follow_up ? " \xC2\xB7 follow-up" : "");
    ui::subheading(head.c_str());
    ui::caption(core::observation_status_label(v.status));
    bool first = true;  // the first button starts the row, flush with the card's text
    auto open = [&](const char* label, ScreenId screen, bool primary) {
      if (!ctx.has(screen)) return;
      if (!first) ui::flow_next(ui::button_width(label));
      first = false;
      if (ui::button(label, primary ? ui::Tone::Primary : ui::Tone::Secondary))
        out.open = Route{screen, v.id, m.cycle()};
    };
    if (v.status == core::ObservationStatus::Planned) {
      if (v.me_in && v.my_role != core::Role::ObservedTeacher) open("Observe", ScreenId::Observe, true);
      open(v.me_in && v.my_role == core::Role::ObservedTeacher ? "Edit plan" : "See plan", ScreenId::Plan, false);
    } else {
      bool observed_teacher = v.me_in && v.my_role == core::Role::ObservedTeacher;
      if (!observed_teacher) open("Prompts", ScreenId::Prompt, false);
      open("Reflect", ScreenId::Reflect, observed_teacher);
      open("Debrief", ScreenId::Debrief, false);
      if (v.me_in && v.my_role != core::Role::ObservedTeacher) open("Coaching notes", ScreenId::CoachingNotes, false);
    }
    ui::end_card();
    ImGui::PopID();
  }
  // A cancelled visit collected nothing and compares with nothing: one plain line says it was planned.
  for (const auto& c : m.cancelled()) {
    std::string line = (c.date.empty() ? std::string("A visit without a date") : c.date) + " \xC2\xB7 cancelled";
    ui::muted_wrapped(line.c_str());
  }
}

// Whose data the charts show: one observer at a time, chosen with a chip when there are several.
void draw_observer_choice(const CycleModel& m, Emitted<CycleAction>& out) {
  const auto& obs = m.observers();
  if (obs.empty()) return;
  if (obs.size() == 1) {
    std::string whose = "Whose data: " + obs.front().label;
    ui::caption(whose.c_str());
    return;
  }
  ui::label("Whose data");
  int i = 0;
  for (const auto& o : obs) {
    ImGui::PushID(i);
    if (i++ > 0) ui::flow_next(ui::chip_width(o.label.c_str()));
    if (ui::chip(o.label.c_str(), o.person == m.chosen_observer()) && o.person != m.chosen_observer()) {
      CycleAction a;
      a.kind = CycleAction::Kind::ChooseObserver;
      a.record = o.person;
      out.push_back(a);
    }
    ImGui::PopID();
  }
  ui::caption("Observers count on their own devices, so each one's data is shown on its own, never added together.");
}

void draw_steps(const CycleModel& m, Emitted<CycleAction>& out) {
  ui::heading("Next steps");
  if (m.steps().empty()) ui::muted_wrapped("Next steps agreed in a debrief show here.");
  const core::NextStepStatus all[] = {core::NextStepStatus::Open, core::NextStepStatus::Done,
                                      core::NextStepStatus::Dropped};
  int i = 0;
  for (const auto& s : m.steps()) {
    ImGui::PushID(i++);
    ui::begin_card("##st");
    ImGui::PushFont(ui::fonts().bold);
    ui::body_wrapped(s.step.text.c_str());
    ImGui::PopFont();
    std::string meta = "Owner: " + s.owner_name + " \xC2\xB7 agreed " + s.visit_label;
    if (!s.step.follow_up_date.empty()) meta += " \xC2\xB7 follow-up " + s.step.follow_up_date;
    ui::caption(meta.c_str());
    if (!s.step.support.empty()) {
      std::string support = "Support: " + s.step.support;
      ui::caption(support.c_str());
    }
    bool first = true;
    for (auto st : all) {
      ImGui::PushID(static_cast<int>(st));
      if (!first) ui::flow_next(ui::chip_width(core::next_step_status_label(st)));
      first = false;
      if (ui::chip(core::next_step_status_label(st), s.step.status == st) && s.step.status != st) {
        CycleAction a;
        a.kind = CycleAction::Kind::SetStepStatus;
        a.record = s.id;
        a.status = st;
        out.push_back(a);
      }
      ImGui::PopID();
    }
    ui::end_card();
    ImGui::PopID();
  }
}

void draw_charts(const CycleModel& m, Emitted<CycleAction>& out) {
  ui::heading("The same data, visit by visit");
  ui::caption("Each bar is one visit, oldest first. The numbers describe what was seen; they are not a grade.");
  draw_observer_choice(m, out);
  const auto& visits = m.visits();
  if (m.counters().empty() && m.timers().empty()) {
    ui::begin_card("##nodata");
    ui::muted_wrapped("The visits of this cycle collect notes only, so there is nothing to chart.");
    ui::end_card();
    return;
  }
  int i = 0;
  if (!m.counters().empty()) {
    // All counters in one card, as small charts side by side that wrap on a narrow screen.
    ui::begin_card("##counts");
    ui::subheading("Counts");
    const float w = std::min(chart_width(visits.size()), ui::content_width());
    bool first = true;
    for (const auto& c : m.counters()) {
      ImGui::PushID(i++);
      if (!first) ui::flow_next(w);
      first = false;
      ImGui::BeginGroup();
      ImGui::PushFont(ui::fonts().bold);
      ImVec2 at = ImGui::GetCursorScreenPos();
      ImGui::RenderTextEllipsis(ImGui::GetWindowDrawList(), at, ImVec2(at.x + w, at.y + ImGui::GetFontSize()),
                                at.x + w - ui::em(0.5f), at.x + w - ui::em(0.5f), c.label.c_str(), nullptr, nullptr);
      ImGui::Dummy(ImVec2(w, ImGui::GetFontSize()));
      ImGui::PopFont();
      std::vector<float> values;
      std::vector<std::string> labels;
      for (int v : c.counts) {
        values.push_back(static_cast<float>(v));
        labels.push_back(v < 0 ? std::string() : std::to_string(v));
      }
      column_chart(m, values, labels, w);
      ImGui::EndGroup();
      ImGui::PopID();
    }
    ui::end_card();
  }
  std::vector<std::string> groups;
  for (const auto& t : m.timers())
    if (!t.group.empty() && std::find(groups.begin(), groups.end(), t.group) == groups.end()) groups.push_back(t.group);
  for (const auto& g : groups) {
    ImGui::PushID(i++);
    ui::begin_card("##g");
    std::string title;
    for (const auto& t : m.timers())
      if (t.group == g) title += (title.empty() ? "" : " vs ") + t.label;
    ui::subheading(title.c_str());
    ui::caption("Share of the timed minutes in each visit.");
    share_rows(m, g);
    ui::end_card();
    ImGui::PopID();
  }
  for (const auto& t : m.timers()) {
    if (!t.group.empty()) continue;
    ImGui::PushID(i++);
    ui::begin_card("##t");
    std::string title = t.label + " (minutes)";
    ui::subheading(title.c_str());
    std::vector<float> values;
    std::vector<std::string> labels;
    for (auto ms : t.totals) {
      values.push_back(ms < 0 ? -1.0f : static_cast<float>(ms) / 60000.0f);
      labels.push_back(ms < 0 ? std::string() : ms == 0 ? std::string("not timed") : core::format_lesson_time(ms));
    }
    column_chart(m, values, labels, std::min(chart_width(visits.size()), ui::content_width()));
    ui::end_card();
    ImGui::PopID();
  }
}
}  // namespace

namespace {
// The cycle report to keep or hand over: the observed teacher's copy or mine.
void draw_share(const CycleModel& m, const AppContext& ctx, Emitted<CycleAction>& out) {
  auto event = draw_share_card(m.share(), "Share the cycle report\xE2\x80\xA6", ctx);
  if (!event) return;
  CycleAction a;
  a.kind = event->kind == ShareEvent::Kind::Share ? CycleAction::Kind::ShareReport : CycleAction::Kind::ChoosePaper;
  a.record = event->reader;
  a.paper = event->paper;
  out.push_back(a);
}
}  // namespace

void draw_cycle(const CycleModel& m, CycleUi&, const AppContext& ctx, Emitted<CycleAction>& out) {
  if (!m.loaded()) return ui::message_body("##cycle_missing", m.error());
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  auto intro = [&] {
    ui::caption("FOCUS QUESTION");
    ImGui::PushFont(ui::fonts().bold);
    ui::body_wrapped(m.info().focus_question.empty() ? "No focus question." : m.info().focus_question.c_str());
    ImGui::PopFont();
    ui::error_wrapped(m.error());
    ImGui::Spacing();
  };
  auto charts = [&] {
    intro();
    draw_charts(m, out);
  };
  auto steps_and_visits = [&] {
    draw_steps(m, out);
    ImGui::Spacing();
    draw_visits(m, ctx, out);
    ImGui::Spacing();
    draw_share(m, ctx, out);
  };
  ui::two_columns("##cycle", avail, 0.56f, charts, steps_and_visits);
}

// ---- the screen ----

struct CycleShape : ScreenShape<ScreenId::Cycle, draw_cycle> {
  static std::string title(const Model* m) {
    return m && m->loaded() && !m->info().title.empty() ? m->info().title : std::string("Learning cycle");
  }

  static void enter(std::unique_ptr<Model>& m, Ui&, const Route& route, AppContext& ctx) {
    m = std::make_unique<CycleModel>(*ctx.store, ctx.me);
    m->load(route.cycle, route.observation);
    ctx.report_message.clear();  // the outcome of a report made from another screen
  }

  static void apply(Model& m, Ui&, const Action& a, AppContext& ctx) {
    switch (a.kind) {
      case CycleAction::Kind::ChooseObserver:
        m.choose_observer(a.record);
        break;
      case CycleAction::Kind::SetStepStatus:
        if (m.set_step_status(a.record, a.status))
          ctx.toast = std::string("Next step marked ") + core::next_step_status_label(a.status);
        break;
      case CycleAction::Kind::ShareReport:
        if (m.share_report(a.record, ctx.now_ms()))
          if (auto r = m.take_report()) ctx.share_report = std::move(*r);
        break;
      case CycleAction::Kind::ChoosePaper:
        m.choose_paper(a.paper);
        break;
    }
  }
};
template class ModelScreen<CycleShape, CycleModel, CycleUi>;

}  // namespace app
