// The Observe screen's model. See observe_model.h for the guarantees.
#include "app/screens/observe/observe_model.h"
#include "app/screens/common/model_text.h"

#include <algorithm>
#include <cstdlib>

namespace app {

namespace {
constexpr std::int64_t kAutosaveQuietMs = 300;  // save once typing pauses this long
constexpr std::int64_t kAutosaveMaxMs = 800;    // and at the latest this long after a change

bool item_before(const TimelineItem& a, const TimelineItem& b) {
  if (a.lesson_ms != b.lesson_ms) return a.lesson_ms < b.lesson_ms;
  return a.saved_at < b.saved_at;
}
}  // namespace

bool TimerView::running() const {
  return std::any_of(my_spans.begin(), my_spans.end(), [](const auto& s) { return s.second.end_ms < 0; });
}

std::int64_t TimerView::accumulated(std::int64_t lesson_now) const {
  std::int64_t total = 0;
  for (const auto& [id, span] : my_spans)
    total += std::max<std::int64_t>(0, (span.end_ms < 0 ? lesson_now : span.end_ms) - span.start_ms);
  return total;
}

ObserveModel::ObserveModel(core::Store& store, core::Id me, std::function<std::int64_t()> now_ms)
    : store_(store), me_(me), now_ms_(std::move(now_ms)) {}

std::string ObserveModel::draft_key(core::Id observation) { return "note:" + observation.hex(); }

std::string ObserveModel::name_of(core::Id person) const {
  auto it = names_.find(person);
  return it == names_.end() ? std::string("a co-observer") : it->second;
}

std::string ObserveModel::item_text(ItemKind kind, const std::string& key) const {
  switch (kind) {
    case ItemKind::Tally:
      for (const auto& c : counters_)
        if (c.tool.key == key) return c.tool.label;
      break;
    case ItemKind::Timer:
      for (const auto& t : timers_)
        if (t.tool.key == key) return t.tool.label;
      break;
    case ItemKind::Seat:
      for (const auto& s : seats_)
        if (s.seat.key == key) return "Seat " + s.seat.label;
      break;
    case ItemKind::Note:
      break;
  }
  return key;
}

std::string ObserveModel::title() const { return visit_title(plan_); }

std::int64_t ObserveModel::lesson_now() const {
  if (clock_id_.empty()) return 0;
  if (!clock_.running) return clock_.elapsed_ms;
  return clock_.elapsed_ms + std::max<std::int64_t>(0, now_ms_() - clock_wall_ms_);
}

void ObserveModel::save_clock() {
  if (clock_id_.empty())
    clock_id_ = store_.create(clock_, me_).record;
  else
    store_.update(clock_id_, clock_, me_);
}

bool ObserveModel::start_clock() {
  if (!clock_id_.empty()) {
    error_ = "The lesson clock is already started.";
    return false;
  }
  core::LessonClock c;
  c.observation = observation_id_;
  c.running = true;
  clock_id_ = store_.create(c, me_).record;
  clock_ = c;
  clock_wall_ms_ = now_ms_();
  return true;
}

// Capturing before pressing Start starts the clock: teachers have no time for ceremony.
void ObserveModel::ensure_started() {
  if (clock_id_.empty()) start_clock();
}

bool ObserveModel::apply(const ObserveAction& a) {
  if (!loaded()) return false;
  error_.clear();
  using K = ObserveAction::Kind;
  try {
    switch (a.kind) {
      case K::Start:
        return start_clock();
      case K::Pause: {
        if (!clock_.running) return false;
        core::LessonClock c = clock_;
        c.elapsed_ms = lesson_now();
        c.running = false;
        store_.update(clock_id_, c, me_);
        clock_ = c;
        return true;
      }
      case K::Resume: {
        if (clock_id_.empty() || clock_.running) return false;
        core::LessonClock c = clock_;
        c.running = true;
        c.ended = false;
        std::int64_t wall = now_ms_();
        store_.update(clock_id_, c, me_);
        clock_ = c;
        clock_wall_ms_ = wall;
        return true;
      }
      case K::End: {
        ensure_started();
        core::LessonClock c = clock_;
        c.elapsed_ms = lesson_now();
        c.running = false;
        c.ended = true;
        std::vector<std::pair<TimerView*, std::size_t>> closed;
        store_.transaction([&] {
          store_.update(clock_id_, c, me_);
          for (auto& t : timers_)
            for (std::size_t i = 0; i < t.my_spans.size(); ++i)
              if (t.my_spans[i].second.end_ms < 0) {
                core::TimerSpan s = t.my_spans[i].second;
                s.end_ms = c.elapsed_ms;
                store_.update(t.my_spans[i].first, s, me_);
                closed.push_back({&t, i});
              }
          if (plan_.status == core::ObservationStatus::Planned) {
            core::Observation o = plan_;
            o.status = core::ObservationStatus::Observed;
            store_.update(observation_id_, o, me_);
          }
        });
        clock_ = c;
        for (auto [t, i] : closed) {
          t->my_spans[i].second.end_ms = c.elapsed_ms;
          if (TimelineItem* it = find_item(t->my_spans[i].first)) it->end_ms = c.elapsed_ms;
        }
        if (plan_.status == core::ObservationStatus::Planned) plan_.status = core::ObservationStatus::Observed;
        return true;
      }
      case K::TapCounter:
        return tap_counter(a.key);
      case K::UndoTally:
        return undo_tally();
      case K::ToggleTimer:
        return toggle_timer(a.key);
      case K::TapSeat:
        return tap_seat(a.key);
      case K::EditDraft:
        edit_draft(a.text);
        return true;
      case K::SetNoteKind:
        draft_kind_ = a.note_kind;
        if (!draft_.empty()) edit_draft(draft_);
        return true;
      case K::ToggleTag: {
        auto it = std::find(draft_tags_.begin(), draft_tags_.end(), a.key);
        if (it == draft_tags_.end())
          draft_tags_.push_back(a.key);
        else
          draft_tags_.erase(it);
        if (!draft_.empty()) edit_draft(draft_);
        return true;
      }
      case K::SaveNote:
        return save_note();
      case K::EditNote:
        return edit_note(a.record, a.text);
      case K::DeleteItem:
        return delete_item(a.record);
    }
  } catch (const std::exception& e) {
    error_ = std::string("Could not save: ") + e.what();
    return false;
  }
  return false;
}

bool ObserveModel::tap_counter(const std::string& key) {
  auto c = std::find_if(counters_.begin(), counters_.end(), [&](const CounterView& v) { return v.tool.key == key; });
  if (c == counters_.end()) {
    error_ = "There is no counter \"" + key + "\" in this plan.";
    return false;
  }
  ensure_started();
  core::Tally t{observation_id_, key, lesson_now()};
  core::Version v = store_.create(t, me_);  // durable before the count changes on screen
  ++c->my_count;
  undo_.push_back(v.record);
  TimelineItem it;
  it.record = v.record;
  it.kind = ItemKind::Tally;
  it.author = me_;
  it.mine = true;
  it.lesson_ms = t.lesson_ms;
  it.saved_at = v.saved_at_ms;
  it.key = key;
  it.text = c->tool.label;
  insert_item(std::move(it));
  return true;
}

bool ObserveModel::undo_tally() {
  if (undo_.empty()) {
    error_ = "Nothing to undo.";
    return false;
  }
  return delete_item(undo_.back());
}

bool ObserveModel::toggle_timer(const std::string& key) {
  auto t = std::find_if(timers_.begin(), timers_.end(), [&](const TimerView& v) { return v.tool.key == key; });
  if (t == timers_.end()) {
    error_ = "There is no timer \"" + key + "\" in this plan.";
    return false;
  }
  ensure_started();
  const std::int64_t now = lesson_now();
  // Stop this timer if it runs; otherwise stop the others of its exclusive group and start it.
  std::vector<std::pair<TimerView*, std::size_t>> to_close;
  bool was_running = t->running();
  for (auto& other : timers_) {
    bool same = &other == &*t;
    bool group = !t->tool.exclusive_group.empty() && other.tool.exclusive_group == t->tool.exclusive_group;
    if (!(same || (group && !was_running))) continue;
    for (std::size_t i = 0; i < other.my_spans.size(); ++i)
      if (other.my_spans[i].second.end_ms < 0) to_close.push_back({&other, i});
  }
  core::Version started;
  store_.transaction([&] {
    for (auto [view, i] : to_close) {
      core::TimerSpan s = view->my_spans[i].second;
      s.end_ms = now;
      store_.update(view->my_spans[i].first, s, me_);
    }
    if (!was_running) started = store_.create(core::TimerSpan{observation_id_, key, now, -1}, me_);
  });
  for (auto [view, i] : to_close) {
    view->my_spans[i].second.end_ms = now;
    if (TimelineItem* it = find_item(view->my_spans[i].first)) it->end_ms = now;
  }
  if (!was_running) {
    t->my_spans.push_back({started.record, core::TimerSpan{observation_id_, key, now, -1}});
    TimelineItem it;
    it.record = started.record;
    it.kind = ItemKind::Timer;
    it.author = me_;
    it.mine = true;
    it.lesson_ms = now;
    it.saved_at = started.saved_at_ms;
    it.key = key;
    it.text = t->tool.label;
    insert_item(std::move(it));
  }
  return true;
}

bool ObserveModel::tap_seat(const std::string& key) {
  auto s = std::find_if(seats_.begin(), seats_.end(), [&](const SeatView& v) { return v.seat.key == key; });
  if (s == seats_.end()) {
    error_ = "There is no seat \"" + key + "\" on this chart.";
    return false;
  }
  ensure_started();
  core::SeatMark m{observation_id_, key, lesson_now()};
  core::Version v = store_.create(m, me_);
  ++s->my_marks;
  TimelineItem it;
  it.record = v.record;
  it.kind = ItemKind::Seat;
  it.author = me_;
  it.mine = true;
  it.lesson_ms = m.lesson_ms;
  it.saved_at = v.saved_at_ms;
  it.key = key;
  it.text = "Seat " + s->seat.label;
  insert_item(std::move(it));
  return true;
}

void ObserveModel::edit_draft(const std::string& text) {
  if (text.empty())
    draft_started_ms_ = -1;
  else if (draft_started_ms_ < 0)
    draft_started_ms_ = lesson_now();  // the moment typing began
  draft_ = text;
  std::int64_t now = now_ms_();
  if (!draft_dirty_) draft_first_change_ = now;
  draft_last_change_ = now;
  draft_dirty_ = true;
}

void ObserveModel::autosave(bool force) {
  if (!draft_dirty_ || !loaded()) return;
  std::int64_t now = now_ms_();
  if (!force && now - draft_last_change_ < kAutosaveQuietMs && now - draft_first_change_ < kAutosaveMaxMs) return;
  try {
    if (draft_.empty()) {
      store_.drafts().clear(draft_key(observation_id_));
    } else {
      std::string tags;
      for (const auto& t : draft_tags_) tags += (tags.empty() ? "" : "\x1f") + t;
      store_.drafts().save(draft_key(observation_id_), std::to_string(draft_started_ms_) + "\t" +
                                                           std::to_string(static_cast<int>(draft_kind_)) + "\t" + tags +
                                                           "\t" + draft_);
    }
    draft_dirty_ = false;
  } catch (const std::exception& e) {
    error_ = std::string("Could not keep the draft: ") + e.what();
  }
}

bool ObserveModel::save_note() {
  std::string text = trim(draft_);
  if (text.empty()) {
    error_ = "Type what you noticed first.";
    return false;
  }
  if (!plan_.tools.evidence_notes) {
    error_ = "The plan for this lesson does not ask for notes.";
    return false;
  }
  ensure_started();
  core::EvidenceNote n{observation_id_, draft_started_ms_ >= 0 ? draft_started_ms_ : lesson_now(), text, draft_kind_,
                       draft_tags_};
  core::Version v;
  store_.transaction([&] {
    v = store_.create(n, me_);
    store_.drafts().clear(draft_key(observation_id_));
  });
  TimelineItem it;
  it.record = v.record;
  it.kind = ItemKind::Note;
  it.author = me_;
  it.mine = true;
  it.lesson_ms = n.lesson_ms;
  it.saved_at = v.saved_at_ms;
  it.note_kind = n.kind;
  it.text = n.text;
  it.tags = n.look_for_tags;
  insert_item(std::move(it));
  draft_.clear();
  draft_started_ms_ = -1;
  draft_kind_ = core::NoteKind::Noticing;
  draft_tags_.clear();
  draft_dirty_ = false;
  return true;
}

bool ObserveModel::edit_note(core::Id record, const std::string& text) {
  TimelineItem* it = find_item(record);
  if (!it || it->kind != ItemKind::Note) {
    error_ = "That note is no longer here.";
    return false;
  }
  if (!it->mine) {
    error_ = "Only the person who wrote a note can change it.";
    return false;
  }
  std::string t = trim(text);
  if (t.empty()) {
    error_ = "A note cannot be empty; delete it instead.";
    return false;
  }
  auto head = store_.get(record);
  if (!head) {
    error_ = "That note is no longer here.";
    return false;
  }
  core::EvidenceNote n = std::get<core::EvidenceNote>(head->body);
  n.text = t;
  store_.update(record, n, me_);
  it->text = t;
  return true;
}

bool ObserveModel::delete_item(core::Id record) {
  auto pos =
      std::find_if(timeline_.begin(), timeline_.end(), [&](const TimelineItem& i) { return i.record == record; });
  if (pos == timeline_.end()) {
    error_ = "That item is no longer here.";
    return false;
  }
  if (!pos->mine) {
    error_ = "Only the person who captured an item can delete it.";
    return false;
  }
  store_.remove(record, me_);
  switch (pos->kind) {
    case ItemKind::Tally:
      for (auto& c : counters_)
        if (c.tool.key == pos->key) --c.my_count;
      break;
    case ItemKind::Seat:
      for (auto& s : seats_)
        if (s.seat.key == pos->key) --s.my_marks;
      break;
    case ItemKind::Timer:
      for (auto& t : timers_)
        t.my_spans.erase(
            std::remove_if(t.my_spans.begin(), t.my_spans.end(), [&](const auto& s) { return s.first == record; }),
            t.my_spans.end());
      break;
    case ItemKind::Note:
      break;
  }
  undo_.erase(std::remove(undo_.begin(), undo_.end(), record), undo_.end());
  timeline_.erase(pos);
  return true;
}

void ObserveModel::insert_item(TimelineItem item) {
  auto at = std::upper_bound(timeline_.begin(), timeline_.end(), item, item_before);
  timeline_.insert(at, std::move(item));
}

TimelineItem* ObserveModel::find_item(core::Id record) {
  for (auto it = timeline_.rbegin(); it != timeline_.rend(); ++it)  // recent items are searched first
    if (it->record == record) return &*it;
  return nullptr;
}

}  // namespace app
