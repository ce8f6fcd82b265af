// What each observer measured in one lesson, kept apart. A co-observed visit is two measurements
// of one lesson (the teacher leader's taps and the coach's taps), so counts, timer totals and seat
// marks are summed per observer (the author of each tally, span and mark), never across observers.
// Shared by Reflect, Debrief, Cycle and Prompt and by the reports (core/report): plain data.
// Everything is descriptive: counts and durations, never a judgement.
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/dates.h"
#include "core/records.h"
#include "core/store.h"

namespace core {

struct CounterSummary {
  std::string key, label;
  int count = 0;  // this observer's taps
  std::vector<core::Id> tallies;
};

struct TimerSummary {
  std::string key, label, group;  // group "" = independent
  std::int64_t total_ms = 0;      // closed spans only (a running span has no length yet)
  int share_percent = -1;         // share within its exclusive group, -1 = independent or no time
  std::vector<core::Id> spans;
};

struct SeatSummary {
  core::Seat seat;
  int marks = 0;
  std::vector<core::Id> mark_ids;
};

// One observer's data, laid out by the plan (every planned counter, timer and seat, with 0 when
// nothing was captured).
struct DataSummary {
  std::vector<CounterSummary> counters;  // in plan order
  std::vector<TimerSummary> timers;      // in plan order
  std::vector<SeatSummary> seats;        // empty when there is no seating chart
  int rows = 0, cols = 0;                // seating grid
  int max_marks = 0;                     // the most marks on one seat (scales the colour)
  int total_marks = 0;
  // One line per exclusive group, e.g. "Teacher talk 62% · Student talk 38%"; empty groups skipped.
  std::vector<std::string> group_lines;
};

enum class EvidenceKind { Note, Counter, Timer, Seat };
// How a captured item is named beside it: the note's kind ("Quote"), or "Count", "Timer", "Seat".
const char* evidence_kind_label(EvidenceKind kind, core::NoteKind note_kind);

// One thing an observer captured, for the timeline the observed teacher reads.
struct CapturedItem {
  EvidenceKind kind = EvidenceKind::Note;
  core::Id record;
  std::int64_t lesson_ms = 0;  // when it happened (a timer span: its start)
  std::int64_t end_ms = -1;    // timer spans: the end, -1 while running
  core::NoteKind note_kind = core::NoteKind::Noticing;
  std::string text;                    // the note, or the counter's, timer's or seat's label
  std::string key;                     // the counter's, timer's or seat's key; "" for a note
  std::vector<std::string> look_fors;  // a note's look-for tags
};

struct ObserverData {
  core::Id person;   // the author of these records
  std::string name;  // as on this device's roster; "a co-observer" when unknown
  core::Role role = core::Role::TeacherLeader;
  bool in_plan = false;  // listed in the plan (role is meaningful only then)
  // Done observing: every lesson clock of theirs in this visit is ended; with no clock at all
  // (data imported, or from before clocks synced), the visit's status is Observed or Debriefed.
  bool ended = false;
  DataSummary data;
  std::vector<CapturedItem> timeline;  // notes, taps, timer spans and seat marks, in lesson order
  int notes = 0;                       // notes in the timeline
  bool has_data() const;               // any tally, timer span or seat mark
};

struct LessonData {
  // Everyone who captured something or started a lesson clock: the plan's teacher leaders, then
  // its coaches, then anyone else who captured (e.g. someone removed from the plan later).
  std::vector<ObserverData> observers;
  const ObserverData* find(core::Id person) const;
  int ended_count() const;
  // Those who ended the lesson (their data is shown), and those still observing; in list order.
  std::vector<const ObserverData*> ended_observers() const;
  std::vector<const ObserverData*> still_observing() const;
};

// Reads the observation's clocks, notes, tallies, spans and marks once. `names` turns ids into names.
LessonData summarize_by_observer(const core::Store& store, core::Id observation, const core::Observation& plan,
                                 const std::map<core::Id, std::string>& names);
// The empty summary of `plan` (every tool at 0).
DataSummary empty_summary(const core::Observation& plan);
// Shares within each exclusive group that add up to 100 (largest remainder).
void compute_group_shares(std::vector<TimerSummary>& timers);
// "Jonas Berg (coach)"; just the name for someone not in the plan.
std::string observer_label(const ObserverData& observer);
// Whose data a section shows: "Your taps" when it is `me`, else observer_label.
std::string whose_data(const ObserverData& observer, core::Id me);
// "Jonas Berg (coach) is still observing. What they capture shows here once they end the lesson."
std::string still_observing_line(const ObserverData& observer, core::Id me);

}  // namespace core
