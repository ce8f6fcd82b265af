// See report_parts.h.
#include "core/report/report_parts.h"

#include <algorithm>

#include "core/dates.h"
#include "core/lesson/people.h"
#include "core/lesson/words.h"
#include "core/report/audience.h"

namespace core::report {

const char* const kNotice =
    "Descriptive evidence agreed between colleagues, not an evaluation: what was seen and heard, and the "
    "questions and next steps that came from it. There is no score, rating or judgement in it.";

namespace {

// Tools this observer did not use say so in a line, not as a picture of zeros; within a picture a
// 0 stays (it is a measurement when the other bars are not).
void add_counts(const DataSummary& data, std::vector<Block>& out) {
  if (data.counters.empty()) return;
  if (std::all_of(data.counters.begin(), data.counters.end(), [](const CounterSummary& c) { return c.count == 0; })) {
    out.push_back(Paragraph{"No taps on the counters.", ParagraphStyle::Quiet});
    return;
  }
  BarChart chart{"Counts (taps)", {}, {}};
  for (const auto& c : data.counters)
    chart.groups.push_back({c.label, {Bar{static_cast<double>(c.count), std::to_string(c.count)}}});
  out.push_back(std::move(chart));
}

// One share bar per exclusive group, then every timer's total.
void add_timers(const DataSummary& data, std::vector<Block>& out) {
  if (data.timers.empty()) return;
  if (std::all_of(data.timers.begin(), data.timers.end(), [](const TimerSummary& t) { return t.spans.empty(); })) {
    out.push_back(Paragraph{"No timer was run.", ParagraphStyle::Quiet});
    return;
  }
  std::vector<std::string> groups;
  for (const auto& t : data.timers)
    if (!t.group.empty() && std::find(groups.begin(), groups.end(), t.group) == groups.end()) groups.push_back(t.group);
  for (const auto& g : groups) {
    ShareBar bar;
    for (const auto& t : data.timers) {
      if (t.group != g) continue;
      bar.caption += (bar.caption.empty() ? "" : " and ") + t.label;
      if (t.share_percent >= 0)
        bar.segments.push_back(
            {t.label, t.share_percent, std::to_string(t.share_percent) + "% \xC2\xB7 " + duration_words(t.total_ms)});
    }
    bar.caption = "Share of the time: " + bar.caption;
    if (!bar.segments.empty()) out.push_back(std::move(bar));
  }
  BarChart chart{"Time on each timer (minutes)", {}, {}};
  for (const auto& t : data.timers)
    chart.groups.push_back(
        {t.label,
         {t.spans.empty() ? Bar{-1, "not timed"}
                          : Bar{static_cast<double>(t.total_ms) / 60000.0, duration_words(t.total_ms)}}});
  out.push_back(std::move(chart));
}

void add_seats(const DataSummary& data, std::vector<Block>& out) {
  if (data.seats.empty()) return;
  if (data.total_marks == 0) {
    out.push_back(Paragraph{"No marks on the seating chart.", ParagraphStyle::Quiet});
    return;
  }
  SeatMap map;
  map.caption = "Participation on the seating chart: " + std::to_string(data.total_marks) +
                (data.total_marks == 1 ? " mark" : " marks");
  map.rows = data.rows;
  map.cols = data.cols;
  map.max_marks = data.max_marks;
  for (const auto& s : data.seats) map.seats.push_back({s.seat.label, s.seat.row, s.seat.col, s.marks});
  out.push_back(std::move(map));
}

}  // namespace

void add_observer_evidence(const ObserverData& observer, bool with_timeline, std::vector<Block>& out) {
  add_counts(observer.data, out);
  add_timers(observer.data, out);
  add_seats(observer.data, out);
  if (!with_timeline) return;
  // The notes in lesson order; taps, timer spans and seat marks are in the pictures above (and
  // each with its time in the CSV), so the summary stays a few pages for a full lesson.
  Table table{{"Time", "Kind", "Note"}, {0.12, 0.14, 0.74}, {}};
  for (const auto& item : observer.timeline)
    if (item.kind == EvidenceKind::Note)
      table.rows.push_back(
          {format_lesson_time(item.lesson_ms), evidence_kind_label(item.kind, item.note_kind), item.text});
  if (table.rows.empty()) {
    out.push_back(Paragraph{"No notes were written.", ParagraphStyle::Quiet});
    return;
  }
  out.push_back(Paragraph{"Notes in lesson order", ParagraphStyle::Body});
  out.push_back(std::move(table));
}

Item next_step_item(const NextStep& step, const std::map<Id, std::string>& names) {
  Item item{step.text, {}};
  item.details.push_back({"Owner", name_or(names, step.owner, "someone")});
  if (!step.support.empty()) item.details.push_back({"Support", step.support});
  if (!step.follow_up_date.empty()) item.details.push_back({"Follow-up data on", report_date(step.follow_up_date)});
  item.details.push_back({"Status", next_step_status_label(step.status)});
  return item;
}

std::string names_in_role(const Observation& plan, Role role, const std::map<Id, std::string>& names) {
  std::string out;
  for (const auto& p : plan.participants)
    if (p.role == role) out += (out.empty() ? "" : ", ") + name_or(names, p.person, "someone");
  return out;
}

}  // namespace core::report
