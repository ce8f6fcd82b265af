// The Plan screen's drawing and how its actions are applied. See plan_screen.h; the rules live in
// plan_model.cpp.
#include "app/screens/plan/plan_screen.h"
#include "app/shell/model_screen_impl.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "app/ui/rows.h"
#include "app/ui/theme.h"
#include "app/ui/widgets.h"

namespace app {

namespace {
// The roles a person takes in a visit, as their chips say them, in the order they are shown.
struct RoleChip {
  core::Role role;
  const char* label;
};
const RoleChip kRoles[] = {
    {core::Role::ObservedTeacher, "Observed"}, {core::Role::TeacherLeader, "Observer"}, {core::Role::Coach, "Coach"}};
using PlanKind = PlanAction::Kind;

PlanAction act(PlanKind kind, std::size_t index = 0) {
  PlanAction a;
  a.kind = kind;
  a.index = index;
  return a;
}

PlanAction with_text(PlanKind kind, std::string text, core::Role role = core::Role::TeacherLeader) {
  PlanAction a = act(kind);
  a.text = std::move(text);
  a.role = role;
  return a;
}

// A field of the form: drawn over a copy of the model's text; a change is one SetText action.
PlanAction set_text(PlanField field, std::string text, std::size_t seat = 0) {
  PlanAction a = with_text(PlanKind::SetText, std::move(text));
  a.field = field;
  a.index = seat;
  return a;
}

void form_field(const char* id, const char* hint, const std::string& value, PlanField field, Emitted<PlanAction>& out,
                int flags = 0, float width = -1.0f, std::size_t seat = 0) {
  std::string text = value;
  // A date or a time is typed exactly: no autocorrect or capitals from a tablet's keyboard.
  const bool exact = field == PlanField::Date || field == PlanField::Time;
  const bool changed =
      exact ? ui::exact_text_field(id, hint, &text, flags, width) : ui::text_field(id, hint, &text, flags, width);
  if (changed) out.push_back(set_text(field, std::move(text), seat));
}

PlanAction seating(bool on, int rows, int cols) {
  PlanAction a = act(PlanKind::SetSeating);
  a.on = on;
  a.rows = rows;
  a.cols = cols;
  return a;
}

// A row of chips that toggle the picked items of a list (look-fors, counters, timers).
template <class List, class Label>
void toggle_chips(const List& list, PlanKind kind, int id_base, Label&& label, Emitted<PlanAction>& out) {
  for (std::size_t i = 0; i < list.size(); ++i) {
    ImGui::PushID(id_base + static_cast<int>(i));
    const std::string text = label(list[i].first);
    if (i > 0) ui::flow_next(ui::chip_width(text.c_str()));
    if (ui::chip(text.c_str(), list[i].second)) out.push_back(act(kind, i));
    ImGui::PopID();
  }
}

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

// A number with − and + buttons; true when a tap changed `value` (within lo..hi).
bool stepper(const char* id, const char* label, int* value, int lo, int hi) {
  bool changed = false;
  ImGui::PushID(id);
  ImGui::AlignTextToFramePadding();
  ui::label(label);
  ImGui::SameLine();
  if (ui::button("\xE2\x88\x92", ui::Tone::Secondary, ui::touch_px()) && *value > lo) {  // minus sign
    --*value;
    changed = true;
  }
  ImGui::SameLine();
  std::string v = std::to_string(*value);
  ImGui::PushFont(ui::fonts().heading);
  ImGui::TextUnformatted(v.c_str());
  ImGui::PopFont();
  ImGui::SameLine();
  if (ui::button("+", ui::Tone::Secondary, ui::touch_px()) && *value < hi) {
    ++*value;
    changed = true;
  }
  ImGui::PopID();
  return changed;
}

// Under a saved visit's date: how to move it, and cancelling it. The first tap only asks, so a
// stray tap never cancels a colleague's visit.
void draw_cancel(PlanUi& ui, Emitted<PlanAction>& out) {
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
  if (ui::button("Yes, cancel it", ui::Tone::Danger)) out.push_back(act(PlanKind::CancelVisit));
}

void draw_template(const PlanModel& m, Emitted<PlanAction>& out) {
  const PlanForm& f = m.form();
  ui::begin_card("##template");
  ui::subheading("Start from a template");
  bool first = true;
  int i = 0;
  for (const auto& t : m.templates().templates) {
    if (t.conversation) continue;
    ImGui::PushID(i++);
    if (!first) ui::flow_next(ui::chip_width(t.title.c_str()));
    first = false;
    if (ui::chip(t.title.c_str(), f.template_key == t.key)) out.push_back(with_text(PlanKind::ApplyTemplate, t.key));
    ImGui::PopID();
  }
  if (first) ui::caption("No templates are installed; add look-fors and tools by hand below.");
  if (const core::ObservationTemplate* t = m.templates().find(f.template_key)) ui::caption(t->description.c_str());
  ui::end_card();
}

void draw_focus_and_lesson(const PlanModel& m, PlanUi& ui, Emitted<PlanAction>& out) {
  const PlanForm& f = m.form();
  ui::begin_card("##focus");
  ui::subheading("Focus question");
  ui::caption("The observed teacher's own question about their classroom.");
  // A question is often a long sentence: it wraps rather than scrolling sideways out of view.
  std::string question = f.focus_question;
  if (ui::text_area("##focus_q", "What do you want to know about your classroom?", &question, 2.6f))
    out.push_back(set_text(PlanField::FocusQuestion, std::move(question)));
  ui::end_card();

  ui::begin_card("##lesson");
  ui::subheading("The lesson");
  ui::label("Class");
  form_field("##class", "e.g. 8B science", f.class_name, PlanField::ClassName, out);
  // Date and time side by side: labels on one row, fields on the next, so both line up.
  float half = (ui::content_width() - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
  // Screen positions: SameLine(x) would count the card's group offset twice and push the
  // second label past its field.
  const ImVec2 row = ImGui::GetCursorScreenPos();
  ui::label("Date");
  ImGui::SameLine();
  ImGui::SetCursorScreenPos(ImVec2(row.x + half + ImGui::GetStyle().ItemSpacing.x, row.y));
  ui::label("Start time");
  form_field("##date", "YYYY-MM-DD", f.date, PlanField::Date, out,
             ImGuiInputTextFlags_CharsDecimal | ImGuiInputTextFlags_CharsNoBlank, half);
  ImGui::SameLine();
  form_field("##time", "HH:MM", f.time, PlanField::Time, out, ImGuiInputTextFlags_CharsNoBlank, half);
  if (m.can_cancel()) draw_cancel(ui, out);
  ui::end_card();
}

void draw_people(const PlanModel& m, PlanUi& ui, Emitted<PlanAction>& out) {
  const PlanForm& f = m.form();
  ui::begin_card("##people");
  ui::subheading("People");
  for (std::size_t p = 0; p < f.participants.size(); ++p) {
    ImGui::PushID(static_cast<int>(p));
    const PlanPerson& person = f.participants[p];
    ImGui::AlignTextToFramePadding();
    ui::label(person.name.c_str());
    if (person.person.empty()) {
      ImGui::SameLine();
      ui::caption("new");
    }
    for (const RoleChip& r : kRoles) {
      if (r.role != kRoles[0].role) ImGui::SameLine();
      if (ui::chip(r.label, person.role == r.role)) {
        PlanAction a = act(PlanKind::SetRole, p);
        a.role = r.role;
        out.push_back(a);
      }
    }
    ui::flow_next(ui::button_width("Remove"));
    if (ui::button("Remove", ui::Tone::Quiet)) out.push_back(act(PlanKind::RemoveParticipant, p));
    ImGui::PopID();
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
    if (ui::chip(name.c_str(), false)) {
      PlanAction a = act(PlanKind::AddPerson);
      a.person = person;
      a.role = ui.new_person_role;
      out.push_back(a);
    }
    ImGui::PopID();
  }
  if (first_person) ui::caption("Everyone on this device is already in the plan.");
  ui::caption("New people and people you add join as:");
  for (const RoleChip& r : kRoles) {
    if (r.role != kRoles[0].role) ImGui::SameLine();
    ImGui::PushID(static_cast<int>(r.role));
    if (ui::chip(r.label, ui.new_person_role == r.role)) ui.new_person_role = r.role;
    ImGui::PopID();
  }
  if (add_row("##new_person", "A new person's name", &ui.new_person))
    out.push_back(with_text(PlanKind::AddNewPerson, ui.new_person, ui.new_person_role));
  ui::end_card();
}

void draw_lesson(const PlanModel& m, PlanUi& ui, Emitted<PlanAction>& out) {
  draw_template(m, out);
  draw_focus_and_lesson(m, ui, out);
  draw_people(m, ui, out);
}

void draw_seating(const PlanForm& f, Emitted<PlanAction>& out) {
  if (ui::chip("Seating chart", f.seating)) out.push_back(seating(!f.seating, f.rows, f.cols));
  if (!f.seating) return;
  int rows = f.rows, cols = f.cols;
  const bool more_rows = stepper("##rows", "Rows", &rows, 1, 10);
  ImGui::SameLine(0, ui::em(1.5f));
  const bool more_cols = stepper("##cols", "Columns", &cols, 1, 10);
  if (more_rows || more_cols) out.push_back(seating(true, rows, cols));
  ui::caption("Seat labels (front row first). Clear a label to leave an aisle.");
  float gap = ImGui::GetStyle().ItemSpacing.x;
  float w =
      std::max(ui::em(3.0f), (ui::content_width() - gap * static_cast<float>(f.cols - 1)) / static_cast<float>(f.cols));
  for (int r = 0; r < f.rows; ++r)
    for (int c = 0; c < f.cols; ++c) {
      ImGui::PushID(r * 100 + c);
      if (c > 0) ImGui::SameLine();
      const auto seat = static_cast<std::size_t>(r * f.cols + c);
      form_field("##seat", "", f.seat_labels[seat], PlanField::SeatLabel, out, 0, w, seat);
      ImGui::PopID();
    }
}

void draw_data(const PlanModel& m, PlanUi& ui, Emitted<PlanAction>& out) {
  const PlanForm& f = m.form();
  ui::begin_card("##lookfors");
  ui::subheading("Look-fors");
  ui::caption("What the observed teacher wants the observers to look for. Tap to pick.");
  toggle_chips(
      f.look_fors, PlanKind::ToggleLookFor, 0, [](const std::string& l) { return l; }, out);
  if (add_row("##new_lookfor", "Another look-for", &ui.new_look_for)) {
    out.push_back(with_text(PlanKind::AddLookFor, ui.new_look_for));
    ui.new_look_for.clear();
  }
  ui::end_card();

  ui::begin_card("##tools");
  ui::subheading("Data to collect");
  if (ui::chip("Evidence notes", f.evidence_notes)) out.push_back(act(PlanKind::ToggleEvidenceNotes));
  ImGui::Spacing();
  ui::label("Counters");
  toggle_chips(
      f.counters, PlanKind::ToggleCounter, 0, [](const core::CounterTool& c) { return c.label; }, out);
  if (add_row("##new_counter", "A counter, e.g. Open questions", &ui.new_counter)) {
    out.push_back(with_text(PlanKind::AddCounter, ui.new_counter));
    ui.new_counter.clear();
  }
  ImGui::Spacing();
  ui::label("Timers");
  auto timer_label = [](const core::TimerTool& t) {
    return t.exclusive_group.empty() ? t.label : t.label + " \xC2\xB7 one at a time";
  };
  toggle_chips(f.timers, PlanKind::ToggleTimer, 1000, timer_label, out);
  if (add_row("##new_timer", "A timer, e.g. Group work", &ui.new_timer)) {
    out.push_back(with_text(PlanKind::AddTimer, ui.new_timer));
    ui.new_timer.clear();
  }
  ImGui::Spacing();
  draw_seating(f, out);
  ui::end_card();
}

// Above the form when it came back from a draft: says so, and offers to throw it away. The
// first tap only asks; typed work goes only on the second, so a stray tap loses nothing.
void draw_draft_bar(const PlanModel& m, PlanUi& ui, Emitted<PlanAction>& out) {
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
      out.push_back(act(PlanKind::DiscardDraft));
    }
  } else {
    ui::flow_next(ui::button_width("Discard draft"));
    if (ui::button("Discard draft", ui::Tone::Quiet)) ui.confirm_discard = true;
  }
  ImGui::EndGroup();
  ImGui::SetCursorPosY(ImGui::GetCursorPosY() + ui::em(0.3f));
}
}  // namespace

