// One learning cycle as data. See cycle_data.h for the guarantees.
#include "core/lesson/cycle_data.h"

#include <algorithm>

#include "core/dates.h"
#include "core/lesson/people.h"

namespace core {

std::string short_date(const std::string& date) {
  static const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  if (!is_calendar_date(date)) return date;
  int month = std::stoi(date.substr(5, 2)), day = std::stoi(date.substr(8, 2));
  return std::to_string(day) + " " + kMonths[month - 1];
}

namespace {

using FoundVisits = std::vector<std::pair<Observation, CycleVisit>>;

// The cycle's visits in date order, cancelled ones aside.
FoundVisits read_visits(const Store& store, CycleData& data, Id me) {
  FoundVisits found;
  for (const auto& [id, h] : store.live(RecordType::Observation)) {
    const auto& o = std::get<Observation>(h.body);
    if (o.cycle != data.id) continue;
    if (o.status == ObservationStatus::Cancelled) {
      data.cancelled.push_back({id, o.date});
      continue;
    }
    CycleVisit v;
    v.id = id;
    v.date = o.date;
    v.status = o.status;
    v.follow_up = !o.follows.empty();
    for (const auto& p : o.participants)
      if (p.person == me) {
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
  std::stable_sort(data.cancelled.begin(), data.cancelled.end(), [](const CancelledVisit& a, const CancelledVisit& b) {
    if (a.date.empty() != b.date.empty()) return !a.date.empty();
    return a.date < b.date;
  });
  return found;
}

// Each visit's data per observer, with the series rows and the observers it adds.
void take_visits(const Store& store, FoundVisits& found, const std::map<Id, std::string>& names, Id me,
                 CycleData& data) {
  for (std::size_t i = 0; i < found.size(); ++i) {
    auto& [o, v] = found[i];
    v.lesson = summarize_by_observer(store, v.id, o, names);
    v.label = v.date.empty() ? "Visit " + std::to_string(i + 1) : short_date(v.date);
    // Series rows follow the first visit that plans each key, whoever observed it.
    for (const auto& c : o.tools.counters)
      if (std::none_of(data.counter_rows.begin(), data.counter_rows.end(),
                       [&](const CounterSeries& x) { return x.key == c.key; }))
        data.counter_rows.push_back(CounterSeries{c.key, c.label, {}});
    for (const auto& t : o.tools.timers)
      if (std::none_of(data.timer_rows.begin(), data.timer_rows.end(),
                       [&](const TimerSeries& x) { return x.key == t.key; }))
        data.timer_rows.push_back(TimerSeries{t.key, t.label, t.exclusive_group, {}, {}});
    for (const auto& ob : v.lesson.observers) {
      if (!ob.ended || !ob.has_data()) continue;
      auto it = std::find_if(data.observers.begin(), data.observers.end(),
                             [&](const CycleObserver& x) { return x.person == ob.person; });
      if (it == data.observers.end())
        it = data.observers.insert(data.observers.end(), CycleObserver{ob.person, whose_data(ob, me), 0});
      ++it->visits;
    }
  }
  std::stable_sort(data.observers.begin(), data.observers.end(), [&](const CycleObserver& a, const CycleObserver& b) {
    if ((a.person == me) != (b.person == me)) return a.person == me;
    return a.visits > b.visits;
  });
  for (auto& f : found) data.visits.push_back(std::move(f.second));
}

// The next steps agreed in the cycle's visits, in visit order.
void read_next_steps(const Store& store, const std::map<Id, std::string>& names, Id me, CycleData& data) {
  std::vector<std::pair<std::size_t, CycleStep>> steps;
  for (const auto& [id, h] : store.live(RecordType::NextStep)) {
    const auto& s = std::get<NextStep>(h.body);
    auto v = std::find_if(data.visits.begin(), data.visits.end(),
                          [&](const CycleVisit& x) { return x.id == s.observation; });
    if (v == data.visits.end()) continue;
    CycleStep cs;
    cs.id = id;
    cs.step = s;
    cs.owner_name = s.owner == me ? std::string("You") : name_or(names, s.owner, "someone");
    cs.visit_label = v->label;
    steps.push_back({static_cast<std::size_t>(v - data.visits.begin()), std::move(cs)});
  }
  std::stable_sort(steps.begin(), steps.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& s : steps) data.steps.push_back(std::move(s.second));
}

}  // namespace

std::optional<CycleData> read_cycle(const Store& store, Id cycle, Id me) {
  auto head = cycle.empty() ? std::nullopt : store.get(cycle);
  if (!head || !std::holds_alternative<Cycle>(head->body)) return std::nullopt;
  CycleData data;
  data.id = cycle;
  data.info = std::get<Cycle>(head->body);
  const auto names = person_names(store);
  FoundVisits found = read_visits(store, data, me);
  take_visits(store, found, names, me, data);
  read_next_steps(store, names, me, data);
  return data;
}

CycleSeries series_of(const CycleData& data, Id observer) {
  const std::size_t n = data.visits.size();
  CycleSeries out;
  out.observer = observer;
  out.pending.assign(n, false);
  out.counters = data.counter_rows;
  out.timers = data.timer_rows;
  for (auto& c : out.counters) c.counts.assign(n, -1);
  for (auto& t : out.timers) {
    t.totals.assign(n, -1);
    t.shares.assign(n, -1);
  }
  for (std::size_t i = 0; i < n; ++i) {
    const ObserverData* ob = data.visits[i].lesson.find(observer);
    // A visit not observed yet, or still being observed, has collected nothing so far, which is
    // not the same as a count of 0.
    out.pending[i] = data.visits[i].status == ObservationStatus::Planned || (ob && !ob->ended);
    if (!ob || !ob->ended || !ob->has_data()) continue;
    for (const auto& c : ob->data.counters)
      for (auto& s : out.counters)
        if (s.key == c.key) s.counts[i] = c.count;
    for (const auto& t : ob->data.timers)
      for (auto& s : out.timers)
        if (s.key == t.key) {
          s.totals[i] = t.total_ms;
          s.shares[i] = t.share_percent;
        }
  }
  return out;
}

}  // namespace core
