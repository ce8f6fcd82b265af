// The Plan screen's drawing. See plan.h; the rules live in plan_model.cpp.
#include "app/screens/plan/plan_screen.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "app/ui/theme.h"
#include "app/ui/widgets.h"

namespace app {

namespace {
const char* role_chip(core::Role r) {
  switch (r) {
    case core::Role::ObservedTeacher:
      return "Observed";
    case core::Role::TeacherLeader:
      return "Observer";
    case core::Role::Coach:
      return "Coach";
  }
  return "";
}
const core::Role kRoles[] = {core::Role::ObservedTeacher, core::Role::TeacherLeader, core::Role::Coach};

// A text field with an Add button on the same row; returns true when the text should be added.
bool add_row(const char* id, const char* hint, std::string* text) {
  ImGui::PushID(id);
  float add_w = ui::button_width("Add");
  bool enter = ui::text_field(id, hint, text, ImGuiInputTextFlags_EnterReturnsTrue,
                              ui::content_width() - add_w - ImGui::GetStyle().ItemSpacing.x);
  ImGui::SameLine();
  std::string add = std::string("Add") + id;  // "Add##new_person": shows "Add", unique for tests
  bool tapped = ui::button(add.c_str(), ui::Tone::Secondary, add_w);
  ImGui::PopID();
  return enter || tapped;
}

void stepper(const char* id, const char* label, int* value, int lo, int hi, bool* changed) {
  ImGui::PushID(id);
  ImGui::AlignTextToFramePadding();
  ui::label(label);
  ImGui::SameLine();
  if (ui::button("\xE2\x88\x92", ui::Tone::Secondary, ui::touch_px()) && *value > lo) {  // minus sign
    --*value;
    *changed = true;
  }
  ImGui::SameLine();
  std::string v = std::to_string(*value);
  ImGui::PushFont(ui::fonts().heading);
  ImGui::TextUnformatted(v.c_str());
  ImGui::PopFont();
  ImGui::SameLine();
  if (ui::button("+", ui::Tone::Secondary, ui::touch_px()) && *value < hi) {
    ++*value;
    *changed = true;
  }
  ImGui::PopID();
}

// Under a saved visit's date: how to move it, and cancelling it. The first tap only asks, so a
// stray tap never cancels a colleague's visit.
void draw_cancel(PlanUi& ui) {
  ImGui::Spacing();
  ui::caption("To move the visit, change its date or time and save the plan.");
  if (!ui.confirm_cancel) {
    if (ui::button("Cancel this visit", ui::Tone::Quiet)) ui.confirm_cancel = true;
    return;
  }
  ImGui::PushFont(ui::fonts().bold);
  ui::body_wrapped("Cancel this visit? Everyone in it will see it as cancelled.");
  ImGui::PopFont();
  if (ui::button("Keep the visit", ui::Tone::Secondary)) ui.confirm_cancel = false;
  ui::flow_next(ui::button_width("Yes, cancel it"));
  if (ui::button("Yes, cancel it", ui::Tone::Danger)) ui.cancel_confirmed = true;
}

void draw_lesson(PlanModel& m, PlanUi& ui) {
  PlanForm& f = m.form();
  ui::begin_card("##template");
  ui::subheading("Start from a template");
  bool first = true;
  int i = 0;
  for (const auto& t : m.templates().templates) {
    if (t.conversation) continue;
    ImGui::PushID(i++);
    if (!first) ui::flow_next(ui::chip_width(t.title.c_str()));
    first = false;
    if (ui::chip(t.title.c_str(), f.template_key == t.key)) m.apply_template(t.key);
    ImGui::PopID();
  }
  if (first) ui::caption("No templates are installed; add look-fors and tools by hand below.");
  if (const core::ObservationTemplate* t = m.templates().find(f.template_key)) ui::caption(t->description.c_str());
  ui::end_card();

  ui::begin_card("##focus");
  ui::subheading("Focus question");
  ui::caption("The observed teacher's own question about their classroom.");
  // A question is often a long sentence: it wraps rather than scrolling sideways out of view.
  ui::text_area("##focus_q", "What do you want to know about your classroom?", &f.focus_question, 2.6f);
  ui::end_card();

  ui::begin_card("##lesson");
  ui::subheading("The lesson");
  ui::label("Class");
  ui::text_field("##class", "e.g. 8B science", &f.class_name);
  // Date and time side by side: labels on one row, fields on the next, so both line up.
  float half = (ui::content_width() - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
  // Screen positions: SameLine(x) would count the card's group offset twice and push the
  // second label past its field.
  const ImVec2 row = ImGui::GetCursorScreenPos();
  ui::label("Date");
  ImGui::SameLine();
  ImGui::SetCursorScreenPos(ImVec2(row.x + half + ImGui::GetStyle().ItemSpacing.x, row.y));
  ui::label("Start time");
  ui::text_field("##date", "YYYY-MM-DD", &f.date, ImGuiInputTextFlags_CharsDecimal | ImGuiInputTextFlags_CharsNoBlank,
                 half);
  ImGui::SameLine();
  ui::text_field("##time", "HH:MM", &f.time, ImGuiInputTextFlags_CharsNoBlank, half);
  if (m.can_cancel()) draw_cancel(ui);
  ui::end_card();

  ui::begin_card("##people");
  ui::subheading("People");
  for (std::size_t p = 0; p < f.participants.size(); ++p) {
    ImGui::PushID(static_cast<int>(p));
    PlanPerson& person = f.participants[p];
    ImGui::AlignTextToFramePadding();
    ui::label(person.name.c_str());
    if (person.person.empty()) {
      ImGui::SameLine();
      ui::caption("new");
    }
    for (core::Role r : kRoles) {
      if (r != kRoles[0]) ImGui::SameLine();
      if (ui::chip(role_chip(r), person.role == r)) person.role = r;
    }
    ui::flow_next(ui::button_width("Remove"));
    bool remove = ui::button("Remove", ui::Tone::Quiet);
    ImGui::PopID();
    if (remove) {
      m.remove_participant(p);
      break;
    }
  }
  ImGui::Spacing();
  ui::label("Add someone on this device");
  bool first_person = true;
  int shown = 0;
  for (const auto& [id, name] : m.people()) {
    const core::Id person = id;  // a lambda may not capture a structured binding before C++20 (clang)
    bool in = std::any_of(f.participants.begin(), f.participants.end(),
                          [&](const PlanPerson& p) { return p.person == person; });
    if (in) continue;
    ImGui::PushID(shown++);
    if (!first_person) ui::flow_next(ui::chip_width(name.c_str()));
    first_person = false;
    if (ui::chip(name.c_str(), false)) m.add_person(id, ui.new_person_role);
    ImGui::PopID();
  }
  if (first_person) ui::caption("Everyone on this device is already in the plan.");
  ui::caption("New people and people you add join as:");
  for (core::Role r : kRoles) {
    if (r != kRoles[0]) ImGui::SameLine();
    ImGui::PushID(static_cast<int>(r));
    if (ui::chip(role_chip(r), ui.new_person_role == r)) ui.new_person_role = r;
    ImGui::PopID();
  }
  if (add_row("##new_person", "A new person's name", &ui.new_person) &&
      m.add_new_person(ui.new_person, ui.new_person_role))
    ui.new_person.clear();
  ui::end_card();
}

void draw_data(PlanModel& m, PlanUi& ui) {
  PlanForm& f = m.form();
  ui::begin_card("##lookfors");
  ui::subheading("Look-fors");
  ui::caption("What the observed teacher wants the observers to look for. Tap to pick.");
  for (std::size_t i = 0; i < f.look_fors.size(); ++i) {
    ImGui::PushID(static_cast<int>(i));
    if (i > 0) ui::flow_next(ui::chip_width(f.look_fors[i].first.c_str()));
    if (ui::chip(f.look_fors[i].first.c_str(), f.look_fors[i].second)) f.look_fors[i].second = !f.look_fors[i].second;
    ImGui::PopID();
  }
  if (add_row("##new_lookfor", "Another look-for", &ui.new_look_for)) {
    m.add_look_for(ui.new_look_for);
    ui.new_look_for.clear();
  }
  ui::end_card();

  ui::begin_card("##tools");
  ui::subheading("Data to collect");
  if (ui::chip("Evidence notes", f.evidence_notes)) f.evidence_notes = !f.evidence_notes;
  ImGui::Spacing();
  ui::label("Counters");
  for (std::size_t i = 0; i < f.counters.size(); ++i) {
    ImGui::PushID(static_cast<int>(i));
    if (i > 0) ui::flow_next(ui::chip_width(f.counters[i].first.label.c_str()));
    if (ui::chip(f.counters[i].first.label.c_str(), f.counters[i].second)) f.counters[i].second = !f.counters[i].second;
    ImGui::PopID();
  }
  if (add_row("##new_counter", "A counter, e.g. Open questions", &ui.new_counter)) {
    m.add_counter(ui.new_counter);
    ui.new_counter.clear();
  }
  ImGui::Spacing();
  ui::label("Timers");
  for (std::size_t i = 0; i < f.timers.size(); ++i) {
    ImGui::PushID(1000 + static_cast<int>(i));
    std::string label = f.timers[i].first.label;
    if (!f.timers[i].first.exclusive_group.empty()) label += " \xC2\xB7 one at a time";
    if (i > 0) ui::flow_next(ui::chip_width(label.c_str()));
    if (ui::chip(label.c_str(), f.timers[i].second)) f.timers[i].second = !f.timers[i].second;
    ImGui::PopID();
  }
  if (add_row("##new_timer", "A timer, e.g. Group work", &ui.new_timer)) {
    m.add_timer(ui.new_timer);
    ui.new_timer.clear();
  }
  ImGui::Spacing();
  if (ui::chip("Seating chart", f.seating)) m.set_seating(!f.seating, f.rows, f.cols);
  if (f.seating) {
    int rows = f.rows, cols = f.cols;
    bool changed = false;
    stepper("##rows", "Rows", &rows, 1, 10, &changed);
    ImGui::SameLine(0, ui::em(1.5f));
    stepper("##cols", "Columns", &cols, 1, 10, &changed);
    if (changed) m.set_seating(true, rows, cols);
    ui::caption("Seat labels (front row first). Clear a label to leave an aisle.");
    float gap = ImGui::GetStyle().ItemSpacing.x;
    float w = std::max(ui::em(3.0f),
                       (ui::content_width() - gap * static_cast<float>(f.cols - 1)) / static_cast<float>(f.cols));
    for (int r = 0; r < f.rows; ++r)
      for (int c = 0; c < f.cols; ++c) {
        ImGui::PushID(r * 100 + c);
        if (c > 0) ImGui::SameLine();
        ui::text_field("##seat", "", &f.seat_labels[static_cast<std::size_t>(r * f.cols + c)], 0, w);
        ImGui::PopID();
      }
  }
  ui::end_card();
}

// Above the form when it came back from a draft: says so, and offers to throw it away. The
// first tap only asks; typed work goes only on the second, so a stray tap loses nothing.
void draw_draft_bar(PlanModel& m, PlanUi& ui, AppContext& ctx) {
  if (!m.from_draft()) return;
  const ImVec2 start = ImGui::GetCursorPos();
  ImGui::SetCursorPos(ImVec2(start.x + ui::em(1.0f), start.y + ui::em(0.5f)));
  ImGui::BeginGroup();
  const char* text = ui.confirm_discard ? "Discard what you typed? It cannot be brought back."
                                        : "This is a plan you started earlier and did not save.";
  ImGui::AlignTextToFramePadding();
  ImGui::PushFont(ui::fonts().bold);
  ImGui::TextUnformatted(text);
  ImGui::PopFont();
  if (ui.confirm_discard) {
    ui::flow_next(ui::button_width("Keep it") + ui::button_width("Yes, discard") + ImGui::GetStyle().ItemSpacing.x);
    if (ui::button("Keep it", ui::Tone::Secondary)) ui.confirm_discard = false;
    ImGui::SameLine();
    if (ui::button("Yes, discard", ui::Tone::Danger)) {
      ui.confirm_discard = false;
      if (m.discard_draft()) ctx.toast = "Draft discarded";
    }
  } else {
    ui::flow_next(ui::button_width("Discard draft"));
    if (ui::button("Discard draft", ui::Tone::Quiet)) ui.confirm_discard = true;
  }
  ImGui::EndGroup();
  ImGui::SetCursorPosY(ImGui::GetCursorPosY() + ui::em(0.3f));
}
}  // namespace

std::string PlanScreen::title() const {
  if (!model_ || model_->form().observation.empty()) return "Plan an observation";
  return model_->form().class_name.empty() ? std::string("Plan") : "Plan \xC2\xB7 " + model_->form().class_name;
}

void PlanScreen::enter(const Route& route, AppContext& ctx) {
  // Coming back to the same plan keeps what was typed; a different route starts afresh.
  if (model_ && loaded_ && model_->form().observation == route.observation && !route.observation.empty()) return;
  model_ = std::make_unique<PlanModel>(*ctx.store, ctx.me, *ctx.templates);
  ui_ = PlanUi{};
  if (route.observation.empty()) {
    core::Role mine = core::Role::TeacherLeader;
    std::string hint = ctx.store->meta().get(core::MetaKey::RoleHint).value_or("");
    if (hint == "observed_teacher") mine = core::Role::ObservedTeacher;
    if (hint == "coach") mine = core::Role::Coach;
    model_->start_new(route.cycle, mine);
    if (mine == core::Role::ObservedTeacher) ui_.new_person_role = core::Role::TeacherLeader;
    loaded_ = false;
    if (model_->restore_draft()) ctx.toast = "Your unsaved plan is back";
  } else {
    loaded_ = model_->load(route.observation);
    if (loaded_ && model_->restore_draft()) ctx.toast = "Your unsaved changes are back";
  }
}

void PlanScreen::tick(AppContext&) {
  if (model_) model_->autosave(false);
}

void PlanScreen::commit_drafts(AppContext&) {
  if (model_) model_->autosave(true);
}

int PlanScreen::wake_after_ms(const AppContext&) const { return model_ && model_->draft_pending() ? 250 : -1; }

void PlanScreen::draw(AppContext& ctx) {
  if (!model_) return;
  if (ui_.cancel_confirmed) {
    // Emitted by last frame's drawing; applied here, before anything is drawn from the model.
    ui_.cancel_confirmed = ui_.confirm_cancel = false;
    if (model_->cancel()) {
      ctx.toast = "Visit cancelled";
      ctx.go_back = true;
      return;
    }
  }
  const bool narrow = ui::is_narrow();
  draw_draft_bar(*model_, ui_, ctx);
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float footer = ui::touch_px() + ui::em(2.2f);
  if (narrow) {
    ui::begin_scroll_area("##plan", ImVec2(avail.x, avail.y - footer));
    draw_lesson(*model_, ui_);
    draw_data(*model_, ui_);
    ui::end_scroll_area();
  } else {
    float left = std::floor(avail.x * 0.5f);
    ui::begin_scroll_area("##plan_left", ImVec2(left, avail.y - footer));
    draw_lesson(*model_, ui_);
    ui::end_scroll_area();
    ImGui::SameLine(0, 0);
    ui::begin_scroll_area("##plan_right", ImVec2(avail.x - left, avail.y - footer));
    draw_data(*model_, ui_);
    ui::end_scroll_area();
  }
  // Footer: what is missing, and Save.
  ImGui::SetCursorPos(ImVec2(ui::em(1.0f), ImGui::GetCursorPosY() + ui::em(0.4f)));
  float save_w = ui::button_width("Save plan");
  if (!model_->error().empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, ui::palette().danger);
    ImGui::PushTextWrapPos(avail.x - save_w - ui::em(2.0f));
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(model_->error().c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    ImGui::SameLine();
  }
  ImGui::SetCursorPosX(avail.x - save_w - ui::em(1.0f));
  if (ui::button("Save plan", ui::Tone::Primary, save_w)) {
    std::string kept_under = model_->draft_key();  // a new plan's key changes once it has an id
    if (model_->save()) {
      ctx.store->drafts().clear(kept_under);
      model_->clear_plan_draft();
      ctx.toast = "Plan saved";
      loaded_ = true;
      ctx.go_back = true;
    }
  }
}

}  // namespace app
