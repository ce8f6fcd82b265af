// `peerobs-hub activity`: content-free figures a program lead can show to say the program runs.
// Per ISO week of the planned lesson date: how many visits were planned, took place (observed)
// and were debriefed, from the newest Observation version the hub holds; and how recently the
// enrolled devices were in contact. Never any text a teacher wrote, never a name: the only
// inputs are each observation's date and status and each device's timestamps.
//
// A sealed visit (docs/encryption.md) keeps its date and status as ciphertext, so sealed visits
// are counted apart, per ISO week of their save times, which every version carries in clear: the
// week a visit was first saved, the week its first evidence was saved, the week its first debrief
// note or next step was saved.
//
// Small numbers identify people (one visit in a week, in a school of three, says who), so
// every visit count from 1 to hide_below - 1 is printed as "<hide_below". No totals, and no
// count of the visits before the weeks shown: a total minus the weeks shown, or that count for
// two window lengths, would give a hidden count back. docs/privacy.md says the rest.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "server/hub_store.h"

namespace server {

struct WeekActivity {
  std::string week;    // "2026-W05"
  std::string monday;  // "2026-01-26", the week's first day
  int planned = 0;     // visits dated in this week, not cancelled (whatever happened since)
  int observed = 0;    // of those, observed or debriefed
  int debriefed = 0;   // of those, debriefed
  int cancelled = 0;   // visits dated in this week and cancelled
};

struct SealedWeekActivity {
  std::string week;    // "2026-W05"
  std::string monday;  // "2026-01-26", the week's first day
  int created = 0;     // sealed visits first saved in this week
  int evidence = 0;    // sealed visits whose first note, tally, timer or seat mark was saved in this week
  int debriefed = 0;   // sealed visits whose first debrief note or next step was saved in this week
};

struct DeviceActivity {
  int last_day = 0;    // enrolled devices last in contact within 24 hours (enrolling counts)
  int last_week = 0;   // ... 1 to 7 days ago
  int last_month = 0;  // ... 7 to 30 days ago
  int longer_ago = 0;  // ... more than 30 days ago
  int revoked = 0;     // devices revoked (by revoke or deactivate)
};

struct ActivityReport {
  std::vector<WeekActivity> weeks;  // oldest first: `weeks` weeks up to now, then later weeks with visits
  int undated_visits = 0;           // visits whose date is missing or not a calendar date
  // Visits whose newest body is sealed, by the weeks of their saves: `weeks` weeks up to now, then
  // any later week a device's clock put a save in. Not counted in `weeks` or `undated_visits`.
  std::vector<SealedWeekActivity> sealed_weeks;
  DeviceActivity devices;
};

// `weeks`: how many weeks up to the current one to show (the current week counts).
ActivityReport hub_activity(HubStore& hub, std::int64_t now_ms, int weeks);

// A count as printed: 0, "<hide_below" for 1 .. hide_below - 1, else the number.
std::string shown_count(int count, int hide_below);

// The report as the admin reads it; `hide_below` as in shown_count.
std::string format_activity(const ActivityReport& report, int hide_below);

}  // namespace server
