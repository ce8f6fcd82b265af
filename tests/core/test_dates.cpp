// The one check for typed dates and times (core/dates.h): the real calendar, and one wording.
#include <catch2/catch.hpp>

#include "core/dates.h"

using namespace core;

TEST_CASE("dates: a date is a day on the real calendar, leap years included", "[core][dates]") {
  CHECK(is_calendar_date("2026-05-14"));
  CHECK(is_calendar_date("2026-01-31"));
  CHECK(is_calendar_date("2026-12-31"));
  CHECK(is_calendar_date("2028-02-29"));  // a leap year
  CHECK(is_calendar_date("2000-02-29"));  // divisible by 400: leap
  CHECK_FALSE(is_calendar_date("2026-02-29"));
  CHECK_FALSE(is_calendar_date("2100-02-29"));  // divisible by 100, not 400: not leap
  CHECK_FALSE(is_calendar_date("2026-02-31"));
  CHECK_FALSE(is_calendar_date("2026-04-31"));
  CHECK_FALSE(is_calendar_date("2026-13-01"));
  CHECK_FALSE(is_calendar_date("2026-00-10"));
  CHECK_FALSE(is_calendar_date("2026-05-00"));
  CHECK_FALSE(is_calendar_date("2026-5-14"));
  CHECK_FALSE(is_calendar_date("14/05/2026"));
  CHECK_FALSE(is_calendar_date("2026-05-14 "));
  CHECK_FALSE(is_calendar_date(""));
}

TEST_CASE("dates: a refused date says why in one wording", "[core][dates]") {
  CHECK(date_problem("2026-05-14").empty());
  CHECK(date_problem("2026-02-31") == "\"2026-02-31\" is not a date: February 2026 has 28 days.");
  CHECK(date_problem("2026-04-31") == "\"2026-04-31\" is not a date: April 2026 has 30 days.");
  CHECK(date_problem("2026-13-01") ==
        "\"2026-13-01\" is not a date: there is no month 13; write it as YYYY-MM-DD, e.g. 2026-05-14.");
  CHECK(date_problem("next monday") == "\"next monday\" is not a date: write it as YYYY-MM-DD, e.g. 2026-05-14.");
}

TEST_CASE("dates: a time is HH:MM on the 24-hour clock", "[core][dates]") {
  CHECK(is_clock_time("00:00"));
  CHECK(is_clock_time("09:05"));
  CHECK(is_clock_time("23:59"));
  CHECK_FALSE(is_clock_time("24:00"));
  CHECK_FALSE(is_clock_time("10:60"));
  CHECK_FALSE(is_clock_time("9:05"));
  CHECK_FALSE(is_clock_time("10.40"));
  CHECK(time_problem("10:40").empty());
  CHECK(time_problem("25:00") ==
        "\"25:00\" is not a time: write it as HH:MM on the 24-hour clock, e.g. 09:05 or 13:40.");
}
