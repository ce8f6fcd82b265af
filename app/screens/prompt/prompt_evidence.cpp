// Evidence items, one per note and one per observer per counter, timer and seat. See prompt_evidence.h.
#include "app/screens/prompt/prompt_evidence.h"

#include <algorithm>

#include "app/screens/common/record_summary.h"
#include "core/dates.h"
#include "core/lesson/people.h"

namespace app {

std::vector<EvidenceItem> evidence_items(const core::Store& store, core::Id observation, const core::LessonData& lesson,
                                         const std::map<core::Id, std::string>& names) {
  std::vector<EvidenceItem> items;
  std::vector<std::pair<std::int64_t, EvidenceItem>> notes;
  for (const auto& [id, h] : store.live(core::RecordType::EvidenceNote, observation)) {
    const auto& n = std::get<core::EvidenceNote>(h.body);
    EvidenceItem it;
    it.kind = core::EvidenceKind::Note;
    it.key = id.hex();
    it.records = {id};
    it.lesson_ms = n.lesson_ms;
    it.note_kind = n.kind;
    it.text = n.text;
    it.author = h.version.author;
    it.author_name = core::name_or(names, h.version.author, "a co-observer");
    notes.push_back({n.lesson_ms, std::move(it)});
  }
  std::stable_sort(notes.begin(), notes.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& n : notes) items.push_back(std::move(n.second));

  const int with_data = static_cast<int>(std::count_if(lesson.observers.begin(), lesson.observers.end(),
                                                       [](const core::ObserverData& o) { return o.has_data(); }));
  const bool several = with_data > 1;
  for (const auto& o : lesson.observers) {
    if (!o.has_data()) continue;
    // The key names the observer always, so a picked item stays picked when a co-observer's data
    // arrives; the text names them only when several observers captured data.
    const std::string suffix = "@" + o.person.hex();
    auto summary = [&](core::EvidenceKind kind, const std::string& key, std::vector<core::Id> records, std::string text,
                       const char* verb) {
      EvidenceItem it;
      it.kind = kind;
      it.key = key + suffix;
      it.records = std::move(records);
      it.text = several ? text + ", " + verb + " by " + o.name : text;
      it.author = o.person;
      if (several) it.author_name = o.name;
      items.push_back(std::move(it));
    };
    for (const auto& c : o.data.counters)
      if (c.count > 0)
        summary(core::EvidenceKind::Counter, "counter:" + c.key, c.tallies, c.label + ": " + std::to_string(c.count),
                "counted");
    for (const auto& t : o.data.timers) {
      if (t.total_ms == 0) continue;
      std::string text = t.label + ": " + core::format_lesson_time(t.total_ms);
      if (t.share_percent >= 0) text += " (" + std::to_string(t.share_percent) + "% of its group)";
      summary(core::EvidenceKind::Timer, "timer:" + t.key, t.spans, text, "timed");
    }
    for (const auto& s : o.data.seats)
      if (s.marks > 0)
        summary(core::EvidenceKind::Seat, "seat:" + s.seat.key, s.mark_ids,
                s.seat.label + ": " + std::to_string(s.marks) +
                    (s.marks == 1 ? " participation mark" : " participation marks"),
                "marked");
  }
  return items;
}

}  // namespace app
