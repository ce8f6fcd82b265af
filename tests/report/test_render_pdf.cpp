// render_pdf: a report Document becomes a real PDF, checked from outside with poppler's tools:
// pdftotext finds every text (quotes, '<&>', Arabic, Devanagari, Chinese), pdfinfo the page size
// and count, pdftoppm pages that are not blank. Needs poppler-utils (scripts/install-deps.sh).
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "core/report/pdf/render_pdf.h"
#include "poppler.h"
#include "support/run_command.h"
#include "support/temp_dir.h"
#include "support/test_values.h"

using namespace core::report;
using testing_support::run_command;
using testing_support::TempDir;

namespace {

Document every_block_document() {
  Document d;
  d.title = "Visit summary: 8B science, 19 Nov 2026";
  d.notice = "This summary describes what was seen and heard. It is not an evaluation.";
  d.made_for = "Made by Ana Lopes on 2 Dec 2026 for Mia Chen: what Mia may see.";
  d.blocks.push_back(Heading{"Focus"});
  d.blocks.push_back(Paragraph{"How do \"open\" questions, like <why?> & <how?>, change talk?", ParagraphStyle::Lead});
  d.blocks.push_back(Paragraph{"Students, in pairs, compared notes.", ParagraphStyle::Body});
  d.blocks.push_back(Paragraph{"Nothing captured with this tool.", ParagraphStyle::Quiet});
  d.blocks.push_back(Subheading{"Ana Lopes (observer)"});
  d.blocks.push_back(BulletList{{"Wait time after questions", "الطلاب يناقشون", "विद्यार्थी प्रश्न पूछते हैं"}});
  d.blocks.push_back(FactTable{{{"Class", "8B science"}, {"Room", "Lab 2, \"north\" wing"}, {"Language", "学生"}}});
  d.blocks.push_back(Heading{"Evidence"});
  d.blocks.push_back(Table{{"Time", "Kind", "What"},
                           {0.15, 0.2, 0.65},
                           {{"09:02", "Noticing", "Teacher asked <why> & waited"},
                            {"09:05", "Question", "\"What if it rains?\", asked a student"},
                            {"09:07", "Quote", "الطلاب"}}});
  d.blocks.push_back(ItemList{{Item{"Try think-pair-share", {{"Owner", "Mia Chen"}, {"Follow-up", "3 Dec"}}},
                               Item{"Reflection on wait time", {{"Reflection", "More hands went up"}}}}});
  d.blocks.push_back(BarChart{"Counts",
                              {"19 Nov", "3 Dec"},
                              {BarGroup{"Open questions", {Bar{7, "7 taps"}, Bar{-1, "not collected"}}},
                               BarGroup{"Closed questions", {Bar{3, "3 taps"}, Bar{0, "0 taps"}}}}});
  d.blocks.push_back(
      ShareBar{"Talk", {{"Teacher talk", 62, "62% · 12 min 30 s"}, {"Student talk", 38, "38% · 7 min"}}});
  d.blocks.push_back(SeatMap{"Participation (seat marks): 9 in all",
                             2,
                             3,
                             5,
                             {SeatCell{"Ben", 0, 0, 5}, SeatCell{"Ana", 0, 2, 1}, SeatCell{"学生", 1, 1, 3}}});
  return d;
}

const std::vector<std::string> kEveryText = {
    "Visit summary: 8B science, 19 Nov 2026",
    "It is not an evaluation.",
    "Focus",
    "How do \"open\" questions, like <why?> & <how?>, change talk?",
    "Students, in pairs, compared notes.",
    "Nothing captured with this tool.",
    "Ana Lopes (observer)",
    "Wait time after questions",
    "الطلاب",
    "विद्यार्थी",
    "Lab 2, \"north\" wing",
    "学生",
    "Teacher asked <why> & waited",
    "\"What if it rains?\", asked a student",
    "Try think-pair-share",
    "Owner: Mia Chen",
    "Reflection: More hands went up",
    "Open questions",
    "7 taps",
    "not collected",
    "19 Nov",
    "3 Dec",
    "Teacher talk: 62% · 12 min 30 s",
    "Front of the room",
    "Ben",
    "Made by Ana Lopes on 2 Dec 2026 for Mia Chen: what Mia may see.",
};

// The PDF carries Arabic shaped, the lam-alef ligature with its letters in reading order (an
// ActualText span). pdftotext 22 reverses that span's two letters when it reorders a
// right-to-left line, so "الطلاب" comes back as "الطالب": either is the word.
bool has_text(const std::string& text, const std::string& expected) {
  if (text.find(expected) != std::string::npos) return true;
  std::string poppler_reading = expected;
  const std::string lam_alef = "لا", alef_lam = "ال";
  for (auto at = poppler_reading.find(lam_alef); at != std::string::npos; at = poppler_reading.find(lam_alef, at + 2))
    poppler_reading.replace(at, lam_alef.size(), alef_lam);
  return poppler_reading != expected && text.find(poppler_reading) != std::string::npos;
}

Document long_timeline(int rows) {
  Document d;
  d.title = "Visit summary";
  d.made_for = "Made for a test";
  d.blocks.push_back(Heading{"Evidence"});
  Table t{{"When", "Kind", "What"}, {0.15, 0.2, 0.65}, {}};
  for (int i = 0; i < rows; ++i)
    t.rows.push_back({"09:" + std::to_string(10 + i % 50), "Noticing", "Note number " + std::to_string(i)});
  d.blocks.push_back(t);
  return d;
}

}  // namespace

