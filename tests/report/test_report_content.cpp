// What the visit summary and the cycle report say, and whom a copy may show what.
#include <algorithm>

#include "core/lesson/cycle_data.h"
#include "core/report/cycle_report.h"
#include "core/report/visit_report.h"
#include "report_fixture.h"

using namespace core::report;
using Catch::Matchers::Contains;

namespace {

template <typename T>
std::vector<T> blocks_of(const Document& doc) {
  std::vector<T> out;
  for (const auto& b : doc.blocks)
    if (auto* x = std::get_if<T>(&b)) out.push_back(*x);
  return out;
}

template <typename T>
std::vector<T> live(const core::Store& store, core::RecordType type, core::Id obs) {
  std::vector<T> out;
  for (const auto& [id, h] : store.live(type, obs)) out.push_back(std::get<T>(h.body));
  return out;
}

}  // namespace

TEST_CASE("a visit summary holds every note, prompt, reflection, debrief note and next step of the visit") {
  test::ReportStore s;
  const core::Id visit = s.demo.observed_visit;
  const std::string text = test::document_text(visit_report(s.store, visit, s.for_me()));
  for (const auto& n : live<core::EvidenceNote>(s.store, core::RecordType::EvidenceNote, visit))
    CHECK_THAT(text, Contains(n.text));
  for (const auto& p : live<core::Prompt>(s.store, core::RecordType::Prompt, visit)) CHECK_THAT(text, Contains(p.text));
  for (const auto& r : live<core::Reflection>(s.store, core::RecordType::Reflection, visit))
    CHECK_THAT(text, Contains(r.text));
  for (const auto& d : live<core::DebriefNote>(s.store, core::RecordType::DebriefNote, visit))
    CHECK_THAT(text, Contains(d.text));
  for (const auto& n : live<core::NextStep>(s.store, core::RecordType::NextStep, visit)) {
    CHECK_THAT(text, Contains(n.text));
    CHECK_THAT(text, Contains(n.support));
  }
  CHECK_THAT(text, Contains("Who gets to answer my questions"));  // the focus question
  CHECK_THAT(text, Contains("Wait time after a question"));       // a look-for
  CHECK_THAT(text, Contains("Class: 8B science"));
  CHECK_THAT(text, Contains("Observed teacher: Amira Haddad"));
  CHECK_THAT(text, Contains("not an evaluation"));
}

TEST_CASE(
    "the observed teacher's copy has no coaching note and no unshared prompt, and the teacher leader's has both") {
  test::ReportStore s;
  const core::Id visit = s.demo.observed_visit;
  s.store.create(core::Prompt{visit, "Draft: what did the back row need from you?", {}, false}, s.me);
  const auto coaching = live<core::CoachingNote>(s.store, core::RecordType::CoachingNote, visit);
  REQUIRE(coaching.size() == 1);

  const std::string teachers = test::document_text(visit_report(s.store, visit, s.for_teacher()));
  CHECK_THAT(teachers, !Contains(coaching[0].text));
  CHECK_THAT(teachers, !Contains("Coaching notes"));
  CHECK_THAT(teachers, !Contains("Draft: what did the back row need"));
  CHECK_THAT(teachers, Contains("Most answers came from the front two rows"));  // a shared prompt
  CHECK_THAT(teachers, Contains("for Amira Haddad, with only what Amira Haddad may see"));

  const std::string mine = test::document_text(visit_report(s.store, visit, s.for_me()));
  CHECK_THAT(mine, Contains(coaching[0].text));
  CHECK_THAT(mine, Contains("Draft: what did the back row need"));
  CHECK_THAT(mine, Contains("not yet shared with the observed teacher"));
}

TEST_CASE("a copy for someone who takes no part in the visit is refused with a sentence") {
  test::ReportStore s;
  const core::Id stranger = s.store.create(core::Person{"Lee Park", ""}, s.me).record;
  CHECK_THROWS_WITH(visit_report(s.store, s.demo.observed_visit, {stranger, s.me, "2026-12-02"}),
                    Contains("Lee Park takes no part in this visit"));
  CHECK_THROWS_WITH(visit_report(s.store, core::Id::random(), s.for_me()), Contains("not on this device"));
  CHECK_THROWS_WITH(cycle_report(s.store, s.demo.cycle, {stranger, s.me, "2026-12-02"}),
                    Contains("takes part in no visit of this cycle"));
}

