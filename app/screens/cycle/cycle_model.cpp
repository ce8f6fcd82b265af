// The Cycle screen's model. See cycle_model.h.
#include "app/screens/cycle/cycle_model.h"

#include <algorithm>

namespace app {

CycleModel::CycleModel(core::Store& store, core::Id me) : store_(store), me_(me) {}

bool CycleModel::load(core::Id cycle, core::Id observation) {
  data_ = core::CycleData{};
  series_ = core::CycleSeries{};
  error_.clear();
  try {
    if (cycle.empty() && !observation.empty())
      if (auto o = store_.get(observation); o && std::holds_alternative<core::Observation>(o->body))
        cycle = std::get<core::Observation>(o->body).cycle;
    auto read = core::read_cycle(store_, cycle, me_);
    if (!read) {
      error_ = "This learning cycle is not on this device (it may have been deleted).";
      return false;
    }
    data_ = std::move(*read);
  } catch (const std::exception& e) {
    error_ = std::string("Could not read this cycle: ") + e.what();
    return false;
  }
  series_ = core::series_of(data_, data_.observers.empty() ? core::Id{} : data_.observers.front().person);
  share_.load(store_, ReportShare::Of::Cycle, data_.id, me_);
  return true;
}

bool CycleModel::share_report(core::Id reader, std::int64_t now_ms) {
  error_.clear();
  return share_.share(store_, reader, now_ms, error_);
}

bool CycleModel::choose_paper(core::report::PageSize size) {
  error_.clear();
  return share_.choose_paper(store_, size, error_);
}

bool CycleModel::choose_observer(core::Id person) {
  if (std::none_of(data_.observers.begin(), data_.observers.end(),
                   [&](const core::CycleObserver& o) { return o.person == person; }))
    return false;
  series_ = core::series_of(data_, person);
  return true;
}

bool CycleModel::set_step_status(core::Id step, core::NextStepStatus status) {
  error_.clear();
  auto it =
      std::find_if(data_.steps.begin(), data_.steps.end(), [&](const core::CycleStep& s) { return s.id == step; });
  if (it == data_.steps.end()) {
    error_ = "That next step is no longer here.";
    return false;
  }
  if (it->step.status == status) return true;
  core::NextStep s = it->step;
  s.status = status;
  try {
    store_.update(step, s, me_);
  } catch (const std::exception& e) {
    error_ = std::string("Could not save the new status: ") + e.what();
    return false;
  }
  it->step = s;
  return true;
}

}  // namespace app
