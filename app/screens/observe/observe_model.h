// The Observe screen's state and actions, plain C++ (no ImGui): the lesson clock, evidence notes
// with a typed-draft that is autosaved, counters with undo, exclusive timers, seat marks, and the
// merged timeline of every observer's items.
// Guarantees: each action commits to the store (durably) before the view changes, so what the
// screen shows as captured is on disk; the view is built once on load and then updated in place,
// so a frame never queries the store; only the author may edit or delete an item.
#pragma once
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "app/screens/common/observation_model.h"
#include "app/screens/common/text_draft.h"
#include "core/lesson/lesson_data.h"
#include "core/records.h"
#include "core/store.h"

namespace app {

struct TimelineItem {
  core::Id record;
  core::EvidenceKind kind = core::EvidenceKind::Note;
  core::Id author;
  bool mine = false;
  std::int64_t lesson_ms = 0;  // when it happened (a timer span: its start)
  std::int64_t end_ms = -1;    // timer spans: end, -1 while running
  std::int64_t saved_at = 0;   // wall clock of the save, breaks ties in order
  core::NoteKind note_kind = core::NoteKind::Noticing;
  std::string key;   // counter, timer or seat key
  std::string text;  // the note, or what was counted/timed/marked
  std::vector<std::string> tags;
  std::string author_name;  // "" for my own items
};

// The timeline's order: by lesson time, then by save time.
bool in_lesson_order(const TimelineItem& a, const TimelineItem& b);

struct CounterView {
  core::CounterTool tool;
  int my_count = 0;
};

struct TimerView {
  core::TimerTool tool;
  std::vector<std::pair<core::Id, core::TimerSpan>> my_spans;
  bool running() const;
  std::int64_t accumulated(std::int64_t lesson_now) const;
};

struct SeatView {
  core::Seat seat;
  int my_marks = 0;
};

struct ObserveAction {
  enum class Kind {
    Start,
    Pause,
    Resume,
    End,
    TapCounter,
    UndoTally,
    ToggleTimer,
    TapSeat,
    EditDraft,
    SetNoteKind,
    ToggleTag,
    SaveNote,
    EditNote,
    DeleteItem,
  };
  Kind kind = Kind::Start;
  std::string key;   // counter/timer/seat key, or tag text
  std::string text;  // draft or edited note text
  core::Id record;   // EditNote/DeleteItem
  core::NoteKind note_kind = core::NoteKind::Noticing;
};

class ObserveModel : public ObservationModel {
 public:
  ObserveModel(core::Store& store, core::Id me, std::function<std::int64_t()> now_ms);

  // Builds the view of one observation; restores my note draft. False (and error()) if unknown.
  bool load(core::Id observation);

  // Applies one action; false when it could not be done (error() says why in plain words).
  bool apply(const ObserveAction& action);

  // ---- the view ----
  const std::vector<CounterView>& counters() const { return counters_; }
  const std::vector<TimerView>& timers() const { return timers_; }
  const std::vector<SeatView>& seats() const { return seats_; }
  const std::vector<TimelineItem>& timeline() const { return timeline_; }  // oldest first
  bool clock_started() const { return !clock_id_.empty(); }
  bool clock_running() const { return clock_.running; }
  bool clock_ended() const { return clock_.ended; }
  std::int64_t lesson_now() const;
  bool can_undo() const { return !undo_.empty(); }

  // ---- the note composer ----
  const std::string& draft() const { return draft_text_; }
  core::NoteKind draft_kind() const { return draft_kind_; }
  const std::vector<std::string>& draft_tags() const { return draft_tags_; }
  std::int64_t draft_started_ms() const { return draft_started_ms_; }
  // Writes the draft to the store if it changed and typing paused (or `force`).
  void autosave(bool force) { autosave_draft(draft_, force); }
  bool draft_dirty() const { return draft_.dirty(); }
  static std::string draft_key(core::Id observation);

 private:
  bool start_clock();
  void ensure_started();
  void save_clock();
  bool tap_counter(const std::string& key);
  bool undo_tally();
  bool toggle_timer(const std::string& key);
  bool tap_seat(const std::string& key);
  bool end_lesson();
  // One of my timer spans: its timer's view and its index in my_spans.
  using SpanRef = std::pair<TimerView*, std::size_t>;
  // My running spans, in the timers `of` picks.
  std::vector<SpanRef> running_spans(const std::function<bool(const TimerView&)>& of);
  void write_span_ends(const std::vector<SpanRef>& spans, std::int64_t end_ms);  // within a transaction
  void show_span_ends(const std::vector<SpanRef>& spans, std::int64_t end_ms);
  void edit_draft(const std::string& text);
  void store_draft();
  void restore_draft();
  bool save_note();
  bool edit_note(core::Id record, const std::string& text);
  bool delete_item(core::Id record);
  // The timeline's item for one of the observation's notes, tallies, timer spans or seat marks.
  TimelineItem timeline_item(core::Id record, const core::RecordHead& head) const;
  // Counts my item in its counter, timer or seat.
  void count_mine(const TimelineItem& item, const core::RecordBody& body);
  // After I saved `body` as `version`: the item joins my counts and the timeline in lesson order.
  void add_mine(const core::Version& version, const core::RecordBody& body);
  void insert_item(TimelineItem item);
  TimelineItem* find_item(core::Id record);
  std::string item_text(core::EvidenceKind kind, const std::string& key) const;

  core::Id clock_id_;
  core::LessonClock clock_;
  std::int64_t clock_wall_ms_ = 0;  // wall time at which the running stretch began
  std::vector<CounterView> counters_;
  std::vector<TimerView> timers_;
  std::vector<SeatView> seats_;
  std::vector<TimelineItem> timeline_;
  std::map<core::Id, std::string> names_;
  std::vector<core::Id> undo_;  // my tallies this visit, newest last

  std::string draft_text_;
  core::NoteKind draft_kind_ = core::NoteKind::Noticing;
  std::vector<std::string> draft_tags_;
  std::int64_t draft_started_ms_ = -1;  // lesson time when typing began, -1 = empty draft
  // Holds "<lesson ms>\t<kind>\t<look-for tags, \x1f-separated>\t<text>", or nothing when the
  // text is empty.
  TextDraft draft_;
};

}  // namespace app
