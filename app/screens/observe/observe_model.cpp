// The Observe screen's model. See observe_model.h for the guarantees.
#include "app/screens/observe/observe_model.h"

#include <algorithm>

#include "app/screens/common/model_text.h"
#include "core/lesson/people.h"

namespace app {

bool in_lesson_order(const TimelineItem& a, const TimelineItem& b) {
  if (a.lesson_ms != b.lesson_ms) return a.lesson_ms < b.lesson_ms;
  return a.saved_at < b.saved_at;
}

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
    : ObservationModel(store, me, std::move(now_ms)) {}

std::string ObserveModel::draft_key(core::Id observation) { return "note:" + observation.hex(); }

std::string ObserveModel::item_text(core::EvidenceKind kind, const std::string& key) const {
  switch (kind) {
    case core::EvidenceKind::Counter:
      for (const auto& c : counters_)
        if (c.tool.key == key) return c.tool.label;
      break;
    case core::EvidenceKind::Timer:
      for (const auto& t : timers_)
        if (t.tool.key == key) return t.tool.label;
      break;
    case core::EvidenceKind::Seat:
      for (const auto& s : seats_)
        if (s.seat.key == key) return "Seat " + s.seat.label;
      break;
    case core::EvidenceKind::Note:
      break;
  }
  return key;
}

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
  if (!clock_id_.empty()) return refuse("The lesson clock is already started.");
  core::LessonClock c;
  c.observation = observation_;
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

namespace {
// What an action would have saved, named in the sentence when the storage is full.
const char* observe_unsaved(ObserveAction::Kind kind) {
  using K = ObserveAction::Kind;
  switch (kind) {
    case K::SaveNote:
      return "this note";
    case K::EditNote:
      return "this change to the note";
    case K::TapCounter:
    case K::TapSeat:
      return "this tap";
    case K::UndoTally:
      return "this undo";
    case K::ToggleTimer:
      return "this timer";
    case K::DeleteItem:
      return "this delete";
    case K::EditDraft:
    case K::SetNoteKind:
    case K::ToggleTag:
      return "what you typed";
    case K::Start:
    case K::Pause:
    case K::Resume:
    case K::End:
      return "the lesson clock";
  }
  return "this change";
}
}  // namespace

bool ObserveModel::apply(const ObserveAction& a) {
  using K = ObserveAction::Kind;
  return run_action(observe_unsaved(a.kind), [&] {
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
      case K::End:
        return end_lesson();
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
        store_draft();
        return true;
      case K::ToggleTag: {
        auto it = std::find(draft_tags_.begin(), draft_tags_.end(), a.key);
        if (it == draft_tags_.end())
          draft_tags_.push_back(a.key);
        else
          draft_tags_.erase(it);
        store_draft();
        return true;
      }
      case K::SaveNote:
        return save_note();
      case K::EditNote:
        return edit_note(a.record, a.text);
      case K::DeleteItem:
        return delete_item(a.record);
    }
    return false;
  });
}

// Ends the lesson: my clock, my running timer spans and, the first time, the plan's status
// (Planned becomes Observed), in one transaction.
bool ObserveModel::end_lesson() {
  ensure_started();
  core::LessonClock c = clock_;
  c.elapsed_ms = lesson_now();
  c.running = false;
  c.ended = true;
  const auto running = running_spans([](const TimerView&) { return true; });
  const bool first_end = plan_.status == core::ObservationStatus::Planned;
  core::Observation observed = plan_;
  observed.status = core::ObservationStatus::Observed;
  store_.transaction([&] {
    store_.update(clock_id_, c, me_);
    write_span_ends(running, c.elapsed_ms);
    if (first_end) store_.update(observation_, observed, me_);
  });
  clock_ = c;
  show_span_ends(running, c.elapsed_ms);
  if (first_end) plan_ = observed;
  return true;
}

std::vector<ObserveModel::SpanRef> ObserveModel::running_spans(const std::function<bool(const TimerView&)>& of) {
  std::vector<SpanRef> out;
  for (auto& t : timers_)
    if (of(t))
      for (std::size_t i = 0; i < t.my_spans.size(); ++i)
        if (t.my_spans[i].second.end_ms < 0) out.push_back({&t, i});
  return out;
}

