// Dates and times as people type them in plans, reschedules and next steps: "YYYY-MM-DD" on the
// real calendar (month lengths, leap years) and "HH:MM" on the 24-hour clock. Every place where a
// date or a time is typed checks it here, so a date one screen accepts is never refused by
// another, and every refusal is worded the same way. Dates stay text: ISO order is date order.
#pragma once
#include <cstdint>
#include <string>

namespace core {

// "2028-02-29" yes, "2026-02-31" no, "2026-2-3" no (always four, two and two digits).
bool is_calendar_date(const std::string& text);
// "09:05" and "23:59" yes, "9:05" and "24:00" no.
bool is_clock_time(const std::string& text);

// "" when `text` is a calendar date, else one sentence saying why not and how to write it,
// e.g. "2026-02-31" is not a date: February 2026 has 28 days.
std::string date_problem(const std::string& text);
// "" when `text` is a clock time, else one sentence saying how to write it.
std::string time_problem(const std::string& text);

// A time into the lesson or a duration as a clock shows it: "4:05", "28:00", "1:02:09".
std::string format_lesson_time(std::int64_t ms);

// The calendar date on this device's clock at `ms_since_epoch`, "YYYY-MM-DD".
std::string local_date(std::int64_t ms_since_epoch);

}  // namespace core
