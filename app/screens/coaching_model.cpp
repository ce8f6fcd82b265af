// The Coaching notes screen's model. See coaching_model.h for the guarantees.
#include "app/screens/coaching_model.h"
#include "app/screens/model_text.h"

#include <algorithm>

#include "app/screens/prompt_evidence.h"

namespace app {

CoachingModel::CoachingModel(core::Store& store, core::Id me, std::function<std::int64_t()> now_ms)
    : store_(store), me_(me), now_ms_(std::move(now_ms)) {}

std::string CoachingModel::title() const {
  return visit_title(plan_);
}

bool CoachingModel::load(core::Id observation) {
  observation_ = core::Id{};
  plan_ = core::Observation{};
  notes_.clear();
  leaders_.clear();
  leader_ = core::Id{};
  can_write_ = is_leader_ = false;
  draft_text_.clear();
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
      if (p.role == core::Role::TeacherLeader) {
        leaders_.push_back({p.person, names.count(p.person) ? names[p.person] : std::string("the teacher leader")});
        if (p.person == me_) is_leader_ = true;
      }
      if (p.role == core::Role::Coach && p.person == me_) can_write_ = true;
    }
    can_write_ = can_write_ && !leaders_.empty();
    if (!leaders_.empty()) leader_ = leaders_.front().first;
    reload_notes();
    draft_.open(store_, draft_key(observation));
    draft_text_ = draft_.text();
  } catch (const std::exception& e) {
    error_ = std::string("Could not read this observation: ") + e.what();
    observation_ = core::Id{};
    return false;
  }
  return true;
}

void CoachingModel::reload_notes() {
  notes_.clear();
  auto names = person_names(store_);
  std::vector<std::pair<std::int64_t, CoachingNoteView>> rows;
  for (const auto& [id, h] : store_.live(core::RecordType::CoachingNote, observation_)) {
    const auto& n = std::get<core::CoachingNote>(h.body);
    core::Id author = h.version.author;
    std::int64_t first = h.version.saved_at_ms;
    for (const auto& v : store_.versions_of(id))
      if (v.saved_at_ms <= first) {
        first = v.saved_at_ms;
        author = v.author;  // the coach who wrote it, even if a later version came from elsewhere
      }
    // Privacy: only the two people the note is between ever see it.
    if (author != me_ && n.teacher_leader != me_) continue;
    CoachingNoteView v;
    v.id = id;
    v.text = n.text;
    v.from = author == me_ ? std::string("You") : names.count(author) ? names[author] : std::string("your coach");
    v.to = n.teacher_leader == me_ ? std::string("you") : names.count(n.teacher_leader) ? names[n.teacher_leader] : std::string("the teacher leader");
    rows.push_back({first, std::move(v)});
  }
  std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& r : rows) notes_.push_back(std::move(r.second));
}

bool CoachingModel::apply(const CoachingAction& a) {
  if (!loaded()) return false;
  error_.clear();
  try {
    switch (a.kind) {
      case CoachingAction::Kind::EditDraft:
        draft_text_ = a.text;
        draft_.edit(a.text, now_ms_());
        return true;
      case CoachingAction::Kind::PickLeader:
        if (std::none_of(leaders_.begin(), leaders_.end(), [&](const auto& l) { return l.first == a.person; })) {
          error_ = "That person is not a teacher leader in this observation.";
          return false;
        }
        leader_ = a.person;
        return true;
      case CoachingAction::Kind::Save: return save();
    }
  } catch (const std::exception& e) {
    error_ = std::string("Could not save: ") + e.what();
    return false;
  }
  return false;
}

bool CoachingModel::save() {
  if (!can_write_) {
    error_ = leaders_.empty() ? "This observation has no teacher leader to write to."
                              : "Only a coach who co-observed this lesson writes coaching notes.";
    return false;
  }
  std::string text = trim(draft_text_);
  if (text.empty()) {
    error_ = "Write the note first: one observing or debrief move you noticed, and a question.";
    return false;
  }
  store_.transaction([&] {
    store_.create(core::CoachingNote{observation_, leader_, text}, me_);
    store_.clear_draft(draft_key(observation_));
  });
  draft_.forget();
  draft_text_.clear();
  reload_notes();
  return true;
}

void CoachingModel::autosave(bool force) {
  if (!loaded()) return;
  std::string err;
  if (!draft_.autosave(store_, now_ms_(), force, err)) error_ = err;
}

}  // namespace app
