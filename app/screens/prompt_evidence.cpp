// Evidence items and data summaries. See prompt_evidence.h.
#include "app/screens/prompt_evidence.h"

#include <algorithm>
#include <cstdio>

#include "app/screens/observe_model.h"
#include "app/screens/record_summary.h"

namespace app {

std::string format_duration(std::int64_t ms) {
  if (ms < 0) ms = 0;
  std::int64_t s = ms / 1000;
  char buf[32];
  if (s >= 3600)
    std::snprintf(buf, sizeof buf, "%lld:%02lld:%02lld", static_cast<long long>(s / 3600), static_cast<long long>((s / 60) % 60),
                  static_cast<long long>(s % 60));
  else
    std::snprintf(buf, sizeof buf, "%lld:%02lld", static_cast<long long>(s / 60), static_cast<long long>(s % 60));
  return buf;
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
    std::stable_sort(remainders.begin(), remainders.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    for (std::size_t i = 0; used < 100 && i < remainders.size(); ++i, ++used) ++remainders[i].second->share_percent;
  }
}

DataSummary summarize(const core::Store& store, core::Id observation, const core::Observation& plan) {
  DataSummary d;
  for (const auto& c : plan.tools.counters) d.counters.push_back({c.key, c.label, 0, {}});
  for (const auto& t : plan.tools.timers) d.timers.push_back({t.key, t.label, t.exclusive_group, 0, -1, {}});
  if (plan.tools.seating.enabled) {
    d.rows = plan.tools.seating.rows;
    d.cols = plan.tools.seating.cols;
    for (const auto& s : plan.tools.seating.seats) d.seats.push_back({s, 0, {}});
  }
  for (const auto& [id, h] : store.live(core::RecordType::Tally, observation)) {
    const auto& t = std::get<core::Tally>(h.body);
    for (auto& c : d.counters)
      if (c.key == t.counter_key) {
        ++c.count;
        c.tallies.push_back(id);
      }
  }
  for (const auto& [id, h] : store.live(core::RecordType::TimerSpan, observation)) {
    const auto& s = std::get<core::TimerSpan>(h.body);
    for (auto& t : d.timers)
      if (t.key == s.timer_key) {
        if (s.end_ms >= s.start_ms) t.total_ms += s.end_ms - s.start_ms;
        t.spans.push_back(id);
      }
  }
  for (const auto& [id, h] : store.live(core::RecordType::SeatMark, observation)) {
    const auto& m = std::get<core::SeatMark>(h.body);
    for (auto& s : d.seats)
      if (s.seat.key == m.seat_key) {
        ++s.marks;
        s.mark_ids.push_back(id);
        ++d.total_marks;
        d.max_marks = std::max(d.max_marks, s.marks);
      }
  }
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
  return d;
}

std::map<core::Id, std::string> person_names(const core::Store& store) {
  std::map<core::Id, std::string> names;
  for (const auto& [id, h] : store.live(core::RecordType::Person)) names[id] = std::get<core::Person>(h.body).name;
  return names;
}

std::vector<EvidenceItem> evidence_items(const core::Store& store, core::Id observation, const DataSummary& summary,
                                         const std::map<core::Id, std::string>& names) {
  std::vector<EvidenceItem> items;
  std::vector<std::pair<std::int64_t, EvidenceItem>> notes;
  for (const auto& [id, h] : store.live(core::RecordType::EvidenceNote, observation)) {
    const auto& n = std::get<core::EvidenceNote>(h.body);
    EvidenceItem it;
    it.kind = EvidenceKind::Note;
    it.key = id.hex();
    it.records = {id};
    it.lesson_ms = n.lesson_ms;
    it.note_kind = n.kind;
    it.text = n.text;
    auto name = names.find(h.version.author);
    it.author_name = name == names.end() ? std::string("a co-observer") : name->second;
    notes.push_back({n.lesson_ms, std::move(it)});
  }
  std::stable_sort(notes.begin(), notes.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& n : notes) items.push_back(std::move(n.second));
  for (const auto& c : summary.counters) {
    if (c.count == 0) continue;
    EvidenceItem it;
    it.kind = EvidenceKind::Counter;
    it.key = "counter:" + c.key;
    it.records = c.tallies;
    it.text = c.label + ": " + std::to_string(c.count);
    items.push_back(std::move(it));
  }
  for (const auto& t : summary.timers) {
    if (t.total_ms == 0) continue;
    EvidenceItem it;
    it.kind = EvidenceKind::Timer;
    it.key = "timer:" + t.key;
    it.records = t.spans;
    it.text = t.label + ": " + format_duration(t.total_ms);
    if (t.share_percent >= 0) it.text += " (" + std::to_string(t.share_percent) + "% of its group)";
    items.push_back(std::move(it));
  }
  for (const auto& s : summary.seats) {
    if (s.marks == 0) continue;
    EvidenceItem it;
    it.kind = EvidenceKind::Seat;
    it.key = "seat:" + s.seat.key;
    it.records = s.mark_ids;
    it.text = s.seat.label + ": " + std::to_string(s.marks) + (s.marks == 1 ? " participation mark" : " participation marks");
    items.push_back(std::move(it));
  }
  return items;
}

const char* evidence_kind_label(const EvidenceItem& item) {
  switch (item.kind) {
    case EvidenceKind::Note: return note_kind_label(item.note_kind);
    case EvidenceKind::Counter: return "Count";
    case EvidenceKind::Timer: return "Timer";
    case EvidenceKind::Seat: return "Seat";
  }
  return "";
}

}  // namespace app
