// The cycle report. See cycle_report.h.
#include "core/report/cycle_report.h"

#include <algorithm>

#include "core/lesson/people.h"
#include "core/lesson/words.h"
#include "core/report/report_parts.h"

namespace core::report {

CycleData readable_cycle(const Store& store, Id cycle, Id reader) {
  // Read with no "me": labels name everyone ("Ana Lopes (observer)"), never "Your taps".
  auto read = read_cycle(store, cycle, Id{});
  if (!read) throw ReportError("This learning cycle is not on this device (it may have been deleted).");
  CycleData data = std::move(*read);
  std::vector<Id> kept;
  data.visits.erase(std::remove_if(data.visits.begin(), data.visits.end(),
                                   [&](const CycleVisit& v) { return !observation_facts(store, v.id).has(reader); }),
                    data.visits.end());
  for (const auto& v : data.visits) kept.push_back(v.id);
  if (kept.empty())
    throw ReportError(name_or(person_names(store), reader, "That person") +
                      " takes part in no visit of this cycle, so a copy for them would hold nothing they may see.");
  auto in_kept = [&](Id visit) { return std::find(kept.begin(), kept.end(), visit) != kept.end(); };
  data.steps.erase(std::remove_if(data.steps.begin(), data.steps.end(),
                                  [&](const CycleStep& s) { return !in_kept(s.step.observation); }),
                   data.steps.end());
  data.observers.erase(std::remove_if(data.observers.begin(), data.observers.end(),
                                      [&](const CycleObserver& o) {
                                        return std::none_of(
                                            data.visits.begin(), data.visits.end(),
                                            [&](const CycleVisit& v) { return v.lesson.find(o.person); });
                                      }),
                       data.observers.end());
  return data;
}

namespace {

// What a bar says for a visit with no value: not observed yet, or not collected by this observer.
Bar missing_bar(const CycleSeries& series, std::size_t visit) {
  return Bar{-1, series.pending[visit] ? "not yet" : "not collected"};
}

void add_counter_chart(const CycleData& data, const CycleSeries& series, const std::vector<std::string>& legend,
                       std::vector<Block>& out) {
  if (series.counters.empty()) return;
  BarChart chart{"Counts (taps), visit by visit", legend, {}};
  for (const auto& c : series.counters) {
    BarGroup group{c.label, {}};
    for (std::size_t i = 0; i < data.visits.size(); ++i)
      group.bars.push_back(c.counts[i] < 0 ? missing_bar(series, i)
                                           : Bar{static_cast<double>(c.counts[i]), std::to_string(c.counts[i])});
    chart.groups.push_back(std::move(group));
  }
  out.push_back(std::move(chart));
}

void add_timer_charts(const CycleData& data, const CycleSeries& series, const std::vector<std::string>& legend,
                      std::vector<Block>& out) {
  if (series.timers.empty()) return;
  std::vector<std::string> groups;
  for (const auto& t : series.timers)
    if (!t.group.empty() && std::find(groups.begin(), groups.end(), t.group) == groups.end()) groups.push_back(t.group);
  for (const auto& g : groups)
    for (std::size_t i = 0; i < data.visits.size(); ++i) {
      ShareBar bar{"", {}};
      std::string names;
      for (const auto& t : series.timers) {
        if (t.group != g) continue;
        names += (names.empty() ? "" : " and ") + t.label;
        if (t.shares[i] >= 0)
          bar.segments.push_back(
              {t.label, t.shares[i], std::to_string(t.shares[i]) + "% \xC2\xB7 " + duration_words(t.totals[i])});
      }
      bar.caption = data.visits[i].label + ": " + names;
      if (!bar.segments.empty()) out.push_back(std::move(bar));
    }
  BarChart chart{"Time on each timer (minutes), visit by visit", legend, {}};
  for (const auto& t : series.timers) {
    BarGroup group{t.label, {}};
    for (std::size_t i = 0; i < data.visits.size(); ++i)
      group.bars.push_back(t.totals[i] < 0
                               ? missing_bar(series, i)
                               : Bar{static_cast<double>(t.totals[i]) / 60000.0, duration_words(t.totals[i])});
    chart.groups.push_back(std::move(group));
  }
  out.push_back(std::move(chart));
}

void add_visits_table(const CycleData& data, Document& doc) {
  doc.blocks.push_back(Heading{"Visits"});
  Table table{{"Date", "Status", "Observed by"}, {0.22, 0.18, 0.60}, {}};
  for (const auto& v : data.visits) {
    std::string by;
    for (const auto& o : v.lesson.observers) by += (by.empty() ? "" : ", ") + observer_label(o);
    table.rows.push_back({v.date.empty() ? v.label : report_date(v.date),
                          std::string(observation_status_label(v.status)) + (v.follow_up ? " (follow-up)" : ""),
                          by.empty() ? "nothing captured yet" : by});
  }
  doc.blocks.push_back(std::move(table));
  for (const auto& c : data.cancelled)
    doc.blocks.push_back(Paragraph{"A visit planned for " +
                                       (c.date.empty() ? std::string("an open date") : report_date(c.date)) +
                                       " was cancelled.",
                                   ParagraphStyle::Quiet});
}

}  // namespace

Document cycle_report(const Store& store, Id cycle, const Audience& audience) {
  const CycleData data = readable_cycle(store, cycle, audience.reader);
  const auto names = person_names(store);
  Document doc;
  doc.title = "Cycle report: " + (data.info.title.empty() ? std::string("a learning cycle") : data.info.title);
  doc.notice = kNotice;
  doc.made_for = made_for_line(audience, names);
  doc.blocks.push_back(FactTable{{{"Observed teacher", name_or(names, data.info.observed_teacher, "someone")},
                                  {"Visits", std::to_string(data.visits.size())}}});
  doc.blocks.push_back(Heading{"The teacher's focus"});
  doc.blocks.push_back(data.info.focus_question.empty()
                           ? Paragraph{"No focus question was written.", ParagraphStyle::Quiet}
                           : Paragraph{data.info.focus_question, ParagraphStyle::Lead});
  add_visits_table(data, doc);

  doc.blocks.push_back(Heading{"The same data, visit by visit"});
  std::vector<std::string> legend;
  for (const auto& v : data.visits) legend.push_back(v.label);
  if (data.observers.empty())
    doc.blocks.push_back(Paragraph{"No visit has data to compare yet.", ParagraphStyle::Quiet});
  if (data.observers.size() > 1)
    doc.blocks.push_back(
        Paragraph{"Each observer's data is shown on its own: two measurements of one lesson are "
                  "never added together.",
                  ParagraphStyle::Quiet});
  for (const auto& o : data.observers) {
    const CycleSeries series = series_of(data, o.person);
    doc.blocks.push_back(Subheading{"Captured by " + o.label});
    add_counter_chart(data, series, legend, doc.blocks);
    add_timer_charts(data, series, legend, doc.blocks);
  }

  doc.blocks.push_back(Heading{"Next steps"});
  ItemList steps;
  for (const auto& s : data.steps) {
    Item item = next_step_item(s.step, names);
    item.details.insert(item.details.begin(), {"Agreed at the visit of", s.visit_label});
    steps.items.push_back(std::move(item));
  }
  if (steps.items.empty())
    doc.blocks.push_back(Paragraph{"No next steps agreed yet.", ParagraphStyle::Quiet});
  else
    doc.blocks.push_back(std::move(steps));
  return doc;
}

}  // namespace core::report
