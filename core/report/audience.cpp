// See audience.h.
#include "core/report/audience.h"

#include "core/dates.h"
#include "core/lesson/cycle_data.h"
#include "core/lesson/people.h"

namespace core::report {

sync::ObservationFacts observation_facts(const Store& store, Id observation) {
  std::vector<RecordHead> heads = store.heads(observation);
  std::vector<const Observation*> plans;
  for (const auto& h : heads)
    if (!h.version.tombstone && std::holds_alternative<Observation>(h.body))
      plans.push_back(&std::get<Observation>(h.body));
  return sync::facts_from_heads(plans);
}

ReadableVisit readable_visit(const Store& store, Id visit, Id reader, const std::map<Id, std::string>& names) {
  auto head = visit.empty() ? std::nullopt : store.get(visit);
  if (!head || !std::holds_alternative<Observation>(head->body))
    throw ReportError("This visit is not on this device (it may have been deleted, or not synced yet).");
  ReadableVisit out{std::get<Observation>(head->body), observation_facts(store, visit)};
  if (!out.facts.has(reader))
    throw ReportError(name_or(names, reader, "That person") +
                      " takes no part in this visit, so a copy for them would hold nothing they may see.");
  return out;
}

bool may_read(const RecordHead& head, const sync::ObservationFacts& facts, Id reader) {
  return sync::readers_of(head.version, &head.body, facts, sync::CycleFacts{}).includes(reader);
}

std::string report_date(const std::string& date) {
  if (!is_calendar_date(date)) return date;
  return short_date(date) + " " + date.substr(0, 4);
}

std::string duration_words(std::int64_t ms) {
  const std::int64_t s = ms < 0 ? 0 : (ms + 500) / 1000;
  const std::int64_t h = s / 3600, m = (s % 3600) / 60, sec = s % 60;
  if (h > 0) return std::to_string(h) + " h " + std::to_string(m) + " min";
  if (m > 0) return std::to_string(m) + " min" + (sec ? " " + std::to_string(sec) + " s" : "");
  return std::to_string(sec) + " s";
}

std::string made_for_line(const Audience& audience, const std::map<Id, std::string>& names) {
  const std::string maker = name_or(names, audience.maker, "someone");
  const std::string on = " on " + report_date(audience.made_on);
  if (audience.reader == audience.maker) return "Made by " + maker + on + " for " + maker + "'s own use.";
  const std::string reader = name_or(names, audience.reader, "a colleague");
  return "Made by " + maker + on + " for " + reader + ", with only what " + reader + " may see in peerobs.";
}

}  // namespace core::report