TEST_CASE("render_pdf: every block's text, in any script and with <&> and quotes, is in the PDF", "[report][pdf]") {
  poppler::require_tools();
  TempDir dir;
  auto [size, width, height] =
      GENERATE(std::make_tuple(PageSize::A4, 595, 842), std::make_tuple(PageSize::Letter, 612, 792));
  std::string pdf = dir.file("every_block.pdf");
  write_pdf_file(every_block_document(), size, pdf);

  std::string text = poppler::squeeze(poppler::pdf_text(dir, pdf));
  for (const std::string& expected : kEveryText) {
    INFO("looking for: " << expected << "\nin: " << text);
    CHECK(has_text(text, expected));
  }
  poppler::PdfInfo info = poppler::pdf_info(dir, pdf);
  CHECK(text.find("Page 1 of " + std::to_string(info.pages)) != std::string::npos);
  CHECK(std::lround(info.width) == width);
  CHECK(std::lround(info.height) == height);
  for (long ink : poppler::ink_per_page(dir, pdf)) CHECK(ink > 20);
}

TEST_CASE("render_pdf: a long table continues over pages, its header row on each, 'Page N of M' right on each",
          "[report][pdf]") {
  poppler::require_tools();
  TempDir dir;
  std::string pdf = dir.file("long.pdf");
  write_pdf_file(long_timeline(300), PageSize::A4, pdf);
  poppler::PdfInfo info = poppler::pdf_info(dir, pdf);
  REQUIRE(info.pages > 1);
  for (int page = 1; page <= info.pages; ++page) {
    std::string text = poppler::pdf_text(dir, pdf, page);
    INFO("page " << page << ":\n" << text);
    CHECK(count_of(text, "When") == 1);
    CHECK(text.find("Page " + std::to_string(page) + " of " + std::to_string(info.pages)) != std::string::npos);
  }
  std::string all = poppler::pdf_text(dir, pdf);
  for (int i : {0, 1, 150, 299}) CHECK(all.find("Note number " + std::to_string(i) + "\n") != std::string::npos);
  auto ink = poppler::ink_per_page(dir, pdf);
  CHECK(static_cast<int>(ink.size()) == info.pages);
  for (long dark : ink) CHECK(dark > 20);
}

