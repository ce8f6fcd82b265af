// The Debrief screen's model. See debrief_model.h for the guarantees.
#include "app/screens/debrief/debrief_model.h"

#include <algorithm>
#include <map>

#include "app/screens/common/first_save.h"
#include "app/screens/common/model_text.h"
#include "core/dates.h"
#include "core/lesson/people.h"

namespace app {

DebriefModel::DebriefModel(core::Store& store, core::Id me, std::function<std::int64_t()> now_ms)
    : ObservationModel(store, me, std::move(now_ms)) {}

core::Id DebriefModel::default_owner() const {
  for (const auto& p : plan_.participants)
    if (p.role == core::Role::ObservedTeacher) return p.person;
  return plan_.participants.empty() ? me_ : plan_.participants.front().person;
}

bool DebriefModel::load(core::Id observation) {
  participants_.clear();
  lesson_ = core::LessonData{};
  own_reflections_.clear();
  teacher_name_.clear();
  notes_.clear();
  steps_.clear();
  note_draft_ = TextDraft{};
  step_draft_ = TextDraft{};
  step_form_ = NextStepForm{};
  can_write_ = false;
  last_follow_up_ = core::Id{};
  return load_observation(observation, [&] {
    auto names = core::person_names(store_);
    for (const auto& p : plan_.participants) {
      participants_.push_back(
          {p.person, core::name_or(names, p.person, "someone") + " (" + core::role_word(p.role) + ")"});
      if (p.person == me_) can_write_ = true;
    }
    teacher_name_ = core::observed_teacher_name(plan_, names);
    lesson_ = core::summarize_by_observer(store_, observation, plan_, names);
    own_reflections_ = own_reflections_of(store_, observation, me_, names);
    reload_lists();
    share_.load(store_, ReportShare::Of::Visit, observation, me_);
    note_draft_.open(store_, note_draft_key(observation));
    step_draft_.open(store_, step_draft_key(observation));
    step_form_.owner = default_owner();
    if (step_draft_.text().empty()) return;
    auto f = split_draft_fields(step_draft_.text(), 4);
    step_form_.text = f[0];
    if (auto id = core::Id::from_hex(f[1]);
        id && std::any_of(participants_.begin(), participants_.end(), [&](const auto& p) { return p.first == *id; }))
      step_form_.owner = *id;
    step_form_.support = f[2];
    step_form_.follow_up_date = f[3];
  });
}

void DebriefModel::reload_lists() {
  const auto names = core::person_names(store_);
  std::vector<std::pair<std::int64_t, DebriefNoteView>> notes;
  for (const auto& [id, h] : store_.live(core::RecordType::DebriefNote, observation_)) {
    DebriefNoteView n;
    n.id = id;
    n.text = std::get<core::DebriefNote>(h.body).text;
    n.mine = h.version.author == me_;
    n.author = n.mine ? std::string("You") : core::name_or(names, h.version.author, "someone");
    notes.push_back({first_save(store_, id, h).saved_at_ms, std::move(n)});
  }
  notes_ = in_time_order(std::move(notes));

  std::vector<std::pair<std::int64_t, NextStepView>> steps;
  for (const auto& [id, h] : store_.live(core::RecordType::NextStep, observation_)) {
    NextStepView s;
    s.id = id;
    s.step = std::get<core::NextStep>(h.body);
    s.owner_name = s.step.owner == me_ ? std::string("You") : core::name_or(names, s.step.owner, "someone");
    if (!s.step.follow_up_observation.empty()) {
      auto f = store_.get(s.step.follow_up_observation);
      std::string date = f && std::holds_alternative<core::Observation>(f->body)
                             ? std::get<core::Observation>(f->body).date
                             : std::string();
      s.follow_up_label = date.empty() ? std::string("Follow-up visit planned") : "Follow-up visit planned for " + date;
    }
    steps.push_back({first_save(store_, id, h).saved_at_ms, std::move(s)});
  }
  steps_ = in_time_order(std::move(steps));
}

void DebriefModel::edit_step(const NextStepForm& form) {
  step_form_ = form;
  bool empty = form.text.empty() && form.support.empty() && form.follow_up_date.empty();
  step_draft_.edit(
      empty ? std::string() : join_draft_fields({form.text, form.owner.hex(), form.support, form.follow_up_date}),
      now_ms_());
}

bool DebriefModel::apply(const DebriefAction& a) {
  return run_action([&] {
    switch (a.kind) {
      case DebriefAction::Kind::EditNote:
        note_draft_.edit(a.text, now_ms_());
        return true;
      case DebriefAction::Kind::SaveNote:
        return save_note();
      case DebriefAction::Kind::EditStep:
        edit_step(a.step);
        return true;
      case DebriefAction::Kind::SaveStep:
        return save_step();
      case DebriefAction::Kind::ScheduleFollowUp:
        return schedule(a.record);
      case DebriefAction::Kind::MarkDebriefed:
        return mark_debriefed();
      case DebriefAction::Kind::ShareSummary:
        return share_.share(store_, a.record, now_ms_(), error_);
      case DebriefAction::Kind::ChoosePaper:
        return share_.choose_paper(store_, a.paper, error_);
    }
    return false;
  });
}

bool DebriefModel::save_note() {
  if (!can_write_) return refuse("Only the people in this observation write its debrief notes.");
  std::string text = trim(note_draft_.text());
  if (text.empty()) return refuse("Write the note first: what was said or agreed.");
  store_.transaction([&] {
    store_.create(core::DebriefNote{observation_, text}, me_);
    store_.drafts().clear(note_draft_key(observation_));
  });
  note_draft_.forget();
  reload_lists();
  return true;
}

bool DebriefModel::save_step() {
  if (!can_write_) return refuse("Only the people in this observation agree its next steps.");
  NextStepForm f = step_form_;
  f.text = trim(f.text);
  f.support = trim(f.support);
  f.follow_up_date = trim(f.follow_up_date);
  if (f.text.empty()) return refuse("Write what will be tried first.");
  if (!std::any_of(participants_.begin(), participants_.end(), [&](const auto& p) { return p.first == f.owner; }))
    return refuse("Pick who owns this next step.");
  // Worded as everywhere a date is typed.
  if (!f.follow_up_date.empty() && !core::is_calendar_date(f.follow_up_date))
    return refuse(core::date_problem(f.follow_up_date));
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
  if (it == steps_.end()) return refuse("That next step is no longer here.");
  if (!can_write_) return refuse("Only the people in this observation schedule its follow-up.");
  if (!it->step.follow_up_observation.empty())
    return refuse("The follow-up visit for this next step is already planned.");
  if (it->step.follow_up_date.empty())
    return refuse("This next step has no follow-up date, so there is no day to plan the visit for.");
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
  if (!can_write_) return refuse("Only the people in this observation can close its debrief.");
  core::Observation done = plan_;
  done.status = core::ObservationStatus::Debriefed;
  store_.update(observation_, done, me_);
  plan_ = done;
  return true;
}

void DebriefModel::autosave(bool force) {
  autosave_draft(note_draft_, force);
  autosave_draft(step_draft_, force);
}

}  // namespace app