void ObserveModel::write_span_ends(const std::vector<SpanRef>& spans, std::int64_t end_ms) {
  for (auto [view, i] : spans) {
    core::TimerSpan s = view->my_spans[i].second;
    s.end_ms = end_ms;
    store_.update(view->my_spans[i].first, s, me_);
  }
}

void ObserveModel::show_span_ends(const std::vector<SpanRef>& spans, std::int64_t end_ms) {
  for (auto [view, i] : spans) {
    view->my_spans[i].second.end_ms = end_ms;
    if (TimelineItem* it = find_item(view->my_spans[i].first)) it->end_ms = end_ms;
  }
}

bool ObserveModel::tap_counter(const std::string& key) {
  auto c = std::find_if(counters_.begin(), counters_.end(), [&](const CounterView& v) { return v.tool.key == key; });
  if (c == counters_.end()) return refuse("There is no counter \"" + key + "\" in this plan.");
  ensure_started();
  core::Tally t{observation_, key, lesson_now()};
  core::Version v = store_.create(t, me_);  // durable before the count changes on screen
  add_mine(v, t);
  undo_.push_back(v.record);
  return true;
}

bool ObserveModel::undo_tally() {
  if (undo_.empty()) return refuse("Nothing to undo.");
  return delete_item(undo_.back());
}

bool ObserveModel::toggle_timer(const std::string& key) {
  auto t = std::find_if(timers_.begin(), timers_.end(), [&](const TimerView& v) { return v.tool.key == key; });
  if (t == timers_.end()) return refuse("There is no timer \"" + key + "\" in this plan.");
  ensure_started();
  const std::int64_t now = lesson_now();
  // Stop this timer if it runs; otherwise stop the others of its exclusive group and start it.
  const bool was_running = t->running();
  const auto to_close = running_spans([&](const TimerView& other) {
    const bool group = !t->tool.exclusive_group.empty() && other.tool.exclusive_group == t->tool.exclusive_group;
    return &other == &*t || (group && !was_running);
  });
  core::Version started;
  store_.transaction([&] {
    write_span_ends(to_close, now);
    if (!was_running) started = store_.create(core::TimerSpan{observation_, key, now, -1}, me_);
  });
  show_span_ends(to_close, now);
  if (!was_running) add_mine(started, core::TimerSpan{observation_, key, now, -1});
  return true;
}

bool ObserveModel::tap_seat(const std::string& key) {
  auto s = std::find_if(seats_.begin(), seats_.end(), [&](const SeatView& v) { return v.seat.key == key; });
  if (s == seats_.end()) return refuse("There is no seat \"" + key + "\" on this chart.");
  ensure_started();
  core::SeatMark m{observation_, key, lesson_now()};
  add_mine(store_.create(m, me_), m);
  return true;
}

void ObserveModel::edit_draft(const std::string& text) {
  if (text.empty())
    draft_started_ms_ = -1;
  else if (draft_started_ms_ < 0)
    draft_started_ms_ = lesson_now();  // the moment typing began
  draft_text_ = text;
  store_draft();
}

// The kind and tags are kept with the text, so a draft restored after a crash is the same note.
void ObserveModel::store_draft() {
  draft_.edit(draft_text_.empty()
                  ? std::string()
                  : join_draft_fields({std::to_string(draft_started_ms_), std::to_string(static_cast<int>(draft_kind_)),
                                       join_draft_list(draft_tags_), draft_text_}),
              now_ms_());
}

bool ObserveModel::save_note() {
  std::string text = trim(draft_text_);
  if (text.empty()) return refuse("Type what you noticed first.");
  if (!plan_.tools.evidence_notes) return refuse("The plan for this lesson does not ask for notes.");
  ensure_started();
  core::EvidenceNote n{observation_, draft_started_ms_ >= 0 ? draft_started_ms_ : lesson_now(), text, draft_kind_,
                       draft_tags_};
  core::Version v;
  store_.transaction([&] {
    v = store_.create(n, me_);
    store_.drafts().clear(draft_key(observation_));
  });
  add_mine(v, n);
  draft_.forget();
  draft_text_.clear();
  draft_started_ms_ = -1;
  draft_kind_ = core::NoteKind::Noticing;
  draft_tags_.clear();
  return true;
}

