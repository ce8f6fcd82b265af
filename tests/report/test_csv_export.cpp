// The CSV of a visit or a cycle: RFC 4180 fields, read back exactly by Python's csv module, with
// the same counts as the Cycle screen.
#include <fstream>

#include "core/lesson/cycle_data.h"
#include "core/report/csv_export.h"
#include "report_fixture.h"
#include "support/run_command.h"

using namespace core::report;
using Catch::Matchers::Contains;

namespace {

std::string write(const testing_support::TempDir& dir, const std::string& name, const std::string& bytes) {
  std::ofstream(dir.file(name), std::ios::binary) << bytes;
  return dir.file(name);
}

std::string read_back(const testing_support::TempDir& dir, const std::string& csv, const std::string& expected) {
  const std::string script = std::string(PEEROBS_TESTS_DIR_REPORT) + "/scripts/read_csv.py";
  auto r = testing_support::run_command(
      "python3 " + script + " " + write(dir, "data.csv", csv) + " " + write(dir, "expected.txt", expected),
      dir.file("python.err"));
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return r.out;
}

}  // namespace

TEST_CASE("a CSV field is quoted only when it must be, with quotes doubled") {
  CHECK(csv_field("plain text") == "plain text");
  CHECK(csv_field("a, b") == "\"a, b\"");
  CHECK(csv_field("she said \"no\"") == "\"she said \"\"no\"\"\"");
  CHECK(csv_field("two\nlines") == "\"two\nlines\"");
  CHECK(csv_field("Zoë 学生") == "Zoë 学生");
  CHECK(csv_row({"a", "b,c"}) == "a,\"b,c\"\r\n");
}

TEST_CASE("a visit's CSV reads back in Python's csv module with the exact texts, names and counts") {
  test::ReportStore s;
  const core::Id visit = s.demo.observed_visit;
  s.store.update(s.me, core::Person{"Søren Ødegård", ""}, s.me);
  const std::string tricky = "Femi: \"No, it's the salt\" — then, after a pause,\nDara: «ça dépend» 学生 ٢٣";
  s.store.create(core::EvidenceNote{visit, 41 * 60000, tricky, core::NoteKind::Quote, {"Who answers"}}, s.me);

  const std::string csv = visit_csv(s.store, visit, s.for_me());
  CHECK(csv.rfind("\xEF\xBB\xBF"
                  "visit,date,class,observer",
                  0) == 0);  // a BOM, then the header
  CHECK_THAT(csv, Contains("\r\n"));
  const std::string out = read_back(s.dir, csv, tricky);
  CHECK_THAT(out, Contains("columns 13"));
  CHECK_THAT(out, Contains("same-width yes"));
  CHECK_THAT(out, Contains("found yes"));
  // Sam's taps and Jonas's taps, each under its own name, never added together.
  CHECK_THAT(out, Contains("count Søren Ødegård\topen-q\t7"));
  CHECK_THAT(out, Contains("count Søren Ødegård\tclosed-q\t13"));
  CHECK_THAT(out, Contains("count Jonas Berg\tstudent-q\t3"));
  // 11 notes, 23 taps, 9 timer spans, 11 seat marks.
  CHECK_THAT(out, Contains("rows 54"));
}

TEST_CASE("a cycle's CSV has the same counts as the Cycle screen for each observer") {
  test::ReportStore s;
  const std::string out = read_back(s.dir, cycle_csv(s.store, s.demo.cycle, s.for_me()), "-");
  const auto data = core::read_cycle(s.store, s.demo.cycle, s.me);
  REQUIRE(data);
  for (const auto& observer : data->observers) {
    const auto series = core::series_of(*data, observer.person);
    const auto* o = data->visits[0].lesson.find(observer.person);
    REQUIRE(o);
    for (const auto& c : series.counters)
      if (c.counts[0] > 0)
        CHECK_THAT(out, Contains("count " + o->name + "\t" + c.key + "\t" + std::to_string(c.counts[0])));
  }
}

TEST_CASE("a CSV for someone outside the visit is refused, and the observed teacher's copy has the evidence") {
  test::ReportStore s;
  const core::Id stranger = s.store.create(core::Person{"Lee Park", ""}, s.me).record;
  CHECK_THROWS_WITH(visit_csv(s.store, s.demo.observed_visit, {stranger, s.me, "2026-12-02"}),
                    Contains("takes no part"));
  CHECK_THAT(visit_csv(s.store, s.demo.observed_visit, s.for_teacher()), Contains("Front two rows answered"));
}
