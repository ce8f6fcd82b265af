// The Cycle screen's state and actions, plain C++: the observations of one learning cycle side by
// side by date, the same counters and timers compared across visits for one observer at a time,
// and the cycle's next steps with their status.
// The data and its guarantees are core::CycleData's (core/lesson/cycle_data.h, shared with the
// cycle report); this model adds the observer shown and the status changes, each durable before
// the list shows it.
#pragma once
#include <string>
#include <vector>

#include "app/screens/common/report_share.h"
#include "core/lesson/cycle_data.h"
#include "core/records.h"
#include "core/store.h"

namespace app {

class CycleModel {
 public:
  CycleModel(core::Store& store, core::Id me);

  // Loads `cycle`, or the cycle of `observation` when `cycle` is empty.
  bool load(core::Id cycle, core::Id observation);
  bool loaded() const { return !data_.id.empty(); }
  bool set_step_status(core::Id step, core::NextStepStatus status);
  // Shows `person`'s data in the comparison; false when they have none in this cycle.
  bool choose_observer(core::Id person);

  core::Id cycle() const { return data_.id; }
  const core::CycleData& data() const { return data_; }
  const core::Cycle& info() const { return data_.info; }
  const std::vector<core::CycleVisit>& visits() const { return data_.visits; }            // by date, undated last
  const std::vector<core::CancelledVisit>& cancelled() const { return data_.cancelled; }  // by date
  // Everyone with data in some visit: me first, then by the number of visits. The chosen one's
  // data makes the series; by default me if I observed, else the one with the most visits.
  const std::vector<core::CycleObserver>& observers() const { return data_.observers; }
  core::Id chosen_observer() const { return series_.observer; }
  // For visit i: nothing to show yet (the visit is planned, or the chosen observer is still observing).
  bool pending(std::size_t visit) const { return visit < series_.pending.size() && series_.pending[visit]; }
  const std::vector<core::CounterSeries>& counters() const { return series_.counters; }
  const std::vector<core::TimerSeries>& timers() const { return series_.timers; }
  const std::vector<core::CycleStep>& steps() const { return data_.steps; }
  const std::string& error() const { return error_; }
  // "Share the cycle report": whom a copy can be for, the paper, the report the last share made.
  const ReportShare& share() const { return share_; }
  bool share_report(core::Id reader, std::int64_t now_ms);
  bool choose_paper(core::report::PageSize size);
  std::optional<ReportRequest> take_report() { return share_.take_request(); }

 private:
  core::Store& store_;
  core::Id me_;
  core::CycleData data_;
  core::CycleSeries series_;
  std::string error_;
  ReportShare share_;
};

}  // namespace app
