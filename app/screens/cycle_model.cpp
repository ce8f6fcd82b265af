// The Cycle screen's model. See cycle_model.h for the guarantees.
#include "app/screens/cycle_model.h"

#include <algorithm>
#include <map>

#include "app/screens/plan_model.h"

namespace app {

std::string short_date(const std::string& date) {
  static const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  if (!valid_date(date)) return date;
  int month = std::stoi(date.substr(5, 2)), day = std::stoi(date.substr(8, 2));
  return std::to_string(day) + " " + kMonths[month - 1];
}

CycleModel::CycleModel(core::Store& store, core::Id me) : store_(store), me_(me) {}

bool CycleModel::load(core::Id cycle, core::Id observation) {
  cycle_id_ = core::Id{};
  cycle_ = core::Cycle{};
  visits_.clear();
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
    auto names = person_names(store_);
    std::vector<std::pair<core::Observation, CycleVisit>> found;
    for (const auto& [id, h] : store_.live(core::RecordType::Observation)) {
      const auto& o = std::get<core::Observation>(h.body);
      if (o.cycle != cycle || o.status == core::ObservationStatus::Cancelled) continue;
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
    const std::size_t n = found.size();
    std::map<core::Id, std::string> visit_labels;
    for (std::size_t i = 0; i < n; ++i) {
      auto& [o, v] = found[i];
      v.summary = summarize(store_, v.id, o);
      v.label = v.date.empty() ? "Visit " + std::to_string(i + 1) : short_date(v.date);
      visit_labels[v.id] = v.label;
      // Series rows follow the first visit that plans each key; a visit not observed yet has
      // collected nothing, which is not the same as a count of 0.
      const bool collected = v.status != core::ObservationStatus::Planned;
      for (const auto& c : v.summary.counters) {
        auto s = std::find_if(counters_.begin(), counters_.end(), [&](const CounterSeries& x) { return x.key == c.key; });
        if (s == counters_.end()) s = counters_.insert(counters_.end(), CounterSeries{c.key, c.label, std::vector<int>(n, -1)});
        if (collected) s->counts[i] = c.count;
      }
      for (const auto& t : v.summary.timers) {
        auto s = std::find_if(timers_.begin(), timers_.end(), [&](const TimerSeries& x) { return x.key == t.key; });
        if (s == timers_.end())
          s = timers_.insert(timers_.end(), TimerSeries{t.key, t.label, t.group, std::vector<std::int64_t>(n, -1), std::vector<int>(n, -1)});
        if (collected) {
          s->totals[i] = t.total_ms;
          s->shares[i] = t.share_percent;
        }
      }
    }
    for (auto& f : found) visits_.push_back(std::move(f.second));

    std::vector<std::pair<std::size_t, CycleStep>> steps;
    for (const auto& [id, h] : store_.live(core::RecordType::NextStep)) {
      const auto& s = std::get<core::NextStep>(h.body);
      auto v = std::find_if(visits_.begin(), visits_.end(), [&](const CycleVisit& x) { return x.id == s.observation; });
      if (v == visits_.end()) continue;
      CycleStep cs;
      cs.id = id;
      cs.step = s;
      cs.owner_name = s.owner == me_ ? std::string("You") : names.count(s.owner) ? names[s.owner] : std::string("someone");
      cs.visit_label = visit_labels[s.observation];
      steps.push_back({static_cast<std::size_t>(v - visits_.begin()), std::move(cs)});
    }
    std::stable_sort(steps.begin(), steps.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (auto& s : steps) steps_.push_back(std::move(s.second));
    cycle_id_ = cycle;
  } catch (const std::exception& e) {
    error_ = std::string("Could not read this cycle: ") + e.what();
    return false;
  }
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
