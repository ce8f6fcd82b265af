// Calendar dates and clock times typed by people. See dates.h.
#include "core/dates.h"

#include <cctype>
#include <cstdio>
#include <ctime>
#include <initializer_list>

namespace core {

namespace {

const char* const kMonthNames[] = {"January", "February", "March",     "April",   "May",      "June",
                                   "July",    "August",   "September", "October", "November", "December"};

bool digits_at(const std::string& s, std::initializer_list<std::size_t> positions) {
  for (std::size_t i : positions)
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  return true;
}

int number(const std::string& s, std::size_t from, std::size_t count) {
  int n = 0;
  for (std::size_t i = from; i < from + count; ++i) n = n * 10 + (s[i] - '0');
  return n;
}

bool date_shape(const std::string& d) {
  return d.size() == 10 && d[4] == '-' && d[7] == '-' && digits_at(d, {0, 1, 2, 3, 5, 6, 8, 9});
}

int days_in_month(int year, int month) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return kDays[month - 1] + (month == 2 && leap ? 1 : 0);
}

const char* const kDateHow = "write it as YYYY-MM-DD, e.g. 2026-05-14.";
}  // namespace

bool is_calendar_date(const std::string& text) { return date_problem(text).empty(); }

bool is_clock_time(const std::string& t) {
  return t.size() == 5 && t[2] == ':' && digits_at(t, {0, 1, 3, 4}) && number(t, 0, 2) < 24 && number(t, 3, 2) < 60;
}

std::string date_problem(const std::string& d) {
  const std::string quoted = "\"" + d + "\" is not a date: ";
  if (!date_shape(d)) return quoted + kDateHow;
  const int year = number(d, 0, 4), month = number(d, 5, 2), day = number(d, 8, 2);
  if (year == 0) return quoted + kDateHow;
  if (month < 1 || month > 12) return quoted + "there is no month " + d.substr(5, 2) + "; " + kDateHow;
  const int last = days_in_month(year, month);
  if (day < 1 || day > last)
    return quoted + kMonthNames[month - 1] + " " + d.substr(0, 4) + " has " + std::to_string(last) + " days.";
  return "";
}

std::string time_problem(const std::string& t) {
  if (is_clock_time(t)) return "";
  return "\"" + t + "\" is not a time: write it as HH:MM on the 24-hour clock, e.g. 09:05 or 13:40.";
}

std::string local_date(std::int64_t ms_since_epoch) {
  const std::time_t t = static_cast<std::time_t>(ms_since_epoch / 1000);
  std::tm local{};
  localtime_r(&t, &local);  // the reentrant form: the sync thread may format times too
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &local);
  return buf;
}

std::string format_lesson_time(std::int64_t ms) {
  if (ms < 0) ms = 0;
  std::int64_t s = ms / 1000;
  char buf[32];
  if (s >= 3600)
    std::snprintf(buf, sizeof buf, "%lld:%02lld:%02lld", static_cast<long long>(s / 3600),
                  static_cast<long long>((s / 60) % 60), static_cast<long long>(s % 60));
  else
    std::snprintf(buf, sizeof buf, "%lld:%02lld", static_cast<long long>(s / 60), static_cast<long long>(s % 60));
  return buf;
}

}  // namespace core
