// peerobs-cli report and export --csv on the demo data, read back the way a person would see
// them: pdftotext for the words, pdftoppm for ink on every page, Python's csv module for the CSV.
#include <fstream>
#include <regex>

#include "poppler.h"
#include "support/run_command.h"
#include "support/temp_dir.h"

using Catch::Matchers::Contains;
using testing_support::TempDir;

namespace {

struct CliDemo {
  TempDir dir;
  std::string data = dir.file("data");
  std::string visit, follow_up, cycle, teacher;

  CliDemo() {
    const std::string out = cli("init --name \"Sam Okafor\" --demo");
    std::smatch m;
    REQUIRE(std::regex_search(out, m, std::regex("visit ([0-9a-f]{32})  its debriefed visit")));
    visit = m[1];
    REQUIRE(std::regex_search(out, m, std::regex("cycle ([0-9a-f]{32})  the questioning cycle")));
    cycle = m[1];
  }
  testing_support::CommandResult run(const std::string& args) const {
    return testing_support::run_command(std::string(PEEROBS_CLI) + " --data '" + data + "' " + args,
                                        dir.file("cli.err"));
  }
  std::string cli(const std::string& args) const {
    auto r = run(args);
    INFO(args << "\n" << r.err);
    REQUIRE(r.exit_code == 0);
    return r.out;
  }
};

// The demo visit's texts that every copy for the observed teacher must hold (core/demo_data.cpp).
const char* const kEveryCopy[] = {
    "Lesson opens with a photo of rusted bikes",
    "Front two rows answered 6 of the first 7 questions.",
    "Back row (Sam, Tara, Uma) wrote predictions but did not speak in the whole-class part.",
    "Exit ticket: 'Which variable would you test first, and why?'",
    "Most answers came from the front two rows. Is this what you thought was happening?",
    "Wait time was about two seconds. What would you like to try with it?",
    "I call on whoever is quickest, and that is the front.",
    "I want to try a 5-second count and mini whiteboards before anyone answers.",
    "Amira will use mini whiteboards for the first two questions of each lesson.",
    "We agreed the seating chart is the data to collect again.",
    "Mini whiteboards and a 5-second wait for the first two questions",
    "A class set of whiteboards from the science office",
    "not an evaluation",
};
const char* const kCoachingNote = "Your first prompt led with the data and a question";

}  // namespace

TEST_CASE("peerobs-cli report writes the demo visit's summary as a PDF with every text and ink on every page") {
  poppler::require_tools();
  CliDemo demo;
  const std::string pdf = demo.dir.file("visit.pdf");
  CHECK_THAT(demo.cli("report --visit " + demo.visit + " --out '" + pdf + "'"), Contains("Wrote"));
  const std::string text = poppler::squeeze(poppler::pdf_text(demo.dir, pdf));
  for (const char* expected : kEveryCopy) CHECK_THAT(text, Contains(expected));
  CHECK_THAT(text, Contains(kCoachingNote));  // the teacher leader's own copy has the coaching thread
  const auto info = poppler::pdf_info(demo.dir, pdf);
  CHECK(info.width == Approx(595).margin(1));  // A4
  CHECK(info.pages >= 1);
  CHECK(info.pages <= 4);
  for (long ink : poppler::ink_per_page(demo.dir, pdf)) CHECK(ink > 200);
}

TEST_CASE("the observed teacher's copy from peerobs-cli has every shared text and no coaching note") {
  poppler::require_tools();
  CliDemo demo;
  const std::string pdf = demo.dir.file("for-amira.pdf");
  demo.cli("report --visit " + demo.visit + " --for \"Amira Haddad\" --page letter --out '" + pdf + "'");
  const std::string text = poppler::squeeze(poppler::pdf_text(demo.dir, pdf));
  for (const char* expected : kEveryCopy) CHECK_THAT(text, Contains(expected));
  CHECK_THAT(text, !Contains(kCoachingNote));
  CHECK_THAT(text, !Contains("Coaching notes"));
  CHECK(poppler::pdf_info(demo.dir, pdf).width == Approx(612).margin(1));  // US Letter
}

TEST_CASE("peerobs-cli report writes the demo cycle's report with both visits and the next step") {
  poppler::require_tools();
  CliDemo demo;
  const std::string pdf = demo.dir.file("cycle.pdf");
  demo.cli("report --cycle " + demo.cycle + " --out '" + pdf + "'");
  const std::string text = poppler::squeeze(poppler::pdf_text(demo.dir, pdf));
  CHECK_THAT(text, Contains("Questioning in 8B science"));
  CHECK_THAT(text, Contains("19 Nov 2026"));
  CHECK_THAT(text, Contains("3 Dec 2026"));
  CHECK_THAT(text, Contains("Mini whiteboards and a 5-second wait for the first two questions"));
  CHECK_THAT(text, Contains("not yet"));
  for (long ink : poppler::ink_per_page(demo.dir, pdf)) CHECK(ink > 200);
}

TEST_CASE("peerobs-cli report and export --csv refuse what they cannot do with a sentence and write nothing") {
  CliDemo demo;
  const std::string missing = std::string(32, 'a');
  auto r = demo.run("report --visit " + missing + " --out '" + demo.dir.file("x.pdf") + "'");
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Contains("This visit is not on this device"));
  r = demo.run("report --visit " + demo.visit + " --out '" + demo.dir.file("no/such/folder/x.pdf") + "'");
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Contains("no/such/folder/x.pdf"));
  r = demo.run("report --visit " + demo.visit + " --for \"Nobody Here\" --out '" + demo.dir.file("x.pdf") + "'");
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Contains("no one called \"Nobody Here\""));
  r = demo.run("report --visit " + demo.visit + " --page a5 --out '" + demo.dir.file("x.pdf") + "'");
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Contains("a4 or letter"));
  r = demo.run("report --visit nothex --out '" + demo.dir.file("x.pdf") + "'");
  CHECK(r.exit_code != 0);
  r = demo.run("export --csv --out '" + demo.dir.file("x.csv") + "'");
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Contains("--visit ID or --cycle ID"));
  CHECK_FALSE(std::ifstream(demo.dir.file("x.pdf")).good());
  CHECK_FALSE(std::ifstream(demo.dir.file("x.csv")).good());
}

TEST_CASE("peerobs-cli export --csv writes the demo visit's data points, and report --out x.html a page to print") {
  CliDemo demo;
  const std::string csv = demo.dir.file("visit.csv");
  demo.cli("export --csv --visit " + demo.visit + " --out '" + csv + "'");
  std::ifstream in(csv, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  CHECK(bytes.rfind("\xEF\xBB\xBF"
                    "visit,date,class,observer",
                    0) == 0);
  CHECK_THAT(bytes, Contains("Front two rows answered 6 of the first 7 questions."));
  CHECK_THAT(bytes, Contains("open-q"));

  const std::string html = demo.dir.file("visit.html");
  demo.cli("report --visit " + demo.visit + " --out '" + html + "'");
  std::ifstream page(html, std::ios::binary);
  std::string text((std::istreambuf_iterator<char>(page)), std::istreambuf_iterator<char>());
  CHECK_THAT(text, Contains("Front two rows answered 6 of the first 7 questions."));
  CHECK_THAT(text, Contains("@page"));
}