TEST_CASE("a co-observed visit shows each observer's counts apart, never summed") {
  test::ReportStore s;
  const Document doc = visit_report(s.store, s.demo.observed_visit, s.for_me());
  auto subheadings = blocks_of<Subheading>(doc);
  subheadings.erase(std::remove_if(subheadings.begin(), subheadings.end(),
                                   [](const Subheading& h) { return h.text.rfind("Captured by", 0) != 0; }),
                    subheadings.end());
  REQUIRE(subheadings.size() == 2);
  CHECK(subheadings[0].text == "Captured by Sam Okafor (observer)");
  CHECK(subheadings[1].text == "Captured by Jonas Berg (coach)");
  const auto charts = blocks_of<BarChart>(doc);
  auto count_of = [&](std::size_t chart, const std::string& label) {
    for (const auto& g : charts[chart].groups)
      if (g.label == label) return g.bars.at(0).value;
    return -100.0;
  };
  // Sam tapped 7 open questions and no student questions; Jonas tapped the 3 student questions.
  const auto counts =
      std::find_if(charts.begin(), charts.end(), [](const BarChart& c) { return c.caption == "Counts (taps)"; });
  REQUIRE(counts != charts.end());
  CHECK(count_of(0, "Open questions") == 7);
  CHECK(count_of(0, "Student questions") == 0);
  const auto second =
      std::find_if(charts.begin() + 1, charts.end(), [](const BarChart& c) { return c.caption == "Counts (taps)"; });
  REQUIRE(second != charts.end());
  CHECK(count_of(static_cast<std::size_t>(second - charts.begin()), "Student questions") == 3);
  // Jonas marked no seat: a line says so, not a map of zeros.
  const auto maps = blocks_of<SeatMap>(doc);
  REQUIRE(maps.size() == 1);
  CHECK_THAT(test::document_text(doc), Contains("No marks on the seating chart."));
  CHECK(maps[0].rows == 4);
  CHECK(maps[0].cols == 6);
  CHECK(maps[0].caption == "Participation on the seating chart: 11 marks");
  const auto shares = blocks_of<ShareBar>(doc);
  REQUIRE(!shares.empty());
  int total = 0;
  for (const auto& seg : shares[0].segments) total += seg.percent;
  CHECK(total == 100);
}

TEST_CASE("a cycle report compares its visits side by side, says 'not yet' for the planned one, and lists next steps") {
  test::ReportStore s;
  const Document doc = cycle_report(s.store, s.demo.cycle, s.for_teacher());
  const std::string text = test::document_text(doc);
  CHECK_THAT(doc.title, Contains("Questioning in 8B science"));
  CHECK_THAT(text, Contains("Who gets to answer my questions"));
  CHECK_THAT(text, Contains("Mini whiteboards and a 5-second wait"));
  CHECK_THAT(text, Contains("Status: Open"));
  const auto charts = blocks_of<BarChart>(doc);
  REQUIRE(!charts.empty());
  CHECK(charts[0].series == std::vector<std::string>{"19 Nov", "3 Dec"});
  REQUIRE(charts[0].groups.at(0).bars.size() == 2);
  CHECK(charts[0].groups[0].bars[0].text == "7");
  CHECK(charts[0].groups[0].bars[1].value < 0);
  CHECK(charts[0].groups[0].bars[1].text == "not yet");
  // The same counts as the Cycle screen's series for that observer.
  const auto data = readable_cycle(s.store, s.demo.cycle, s.demo.observed_teacher);
  const auto series = core::series_of(data, s.me);
  CHECK(series.counters.at(0).counts.at(0) == 7);
}

TEST_CASE("a cycle report for someone holds only the visits they take part in") {
  test::ReportStore s;
  // A third visit Priya observes alone with the coach; Amira is not in it.
  core::Observation other;
  other.cycle = s.demo.cycle;
  other.class_name = "8B science";
  other.date = "2026-12-10";
  other.participants = {{s.demo.coach, core::Role::Coach}, {s.me, core::Role::TeacherLeader}};
  s.store.create(other, s.me);
  CHECK(readable_cycle(s.store, s.demo.cycle, s.me).visits.size() == 3);
  CHECK(readable_cycle(s.store, s.demo.cycle, s.demo.observed_teacher).visits.size() == 2);
}