TEST_CASE("render_pdf: a heading never ends a page: it goes over with what follows it", "[report][pdf]") {
  poppler::require_tools();
  TempDir dir;
  Document d;
  for (int i = 0; i < 40; ++i) {
    d.blocks.push_back(Heading{"Section " + std::to_string(i)});
    if (i % 4 == 3) d.blocks.push_back(ShareBar{"Talk", {{"Teacher", 60, "60%"}, {"Students", 40, "40%"}}});
    d.blocks.push_back(Paragraph{"Words of section " + std::to_string(i) +
                                 ", long enough to wrap once or twice on "
                                 "the page so that the sections do not all have the same height, and headings land "
                                 "at varied places near the bottom of pages."});
    if (i % 3 == 0) d.blocks.push_back(BulletList{{"one", "two", "three"}});
    // What follows a heading varies, each kind with its own idea of what must come along.
    if (i % 4 == 1) d.blocks.push_back(Subheading{"Part of section " + std::to_string(i)});
    if (i % 4 == 1) {
      std::string value;
      for (int k = 0; k < 30; ++k) value += "wrapping value ";
      d.blocks.push_back(FactTable{{{"Label", value}, {"Other", "short"}}});
    }
    if (i % 5 == 2)
      d.blocks.push_back(
          BarChart{"Counts",
                   {"a", "b"},
                   {BarGroup{"one", {Bar{1, "1"}, Bar{2, "2"}}}, BarGroup{"two", {Bar{3, "3"}, Bar{-1, "none"}}}}});
  }
  std::string pdf = dir.file("headings.pdf");
  write_pdf_file(d, PageSize::Letter, pdf);
  poppler::PdfInfo info = poppler::pdf_info(dir, pdf);
  REQUIRE(info.pages > 2);
  for (int page = 1; page <= info.pages; ++page) {
    std::istringstream lines(poppler::pdf_text(dir, pdf, page));
    std::string line, last;
    while (std::getline(lines, line))
      if (poppler::squeeze(line).size() > 1 && line.find("Page ") == std::string::npos) last = poppler::squeeze(line);
    INFO("page " << page << " ends with: " << last);
    CHECK(last.find("Section") == std::string::npos);
    CHECK(last.find("Part of section") == std::string::npos);
  }
}

TEST_CASE("render_pdf: long text flows on to the next page line by line, losing no line", "[report][pdf]") {
  poppler::require_tools();
  TempDir dir;
  std::string words;
  for (int i = 0; i < 400; ++i) words += "Sentence " + std::to_string(i) + " ends here. ";
  Document d;
  d.blocks.push_back(Paragraph{words});
  std::string pdf = dir.file("flow.pdf");
  write_pdf_file(d, PageSize::A4, pdf);
  REQUIRE(poppler::pdf_info(dir, pdf).pages > 1);
  std::string text = poppler::squeeze(poppler::pdf_text(dir, pdf));
  for (int i = 0; i < 400; ++i) {
    INFO("sentence " << i);
    CHECK(text.find("Sentence " + std::to_string(i) + " ends here.") != std::string::npos);
  }
}

TEST_CASE("render_pdf: a written item stays on one page with its details", "[report][pdf]") {
  poppler::require_tools();
  TempDir dir;
  ItemList items;
  for (int i = 0; i < 60; ++i) {  // items of varied heights, so page ends fall anywhere in an item
    std::string n = std::to_string(i);
    Item item{"Next step " + n, {}};
    for (int k = 0; k < i % 5; ++k) item.details.push_back({"Support", "support" + n + "." + std::to_string(k)});
    item.details.push_back({"Status", "status" + n});
    items.items.push_back(item);
  }
  Document d;
  d.blocks.push_back(items);
  std::string pdf = dir.file("items.pdf");
  write_pdf_file(d, PageSize::Letter, pdf);
  int pages = poppler::pdf_info(dir, pdf).pages;
  REQUIRE(pages > 1);
  std::vector<std::string> page_text;
  for (int page = 1; page <= pages; ++page)
    page_text.push_back(poppler::squeeze(poppler::pdf_text(dir, pdf, page)) + " ");
  auto page_of = [&](const std::string& needle) {
    for (std::size_t p = 0; p < page_text.size(); ++p)
      if (page_text[p].find(needle) != std::string::npos) return static_cast<int>(p) + 1;
    return 0;
  };
  for (int i = 0; i < 60; ++i) {
    std::string n = std::to_string(i);
    INFO("item " << n);
    int first = page_of("Next step " + n + " ");
    CHECK(first > 0);
    CHECK(page_of("Status: status" + n + " ") == first);
  }
}

