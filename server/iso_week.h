// Calendar arithmetic for the hub's activity figures: dates as day numbers, and the ISO 8601
// week a day falls in ("2026-W05": weeks start on Monday; week 1 holds the year's first
// Thursday). Pure functions on the proleptic Gregorian calendar, no time zones involved.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

namespace server {

// Days since 1970-01-01 of a "YYYY-MM-DD" date; nullopt when it is not a real calendar date
// ("2026-02-31", "2026-2-3", "").
std::optional<std::int64_t> day_number(const std::string& date);
std::int64_t monday_of(std::int64_t day);      // the Monday of the ISO week holding `day`
std::string iso_week_label(std::int64_t day);  // e.g. "2026-W05"; 2027-01-01 is "2026-W53"
std::string date_of(std::int64_t day);         // "YYYY-MM-DD"

}  // namespace server
