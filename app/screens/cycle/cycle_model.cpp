// The Cycle screen's model. See cycle_model.h for the guarantees.
#include "app/screens/cycle/cycle_model.h"

#include <algorithm>
#include <map>

#include "app/screens/common/people.h"
#include "app/screens/plan/plan_model.h"
#include "core/dates.h"

namespace app {

std::string short_date(const std::string& date) {
  static const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  if (!core::is_calendar_date(date)) return date;
  int month = std::stoi(date.substr(5, 2)), day = std::stoi(date.substr(8, 2));
  return std::to_string(day) + " " + kMonths[month - 1];
}

CycleModel::CycleModel(core::Store& store, core::Id me) : store_(store), me_(me) {}

bool CycleModel::load(core::Id cycle, core::Id observation) {
  cycle_id_ = core::Id{};
  cycle_ = core::Cycle{};
  visits_.clear();
  cancelled_.clear();
  observers_.clear();
  chosen_ = core::Id{};
  pending_.clear();
  counters_.clear();
  timers_.clear();
  steps_.clear();
  error_.clear();
  try {
    if (cycle.empty() && !observation.empty())
      if (auto o = store_.get(observation); o && std::holds_alternative<core::Observation>(o->body))
        cycle = std::get<core::Observation>(o->body).cycle;
    auto head = cycle.empty() ? std::nullopt : store_.get(cycle);
    if (!head || !std::holds_alternative<core::Cycle>(head->body)) {
      error_ = "This learning cycle is not on this device (it may have been deleted).";
      return false;
    }
    cycle_ = std::get<core::Cycle>(head->body);
    const auto names = person_names(store_);
    FoundVisits found = read_visits(cycle);
    take_visits(found, names);
    build_series();
    read_next_steps(names);
    cycle_id_ = cycle;
  } catch (const std::exception& e) {
    error_ = std::string("Could not read this cycle: ") + e.what();
    return false;
  }
  return true;
}

CycleModel::FoundVisits CycleModel::read_visits(core::Id cycle) {
  FoundVisits found;
  for (const auto& [id, h] : store_.live(core::RecordType::Observation)) {
    const auto& o = std::get<core::Observation>(h.body);
    if (o.cycle != cycle) continue;
    if (o.status == core::ObservationStatus::Cancelled) {
      cancelled_.push_back({id, o.date});
      continue;
    }
    CycleVisit v;
    v.id = id;
    v.date = o.date;
    v.status = o.status;
    v.follow_up = !o.follows.empty();
    for (const auto& p : o.participants)
      if (p.person == me_) {
        v.me_in = true;
        v.my_role = p.role;
      }
    found.push_back({o, std::move(v)});
  }
  std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
    if (a.second.date.empty() != b.second.date.empty()) return !a.second.date.empty();
    if (a.second.date != b.second.date) return a.second.date < b.second.date;
    return a.second.follow_up < b.second.follow_up;  // same day: the first visit before its follow-up
  });
  std::stable_sort(cancelled_.begin(), cancelled_.end(), [](const CancelledVisit& a, const CancelledVisit& b) {
    if (a.date.empty() != b.date.empty()) return !a.date.empty();
    return a.date < b.date;
  });
  return found;
}

void CycleModel::take_visits(FoundVisits& found, const std::map<core::Id, std::string>& names) {
  for (std::size_t i = 0; i < found.size(); ++i) {
    auto& [o, v] = found[i];
    v.lesson = summarize_by_observer(store_, v.id, o, names);
    v.label = v.date.empty() ? "Visit " + std::to_string(i + 1) : short_date(v.date);
    // Series rows follow the first visit that plans each key, whoever observed it.
    for (const auto& c : o.tools.counters)
      if (std::none_of(counters_.begin(), counters_.end(), [&](const CounterSeries& x) { return x.key == c.key; }))
        counters_.push_back(CounterSeries{c.key, c.label, {}});
    for (const auto& t : o.tools.timers)
      if (std::none_of(timers_.begin(), timers_.end(), [&](const TimerSeries& x) { return x.key == t.key; }))
        timers_.push_back(TimerSeries{t.key, t.label, t.exclusive_group, {}, {}});
    for (const auto& ob : v.lesson.observers) {
      if (!ob.ended || !ob.has_data()) continue;
      auto it = std::find_if(observers_.begin(), observers_.end(),
                             [&](const CycleObserver& x) { return x.person == ob.person; });
      if (it == observers_.end())
        it = observers_.insert(observers_.end(), CycleObserver{ob.person, whose_data(ob, me_), 0});
      ++it->visits;
    }
  }
  std::stable_sort(observers_.begin(), observers_.end(), [&](const CycleObserver& a, const CycleObserver& b) {
    if ((a.person == me_) != (b.person == me_)) return a.person == me_;
    return a.visits > b.visits;
  });
  if (!observers_.empty()) chosen_ = observers_.front().person;
  for (auto& f : found) visits_.push_back(std::move(f.second));
}

void CycleModel::read_next_steps(const std::map<core::Id, std::string>& names) {
  std::vector<std::pair<std::size_t, CycleStep>> steps;
  for (const auto& [id, h] : store_.live(core::RecordType::NextStep)) {
    const auto& s = std::get<core::NextStep>(h.body);
    auto v = std::find_if(visits_.begin(), visits_.end(), [&](const CycleVisit& x) { return x.id == s.observation; });
    if (v == visits_.end()) continue;
    CycleStep cs;
    cs.id = id;
    cs.step = s;
    cs.owner_name = s.owner == me_ ? std::string("You") : name_or(names, s.owner, "someone");
    cs.visit_label = v->label;
    steps.push_back({static_cast<std::size_t>(v - visits_.begin()), std::move(cs)});
  }
  std::stable_sort(steps.begin(), steps.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& s : steps) steps_.push_back(std::move(s.second));
}

void CycleModel::build_series() {
  const std::size_t n = visits_.size();
  pending_.assign(n, false);
  for (auto& c : counters_) c.counts.assign(n, -1);
  for (auto& t : timers_) {
    t.totals.assign(n, -1);
    t.shares.assign(n, -1);
  }
  for (std::size_t i = 0; i < n; ++i) {
    const ObserverData* ob = visits_[i].lesson.find(chosen_);
    // A visit not observed yet, or still being observed, has collected nothing so far, which is
    // not the same as a count of 0.
    pending_[i] = visits_[i].status == core::ObservationStatus::Planned || (ob && !ob->ended);
    if (!ob || !ob->ended || !ob->has_data()) continue;
    for (const auto& c : ob->data.counters)
      for (auto& s : counters_)
        if (s.key == c.key) s.counts[i] = c.count;
    for (const auto& t : ob->data.timers)
      for (auto& s : timers_)
        if (s.key == t.key) {
          s.totals[i] = t.total_ms;
          s.shares[i] = t.share_percent;
        }
  }
}

bool CycleModel::choose_observer(core::Id person) {
  if (std::none_of(observers_.begin(), observers_.end(), [&](const CycleObserver& o) { return o.person == person; }))
    return false;
  chosen_ = person;
  build_series();
  return true;
}

bool CycleModel::set_step_status(core::Id step, core::NextStepStatus status) {
  error_.clear();
  auto it = std::find_if(steps_.begin(), steps_.end(), [&](const CycleStep& s) { return s.id == step; });
  if (it == steps_.end()) {
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
