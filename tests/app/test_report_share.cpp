// "Share a summary" on Debrief and "Share the cycle report" on Cycle, tapped through the real
// screens: the copy for the observed teacher leaves out the coaching notes, my own copy has them,
// the paper chosen is kept for the next report, and the shell is handed the report to make.
#include <catch2/catch.hpp>

#include "app/screens/common/report_share.h"
#include "core/lesson/people.h"
#include "report/report_fixture.h"
#include "ui_harness.h"

using Catch::Matchers::Contains;
using test::UiHarness;

namespace {

struct Demo {
  UiHarness h{1280, 2400};
  core::Id me, visit, cycle;
  std::string coaching_note;

  Demo() {
    h.tap("##name");
    h.type("Sam Okafor");
    h.tap("Start");
    REQUIRE(h.app().route().screen == app::ScreenId::Home);
    me = *h.store().meta().local_person();
    for (const auto& [id, rec] : h.store().live(core::RecordType::Observation)) {
      const auto& o = std::get<core::Observation>(rec.body);
      if (o.status == core::ObservationStatus::Debriefed) {
        visit = id;
        cycle = o.cycle;
      }
    }
    for (const auto& [id, rec] : h.store().live(core::RecordType::CoachingNote))
      coaching_note = std::get<core::CoachingNote>(rec.body).text;
    REQUIRE_FALSE(visit.empty());
    REQUIRE_FALSE(coaching_note.empty());
  }
  void open(app::ScreenId screen, core::Id observation, core::Id cycle_id = {}) {
    h.app().context().open(app::Route{screen, observation, cycle_id});
    h.frames(2);
    REQUIRE(h.app().route().screen == screen);
  }
  app::ReportRequest take_request() {
    auto& ctx = h.app().context();
    REQUIRE(ctx.share_report.has_value());
    app::ReportRequest r = std::move(*ctx.share_report);
    ctx.share_report.reset();
    return r;
  }
};

}  // namespace

TEST_CASE("Debrief's share card makes the observed teacher's copy without coaching notes, and my own with them",
          "[app][debrief][report]") {
  Demo d;
  d.open(app::ScreenId::Debrief, d.visit);
  REQUIRE(d.h.has("For Amira Haddad"));
  REQUIRE(d.h.has("My own copy"));

  d.h.tap("For Amira Haddad");
  d.h.frame();
  app::ReportRequest teachers = d.take_request();
  CHECK(teachers.file_stem == "visit-2026-11-19-8b-science-for-amira-haddad");
  CHECK(teachers.size == core::report::PageSize::A4);
  const std::string text = test::document_text(teachers.document);
  CHECK_THAT(text, Contains("Front two rows answered 6 of the first 7 questions."));
  CHECK_THAT(text, !Contains(d.coaching_note));

  d.h.tap("My own copy");
  d.h.frame();
  CHECK_THAT(test::document_text(d.take_request().document), Contains(d.coaching_note));
}

TEST_CASE("the paper chosen on the share card is kept on this device for the next report", "[app][report]") {
  Demo d;
  d.open(app::ScreenId::Debrief, d.visit);
  d.h.tap("US Letter");
  d.h.frame();
  CHECK(d.h.store().meta().get(core::MetaKey::ReportPaper) == std::optional<std::string>("letter"));
  d.open(app::ScreenId::Cycle, d.visit);
  d.h.tap("My own copy");
  d.h.frame();
  const app::ReportRequest r = d.take_request();
  CHECK(r.size == core::report::PageSize::Letter);
  CHECK_THAT(r.document.title, Contains("Cycle report: Questioning in 8B science"));
  CHECK(r.file_stem == "cycle-questioning-in-8b-science-my-copy");
}

TEST_CASE("the share card shows what the shell says became of the report", "[app][report]") {
  Demo d;
  d.open(app::ScreenId::Debrief, d.visit);
  auto& ctx = d.h.app().context();
  ctx.report_message = "Saved as /home/sam/Documents/peerobs/visit-2026-11-19-8b-science-my-copy.pdf";
  d.h.frames(2);
  CHECK(d.h.has("Saved as /home/sam/Documents/peerobs/visit-2026-11-19-8b-science-my-copy.pdf"));
}

TEST_CASE("file names for reports keep letters and digits only, joined by dashes") {
  CHECK(app::file_stem({"visit", "2026-11-19", "8B science", "for-Zoë Ång"}) ==
        "visit-2026-11-19-8b-science-for-zo-ng");
  CHECK(app::file_stem({"", "\xE5\xAD\xA6\xE7\x94\x9F"}) == "peerobs-report");
}
