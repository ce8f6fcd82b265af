// The Coaching notes screen's model. See coaching_model.h for the guarantees.
#include "app/screens/coaching/coaching_model.h"

#include <algorithm>
#include <map>

#include "app/screens/common/first_save.h"
#include "app/screens/common/model_text.h"
#include "app/shell/sync_state.h"
#include "core/lesson/people.h"

namespace app {

using core::sync::CoachingPair;

CoachingModel::CoachingModel(core::Store& store, core::Id me, std::function<std::int64_t()> now_ms)
    : ObservationModel(store, me, std::move(now_ms)) {}

const CoachingThreadView* CoachingModel::thread() const {
  return shown_ >= 0 ? &threads_[static_cast<std::size_t>(shown_)] : nullptr;
}

bool CoachingModel::can_write() const { return thread() && thread()->open; }

bool CoachingModel::load(core::Id observation) {
  mine_.clear();
  threads_.clear();
  notes_.clear();
  shown_ = -1;
  is_coach_ = is_leader_ = false;
  draft_ = TextDraft{};
  return load_observation(observation, [&] {
    for (const auto& p : plan_.participants) {
      if (p.person != me_) continue;
      is_coach_ = is_coach_ || p.role == core::Role::Coach;
      is_leader_ = is_leader_ || p.role == core::Role::TeacherLeader;
    }
    reload_notes();
    // Open the thread with the newest note, or else the first one I could start.
    if (!mine_.empty())
      show(mine_.back().pair);
    else if (!threads_.empty())
      show(threads_.front().pair);
    draft_.open(store_, draft_key(observation));
  });
}

void CoachingModel::reload_notes() {
  mine_.clear();
  for (const auto& [id, h] : store_.live(core::RecordType::CoachingNote, observation_)) {
    const auto& n = std::get<core::CoachingNote>(h.body);
    StoredNote s;
    s.id = id;
    s.pair = core::sync::coaching_pair(n, h.version.author);
    // Privacy: only the two people a note is between ever see it.
    if (!s.pair.has(me_)) continue;
    s.text = n.text;
    const FirstSave first = first_save(store_, id, h);  // who wrote it, even if the other one edited it
    s.author = first.author;
    s.first_ms = first.saved_at_ms;
    mine_.push_back(std::move(s));
  }
  // Device clocks order the thread: the only time two devices' notes share.
  std::stable_sort(mine_.begin(), mine_.end(), [](const StoredNote& a, const StoredNote& b) {
    return a.first_ms != b.first_ms ? a.first_ms < b.first_ms : a.id < b.id;
  });

  auto names = core::person_names(store_);
  auto name_of = [&](core::Id person, const char* fallback) {
    auto it = names.find(person);
    return it != names.end() && !it->second.empty() ? it->second : std::string(fallback);
  };
  auto has_role = [&](core::Id person, core::Role role) {
    return std::any_of(plan_.participants.begin(), plan_.participants.end(),
                       [&](const core::Participant& p) { return p.person == person && p.role == role; });
  };
  threads_.clear();
  auto add_thread = [&](const CoachingPair& pair) {
    for (const auto& t : threads_)
      if (t.pair == pair) return;
    CoachingThreadView t;
    t.pair = pair;
    bool other_is_coach = pair.teacher_leader == me_ && pair.coach != me_;
    t.other = other_is_coach ? pair.coach : pair.teacher_leader;
    t.role = other_is_coach ? "coach" : "teacher leader";
    t.name = name_of(t.other, other_is_coach ? "your coach" : "the teacher leader");
    t.open = has_role(pair.coach, core::Role::Coach) && has_role(pair.teacher_leader, core::Role::TeacherLeader);
    threads_.push_back(std::move(t));
  };
  // The threads I can write in: with every teacher leader when I coach, with every coach when
  // I lead; then any older thread whose other person has left the observation (read only).
  for (const auto& p : plan_.participants) {
    if (p.person == me_) continue;
    if (is_coach_ && p.role == core::Role::TeacherLeader) add_thread({me_, p.person});
    if (is_leader_ && p.role == core::Role::Coach) add_thread({p.person, me_});
  }
  for (const auto& n : mine_) add_thread(n.pair);
  for (auto& t : threads_)
    t.notes = static_cast<std::size_t>(
        std::count_if(mine_.begin(), mine_.end(), [&](const StoredNote& n) { return n.pair == t.pair; }));
  shown_ = -1;
  notes_.clear();
}

void CoachingModel::show(const CoachingPair& pair) {
  shown_ = -1;
  for (std::size_t i = 0; i < threads_.size(); ++i)
    if (threads_[i].pair == pair) shown_ = static_cast<int>(i);
  notes_.clear();
  if (shown_ < 0) return;
  auto names = core::person_names(store_);
  for (const auto& n : mine_) {
    if (!(n.pair == pair)) continue;
    CoachingNoteView v;
    v.id = n.id;
    v.text = n.text;
    v.mine = n.author == me_;
    auto it = names.find(n.author);
    v.from = v.mine ? std::string("You") : it != names.end() ? it->second : thread()->name;
    v.when = format_sync_time(n.first_ms);
    notes_.push_back(std::move(v));
  }
}

bool CoachingModel::apply(const CoachingAction& a) {
  return run_action([&] {
    switch (a.kind) {
      case CoachingAction::Kind::EditDraft:
        draft_.edit(a.text, now_ms_());
        return true;
      case CoachingAction::Kind::PickThread:
        if (std::none_of(threads_.begin(), threads_.end(), [&](const auto& t) { return t.pair == a.thread; }))
          return refuse("That thread is not one of yours in this observation.");
        show(a.thread);
        return true;
      case CoachingAction::Kind::Save:
        return save();
    }
    return false;
  });
}

bool CoachingModel::save() {
  if (!thread())
    return refuse(is_coach_ || is_leader_
                      ? std::string(is_coach_ ? "This observation has no teacher leader to write to."
                                              : "No coach co-observed this lesson, so there is no coaching thread.")
                      : std::string("Only the coach and the teacher leader of this observation write coaching notes."));
  if (!thread()->open)
    return refuse(thread()->name + " is no longer part of this observation, so this thread is closed.");
  std::string text = trim(draft_.text());
  if (text.empty())
    return refuse(is_coach_ && thread()->pair.coach == me_
                      ? "Write the note first: one observing or debrief move you noticed, and a question."
                      : "Write your reply first: what you noticed, or what you would like to try.");
  CoachingPair pair = thread()->pair;
  core::CoachingNote note{observation_, pair.teacher_leader, text, pair.coach};
  store_.transaction([&] {
    store_.create(note, me_);
    store_.drafts().clear(draft_key(observation_));
  });
  draft_.forget();
  reload_notes();
  show(pair);
  return true;
}

}  // namespace app
