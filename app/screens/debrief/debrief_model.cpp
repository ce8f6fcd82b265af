// The Debrief screen's model. See debrief_model.h for the guarantees.
#include "app/screens/debrief/debrief_model.h"
#include "app/screens/common/model_text.h"

#include <algorithm>
#include <map>

#include "app/screens/common/record_summary.h"
#include "app/screens/plan/plan_model.h"
#include "app/screens/prompt/prompt_evidence.h"
#include "core/dates.h"

namespace app {

namespace {

// Versions of a record are created in order on one device; the earliest save time orders the
// list as things were said, independent of later edits.
std::int64_t first_saved(const core::Store& store, core::Id record, std::int64_t fallback) {
  std::int64_t first = fallback;
  for (const auto& v : store.versions_of(record)) first = std::min(first, v.saved_at_ms);
  return first;
}
}  // namespace

const char* next_step_status_label(core::NextStepStatus status) {
  switch (status) {
    case core::NextStepStatus::Open:
      return "Open";
    case core::NextStepStatus::Done:
      return "Done";
    case core::NextStepStatus::Dropped:
      return "Dropped";
  }
  return "Open";
}

std::vector<const ObserverData*> DebriefModel::shown_observers() const {
  std::vector<const ObserverData*> out;
  for (const auto& o : lesson_.observers)
    if (o.ended) out.push_back(&o);
  return out;
}

std::vector<const ObserverData*> DebriefModel::still_observing() const {
  std::vector<const ObserverData*> out;
  for (const auto& o : lesson_.observers)
    if (!o.ended) out.push_back(&o);
  return out;
}

DebriefModel::DebriefModel(core::Store& store, core::Id me, std::function<std::int64_t()> now_ms)
    : store_(store), me_(me), now_ms_(std::move(now_ms)) {}

std::string DebriefModel::title() const { return visit_title(plan_); }

core::Id DebriefModel::default_owner() const {
  for (const auto& p : plan_.participants)
    if (p.role == core::Role::ObservedTeacher) return p.person;
  return plan_.participants.empty() ? me_ : plan_.participants.front().person;
}

bool DebriefModel::load(core::Id observation) {
  observation_ = core::Id{};
  plan_ = core::Observation{};
  participants_.clear();
  lesson_ = LessonData{};
  own_reflections_.clear();
  teacher_name_.clear();
  notes_.clear();
  steps_.clear();
  note_text_.clear();
  step_form_ = NextStepForm{};
  can_write_ = false;
  last_follow_up_ = core::Id{};
  error_.clear();
  try {
    auto head = store_.get(observation);
    if (!head || !std::holds_alternative<core::Observation>(head->body)) {
      error_ = "This observation is not on this device (it may have been deleted).";
      return false;
    }
    plan_ = std::get<core::Observation>(head->body);
    observation_ = observation;
    auto names = person_names(store_);
    for (const auto& p : plan_.participants) {
      std::string n = names.count(p.person) ? names[p.person] : std::string("someone");
      participants_.push_back({p.person, n + " (" + role_word(p.role) + ")"});
      if (p.person == me_) can_write_ = true;
      if (p.role == core::Role::ObservedTeacher && teacher_name_.empty() && names.count(p.person))
        teacher_name_ = names[p.person];
    }
    lesson_ = summarize_by_observer(store_, observation, plan_, names);
    own_reflections_ = own_reflections_of(store_, observation, me_, names);
    reload_lists();
    note_draft_.open(store_, note_draft_key(observation));
    note_text_ = note_draft_.text();
    step_draft_.open(store_, step_draft_key(observation));
    step_form_.owner = default_owner();
    if (!step_draft_.text().empty()) {
      auto f = split_draft_fields(step_draft_.text(), 4);
      step_form_.text = f[0];
      if (auto id = core::Id::from_hex(f[1]);
          id && std::any_of(participants_.begin(), participants_.end(), [&](const auto& p) { return p.first == *id; }))
        step_form_.owner = *id;
      step_form_.support = f[2];
      step_form_.follow_up_date = f[3];
    }
  } catch (const std::exception& e) {
    error_ = std::string("Could not read this observation: ") + e.what();
    observation_ = core::Id{};
    return false;
  }
  return true;
}

void DebriefModel::reload_lists() {
  auto names = person_names(store_);
  auto name = [&](core::Id id) { return names.count(id) ? names[id] : std::string("someone"); };
  notes_.clear();
  std::vector<std::pair<std::int64_t, DebriefNoteView>> notes;
  for (const auto& [id, h] : store_.live(core::RecordType::DebriefNote, observation_)) {
    DebriefNoteView n;
    n.id = id;
    n.text = std::get<core::DebriefNote>(h.body).text;
    n.mine = h.version.author == me_;
    n.author = n.mine ? std::string("You") : name(h.version.author);
    notes.push_back({first_saved(store_, id, h.version.saved_at_ms), std::move(n)});
  }
  std::stable_sort(notes.begin(), notes.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& n : notes) notes_.push_back(std::move(n.second));

  steps_.clear();
  std::vector<std::pair<std::int64_t, NextStepView>> steps;
  for (const auto& [id, h] : store_.live(core::RecordType::NextStep, observation_)) {
    NextStepView s;
    s.id = id;
    s.step = std::get<core::NextStep>(h.body);
    s.owner_name = s.step.owner == me_ ? std::string("You") : name(s.step.owner);
    if (!s.step.follow_up_observation.empty()) {
      auto f = store_.get(s.step.follow_up_observation);
      std::string date = f && std::holds_alternative<core::Observation>(f->body)
                             ? std::get<core::Observation>(f->body).date
                             : std::string();
      s.follow_up_label = date.empty() ? std::string("Follow-up visit planned") : "Follow-up visit planned for " + date;
    }
    steps.push_back({first_saved(store_, id, h.version.saved_at_ms), std::move(s)});
  }
  std::stable_sort(steps.begin(), steps.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& s : steps) steps_.push_back(std::move(s.second));
}

void DebriefModel::edit_step(const NextStepForm& form) {
  step_form_ = form;
  bool empty = form.text.empty() && form.support.empty() && form.follow_up_date.empty();
  step_draft_.edit(
      empty ? std::string() : join_draft_fields({form.text, form.owner.hex(), form.support, form.follow_up_date}),
      now_ms_());
}

bool DebriefModel::apply(const DebriefAction& a) {
  if (!loaded()) return false;
  error_.clear();
  using K = DebriefAction::Kind;
  try {
    switch (a.kind) {
      case K::EditNote:
        note_text_ = a.text;
        note_draft_.edit(a.text, now_ms_());
        return true;
      case K::SaveNote:
        return save_note();
      case K::EditStep:
        edit_step(a.step);
        return true;
      case K::SaveStep:
        return save_step();
      case K::ScheduleFollowUp:
        return schedule(a.record);
      case K::MarkDebriefed:
        return mark_debriefed();
    }
  } catch (const std::exception& e) {
    error_ = std::string("Could not save: ") + e.what();
    return false;
  }
  return false;
}

bool DebriefModel::save_note() {
  if (!can_write_) {
    error_ = "Only the people in this observation write its debrief notes.";
    return false;
  }
  std::string text = trim(note_text_);
  if (text.empty()) {
    error_ = "Write the note first: what was said or agreed.";
    return false;
  }
  store_.transaction([&] {
    store_.create(core::DebriefNote{observation_, text}, me_);
    store_.drafts().clear(note_draft_key(observation_));
  });
  note_draft_.forget();
  note_text_.clear();
  reload_lists();
  return true;
}

bool DebriefModel::save_step() {
  if (!can_write_) {
    error_ = "Only the people in this observation agree its next steps.";
    return false;
  }
  NextStepForm f = step_form_;
  f.text = trim(f.text);
  f.support = trim(f.support);
  f.follow_up_date = trim(f.follow_up_date);
  if (f.text.empty()) {
    error_ = "Write what will be tried first.";
    return false;
  }
  if (!std::any_of(participants_.begin(), participants_.end(), [&](const auto& p) { return p.first == f.owner; })) {
    error_ = "Pick who owns this next step.";
    return false;
  }
  if (!f.follow_up_date.empty() && !core::is_calendar_date(f.follow_up_date)) {
    error_ = core::date_problem(f.follow_up_date);  // worded as everywhere a date is typed
    return false;
  }
  core::NextStep s;
  s.observation = observation_;
  s.text = f.text;
  s.owner = f.owner;
  s.support = f.support;
  s.follow_up_date = f.follow_up_date;
  store_.transaction([&] {
    store_.create(s, me_);
    store_.drafts().clear(step_draft_key(observation_));
  });
  step_draft_.forget();
  step_form_ = NextStepForm{};
  step_form_.owner = default_owner();
  reload_lists();
  return true;
}

bool DebriefModel::schedule(core::Id step_id) {
  auto it = std::find_if(steps_.begin(), steps_.end(), [&](const NextStepView& s) { return s.id == step_id; });
  if (it == steps_.end()) {
    error_ = "That next step is no longer here.";
    return false;
  }
  if (!can_write_) {
    error_ = "Only the people in this observation schedule its follow-up.";
    return false;
  }
  if (!it->step.follow_up_observation.empty()) {
    error_ = "The follow-up visit for this next step is already planned.";
    return false;
  }
  if (it->step.follow_up_date.empty()) {
    error_ = "This next step has no follow-up date, so there is no day to plan the visit for.";
    return false;
  }
  // The follow-up collects the same data again so the cycle can compare visits.
  core::Observation follow;
  follow.cycle = plan_.cycle;
  follow.focus_question = plan_.focus_question;
  follow.look_fors = plan_.look_fors;
  follow.tools = plan_.tools;
  follow.template_key = plan_.template_key;
  follow.class_name = plan_.class_name;
  follow.date = it->step.follow_up_date;
  follow.time = plan_.time;
  follow.participants = plan_.participants;
  follow.status = core::ObservationStatus::Planned;
  follow.follows = observation_;
  core::NextStep linked = it->step;
  core::Observation done = plan_;
  done.status = core::ObservationStatus::Debriefed;
  core::Id follow_id;
  store_.transaction([&] {
    follow_id = store_.create(follow, me_).record;
    linked.follow_up_observation = follow_id;
    store_.update(step_id, linked, me_);
    if (plan_.status != core::ObservationStatus::Debriefed) store_.update(observation_, done, me_);
  });
  plan_.status = core::ObservationStatus::Debriefed;
  last_follow_up_ = follow_id;
  reload_lists();
  return true;
}

bool DebriefModel::mark_debriefed() {
  if (plan_.status == core::ObservationStatus::Debriefed) return true;
  if (!can_write_) {
    error_ = "Only the people in this observation can close its debrief.";
    return false;
  }
  core::Observation done = plan_;
  done.status = core::ObservationStatus::Debriefed;
  store_.update(observation_, done, me_);
  plan_ = done;
  return true;
}

void DebriefModel::autosave(bool force) {
  if (!loaded()) return;
  std::string err;
  if (!note_draft_.autosave(store_, now_ms_(), force, err)) error_ = err;
  if (!step_draft_.autosave(store_, now_ms_(), force, err)) error_ = err;
}

}  // namespace app
