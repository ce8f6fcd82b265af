// Content-free activity figures. See hub_activity.h for what they are and what they hide.
#include "server/hub_activity.h"

#include <map>
#include <sstream>
#include <unordered_map>
#include <utility>

#include "core/serialization.h"
#include "server/iso_week.h"

namespace server {

namespace {
// When a sealed visit's first versions of each kind were saved (0: none yet).
struct FirstSaves {
  std::int64_t created = 0, evidence = 0, debriefed = 0;
};

void keep_earliest(std::int64_t& at, std::int64_t saved_at_ms) {
  if (at == 0 || saved_at_ms < at) at = saved_at_ms;
}

// Sealed visits (`firsts`, none found yet) by the weeks of their first saves, from
// `first_monday` (in days) on.
std::vector<SealedWeekActivity> sealed_by_week(HubStore& hub, std::unordered_map<core::Id, FirstSaves> firsts,
                                               std::int64_t first_monday, std::int64_t this_monday) {
  using core::RecordType;
  hub.store().versions().for_each_first_save(
      {RecordType::Observation, RecordType::EvidenceNote, RecordType::Tally, RecordType::TimerSpan,
       RecordType::SeatMark, RecordType::DebriefNote, RecordType::NextStep},
      [&](core::Id visit, RecordType type, std::int64_t saved_at_ms) {
        auto found = firsts.find(visit);
        if (found == firsts.end()) return;  // a visit in clear, counted by its date
        FirstSaves& f = found->second;
        if (type == RecordType::Observation)
          keep_earliest(f.created, saved_at_ms);
        else if (type == RecordType::DebriefNote || type == RecordType::NextStep)
          keep_earliest(f.debriefed, saved_at_ms);
        else
          keep_earliest(f.evidence, saved_at_ms);
      });
  std::map<std::int64_t, SealedWeekActivity> by_monday;
  for (std::int64_t m = first_monday; m <= this_monday; m += 7) by_monday[m];
  auto count = [&](std::int64_t saved_at_ms, int SealedWeekActivity::*column) {
    if (saved_at_ms <= 0) return;
    const std::int64_t monday = monday_of(saved_at_ms / 86400000);
    if (monday >= first_monday) ++(by_monday[monday].*column);
  };
  for (const auto& entry : firsts) {
    count(entry.second.created, &SealedWeekActivity::created);
    count(entry.second.evidence, &SealedWeekActivity::evidence);
    count(entry.second.debriefed, &SealedWeekActivity::debriefed);
  }
  std::vector<SealedWeekActivity> out;
  for (auto& entry : by_monday) {
    entry.second.week = iso_week_label(entry.first);
    entry.second.monday = date_of(entry.first);
    out.push_back(entry.second);
  }
  return out;
}
}  // namespace

ActivityReport hub_activity(HubStore& hub, std::int64_t now_ms, int weeks) {
  ActivityReport r;
  const std::int64_t today = now_ms / 86400000;  // UTC day number, as iso_date prints
  const std::int64_t first_monday = monday_of(today) - 7 * std::int64_t(weeks - 1);
  std::map<std::int64_t, WeekActivity> by_monday;   // keyed by the week's Monday, so in date order
  std::unordered_map<core::Id, FirstSaves> sealed;  // sealed visits, by record id
  for (std::int64_t m = first_monday; m <= monday_of(today); m += 7) by_monday[m];
  // One row at a time (a state network's hub holds about a million observations a year), the
  // live head of each Observation record as Store::live() picks it. Only the date and the status
  // are read; the other fields (focus, class, participants) never leave this loop.
  hub.store().versions().for_each_live(core::RecordType::Observation, core::Id{}, [&](core::Version&& v) {
    if (core::is_sealed_body(v.body)) {  // end-to-end encrypted: its date and status are not the hub's to read
      sealed.emplace(v.record, FirstSaves{});
      return;
    }
    const core::RecordBody body = core::decode_body(core::RecordType::Observation, v.body);
    const auto* o = std::get_if<core::Observation>(&body);
    if (!o) return;
    auto day = day_number(o->date);
    if (!day) {
      ++r.undated_visits;
      return;
    }
    const std::int64_t monday = monday_of(*day);
    if (monday < first_monday) return;
    WeekActivity& w = by_monday[monday];
    switch (o->status) {
      case core::ObservationStatus::Cancelled:
        ++w.cancelled;
        break;
      case core::ObservationStatus::Debriefed:
        ++w.debriefed;
        [[fallthrough]];
      case core::ObservationStatus::Observed:
        ++w.observed;
        [[fallthrough]];
      case core::ObservationStatus::Planned:
        ++w.planned;
        break;
    }
  });
  for (auto& [monday, w] : by_monday) {
    w.week = iso_week_label(monday);
    w.monday = date_of(monday);
    r.weeks.push_back(w);
  }
  r.sealed_weeks = sealed_by_week(hub, std::move(sealed), first_monday, monday_of(today));
  for (const auto& d : hub.devices()) {
    if (d.revoked_at) {
      ++r.devices.revoked;
      continue;
    }
    const std::int64_t age = now_ms - d.last_seen;
    if (age <= 86400000)
      ++r.devices.last_day;
    else if (age <= 7 * std::int64_t(86400000))
      ++r.devices.last_week;
    else if (age <= 30 * std::int64_t(86400000))
      ++r.devices.last_month;
    else
      ++r.devices.longer_ago;
  }
  return r;
}

std::string shown_count(int count, int hide_below) {
  if (count > 0 && count < hide_below) return "<" + std::to_string(hide_below);
  return std::to_string(count);
}

std::string format_activity(const ActivityReport& r, int hide_below) {
  std::ostringstream out;
  out << "Visits per week of the planned lesson date (counts from 1 to " << hide_below - 1 << " show as <" << hide_below
      << "):\n";
  out << "week      starts      planned  observed  debriefed  cancelled\n";
  for (const auto& w : r.weeks) {
    char line[128];
    std::snprintf(line, sizeof line, "%-9s %-10s  %7s  %8s  %9s  %9s\n", w.week.c_str(), w.monday.c_str(),
                  shown_count(w.planned, hide_below).c_str(), shown_count(w.observed, hide_below).c_str(),
                  shown_count(w.debriefed, hide_below).c_str(), shown_count(w.cancelled, hide_below).c_str());
    out << line;
  }
  out << "visits with no valid date: " << shown_count(r.undated_visits, hide_below) << "\n";
  out << "\nSealed visits (end-to-end encrypted: their date and status are not the hub's to read), per week of\n"
         "their first saves: first saved, first evidence, first debrief note or next step:\n";
  out << "week      starts      created  evidence  debriefed\n";
  for (const auto& w : r.sealed_weeks) {
    char line[128];
    std::snprintf(line, sizeof line, "%-9s %-10s  %7s  %8s  %9s\n", w.week.c_str(), w.monday.c_str(),
                  shown_count(w.created, hide_below).c_str(), shown_count(w.evidence, hide_below).c_str(),
                  shown_count(w.debriefed, hide_below).c_str());
    out << line;
  }
  out << "\nEnrolled devices by last contact with the hub:\n"
      << "  within a day: " << r.devices.last_day << "\n"
      << "  1 to 7 days ago: " << r.devices.last_week << "\n"
      << "  7 to 30 days ago: " << r.devices.last_month << "\n"
      << "  more than 30 days ago: " << r.devices.longer_ago << "\n"
      << "  revoked: " << r.devices.revoked << "\n";
  return out.str();
}

}  // namespace server
