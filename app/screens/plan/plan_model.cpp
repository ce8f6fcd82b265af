// The Plan screen's model. See plan_model.h for the guarantees.
#include "app/screens/plan/plan_model.h"
#include "app/screens/common/model_text.h"
#include "app/screens/plan/visit_schedule.h"
#include "core/dates.h"

#include <algorithm>
#include <cctype>

namespace app {

namespace {

std::string slug(const std::string& label) {
  std::string out;
  for (unsigned char c : label) {
    if (std::isalnum(c))
      out += static_cast<char>(std::tolower(c));
    else if (!out.empty() && out.back() != '-')
      out += '-';
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out.empty() ? std::string("item") : out;
}

std::string default_seat_label(int row, int col) {
  return std::string(1, static_cast<char>('A' + row)) + std::to_string(col + 1);
}
}  // namespace

PlanModel::PlanModel(core::Store& store, core::Id me, const core::TemplateLibrary& templates,
                     std::function<std::int64_t()> now_ms)
    : store_(store), me_(me), templates_(templates), now_ms_(std::move(now_ms)) {
  for (const auto& [id, h] : store_.live(core::RecordType::Person))
    people_.push_back({id, std::get<core::Person>(h.body).name});
  std::sort(people_.begin(), people_.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
}

void PlanModel::start_new(core::Id cycle, core::Role my_role) {
  form_ = PlanForm{};
  error_.clear();
  new_role_ = my_role;
  form_.cycle = cycle;
  if (!cycle.empty()) {
    if (auto c = store_.get(cycle); c && std::holds_alternative<core::Cycle>(c->body))
      form_.focus_question = std::get<core::Cycle>(c->body).focus_question;
  }
  std::string my_name;
  for (const auto& [id, name] : people_)
    if (id == me_) my_name = name;
  form_.participants.push_back({me_, my_name, my_role});
  resize_seats(false, 4, 6);
  open_draft();
}

bool PlanModel::load(core::Id observation) {
  error_.clear();
  auto head = store_.get(observation);
  if (!head || !std::holds_alternative<core::Observation>(head->body)) {
    error_ = "This observation is not on this device (it may have been deleted).";
    return false;
  }
  const auto& o = std::get<core::Observation>(head->body);
  form_ = PlanForm{};
  form_.observation = observation;
  form_.cycle = o.cycle;
  form_.template_key = o.template_key;
  form_.focus_question = o.focus_question;
  // Offer the template's other look-fors and tools unpicked, after the plan's own.
  const core::ObservationTemplate* t = templates_.find(o.template_key);
  for (const auto& l : o.look_fors) form_.look_fors.push_back({l, true});
  if (t)
    for (const auto& l : t->look_fors)
      if (std::find(o.look_fors.begin(), o.look_fors.end(), l) == o.look_fors.end())
        form_.look_fors.push_back({l, false});
  form_.evidence_notes = o.tools.evidence_notes;
  for (const auto& c : o.tools.counters) form_.counters.push_back({c, true});
  for (const auto& tm : o.tools.timers) form_.timers.push_back({tm, true});
  form_.seating = o.tools.seating.enabled;
  form_.rows = o.tools.seating.rows > 0 ? o.tools.seating.rows : 4;
  form_.cols = o.tools.seating.cols > 0 ? o.tools.seating.cols : 6;
  resize_seats(form_.seating, form_.rows, form_.cols);
  for (const auto& s : o.tools.seating.seats)
    if (s.row >= 0 && s.row < form_.rows && s.col >= 0 && s.col < form_.cols)
      form_.seat_labels[static_cast<std::size_t>(s.row * form_.cols + s.col)] = s.label;
  form_.class_name = o.class_name;
  form_.date = o.date;
  form_.time = o.time;
  form_.status = o.status;
  form_.follows = o.follows;
  for (const auto& p : o.participants) {
    std::string name = "Someone not on this device";
    for (const auto& [id, n] : people_)
      if (id == p.person) name = n;
    form_.participants.push_back({p.person, name, p.role});
  }
  open_draft();
  return true;
}

std::string PlanModel::unique_key(const std::string& label, bool counter) const {
  std::string base = slug(label), key = base;
  for (int n = 2;; ++n) {
    bool taken = counter ? std::any_of(form_.counters.begin(), form_.counters.end(),
                                       [&](const auto& c) { return c.first.key == key; })
                         : std::any_of(form_.timers.begin(), form_.timers.end(),
                                       [&](const auto& t) { return t.first.key == key; });
    if (!taken) return key;
    key = base + "-" + std::to_string(n);
  }
}

void PlanModel::apply_template(const std::string& key) {
  const core::ObservationTemplate* t = templates_.find(key);
  if (!t) {
    error_ = "The template \"" + key + "\" is not available on this device.";
    return;
  }
  error_.clear();
  form_.template_key = key;
  form_.look_fors.clear();
  for (const auto& l : t->look_fors) form_.look_fors.push_back({l, true});
  form_.counters.clear();
  for (const auto& c : t->counters) form_.counters.push_back({c, true});
  form_.timers.clear();
  for (const auto& tm : t->timers) form_.timers.push_back({tm, true});
  resize_seats(t->seating_chart, form_.rows, form_.cols);
  form_changed();
}

void PlanModel::add_look_for(const std::string& text) {
  std::string t = trim(text);
  if (t.empty()) return;
  auto same = std::find_if(form_.look_fors.begin(), form_.look_fors.end(), [&](const auto& l) { return l.first == t; });
  if (same != form_.look_fors.end())
    same->second = true;
  else
    form_.look_fors.push_back({t, true});
  form_changed();
}

void PlanModel::add_counter(const std::string& label) {
  std::string l = trim(label);
  if (l.empty()) return;
  form_.counters.push_back({core::CounterTool{unique_key(l, true), l}, true});
  form_changed();
}

void PlanModel::add_timer(const std::string& label) {
  std::string l = trim(label);
  if (l.empty()) return;
  form_.timers.push_back({core::TimerTool{unique_key(l, false), l, ""}, true});
  form_changed();
}

void PlanModel::set_seating(bool on, int rows, int cols) {
  resize_seats(on, rows, cols);
  form_changed();
}

void PlanModel::resize_seats(bool on, int rows, int cols) {
  rows = std::clamp(rows, 1, 10);
  cols = std::clamp(cols, 1, 10);
  std::vector<std::string> labels(static_cast<std::size_t>(rows * cols));
  for (int r = 0; r < rows; ++r)
    for (int c = 0; c < cols; ++c) {
      std::size_t old = static_cast<std::size_t>(r * form_.cols + c);
      bool kept = r < form_.rows && c < form_.cols && old < form_.seat_labels.size() && !form_.seat_labels[old].empty();
      labels[static_cast<std::size_t>(r * cols + c)] = kept ? form_.seat_labels[old] : default_seat_label(r, c);
    }
  form_.seating = on;
  form_.rows = rows;
  form_.cols = cols;
  form_.seat_labels = std::move(labels);
}

void PlanModel::add_person(core::Id person, core::Role role) {
  for (const auto& p : form_.participants)
    if (!p.person.empty() && p.person == person) return;
  std::string name;
  for (const auto& [id, n] : people_)
    if (id == person) name = n;
  form_.participants.push_back({person, name, role});
  form_changed();
}

bool PlanModel::add_new_person(const std::string& name, core::Role role) {
  std::string n = trim(name);
  if (n.empty()) {
    error_ = "Type the person's name first.";
    return false;
  }
  for (const auto& [id, existing] : people_)
    if (existing == n) {
      add_person(id, role);  // the same name already on this device: no duplicate person
      return true;
    }
  form_.participants.push_back({core::Id{}, n, role});
  form_changed();
  return true;
}

void PlanModel::remove_participant(std::size_t index) {
  if (index >= form_.participants.size()) return;
  form_.participants.erase(form_.participants.begin() + static_cast<long>(index));
  form_changed();
}

void PlanModel::set_text(PlanField field, const std::string& text, std::size_t seat) {
  std::string* target = field == PlanField::FocusQuestion ? &form_.focus_question
                        : field == PlanField::ClassName   ? &form_.class_name
                        : field == PlanField::Date        ? &form_.date
                        : field == PlanField::Time        ? &form_.time
                        : seat < form_.seat_labels.size() ? &form_.seat_labels[seat]
                                                          : nullptr;
  if (!target || *target == text) return;
  *target = text;
  form_changed();
}

void PlanModel::set_role(std::size_t participant, core::Role role) {
  if (participant >= form_.participants.size() || form_.participants[participant].role == role) return;
  form_.participants[participant].role = role;
  form_changed();
}

template <class List>
bool PlanModel::toggle(List& list, std::size_t index) {
  if (index >= list.size()) return false;
  list[index].second = !list[index].second;
  form_changed();
  return true;
}

void PlanModel::toggle_evidence_notes() {
  form_.evidence_notes = !form_.evidence_notes;
  form_changed();
}

bool PlanModel::apply(const PlanAction& a) {
  using K = PlanAction::Kind;
  switch (a.kind) {
    case K::ApplyTemplate:
      apply_template(a.text);
      return error_.empty();
    case K::SetText:
      set_text(a.field, a.text, a.index);
      return true;
    case K::SetRole:
      set_role(a.index, a.role);
      return true;
    case K::RemoveParticipant:
      remove_participant(a.index);
      return true;
    case K::AddPerson:
      add_person(a.person, a.role);
      return true;
    case K::AddNewPerson:
      return add_new_person(a.text, a.role);
    case K::ToggleLookFor:
      return toggle(form_.look_fors, a.index);
    case K::AddLookFor:
      add_look_for(a.text);
      return true;
    case K::ToggleEvidenceNotes:
      toggle_evidence_notes();
      return true;
    case K::ToggleCounter:
      return toggle(form_.counters, a.index);
    case K::AddCounter:
      add_counter(a.text);
      return true;
    case K::ToggleTimer:
      return toggle(form_.timers, a.index);
    case K::AddTimer:
      add_timer(a.text);
      return true;
    case K::SetSeating:
      set_seating(a.on, a.rows, a.cols);
      return true;
    case K::DiscardDraft:
      return discard_draft();
    case K::CancelVisit:
      return cancel();
    case K::Save:
      return save();
  }
  return false;
}

std::string PlanModel::validate() const {
  if (trim(form_.focus_question).empty())
    return "Write the focus question: the observed teacher's own question about their classroom.";
  int observed = 0, observers = 0;
  for (const auto& p : form_.participants) {
    if (p.role == core::Role::ObservedTeacher)
      ++observed;
    else
      ++observers;
  }
  if (observed == 0) return "Add the observed teacher: whose lesson is this?";
  if (observed > 1) return "Only one person can be the observed teacher of a visit.";
  if (observers == 0) return "Add who observes: a teacher leader or a coach.";
  // The shared check and wording (core/dates.h): what Plan accepts, Debrief and Home accept too.
  if (!form_.date.empty() && !core::is_calendar_date(form_.date)) return core::date_problem(form_.date);
  if (!form_.time.empty() && !core::is_clock_time(form_.time)) return core::time_problem(form_.time);
  bool any_tool = form_.evidence_notes || form_.seating ||
                  std::any_of(form_.counters.begin(), form_.counters.end(), [](const auto& c) { return c.second; }) ||
                  std::any_of(form_.timers.begin(), form_.timers.end(), [](const auto& t) { return t.second; });
  if (!any_tool) return "Pick at least one kind of data to collect: notes, a counter, a timer or the seating chart.";
  return "";
}

bool PlanModel::can_cancel() const {
  return !form_.observation.empty() && form_.status == core::ObservationStatus::Planned &&
         std::any_of(form_.participants.begin(), form_.participants.end(),
                     [&](const PlanPerson& p) { return p.person == me_ && p.role == core::Role::TeacherLeader; });
}

bool PlanModel::cancel() {
  if (form_.observation.empty()) {
    error_ = "This plan is not saved yet: there is no visit to cancel.";
    return false;
  }
  error_ = cancel_visit(store_, me_, form_.observation);
  if (!error_.empty()) return false;
  form_.status = core::ObservationStatus::Cancelled;
  try {
    clear_plan_draft();  // unsaved edits of a cancelled visit would only come back to confuse
  } catch (const std::exception&) {
    // The visit is cancelled; a leftover draft of it is harmless and is replaced on the next save.
  }
  return true;
}

bool PlanModel::save() {
  error_ = validate();
  if (!error_.empty()) return false;
  core::Observation o;
  if (!form_.observation.empty()) {
    if (auto head = store_.get(form_.observation); head && std::holds_alternative<core::Observation>(head->body))
      o = std::get<core::Observation>(head->body);  // keeps fields this screen does not edit
  }
  o.focus_question = trim(form_.focus_question);
  o.look_fors.clear();
  for (const auto& [l, on] : form_.look_fors)
    if (on) o.look_fors.push_back(l);
  o.tools = core::DataTools{};
  o.tools.evidence_notes = form_.evidence_notes;
  for (const auto& [c, on] : form_.counters)
    if (on) o.tools.counters.push_back(c);
  for (const auto& [t, on] : form_.timers)
    if (on) o.tools.timers.push_back(t);
  o.tools.seating.enabled = form_.seating;
  if (form_.seating) {
    o.tools.seating.rows = form_.rows;
    o.tools.seating.cols = form_.cols;
    for (int r = 0; r < form_.rows; ++r)
      for (int c = 0; c < form_.cols; ++c) {
        std::string label = trim(form_.seat_labels[static_cast<std::size_t>(r * form_.cols + c)]);
        if (label.empty()) continue;  // an empty label means no seat there (an aisle)
        o.tools.seating.seats.push_back({"r" + std::to_string(r) + "c" + std::to_string(c), label, r, c});
      }
  }
  o.template_key = form_.template_key;
  o.class_name = trim(form_.class_name);
  if (o.date != form_.date || o.time != form_.time) {
    // The plan's time was changed by hand: that answers any other time proposed meanwhile.
    o.proposed_date.clear();
    o.proposed_time.clear();
    o.proposed_by = core::Id{};
  }
  o.date = form_.date;
  o.time = form_.time;
  o.status = form_.status;
  o.follows = form_.follows;
  // Work on copies so a failed transaction leaves the form as it was (no ids of rolled-back records).
  std::vector<PlanPerson> parts = form_.participants;
  core::Id cycle = form_.cycle, observation = form_.observation;
  const std::string kept_under = draft_key();  // a new plan's key changes once it has an id
  try {
    store_.transaction([&] {
      store_.drafts().clear(kept_under);  // the draft is the plan now: both, or neither
      o.participants.clear();
      core::Id observed;
      for (auto& p : parts) {
        if (p.person.empty()) {
          // Only the program lead adds people to the hub's roster (the hub refuses anyone else's
          // person record), so a colleague typed in here is a contact kept on this device.
          p.person = core::Id::random();
          store_.outbox().mark_local_only(p.person);
          store_.create_with_id(p.person, core::Person{p.name, ""}, me_);
        }
        o.participants.push_back({p.person, p.role});
        if (p.role == core::Role::ObservedTeacher) observed = p.person;
      }
      if (cycle.empty()) {
        const core::ObservationTemplate* t = templates_.find(form_.template_key);
        std::string title = t ? t->title : std::string("Observation cycle");
        if (!o.class_name.empty()) title += " in " + o.class_name;
        cycle = store_.create(core::Cycle{title, observed, o.focus_question}, me_).record;
      }
      o.cycle = cycle;
      if (observation.empty())
        observation = store_.create(o, me_).record;
      else
        store_.update(observation, o, me_);
    });
  } catch (const std::exception& e) {
    error_ = std::string("Could not save the plan: ") + e.what();
    return false;
  }
  form_.participants = std::move(parts);
  form_.cycle = cycle;
  form_.observation = observation;
  for (const auto& p : form_.participants)
    if (std::none_of(people_.begin(), people_.end(), [&](const auto& x) { return x.first == p.person; }))
      people_.push_back({p.person, p.name});
  from_draft_ = false;
  open_draft();  // under the saved plan's key, where nothing is kept yet
  return true;
}

}  // namespace app