TEST_CASE("render_pdf: empty documents, lists, maps and charts of zeros render", "[report][pdf]") {
  poppler::require_tools();
  TempDir dir;
  std::string pdf = dir.file("empty.pdf");
  SECTION("an empty document is one page with its footer") {
    write_pdf_file(Document{}, PageSize::A4, pdf);
    CHECK(poppler::pdf_info(dir, pdf).pages == 1);
    CHECK(poppler::pdf_text(dir, pdf).find("Page 1 of 1") != std::string::npos);
  }
  SECTION("empty blocks and charts with nothing to scale") {
    Document d;
    d.title = "Nothing yet";
    d.blocks = {
        Heading{""},
        Paragraph{},
        BulletList{},
        FactTable{},
        Table{},
        Table{{"Only", "a header"}, {}, {}},
        Table{{}, {0, 0}, {{"no header", "zero widths"}}},
        ItemList{},
        ItemList{{Item{}}},
        BarChart{},
        BarChart{"All zero", {"a"}, {BarGroup{"Zero", {Bar{0, "0"}}}, BarGroup{"Gone", {Bar{-1, "not collected"}}}}},
        ShareBar{},
        ShareBar{"No time", {{"Teacher talk", 0, "0%"}, {"Student talk", 0, "0%"}}},
        SeatMap{},
        SeatMap{"Marks but no maximum", 1, 2, 0, {SeatCell{"A1", 0, 0, 0}, SeatCell{"Off", 5, 9, 2}}},
        SeatMap{"A wide room", 3, 60, 4, {SeatCell{"Z", 2, 59, 4}}}};
    write_pdf_file(d, PageSize::Letter, pdf);
    std::string text = poppler::squeeze(poppler::pdf_text(dir, pdf));
    CHECK(text.find("not collected") != std::string::npos);
    CHECK(text.find("no header") != std::string::npos);
    CHECK(poppler::pdf_info(dir, pdf).pages >= 1);
  }
}

TEST_CASE("render_pdf: broken UTF-8 and odd numbers in a note still make the PDF", "[report][pdf]") {
  poppler::require_tools();
  TempDir dir;
  Document d;
  d.title = "A stray byte \xff here";
  d.blocks = {
      Paragraph{std::string("a NUL\0inside", 13)},
      Table{{"\xc3"}, {std::nan("")}, {{"cut \xe2\x82", "more cells than the header"}}},
      BarChart{
          "Odd values", {}, {BarGroup{"g", {Bar{std::nan(""), "nan"}, Bar{HUGE_VAL, "infinite"}, Bar{1e300, "big"}}}}},
      SeatMap{"A room too big to draw", 100000, 100000, 3, {SeatCell{"x", 5, 5, 3}}}};
  std::string pdf = dir.file("odd.pdf");
  write_pdf_file(d, PageSize::A4, pdf);
  std::string text = poppler::squeeze(poppler::pdf_text(dir, pdf));
  CHECK(text.find("A stray byte \xef\xbf\xbd here") != std::string::npos);  // U+FFFD
  CHECK(text.find("a NULinside") != std::string::npos);
  CHECK(text.find("more cells than the header") != std::string::npos);
  CHECK(text.find("infinite") != std::string::npos);
}

TEST_CASE("render_pdf: the bytes are a PDF", "[report][pdf]") {
  std::string bytes = render_pdf(every_block_document(), PageSize::A4);
  REQUIRE(bytes.size() > 1000);
  CHECK(bytes.rfind("%PDF-", 0) == 0);
  CHECK(bytes.find("%%EOF") != std::string::npos);
}

TEST_CASE("write_pdf_file: a folder that does not exist is named in the error, and nothing is left behind",
          "[report][pdf]") {
  TempDir dir;
  std::string path = dir.file("no such folder/visit.pdf");
  REQUIRE_THROWS_WITH(write_pdf_file(every_block_document(), PageSize::A4, path), Catch::Contains(path));
  CHECK_FALSE(std::filesystem::exists(path));
  CHECK_FALSE(std::filesystem::exists(path + ".partial"));
  CHECK(std::filesystem::is_empty(dir.path()));
}

// Not run by default: writes the sample this file's documents make, for a person to look at.
// PEEROBS_PDF_SAMPLE=/tmp/sample.pdf tests/report_tests "[sample]"
TEST_CASE("render_pdf: a sample to look at", "[.][sample]") {
  const char* path = std::getenv("PEEROBS_PDF_SAMPLE");
  REQUIRE(path != nullptr);
  Document d = every_block_document();
  Document timeline = long_timeline(60);
  d.blocks.insert(d.blocks.end(), timeline.blocks.begin(), timeline.blocks.end());
  write_pdf_file(d, PageSize::A4, path);
}
