// The Plan screen's draft: the whole form, autosaved as JSON in the store's drafts table
// within a second of a change (and at once on background or close), restored when the same
// plan is opened again, and cleared when the plan is saved or the teacher discards it. A teacher
// interrupted halfway through a pre-conference never types it again.
#include "app/screens/plan/plan_model.h"
#include "core/serialization.h"  // first: bounded cereal loaders and JSON for core types

#include <cereal/types/utility.hpp>

#include <sstream>

namespace app {

template <class A>
void serialize(A& ar, PlanPerson& p) {
  ar(cereal::make_nvp("person", p.person), cereal::make_nvp("name", p.name), cereal::make_nvp("role", p.role));
}

template <class A>
void serialize(A& ar, PlanForm& f) {
  ar(cereal::make_nvp("template_key", f.template_key), cereal::make_nvp("focus_question", f.focus_question),
     cereal::make_nvp("look_fors", f.look_fors), cereal::make_nvp("evidence_notes", f.evidence_notes),
     cereal::make_nvp("counters", f.counters), cereal::make_nvp("timers", f.timers),
     cereal::make_nvp("seating", f.seating), cereal::make_nvp("rows", f.rows), cereal::make_nvp("cols", f.cols),
     cereal::make_nvp("seat_labels", f.seat_labels), cereal::make_nvp("class_name", f.class_name),
     cereal::make_nvp("date", f.date), cereal::make_nvp("time", f.time),
     cereal::make_nvp("participants", f.participants), cereal::make_nvp("status", f.status),
     cereal::make_nvp("follows", f.follows));
}

namespace {
std::string encode(const PlanForm& form) {
  std::ostringstream out;
  {
    cereal::JSONOutputArchive ar(out, cereal::JSONOutputArchive::Options::NoIndent());
    PlanForm copy = form;
    ar(cereal::make_nvp("plan", copy));
  }
  return out.str();
}
}  // namespace

std::string PlanModel::draft_key() const {
  if (!form_.observation.empty()) return "plan/" + form_.observation.hex();
  return "plan/new/" + (form_.cycle.empty() ? std::string("none") : form_.cycle.hex());
}

void PlanModel::open_draft() { draft_.open(store_, draft_key()); }

void PlanModel::form_changed() { draft_.edit(encode(form_), now_ms_ ? now_ms_() : 0); }

void PlanModel::autosave(bool now) {
  std::string error;
  if (!draft_.autosave(store_, now_ms_ ? now_ms_() : 0, now, error))
    error_ = "Could not keep the unsaved plan: " + error;
}

bool PlanModel::restore_draft() {
  open_draft();
  if (draft_.text().empty()) return false;
  try {
    std::istringstream in(draft_.text());
    cereal::JSONInputArchive ar(in);
    PlanForm restored;
    ar(cereal::make_nvp("plan", restored));
    restored.observation = form_.observation;  // identity comes from the route, not the draft
    restored.cycle = form_.cycle;
    form_ = std::move(restored);
    from_draft_ = true;
    return true;
  } catch (const std::exception&) {
    // A draft from an older layout of the form: keep the plan as stored rather than guess.
    return false;
  }
}

void PlanModel::clear_plan_draft() {
  store_.drafts().clear(draft_key());
  draft_.forget();
  from_draft_ = false;
}

bool PlanModel::discard_draft() {
  const std::string key = draft_key();  // from the route's identity, which a reset keeps
  try {
    store_.drafts().clear(key);
  } catch (const std::exception& e) {
    error_ = std::string("Could not discard the unsaved plan: ") + e.what();
    return false;
  }
  const core::Id observation = form_.observation, cycle = form_.cycle;
  if (observation.empty())
    start_new(cycle, new_role_);
  else
    load(observation);  // the stored plan; if it vanished meanwhile, error() says so
  // The fresh form is what the store now holds: nothing to autosave until the next change.
  from_draft_ = false;
  return true;
}

}  // namespace app
