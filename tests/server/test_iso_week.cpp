// The calendar arithmetic behind `peerobs-hub activity`: real dates only, and ISO weeks at the
// edges of years (a week belongs to the year of its Thursday).
#include <catch2/catch.hpp>

#include "server/iso_week.h"

using namespace server;

TEST_CASE("iso week: only real calendar dates have a day number", "[server][activity]") {
  CHECK(day_number("1970-01-01") == 0);
  CHECK(day_number("2028-02-29").has_value());
  CHECK_FALSE(day_number("2026-02-29").has_value());
  CHECK_FALSE(day_number("2026-02-31").has_value());
  CHECK_FALSE(day_number("2026-13-01").has_value());
  CHECK_FALSE(day_number("2026-2-3").has_value());
  CHECK_FALSE(day_number("").has_value());
  CHECK_FALSE(day_number("next week").has_value());
}

TEST_CASE("iso week: weeks start on Monday and belong to their Thursday's year", "[server][activity]") {
  auto week = [](const char* date) { return iso_week_label(*day_number(date)); };
  CHECK(week("2026-01-01") == "2026-W01");  // a Thursday
  CHECK(week("2025-12-29") == "2026-W01");  // its Monday, still in 2025
  CHECK(week("2025-12-28") == "2025-W52");  // the Sunday before
  CHECK(week("2027-01-01") == "2026-W53");  // a Friday: 2026 has 53 weeks
  CHECK(week("2024-12-30") == "2025-W01");
  CHECK(week("2026-12-02") == "2026-W49");
  CHECK(date_of(monday_of(*day_number("2026-12-06"))) == "2026-11-30");  // Sunday -> its Monday
  CHECK(date_of(monday_of(*day_number("2026-11-30"))) == "2026-11-30");
  CHECK(date_of(*day_number("1969-12-31")) == "1969-12-31");
}