bool ObserveModel::edit_note(core::Id record, const std::string& text) {
  TimelineItem* it = find_item(record);
  if (!it || it->kind != core::EvidenceKind::Note) return refuse("That note is no longer here.");
  if (!it->mine) return refuse("Only the person who wrote a note can change it.");
  std::string t = trim(text);
  if (t.empty()) return refuse("A note cannot be empty; delete it instead.");
  auto head = store_.get(record);
  if (!head) return refuse("That note is no longer here.");
  core::EvidenceNote n = std::get<core::EvidenceNote>(head->body);
  n.text = t;
  store_.update(record, n, me_);
  it->text = t;
  return true;
}

bool ObserveModel::delete_item(core::Id record) {
  auto pos =
      std::find_if(timeline_.begin(), timeline_.end(), [&](const TimelineItem& i) { return i.record == record; });
  if (pos == timeline_.end()) return refuse("That item is no longer here.");
  if (!pos->mine) return refuse("Only the person who captured an item can delete it.");
  store_.remove(record, me_);
  switch (pos->kind) {
    case core::EvidenceKind::Counter:
      for (auto& c : counters_)
        if (c.tool.key == pos->key) --c.my_count;
      break;
    case core::EvidenceKind::Seat:
      for (auto& s : seats_)
        if (s.seat.key == pos->key) --s.my_marks;
      break;
    case core::EvidenceKind::Timer:
      for (auto& t : timers_)
        t.my_spans.erase(
            std::remove_if(t.my_spans.begin(), t.my_spans.end(), [&](const auto& s) { return s.first == record; }),
            t.my_spans.end());
      break;
    case core::EvidenceKind::Note:
      break;
  }
  undo_.erase(std::remove(undo_.begin(), undo_.end(), record), undo_.end());
  timeline_.erase(pos);
  return true;
}

TimelineItem ObserveModel::timeline_item(core::Id record, const core::RecordHead& head) const {
  TimelineItem it;
  it.record = record;
  it.author = head.version.author;
  it.mine = head.version.author == me_;
  it.saved_at = head.version.saved_at_ms;
  if (!it.mine) it.author_name = core::name_or(names_, head.version.author, "a co-observer");
  if (const auto* n = std::get_if<core::EvidenceNote>(&head.body)) {
    it.kind = core::EvidenceKind::Note;
    it.lesson_ms = n->lesson_ms;
    it.note_kind = n->kind;
    it.text = n->text;
    it.tags = n->look_for_tags;
    return it;
  }
  if (const auto* t = std::get_if<core::Tally>(&head.body)) {
    it.kind = core::EvidenceKind::Counter;
    it.lesson_ms = t->lesson_ms;
    it.key = t->counter_key;
  } else if (const auto* s = std::get_if<core::TimerSpan>(&head.body)) {
    it.kind = core::EvidenceKind::Timer;
    it.lesson_ms = s->start_ms;
    it.end_ms = s->end_ms;
    it.key = s->timer_key;
  } else if (const auto* m = std::get_if<core::SeatMark>(&head.body)) {
    it.kind = core::EvidenceKind::Seat;
    it.lesson_ms = m->lesson_ms;
    it.key = m->seat_key;
  }
  it.text = item_text(it.kind, it.key);
  return it;
}

void ObserveModel::count_mine(const TimelineItem& item, const core::RecordBody& body) {
  switch (item.kind) {
    case core::EvidenceKind::Counter:
      for (auto& c : counters_)
        if (c.tool.key == item.key) ++c.my_count;
      break;
    case core::EvidenceKind::Timer:
      for (auto& t : timers_)
        if (t.tool.key == item.key) t.my_spans.push_back({item.record, std::get<core::TimerSpan>(body)});
      break;
    case core::EvidenceKind::Seat:
      for (auto& s : seats_)
        if (s.seat.key == item.key) ++s.my_marks;
      break;
    case core::EvidenceKind::Note:
      break;
  }
}

void ObserveModel::add_mine(const core::Version& version, const core::RecordBody& body) {
  TimelineItem it = timeline_item(version.record, core::RecordHead{version, body});
  count_mine(it, body);
  insert_item(std::move(it));
}

void ObserveModel::insert_item(TimelineItem item) {
  auto at = std::upper_bound(timeline_.begin(), timeline_.end(), item, in_lesson_order);
  timeline_.insert(at, std::move(item));
}

TimelineItem* ObserveModel::find_item(core::Id record) {
  for (auto it = timeline_.rbegin(); it != timeline_.rend(); ++it)  // recent items are searched first
    if (it->record == record) return &*it;
  return nullptr;
}

}  // namespace app
