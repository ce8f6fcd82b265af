// The Cycle screen's state and actions, plain C++: the observations of one learning cycle side by
// side by date, the same counters and timers compared across visits for one observer at a time,
// and the cycle's next steps with their status.
// Guarantees: the comparison uses counter and timer keys, which stay the same across the visits of
// a cycle (a follow-up copies its tools), so a key is one row however its label was edited; the
// series are one observer's data (a co-observed visit holds two measurements, never their sum),
// and only once that observer ended the lesson; a visit that observer did not collect shows as
// "not collected", never as 0; a status change is durable before the list shows it. Cancelled
// visits are left out of the visits and the comparisons, listed only as cancelled.
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "app/screens/common/lesson_data.h"
#include "core/records.h"
#include "core/store.h"

namespace app {

struct CycleVisit {
  core::Id id;
  std::string date;   // "YYYY-MM-DD" or ""
  std::string label;  // "19 Nov" style short label for charts, "Visit 2" if undated
  core::ObservationStatus status = core::ObservationStatus::Planned;
  bool follow_up = false;
  core::Role my_role = core::Role::TeacherLeader;
  bool me_in = false;  // I take part in this visit
  LessonData lesson;   // each observer's data, kept apart
};

// A visit that was called off: only its date is said.
struct CancelledVisit {
  core::Id id;
  std::string date;  // "YYYY-MM-DD" or ""
};

// Someone whose data the comparison can show.
struct CycleObserver {
  core::Id person;
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
  core::Id id;
  core::NextStep step;
  std::string owner_name;
  std::string visit_label;  // the visit whose debrief agreed it
};

class CycleModel {
 public:
  CycleModel(core::Store& store, core::Id me);

  // Loads `cycle`, or the cycle of `observation` when `cycle` is empty.
  bool load(core::Id cycle, core::Id observation);
  bool loaded() const { return !cycle_id_.empty(); }
  bool set_step_status(core::Id step, core::NextStepStatus status);
  // Shows `person`'s data in the comparison; false when they have none in this cycle.
  bool choose_observer(core::Id person);

  core::Id cycle() const { return cycle_id_; }
  const core::Cycle& info() const { return cycle_; }
  const std::vector<CycleVisit>& visits() const { return visits_; }            // by date, undated last
  const std::vector<CancelledVisit>& cancelled() const { return cancelled_; }  // by date
  // Everyone with data in some visit: me first, then by the number of visits. The chosen one's
  // data makes the series; by default me if I observed, else the one with the most visits.
  const std::vector<CycleObserver>& observers() const { return observers_; }
  core::Id chosen_observer() const { return chosen_; }
  // For visit i: nothing to show yet (the visit is planned, or the chosen observer is still observing).
  bool pending(std::size_t visit) const { return visit < pending_.size() && pending_[visit]; }
  const std::vector<CounterSeries>& counters() const { return counters_; }
  const std::vector<TimerSeries>& timers() const { return timers_; }
  const std::vector<CycleStep>& steps() const { return steps_; }
  const std::string& error() const { return error_; }

 private:
  core::Store& store_;
  core::Id me_;
  core::Id cycle_id_;
  core::Cycle cycle_;
  // The steps of load(): the cycle's visits in date order (cancelled ones aside), each visit's data
  // per observer with the series rows and observers it adds, the next steps in visit order.
  using FoundVisits = std::vector<std::pair<core::Observation, CycleVisit>>;
  FoundVisits read_visits(core::Id cycle);
  void take_visits(FoundVisits& found, const std::map<core::Id, std::string>& names);
  void read_next_steps(const std::map<core::Id, std::string>& names);
  void build_series();

  std::vector<CycleVisit> visits_;
  std::vector<CancelledVisit> cancelled_;
  std::vector<CycleObserver> observers_;
  core::Id chosen_;
  std::vector<bool> pending_;
  std::vector<CounterSeries> counters_;
  std::vector<TimerSeries> timers_;
  std::vector<CycleStep> steps_;
  std::string error_;
};

// "19 Nov" from "2026-11-19"; the text itself when it is not a date.
std::string short_date(const std::string& date);

}  // namespace app
