// One learning cycle as data: its visits side by side by date, each visit's data per observer,
// one observer's series across the visits, and the cycle's next steps. Read by the Cycle screen
// and the cycle report (core/report), so both compare the same way.
// Guarantees: the comparison uses counter and timer keys, which stay the same across the visits
// of a cycle (a follow-up copies its tools), so a key is one row however its label was edited;
// a series is one observer's data (a co-observed visit holds two measurements, never their sum),
// and only once that observer ended the lesson; a visit that observer did not collect is -1
// ("not collected"), never 0. Cancelled visits are left out of the visits and the series, listed
// only as cancelled.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/lesson/lesson_data.h"
#include "core/records.h"
#include "core/store.h"

namespace core {

struct CycleVisit {
  Id id;
  std::string date;   // "YYYY-MM-DD" or ""
  std::string label;  // "19 Nov" style short label for charts, "Visit 2" if undated
  ObservationStatus status = ObservationStatus::Planned;
  bool follow_up = false;
  Role my_role = Role::TeacherLeader;
  bool me_in = false;  // I take part in this visit
  LessonData lesson;   // each observer's data, kept apart
};

// A visit that was called off: only its date is said.
struct CancelledVisit {
  Id id;
  std::string date;  // "YYYY-MM-DD" or ""
};

// Someone whose data the comparison can show.
struct CycleObserver {
  Id person;
  std::string label;  // "Your taps", "Jonas Berg (coach)"
  int visits = 0;     // visits in which they ended the lesson with data
};

struct CounterSeries {
  std::string key, label;
  std::vector<int> counts;  // one per visit; -1 = not collected by the chosen observer (or not yet)
};

struct TimerSeries {
  std::string key, label, group;
  std::vector<std::int64_t> totals;  // one per visit; -1 = not collected
  std::vector<int> shares;           // share within its group per visit; -1 = none
};

struct CycleStep {
  Id id;
  NextStep step;
  std::string owner_name;
  std::string visit_label;  // the visit whose debrief agreed it
};

// One observer's data across the visits.
struct CycleSeries {
  Id observer;
  // For visit i: nothing to show yet (the visit is planned, or the observer is still observing).
  std::vector<bool> pending;
  std::vector<CounterSeries> counters;  // every counter key of the cycle, in first-planned order
  std::vector<TimerSeries> timers;
};

struct CycleData {
  Id id;
  Cycle info;
  std::vector<CycleVisit> visits;         // by date, undated last; a first visit before its follow-up
  std::vector<CancelledVisit> cancelled;  // by date
  // Everyone with data in some visit: `me` first, then by the number of visits.
  std::vector<CycleObserver> observers;
  std::vector<CycleStep> steps;             // in visit order
  std::vector<CounterSeries> counter_rows;  // the rows of every series (values empty)
  std::vector<TimerSeries> timer_rows;
};

// Reads `cycle` as `me` sees it (labels say "Your taps", step owners "You"); nullopt when the
// cycle is not on this device. Throws what the store throws.
std::optional<CycleData> read_cycle(const Store& store, Id cycle, Id me);
// `observer`'s data across data.visits.
CycleSeries series_of(const CycleData& data, Id observer);

// "19 Nov" from "2026-11-19"; the text itself when it is not a date.
std::string short_date(const std::string& date);

}  // namespace core
