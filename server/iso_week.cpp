// ISO weeks from day numbers. See iso_week.h. The conversions are Howard Hinnant's
// days_from_civil / civil_from_days, exact over the whole proleptic Gregorian calendar.
#include "server/iso_week.h"

#include <cstdio>

namespace server {

namespace {
struct Civil {
  std::int64_t year;
  int month;
  int day;
};

std::int64_t days_from_civil(std::int64_t y, int m, int d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const std::int64_t yoe = y - era * 400;
  const std::int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Civil civil_from_days(std::int64_t z) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const std::int64_t doe = z - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return {yoe + era * 400 + (m <= 2), m, d};
}

bool digits(const std::string& s, std::size_t from, std::size_t count) {
  for (std::size_t i = from; i < from + count; ++i)
    if (s[i] < '0' || s[i] > '9') return false;
  return true;
}
}  // namespace

std::optional<std::int64_t> day_number(const std::string& date) {
  if (date.size() != 10 || date[4] != '-' || date[7] != '-' || !digits(date, 0, 4) || !digits(date, 5, 2) ||
      !digits(date, 8, 2))
    return std::nullopt;
  const std::int64_t y = std::stoll(date.substr(0, 4));  // digits checked above: cannot throw
  const int m = std::stoi(date.substr(5, 2));
  const int d = std::stoi(date.substr(8, 2));
  if (m < 1 || m > 12 || d < 1) return std::nullopt;
  const std::int64_t day = days_from_civil(y, m, d);
  const Civil back = civil_from_days(day);  // 02-31 comes back as 03-03: not a real date
  if (back.year != y || back.month != m || back.day != d) return std::nullopt;
  return day;
}

std::int64_t monday_of(std::int64_t day) {
  const std::int64_t weekday = ((day % 7) + 7 + 3) % 7;  // 1970-01-01 was a Thursday; Monday = 0
  return day - weekday;
}

std::string iso_week_label(std::int64_t day) {
  const std::int64_t thursday = monday_of(day) + 3;  // the week belongs to its Thursday's year
  const std::int64_t year = civil_from_days(thursday).year;
  const std::int64_t week = (thursday - days_from_civil(year, 1, 1)) / 7 + 1;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04lld-W%02lld", static_cast<long long>(year), static_cast<long long>(week));
  return buf;
}

std::string date_of(std::int64_t day) {
  const Civil c = civil_from_days(day);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04lld-%02d-%02d", static_cast<long long>(c.year), c.month, c.day);
  return buf;
}

}  // namespace server