void draw_plan(const PlanModel& m, PlanUi& ui, const AppContext&, Emitted<PlanAction>& out) {
  draw_draft_bar(m, ui, out);
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  auto lesson = [&] { draw_lesson(m, ui, out); };
  auto data = [&] { draw_data(m, ui, out); };
  ui::two_columns("##plan", ImVec2(avail.x, avail.y - ui::footer_height()), 0.5f, lesson, data);
  // Footer: what is missing, and Save.
  const float save_w = ui::button_width("Save plan");
  ui::footer_begin(m.error(), save_w);
  if (ui::button("Save plan", ui::Tone::Primary, save_w)) out.push_back(act(PlanKind::Save));
}

// ---- the screen ----

struct PlanShape : AutosavedShape<ScreenId::Plan, draw_plan, &PlanModel::draft_pending> {
  static std::string title(const Model* m) {
    if (!m || m->form().observation.empty()) return "Plan an observation";
    return m->form().class_name.empty() ? std::string("Plan") : "Plan \xC2\xB7 " + m->form().class_name;
  }

  // Coming back to the same saved plan keeps what was typed; any other route starts afresh and
  // brings back the draft kept for it.
  static void enter(std::unique_ptr<Model>& m, Ui& ui, const Route& route, AppContext& ctx) {
    if (m && !route.observation.empty() && m->form().observation == route.observation) return;
    m = std::make_unique<PlanModel>(*ctx.store, ctx.me, *ctx.templates, ctx.now_ms);
    ui = PlanUi{};
    if (route.observation.empty()) {
      core::Role mine = core::Role::TeacherLeader;
      std::string hint = ctx.store->meta().get(core::MetaKey::RoleHint).value_or("");
      if (hint == "observed_teacher") mine = core::Role::ObservedTeacher;
      if (hint == "coach") mine = core::Role::Coach;
      m->start_new(route.cycle, mine);
      if (mine == core::Role::ObservedTeacher) ui.new_person_role = core::Role::TeacherLeader;
      if (m->restore_draft()) ctx.toast = "Your unsaved plan is back";
    } else if (m->load(route.observation) && m->restore_draft()) {
      ctx.toast = "Your unsaved changes are back";
    }
  }

  static void apply(Model& m, Ui& ui, const Action& a, AppContext& ctx) {
    if (!m.apply(a)) return;
    switch (a.kind) {
      case PlanKind::AddNewPerson:
        ui.new_person.clear();
        break;
      case PlanKind::DiscardDraft:
        ctx.toast = "Draft discarded";
        break;
      case PlanKind::CancelVisit:
        ui.confirm_cancel = false;
        ctx.toast = "Visit cancelled";
        ctx.go_back = true;
        break;
      case PlanKind::Save:
        ctx.toast = "Plan saved";
        ctx.go_back = true;
        break;
      default:
        break;
    }
  }
};
template class ModelScreen<PlanShape, PlanModel, PlanUi>;

}  // namespace app
