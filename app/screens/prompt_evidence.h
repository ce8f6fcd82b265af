// What an observation holds after the lesson, in the teacher's words: the evidence items a
// prompt can point at (notes, and one summary per counter, timer and seat) and the data summary
// (counts, timer totals and shares within an exclusive group, marks per seat).
// Shared by Prompt, Reflect and Cycle. Everything is descriptive: counts and durations, never a
// judgement; items from every observer are included, each with its author.
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/records.h"
#include "core/store.h"

namespace app {

struct CounterSummary {
  std::string key, label;
  int count = 0;                    // taps by every observer
  std::vector<core::Id> tallies;
};

struct TimerSummary {
  std::string key, label, group;    // group "" = independent
  std::int64_t total_ms = 0;        // closed spans only (a running span has no length yet)
  int share_percent = -1;           // share within its exclusive group, -1 = independent or no time
  std::vector<core::Id> spans;
};

struct SeatSummary {
  core::Seat seat;
  int marks = 0;
  std::vector<core::Id> mark_ids;
};

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

DataSummary summarize(const core::Store& store, core::Id observation, const core::Observation& plan);
// Shares within each exclusive group that add up to 100 (largest remainder).
void compute_group_shares(std::vector<TimerSummary>& timers);
// "28:00" style total for a timer.
std::string format_duration(std::int64_t ms);

enum class EvidenceKind { Note, Counter, Timer, Seat };

struct EvidenceItem {
  EvidenceKind kind = EvidenceKind::Note;
  std::string key;                 // stable: a note's record hex, "counter:<key>", "timer:<key>", "seat:<key>"
  std::vector<core::Id> records;   // the note, or every tally/span/mark the summary sums up
  std::int64_t lesson_ms = 0;      // notes: when it was noted; summaries: 0
  core::NoteKind note_kind = core::NoteKind::Noticing;
  std::string text;                // the note, or "Open questions: 7"
  std::string author_name;         // who noted it; "" for summaries
};

// Notes in lesson order, then counter, timer and seat summaries (those with data).
std::vector<EvidenceItem> evidence_items(const core::Store& store, core::Id observation, const DataSummary& summary,
                                         const std::map<core::Id, std::string>& names);
// Names of every person on this device.
std::map<core::Id, std::string> person_names(const core::Store& store);
// The label of an evidence kind for a small caption ("Noticed", "Count", "Timer", "Seat").
const char* evidence_kind_label(const EvidenceItem& item);

}  // namespace app
