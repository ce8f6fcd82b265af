// Each observer's data of one lesson. See lesson_data.h.
#include "core/lesson/lesson_data.h"

#include <algorithm>
#include <cstdio>

#include "core/lesson/words.h"

namespace core {

bool ObserverData::has_data() const {
  for (const auto& c : data.counters)
    if (c.count > 0) return true;
  for (const auto& t : data.timers)
    if (!t.spans.empty()) return true;
  return data.total_marks > 0;
}

const ObserverData* LessonData::find(core::Id person) const {
  for (const auto& o : observers)
    if (o.person == person) return &o;
  return nullptr;
}

int LessonData::ended_count() const {
  return static_cast<int>(
      std::count_if(observers.begin(), observers.end(), [](const ObserverData& o) { return o.ended; }));
}

namespace {
std::vector<const ObserverData*> observers_with(const std::vector<ObserverData>& observers, bool ended) {
  std::vector<const ObserverData*> out;
  for (const auto& o : observers)
    if (o.ended == ended) out.push_back(&o);
  return out;
}
}  // namespace

std::vector<const ObserverData*> LessonData::ended_observers() const { return observers_with(observers, true); }
std::vector<const ObserverData*> LessonData::still_observing() const { return observers_with(observers, false); }

const char* evidence_kind_label(EvidenceKind kind, core::NoteKind note_kind) {
  switch (kind) {
    case EvidenceKind::Note:
      return note_kind_label(note_kind);
    case EvidenceKind::Counter:
      return "Count";
    case EvidenceKind::Timer:
      return "Timer";
    case EvidenceKind::Seat:
      return "Seat";
  }
  return "";
}

void compute_group_shares(std::vector<TimerSummary>& timers) {
  std::map<std::string, std::vector<TimerSummary*>> groups;
  for (auto& t : timers) {
    t.share_percent = -1;
    if (!t.group.empty()) groups[t.group].push_back(&t);
  }
  for (auto& [group, members] : groups) {
    std::int64_t total = 0;
    for (auto* t : members) total += t->total_ms;
    if (total <= 0) continue;
    // Largest remainder, so the shares of a group always add up to 100.
    int used = 0;
    std::vector<std::pair<std::int64_t, TimerSummary*>> remainders;
    for (auto* t : members) {
      std::int64_t scaled = t->total_ms * 100;
      t->share_percent = static_cast<int>(scaled / total);
      used += t->share_percent;
      remainders.push_back({scaled % total, t});
    }
    std::stable_sort(remainders.begin(), remainders.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    for (std::size_t i = 0; used < 100 && i < remainders.size(); ++i, ++used) ++remainders[i].second->share_percent;
  }
}

DataSummary empty_summary(const core::Observation& plan) {
  DataSummary d;
  for (const auto& c : plan.tools.counters) d.counters.push_back({c.key, c.label, 0, {}});
  for (const auto& t : plan.tools.timers) d.timers.push_back({t.key, t.label, t.exclusive_group, 0, -1, {}});
  if (plan.tools.seating.enabled) {
    d.rows = plan.tools.seating.rows;
    d.cols = plan.tools.seating.cols;
    for (const auto& s : plan.tools.seating.seats) d.seats.push_back({s, 0, {}});
  }
  return d;
}

namespace {

void finish_summary(DataSummary& d) {
  compute_group_shares(d.timers);
  std::vector<std::string> seen;
  for (const auto& t : d.timers) {
    if (t.group.empty() || std::find(seen.begin(), seen.end(), t.group) != seen.end()) continue;
    seen.push_back(t.group);
    std::string line;
    for (const auto& u : d.timers) {
      if (u.group != t.group || u.share_percent < 0) continue;
      line += (line.empty() ? "" : " \xC2\xB7 ") + u.label + " " + std::to_string(u.share_percent) + "%";
    }
    if (!line.empty()) d.group_lines.push_back(line);
  }
}

// Teacher leaders first, then coaches, then people the plan does not list as observers.
int observer_rank(const ObserverData& o) {
  if (!o.in_plan) return 3;
  switch (o.role) {
    case core::Role::TeacherLeader:
      return 0;
    case core::Role::Coach:
      return 1;
    case core::Role::ObservedTeacher:
      return 2;
  }
  return 3;
}

struct Builder {
  const core::Observation& plan;
  const std::map<core::Id, std::string>& names;
  std::map<core::Id, ObserverData> by_person;
  std::map<core::Id, std::pair<int, int>> clocks;  // person -> (clocks, ended clocks)

  ObserverData& of(core::Id person) {
    auto it = by_person.find(person);
    if (it != by_person.end()) return it->second;
    ObserverData o;
    o.person = person;
    auto n = names.find(person);
    o.name = n == names.end() ? std::string("a co-observer") : n->second;
    for (const auto& p : plan.participants)
      if (p.person == person && (!o.in_plan || p.role != core::Role::ObservedTeacher)) {
        o.in_plan = true;
        o.role = p.role;  // someone listed twice observes under their observing role
      }
    o.data = empty_summary(plan);
    return by_person.emplace(person, std::move(o)).first->second;
  }
};

}  // namespace

LessonData summarize_by_observer(const core::Store& store, core::Id observation, const core::Observation& plan,
                                 const std::map<core::Id, std::string>& names) {
  Builder b{plan, names, {}, {}};
  for (const auto& [id, h] : store.live(core::RecordType::LessonClock, observation)) {
    const auto& c = std::get<core::LessonClock>(h.body);
    b.of(h.version.author);
    auto& n = b.clocks[h.version.author];
    ++n.first;
    if (c.ended && !c.running) ++n.second;
  }
  for (const auto& [id, h] : store.live(core::RecordType::EvidenceNote, observation)) {
    const auto& n = std::get<core::EvidenceNote>(h.body);
    ObserverData& o = b.of(h.version.author);
    o.timeline.push_back({EvidenceKind::Note, id, n.lesson_ms, -1, n.kind, n.text, "", n.look_for_tags});
    ++o.notes;
  }
  for (const auto& [id, h] : store.live(core::RecordType::Tally, observation)) {
    const auto& t = std::get<core::Tally>(h.body);
    ObserverData& o = b.of(h.version.author);
    auto c = std::find_if(o.data.counters.begin(), o.data.counters.end(),
                          [&](const CounterSummary& x) { return x.key == t.counter_key; });
    if (c == o.data.counters.end()) continue;  // a counter no longer in the plan
    ++c->count;
    c->tallies.push_back(id);
    o.timeline.push_back({EvidenceKind::Counter, id, t.lesson_ms, -1, core::NoteKind::Noticing, c->label, c->key, {}});
  }
  for (const auto& [id, h] : store.live(core::RecordType::TimerSpan, observation)) {
    const auto& s = std::get<core::TimerSpan>(h.body);
    ObserverData& o = b.of(h.version.author);
    auto t = std::find_if(o.data.timers.begin(), o.data.timers.end(),
                          [&](const TimerSummary& x) { return x.key == s.timer_key; });
    if (t == o.data.timers.end()) continue;
    if (s.end_ms >= s.start_ms) t->total_ms += s.end_ms - s.start_ms;
    t->spans.push_back(id);
    o.timeline.push_back(
        {EvidenceKind::Timer, id, s.start_ms, s.end_ms, core::NoteKind::Noticing, t->label, t->key, {}});
  }
  for (const auto& [id, h] : store.live(core::RecordType::SeatMark, observation)) {
    const auto& m = std::get<core::SeatMark>(h.body);
    ObserverData& o = b.of(h.version.author);
    auto s = std::find_if(o.data.seats.begin(), o.data.seats.end(),
                          [&](const SeatSummary& x) { return x.seat.key == m.seat_key; });
    if (s == o.data.seats.end()) continue;
    ++s->marks;
    s->mark_ids.push_back(id);
    ++o.data.total_marks;
    o.data.max_marks = std::max(o.data.max_marks, s->marks);
    o.timeline.push_back(
        {EvidenceKind::Seat, id, m.lesson_ms, -1, core::NoteKind::Noticing, s->seat.label, s->seat.key, {}});
  }

  const bool lesson_over =
      plan.status == core::ObservationStatus::Observed || plan.status == core::ObservationStatus::Debriefed;
  LessonData out;
  for (auto& [person, o] : b.by_person) {
    auto c = b.clocks.find(person);
    o.ended = c == b.clocks.end() ? lesson_over : c->second.first == c->second.second;
    finish_summary(o.data);
    std::stable_sort(o.timeline.begin(), o.timeline.end(),
                     [](const CapturedItem& x, const CapturedItem& y) { return x.lesson_ms < y.lesson_ms; });
    out.observers.push_back(std::move(o));
  }
  // Plan order within a role, so the same visit always lists its observers the same way.
  auto plan_index = [&](core::Id person) {
    for (std::size_t i = 0; i < plan.participants.size(); ++i)
      if (plan.participants[i].person == person) return i;
    return plan.participants.size();
  };
  std::stable_sort(out.observers.begin(), out.observers.end(), [&](const ObserverData& x, const ObserverData& y) {
    if (observer_rank(x) != observer_rank(y)) return observer_rank(x) < observer_rank(y);
    if (plan_index(x.person) != plan_index(y.person)) return plan_index(x.person) < plan_index(y.person);
    return x.name < y.name;
  });
  return out;
}

std::string observer_label(const ObserverData& o) {
  if (!o.in_plan) return o.name;
  return o.name + " (" + role_word(o.role) + ")";
}

std::string whose_data(const ObserverData& o, core::Id me) {
  return o.person == me ? std::string("Your taps") : observer_label(o);
}

std::string still_observing_line(const ObserverData& o, core::Id me) {
  if (o.person == me)
    return "You have not ended this lesson yet. What you captured shows here once you end it on Observe.";
  return observer_label(o) + " is still observing. What they capture shows here once they end the lesson.";
}

}  // namespace core
