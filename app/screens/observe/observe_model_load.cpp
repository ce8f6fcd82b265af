// Building the Observe view from the store: the plan, my lesson clock, every observer's items
// merged into one timeline, and my note draft restored after a crash or a restart. Runs once per
// visit to the screen (see observe_model.h), never per frame.
#include <algorithm>
#include <cstdlib>

#include "app/screens/observe/observe_model.h"
#include "core/lesson/people.h"

namespace app {

bool ObserveModel::load(core::Id observation) {
  clock_id_ = core::Id{};
  clock_ = core::LessonClock{};
  clock_wall_ms_ = 0;
  counters_.clear();
  timers_.clear();
  seats_.clear();
  timeline_.clear();
  names_.clear();
  undo_.clear();
  draft_text_.clear();
  draft_kind_ = core::NoteKind::Noticing;
  draft_tags_.clear();
  draft_started_ms_ = -1;
  draft_ = TextDraft{};
  return load_observation(observation, [&] {
    names_ = core::person_names(store_);
    for (const auto& c : plan_.tools.counters) counters_.push_back({c, 0});
    for (const auto& t : plan_.tools.timers) timers_.push_back({t, {}});
    if (plan_.tools.seating.enabled)
      for (const auto& s : plan_.tools.seating.seats) seats_.push_back({s, 0});

    for (const auto& [id, h] : store_.live(core::RecordType::LessonClock, observation)) {
      if (h.version.author != me_) continue;
      clock_id_ = id;
      clock_ = std::get<core::LessonClock>(h.body);
      clock_wall_ms_ = h.version.saved_at_ms;  // a running clock resumed when it was saved
    }

    for (core::RecordType type : {core::RecordType::EvidenceNote, core::RecordType::Tally, core::RecordType::TimerSpan,
                                  core::RecordType::SeatMark})
      for (const auto& [id, h] : store_.live(type, observation)) {
        timeline_.push_back(timeline_item(id, h));
        if (timeline_.back().mine) count_mine(timeline_.back(), h.body);
      }
    std::stable_sort(timeline_.begin(), timeline_.end(), in_lesson_order);

    draft_.open(store_, draft_key(observation));
    restore_draft();
  });
}

// A draft typed before a crash or a restart. Its form, "<lesson ms>\t<kind>\t<tags>\t<text>",
// is the one Observe kept before drafts went through TextDraft, so those drafts still load.
void ObserveModel::restore_draft() {
  const std::string& stored = draft_.text();
  if (stored.empty()) return;
  if (std::count(stored.begin(), stored.end(), '\t') < 3) {
    draft_text_ = stored;  // an older or foreign format: keep the words, that is what matters
    draft_started_ms_ = 0;
    return;
  }
  const auto fields = split_draft_fields(stored, 4);
  draft_started_ms_ = std::strtoll(fields[0].c_str(), nullptr, 10);
  const int kind = std::atoi(fields[1].c_str());
  if (kind >= 0 && kind <= 2) draft_kind_ = static_cast<core::NoteKind>(kind);
  draft_tags_ = split_draft_list(fields[2]);
  draft_text_ = fields[3];
}

}  // namespace app
