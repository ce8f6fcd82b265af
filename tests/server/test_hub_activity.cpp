// `peerobs-hub activity`, through the real binary on visits pushed by a real device: weekly
// counts of visits planned, observed and debriefed, devices by last contact, small counts
// hidden, and never a name, an id or a word anyone wrote.
// The first case's devices send bodies in clear (ClearDevice): those figures read each visit's
// planned date and status on the hub. Sealed visits keep both as ciphertext and are counted by the
// weeks of their save times instead (the second case).
#include <catch2/catch.hpp>

#include <ctime>
#include <sstream>

#include "server/hub_activity.h"
#include "server/hub_store.h"
#include "sync_fixture.h"

using namespace core;
using namespace testing_support;

namespace {
std::tm utc_in_days(int days) {
  std::time_t t = std::time(nullptr) + std::time_t(days) * 86400;
  std::tm tm{};
  gmtime_r(&t, &tm);
  return tm;
}
std::string format(const std::tm& tm, const char* how) {
  char buf[32];
  std::strftime(buf, sizeof buf, how, &tm);
  return buf;
}

// The `figures` numbers of `week`'s row in a table of the report (its label and its Monday first).
std::vector<std::string> row_figures(const std::string& report, const std::string& week, std::size_t figures) {
  std::istringstream in(report);
  for (std::string line; std::getline(in, line);) {
    std::istringstream words(line);
    std::vector<std::string> w;
    for (std::string word; words >> word;) w.push_back(word);
    if (w.size() == figures + 2 && w[0] == week) return {w.begin() + 2, w.end()};
  }
  return {};
}
// Visits by planned date: planned, observed, debriefed, cancelled as printed.
std::vector<std::string> week_row(const std::string& report, const std::string& week) {
  return row_figures(report, week, 4);
}
// Sealed visits by their saves: created, evidence, debriefed.
std::vector<std::string> sealed_week_row(const std::string& report, const std::string& week) {
  return row_figures(report, week, 3);
}
}  // namespace

TEST_CASE("hub activity: weekly visit figures and device contact, small counts hidden, no names or text",
          "[server][admin]") {
  HubProcess hub{temp_dir("peerobs-hub")};
  hub.start();
  std::string lena_id = hub.add_person("Lena Secretname");
  std::string tomas_id = hub.add_person("Tomás Hiddenname");
  ClearDevice lena, tomas;
  lena.enroll(hub.url(), hub.issue_code(lena_id));
  tomas.enroll(hub.url(), hub.issue_code(tomas_id));

  // Dates are relative to today (UTC), so the rows are this week and last week whenever it runs;
  // the week labels come from the C library's own ISO week (%G-W%V).
  const std::tm today = utc_in_days(0), week_ago = utc_in_days(-7);
  const std::string this_week_day = format(today, "%Y-%m-%d"), last_week_day = format(week_ago, "%Y-%m-%d");
  auto visit = [&](const std::string& date, ObservationStatus status) {
    Observation o;
    o.focus_question = "Secret focus question";
    o.class_name = "Secret class 8B";
    o.date = date;
    o.status = status;
    o.participants = {{lena.me(), Role::TeacherLeader}, {*Id::from_hex(tomas_id), Role::ObservedTeacher}};
    Id obs = lena.store->create(o, lena.me()).record;
    lena.note(obs, "Secret evidence note");
    return obs;
  };
  Id first = visit(this_week_day, ObservationStatus::Planned);
  visit(this_week_day, ObservationStatus::Observed);
  for (int i = 0; i < 3; ++i) visit(this_week_day, ObservationStatus::Debriefed);
  visit(this_week_day, ObservationStatus::Cancelled);
  visit(last_week_day, ObservationStatus::Debriefed);
  visit("", ObservationStatus::Planned);  // not dated yet
  lena.sync();
  tomas.sync();

  auto r = run_command({hub_binary(), "activity", "--data", hub.data_dir()});
  REQUIRE(r.exit_code == 0);
  INFO(r.out);
  // This week: 5 planned (the cancelled one is not), 4 took place, 3 debriefed, 1 cancelled (hidden).
  CHECK(week_row(r.out, format(today, "%G-W%V")) == std::vector<std::string>{"5", "4", "3", "<3"});
  // Last week: one debriefed visit, in every column: hidden, as it would say whose it was.
  CHECK(week_row(r.out, format(week_ago, "%G-W%V")) == std::vector<std::string>{"<3", "<3", "<3", "0"});
  CHECK(r.out.find("visits with no valid date: <3") != std::string::npos);
  CHECK(r.out.find("within a day: 2") != std::string::npos);
  for (const char* never : {"Secret", "Lena", "Tomás", "Hiddenname", "8B"})
    CHECK(r.out.find(never) == std::string::npos);
  for (const std::string& id : {lena_id, tomas_id, first.hex(), first.short_hex()})
    CHECK(r.out.find(id) == std::string::npos);

  SECTION("--hide-below 5 hides more; a single visit is never shown") {
    auto wider = run_command({hub_binary(), "activity", "--data", hub.data_dir(), "--hide-below", "5"});
    REQUIRE(wider.exit_code == 0);
    CHECK(week_row(wider.out, format(today, "%G-W%V")) == std::vector<std::string>{"5", "<5", "<5", "<5"});
    auto exact = run_command({hub_binary(), "activity", "--data", hub.data_dir(), "--hide-below", "1"});
    CHECK(exact.exit_code == 2);
    CHECK(exact.out.find("--hide-below: expected a whole number of visits from 2 to 100, got \"1\"") !=
          std::string::npos);
  }
  SECTION("--weeks 1 shows only this week") {
    auto one = run_command({hub_binary(), "activity", "--data", hub.data_dir(), "--weeks", "1"});
    REQUIRE(one.exit_code == 0);
    CHECK(week_row(one.out, format(week_ago, "%G-W%V")).empty());
    CHECK(week_row(one.out, format(today, "%G-W%V")).size() == 4);
  }
  SECTION("a revoked device is counted as revoked, not as in contact") {
    hub.admin({"revoke", "--device", *tomas.store->meta().get(core::MetaKey::SyncDevice)});
    auto after = run_command({hub_binary(), "activity", "--data", hub.data_dir()});
    CHECK(after.out.find("within a day: 1") != std::string::npos);
    CHECK(after.out.find("revoked: 1") != std::string::npos);
  }
  hub.stop();
  std::filesystem::remove_all(hub.data_dir());
}

