// Building the Observe view from the store: the plan, my lesson clock, every observer's items
// merged into one timeline, and my note draft restored after a crash or a restart. Runs once per
// visit to the screen (see observe_model.h), never per frame.
#include <algorithm>
#include <cstdlib>

#include "app/screens/observe/observe_model.h"

namespace app {

namespace {
bool item_before(const TimelineItem& a, const TimelineItem& b) {
  if (a.lesson_ms != b.lesson_ms) return a.lesson_ms < b.lesson_ms;
  return a.saved_at < b.saved_at;
}
}  // namespace

bool ObserveModel::load(core::Id observation) {
  observation_id_ = core::Id{};
  plan_ = core::Observation{};
  clock_id_ = core::Id{};
  clock_ = core::LessonClock{};
  clock_wall_ms_ = 0;
  counters_.clear();
  timers_.clear();
  seats_.clear();
  timeline_.clear();
  names_.clear();
  undo_.clear();
  error_.clear();
  draft_.clear();
  draft_kind_ = core::NoteKind::Noticing;
  draft_tags_.clear();
  draft_started_ms_ = -1;
  draft_dirty_ = false;
  auto head = store_.get(observation);
  if (!head || !std::holds_alternative<core::Observation>(head->body)) {
    error_ = "This observation is not on this device (it may have been deleted).";
    return false;
  }
  observation_id_ = observation;
  plan_ = std::get<core::Observation>(head->body);
  for (const auto& [id, h] : store_.live(core::RecordType::Person)) names_[id] = std::get<core::Person>(h.body).name;
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

  auto base = [&](ItemKind kind, core::Id id, const core::RecordHead& h) {
    TimelineItem it;
    it.record = id;
    it.kind = kind;
    it.author = h.version.author;
    it.mine = h.version.author == me_;
    it.saved_at = h.version.saved_at_ms;
    if (!it.mine) it.author_name = name_of(h.version.author);
    return it;
  };
  for (const auto& [id, h] : store_.live(core::RecordType::EvidenceNote, observation)) {
    const auto& n = std::get<core::EvidenceNote>(h.body);
    TimelineItem it = base(ItemKind::Note, id, h);
    it.lesson_ms = n.lesson_ms;
    it.note_kind = n.kind;
    it.text = n.text;
    it.tags = n.look_for_tags;
    timeline_.push_back(std::move(it));
  }
  for (const auto& [id, h] : store_.live(core::RecordType::Tally, observation)) {
    const auto& t = std::get<core::Tally>(h.body);
    TimelineItem it = base(ItemKind::Tally, id, h);
    it.lesson_ms = t.lesson_ms;
    it.key = t.counter_key;
    it.text = item_text(ItemKind::Tally, t.counter_key);
    if (it.mine)
      for (auto& c : counters_)
        if (c.tool.key == t.counter_key) ++c.my_count;
    timeline_.push_back(std::move(it));
  }
  for (const auto& [id, h] : store_.live(core::RecordType::TimerSpan, observation)) {
    const auto& s = std::get<core::TimerSpan>(h.body);
    TimelineItem it = base(ItemKind::Timer, id, h);
    it.lesson_ms = s.start_ms;
    it.end_ms = s.end_ms;
    it.key = s.timer_key;
    it.text = item_text(ItemKind::Timer, s.timer_key);
    if (it.mine)
      for (auto& t : timers_)
        if (t.tool.key == s.timer_key) t.my_spans.push_back({id, s});
    timeline_.push_back(std::move(it));
  }
  for (const auto& [id, h] : store_.live(core::RecordType::SeatMark, observation)) {
    const auto& m = std::get<core::SeatMark>(h.body);
    TimelineItem it = base(ItemKind::Seat, id, h);
    it.lesson_ms = m.lesson_ms;
    it.key = m.seat_key;
    it.text = item_text(ItemKind::Seat, m.seat_key);
    if (it.mine)
      for (auto& s : seats_)
        if (s.seat.key == m.seat_key) ++s.my_marks;
    timeline_.push_back(std::move(it));
  }
  std::stable_sort(timeline_.begin(), timeline_.end(), item_before);

  // Restore a draft typed before a crash or a restart: "<lesson ms>\t<kind>\t<tags>\t<text>".
  if (auto d = store_.drafts().get(draft_key(observation))) {
    std::vector<std::string> parts;
    std::size_t pos = 0;
    for (int i = 0; i < 3; ++i) {
      std::size_t tab = d->find('\t', pos);
      if (tab == std::string::npos) break;
      parts.push_back(d->substr(pos, tab - pos));
      pos = tab + 1;
    }
    if (parts.size() == 3) {
      draft_started_ms_ = std::strtoll(parts[0].c_str(), nullptr, 10);
      int kind = std::atoi(parts[1].c_str());
      if (kind >= 0 && kind <= 2) draft_kind_ = static_cast<core::NoteKind>(kind);
      std::size_t b = 0;
      while (b < parts[2].size()) {
        std::size_t e = parts[2].find('\x1f', b);
        if (e == std::string::npos) e = parts[2].size();
        if (e > b) draft_tags_.push_back(parts[2].substr(b, e - b));
        b = e + 1;
      }
      draft_ = d->substr(pos);
    } else {
      draft_ = *d;  // an older or foreign format: keep the words, that is what matters
      draft_started_ms_ = 0;
    }
  }
  return true;
}

}  // namespace app
