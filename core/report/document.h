// A report as plain blocks, before it is a file: what a visit summary or a cycle report says, in
// reading order, with its pictures as data (bars, shares, a seating map). The builders
// (visit_report.h, cycle_report.h) decide what goes in and apply the privacy rules; the renderers
// only lay it out: render_pdf (cairo + pango: desktop and peerobs-cli) and render_html (mustache:
// the browser prints it). Both lay out the same blocks in the same order, so a printed page
// looks the same from either.
// Every value is descriptive: texts as people wrote them, counts, durations, shares. Never a
// score, rating or level.
#pragma once
#include <string>
#include <variant>
#include <vector>

namespace core::report {

// A section of the report: "Evidence", "Prompts and reflections", "Next steps".
struct Heading {
  std::string text;
};

// A part within a section, e.g. whose data follows: "Ana Lopes (observer)".
struct Subheading {
  std::string text;
};

enum class ParagraphStyle {
  Body,   // running text
  Lead,   // stands out: the teacher's focus question
  Quiet,  // small and grey: "Nothing captured with this tool.", "not collected"
};

struct Paragraph {
  std::string text;
  ParagraphStyle style = ParagraphStyle::Body;
};

struct BulletList {
  std::vector<std::string> items;
};

struct Fact {
  std::string label;  // "Class"
  std::string value;  // "8B science"
};

// Label and value rows: who, when, where.
struct FactTable {
  std::vector<Fact> rows;
};

// A table with a header row, e.g. the evidence timeline: "Time", "Kind", "What". The columns'
// widths are shares of the text width (they add up to 1); a cell's text wraps within its column.
struct Table {
  std::vector<std::string> header;
  std::vector<double> widths;
  std::vector<std::vector<std::string>> rows;
};

// Written items with their details: a prompt and the teacher's reflection, a next step with its
// owner, support, follow-up date and status, a debrief note.
struct Item {
  std::string text;           // the item as written
  std::vector<Fact> details;  // shown under it, indented ("Reflection", "Owner", ...)
};

struct ItemList {
  std::vector<Item> items;
};

// Bars side by side per group: one group per counter (or timer), one bar per series (one visit of
// a cycle; a single series for one visit). A bar with value < 0 was not collected: it is drawn as
// no bar, with its text ("not collected") in its place, never as 0.
struct Bar {
  double value = 0;  // in the chart's own unit (taps, minutes)
  std::string text;  // what is written beside the bar: "7", "4 min 10 s", "not collected"
};

struct BarGroup {
  std::string label;      // "Open questions"
  std::vector<Bar> bars;  // one per series, in series order
};

struct BarChart {
  std::string caption;              // "Counts"
  std::vector<std::string> series;  // the legend ("19 Nov", "3 Dec"); empty or one = no legend
  std::vector<BarGroup> groups;
};

// One exclusive timer group as one bar split into shares: "Teacher talk 62% · Student talk 38%".
struct ShareSegment {
  std::string label;  // "Teacher talk"
  int percent = 0;    // the shares of a bar add up to 100
  std::string text;   // "62% · 12 min 30 s"
};

struct ShareBar {
  std::string caption;  // the group's name or its series label ("19 Nov")
  std::vector<ShareSegment> segments;
};

// The seating-chart participation map: the room as a grid seen from the back, front row at the
// top, each seat with its label and its marks; darker means more marks, relative to max_marks.
struct SeatCell {
  std::string label;  // "Ben" or "A3"
  int row = 0;        // 0 = front of the room
  int col = 0;
  int marks = 0;
};

struct SeatMap {
  std::string caption;  // "Participation (seat marks): 23 in all"
  int rows = 0, cols = 0;
  int max_marks = 0;
  std::vector<SeatCell> seats;  // seats only; empty grid cells are aisles or no desk
};

using Block =
    std::variant<Heading, Subheading, Paragraph, BulletList, FactTable, Table, ItemList, BarChart, ShareBar, SeatMap>;

struct Document {
  std::string title;     // "Visit summary: 8B science, 19 Nov 2026"
  std::string notice;    // the plain line at the top: descriptive evidence, not an evaluation
  std::string made_for;  // "Made by Ana Lopes on 2 Dec 2026 for Mia Chen: what Mia may see."
  std::vector<Block> blocks;
};

enum class PageSize { A4, Letter };

// "a4" / "letter" (the words peerobs-cli takes); false for anything else.
bool page_size_from_name(const std::string& name, PageSize& out);

}  // namespace core::report