TEST_CASE("hub activity: sealed visits count by the weeks of their first saves, never by a date or status read",
          "[server][admin][sealed]") {
  HubProcess hub{temp_dir("peerobs-hub")};
  hub.start();
  const std::string lena_id = hub.add_person("Lena Secretname");
  const std::string tomas_id = hub.add_person("Tomás Hiddenname");
  Device lena, tomas;  // sealing, as devices do by default
  REQUIRE(lena.options.seal_bodies);
  lena.enroll(hub.url(), hub.issue_code(lena_id));
  tomas.enroll(hub.url(), hub.issue_code(tomas_id));

  // Five visits dated a year ahead and marked debriefed: a hub that read those would count them
  // there. Four have evidence; two have a debrief note or a next step.
  std::vector<Id> visits;
  for (int i = 0; i < 5; ++i) {
    Observation o;
    o.focus_question = "Secret focus question";
    o.class_name = "Secret class 8B";
    o.date = format(utc_in_days(365), "%Y-%m-%d");
    o.status = ObservationStatus::Debriefed;
    o.participants = {{lena.me(), Role::TeacherLeader}, {*Id::from_hex(tomas_id), Role::ObservedTeacher}};
    visits.push_back(lena.store->create(o, lena.me()).record);
  }
  for (int i = 0; i < 4; ++i) lena.note(visits[static_cast<std::size_t>(i)], "Secret evidence note");
  lena.store->create(DebriefNote{visits[0], "Secret debrief"}, lena.me());
  NextStep step;
  step.observation = visits[1];
  step.text = "Secret next step";
  lena.store->create(step, lena.me());
  lena.sync();
  tomas.sync();

  const std::tm today = utc_in_days(0);
  auto r = run_command({hub_binary(), "activity", "--data", hub.data_dir()});
  REQUIRE(r.exit_code == 0);
  INFO(r.out);
  CHECK(sealed_week_row(r.out, format(today, "%G-W%V")) == std::vector<std::string>{"5", "4", "<3"});
  // Nothing is counted by the sealed dates and statuses: not this week, not a year ahead.
  CHECK(week_row(r.out, format(today, "%G-W%V")) == std::vector<std::string>{"0", "0", "0", "0"});
  CHECK(week_row(r.out, format(utc_in_days(365), "%G-W%V")).empty());
  for (const char* never : {"Secret", "Lena", "Tomás", "Hiddenname", "8B"})
    CHECK(r.out.find(never) == std::string::npos);
  for (const Id& id : visits) CHECK(r.out.find(id.short_hex()) == std::string::npos);

  // A week later the same saves sit in last week's row: the weeks are those of the saves.
  hub.stop();
  {
    server::HubStore store(hub.data_dir());
    const std::int64_t week_ms = 7 * std::int64_t(86400000);
    const server::ActivityReport later = server::hub_activity(store, core::wall_clock_ms() + week_ms, 12);
    REQUIRE(later.sealed_weeks.size() == 12);
    const server::SealedWeekActivity& last_week = later.sealed_weeks[10];
    CHECK(last_week.week == format(today, "%G-W%V"));
    CHECK(last_week.created == 5);
    CHECK(last_week.evidence == 4);
    CHECK(last_week.debriefed == 2);
    const server::SealedWeekActivity& this_week = later.sealed_weeks[11];
    CHECK(this_week.created + this_week.evidence + this_week.debriefed == 0);
  }
  std::filesystem::remove_all(hub.data_dir());
}
