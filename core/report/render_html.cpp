// A report as one printable HTML page (see render_html.h). The page is one mustache template,
// compiled into the program as a raw string: the browser build and the desktop have no template
// file to lose, so rendering cannot fail at run time for a missing or stale asset. C++ only turns
// the Document into mustache data (texts as they are; geometry of the SVG pictures as numbers it
// computed); every text reaches the page through {{ }}, which escapes it. Guarantees: the same
// blocks in the same order as the PDF; no script, nothing fetched; every number finite (no NaN or
// inf from empty charts, zero maxima or 0x0 seat maps).
#include "core/report/render_html.h"

#include <kainjow/mustache.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <iterator>
#include <stdexcept>
#include <string>
#include <vector>

namespace core::report {

namespace {

using kainjow::mustache::data;
using kainjow::mustache::mustache;

// [SECTION] The page template
// Each block is an object with exactly one of heading, subheading, ... set; sections pick its markup.
// Texts carry dir="auto" so Arabic or Hebrew lines run right to left on their own.
// clang-format off
const char* const kPage = R"PAGE(<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{page_title}}</title>
<style>
@page { size: {{page_size}}; margin: 18mm }
* { box-sizing: border-box }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact }
body { font-family: "Noto Sans", system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; font-size: 11pt;
       line-height: 1.4; color: #1f2933; background: #fff; margin: 0 auto; padding: 12mm; max-width: 194mm }
@media print { body { padding: 0; max-width: none } }
h1 { font-size: 18pt; line-height: 1.25; margin: 0 0 3mm }
h2 { font-size: 13.5pt; color: #2f5d8a; margin: 6mm 0 2mm; padding-bottom: 1mm; border-bottom: 0.4mm solid #c9d7e6 }
h3 { font-size: 11.5pt; margin: 4mm 0 1.5mm }
h2, h3, figcaption { break-after: avoid; page-break-after: avoid }
p { margin: 0 0 2mm }
p.lead { font-size: 12.5pt }
p.quiet { font-size: 9.5pt; color: #6b7280 }
.notice { background: #eef3f8; border: 0.3mm solid #d6e1ec; border-radius: 2mm; padding: 2.5mm 3.5mm; margin: 0 0 4mm }
ul.bullets { margin: 0 0 2mm; padding: 0 6mm }  /* both sides: a right-to-left item has its bullet on the right */
ul.bullets li { margin: 0 0 1mm }
table { border-collapse: collapse; width: 100%; margin: 0 0 3mm; table-layout: fixed }
th, td { text-align: start; vertical-align: top; padding: 1.2mm 2mm; overflow-wrap: anywhere }
thead { display: table-header-group }
tr, .item, figure, .seat-map { break-inside: avoid; page-break-inside: avoid }
table.facts th { width: 30%; color: #4b5563; font-weight: 600 }
table.facts th, table.facts td { border-bottom: 0.2mm solid #e5e7eb }
table.grid th { background: #e8eef5; border: 0.2mm solid #c9d3de }
table.grid td { border: 0.2mm solid #d8dee6 }
ul.items { list-style: none; margin: 0 0 3mm; padding: 0 }
.item { margin: 0 0 2.5mm; padding: 0 0 2mm; border-bottom: 0.2mm solid #eceff3 }
.item-text { margin: 0 0 1mm }
.detail { margin: 0 0 0.5mm 6mm; font-size: 10pt }
.detail-label { color: #4b5563; font-weight: 600 }
figure { margin: 2mm 0 4mm }
figcaption { font-weight: 600; margin: 0 0 1.5mm }
.legend { display: flex; flex-wrap: wrap; gap: 1mm 5mm; font-size: 9.5pt; margin: 0 0 2mm }
.key { display: inline-flex; align-items: center; gap: 1.5mm }
.key svg { flex: none; width: 3mm; height: 3mm }
.bar-row { display: flex; align-items: flex-start; gap: 3mm; margin: 0 0 1.5mm }
.bar-label { flex: 0 0 32%; font-size: 10pt; padding-top: 0.3mm }
.bar-row > svg { flex: 1 1 auto; width: 100%; height: auto }
svg text { font-family: inherit }
.share > svg { width: 100%; height: auto; display: block; margin: 0 0 1.5mm }
.seat-map > svg { max-width: 100%; height: auto; display: block }
footer { margin-top: 8mm; padding-top: 2mm; border-top: 0.3mm solid #e5e7eb; font-size: 9.5pt; color: #6b7280 }
</style>
</head>
<body>
{{#has_title}}<h1 dir="auto">{{title}}</h1>{{/has_title}}
{{#has_notice}}<div class="notice" dir="auto">{{notice}}</div>{{/has_notice}}
{{#blocks}}
{{#heading}}<h2 dir="auto">{{text}}</h2>{{/heading}}
{{#subheading}}<h3 dir="auto">{{text}}</h3>{{/subheading}}
{{#paragraph}}<p class="{{style}}" dir="auto">{{text}}</p>{{/paragraph}}
{{#bullets}}<ul class="bullets">{{#items}}<li dir="auto">{{text}}</li>{{/items}}</ul>{{/bullets}}
{{#facts}}<table class="facts"><tbody>{{#rows}}<tr><th scope="row" dir="auto">{{label}}</th><td dir="auto">{{value}}</td></tr>{{/rows}}</tbody></table>{{/facts}}
{{#table}}<table class="grid"><colgroup>{{#columns}}<col style="width:{{percent}}%">{{/columns}}</colgroup>
<thead><tr>{{#header}}<th scope="col" dir="auto">{{text}}</th>{{/header}}</tr></thead>
<tbody>{{#rows}}<tr>{{#cells}}<td dir="auto">{{text}}</td>{{/cells}}</tr>
{{/rows}}</tbody></table>{{/table}}
{{#item_list}}<ul class="items">{{#items}}<li class="item"><p class="item-text" dir="auto">{{text}}</p>{{#details}}
<div class="detail" dir="auto"><span class="detail-label">{{label}}:</span> {{value}}</div>{{/details}}</li>
{{/items}}</ul>{{/item_list}}
{{#bar_chart}}<figure class="chart bar-chart">{{#has_caption}}<figcaption dir="auto">{{caption}}</figcaption>{{/has_caption}}
{{#has_legend}}<div class="legend">{{#legend}}<span class="key"><svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true"><rect width="12" height="12" rx="2" fill="{{color}}"/></svg><span dir="auto">{{name}}</span></span>{{/legend}}</div>{{/has_legend}}
{{#groups}}<div class="bar-row"><div class="bar-label" dir="auto">{{label}}</div><svg viewBox="0 0 {{width}} {{height}}" width="{{width}}" height="{{height}}" role="img">
{{#bars}}{{#drawn}}<rect class="bar" x="0" y="{{y}}" width="{{length}}" height="{{bar_height}}" rx="1.5" fill="{{color}}"/>
<text x="{{text_x}}" y="{{text_y}}" font-size="11" fill="#1f2933">{{text}}</text>
{{/drawn}}{{^drawn}}<text class="not-collected" x="0" y="{{text_y}}" font-size="11" font-style="italic" fill="#8a9099">{{text}}</text>
{{/drawn}}{{/bars}}</svg></div>
{{/groups}}</figure>{{/bar_chart}}
{{#share_bar}}<figure class="chart share">{{#has_caption}}<figcaption dir="auto">{{caption}}</figcaption>{{/has_caption}}
<svg viewBox="0 0 {{width}} 22" width="{{width}}" height="22" role="img"><rect x="0" y="0" width="{{width}}" height="22" rx="3" fill="#f3f4f6" stroke="#d1d5db" stroke-width="0.5"/>
{{#segments}}{{#drawn}}<rect class="share-part" x="{{x}}" y="0" width="{{w}}" height="22" fill="{{color}}"/>{{/drawn}}
{{/segments}}</svg>
<div class="legend">{{#segments}}<span class="key"><svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true"><rect width="12" height="12" rx="2" fill="{{color}}"/></svg><span dir="auto">{{label}}</span> <span dir="auto">{{text}}</span></span>{{/segments}}</div></figure>{{/share_bar}}
{{#seat_map}}<figure class="chart seat-map">{{#has_caption}}<figcaption dir="auto">{{caption}}</figcaption>{{/has_caption}}
{{#has_grid}}<svg viewBox="0 0 {{width}} {{height}}" width="{{width}}" height="{{height}}" role="img">
<rect x="0" y="0" width="{{width}}" height="20" rx="3" fill="#e5e7eb"/><text x="{{middle}}" y="14" font-size="11" text-anchor="middle" fill="#4b5563">Front of the room</text>
{{#seats}}<g><title>{{label}}: {{marks}}</title><rect class="seat" x="{{x}}" y="{{y}}" width="{{w}}" height="{{h}}" rx="6" fill="{{fill}}" stroke="#9aa8b8" stroke-width="0.6"/>
<text x="{{cx}}" y="{{label_y}}" font-size="11" text-anchor="middle" fill="{{ink}}">{{shown_label}}</text>
<text x="{{cx}}" y="{{marks_y}}" font-size="13" font-weight="600" text-anchor="middle" fill="{{ink}}">{{marks}}</text></g>
{{/seats}}</svg>{{/has_grid}}</figure>{{/seat_map}}
{{/blocks}}
{{#has_made_for}}<footer dir="auto">{{made_for}}</footer>{{/has_made_for}}
</body>
</html>
)PAGE";
// clang-format on

// [SECTION] Numbers and colours
// Calm, distinct series colours that survive greyscale printing in order of lightness.
const char* const kSeriesColors[] = {"#4c78a8", "#e39c4b", "#59a07b", "#b07aa1", "#8c7a5b", "#6fa8c7", "#c9a227"};
const char* const kShareColors[] = {"#4c78a8", "#a9c6e3", "#e39c4b", "#59a07b", "#b07aa1", "#c9a227", "#8c7a5b"};

const char* series_color(std::size_t i) { return kSeriesColors[i % std::size(kSeriesColors)]; }
const char* share_color(std::size_t i) { return kShareColors[i % std::size(kShareColors)]; }

// A coordinate with one decimal, written the same in every locale (printf would follow LC_NUMERIC
// and could write "12,5", which SVG does not read). Non-finite values become 0.
std::string num(double v) {
  if (!std::isfinite(v)) v = 0;
  v = std::clamp(v, -1e9, 1e9);
  const auto tenths = static_cast<std::int64_t>(std::llround(v * 10));
  const std::int64_t whole = tenths / 10, frac = tenths % 10;
  std::string s = (tenths < 0 && whole == 0 ? "-" : "") + std::to_string(whole);
  if (frac != 0) s += "." + std::to_string(frac < 0 ? -frac : frac);
  return s;
}

std::string hex2(int v) {
  const char* digits = "0123456789abcdef";
  return {digits[(v >> 4) & 15], digits[v & 15]};
}

// A seat's colours: from a pale blue-grey (no marks) to a deep blue (the most marks), t in [0, 1];
// the text is white only where the fill is dark enough to read it (luma below about half).
struct SeatInk {
  std::string fill, text;
};
SeatInk seat_ink(double t) {
  const int from[3] = {0xf1, 0xf5, 0xf9}, to[3] = {0x2f, 0x5d, 0x8a};
  const double weight[3] = {0.2126, 0.7152, 0.0722};
  SeatInk ink{"#", ""};
  double luma = 0;
  for (int i = 0; i < 3; ++i) {
    const int c = static_cast<int>(std::lround(from[i] + (to[i] - from[i]) * t));
    ink.fill += hex2(c);
    luma += weight[i] * c;
  }
  ink.text = luma < 125 ? "#ffffff" : "#1f2933";
  return ink;
}

// The first `max` characters (code points) of a UTF-8 text, with "…" when cut.
std::string shorten(const std::string& s, std::size_t max) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xc0) == 0x80) continue;
    if (count++ == max) return s.substr(0, i) + "\xe2\x80\xa6";
  }
  return s;
}

std::size_t code_points(const std::string& s) {
  return static_cast<std::size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xc0) != 0x80; }));
}

data text_list(const std::vector<std::string>& texts) {
  data list{data::type::list};
  for (const auto& t : texts) list.push_back(data{"text", t});
  return list;
}

data fact_list(const std::vector<Fact>& facts) {
  data list{data::type::list};
  for (const auto& f : facts) {
    data row;
    row.set("label", f.label);
    row.set("value", f.value);
    list.push_back(row);
  }
  return list;
}

// [SECTION] Blocks as mustache data
data block_data(const Heading& b) { return data{"heading", data{"text", b.text}}; }
data block_data(const Subheading& b) { return data{"subheading", data{"text", b.text}}; }

data block_data(const Paragraph& b) {
  data p;
  p.set("text", b.text);
  p.set("style", b.style == ParagraphStyle::Lead ? "lead" : b.style == ParagraphStyle::Quiet ? "quiet" : "body");
  return data{"paragraph", p};
}

data block_data(const BulletList& b) { return data{"bullets", data{"items", text_list(b.items)}}; }
data block_data(const FactTable& b) { return data{"facts", data{"rows", fact_list(b.rows)}}; }

data block_data(const Table& b) {
  std::size_t columns = b.header.size();
  for (const auto& row : b.rows) columns = std::max(columns, row.size());
  // The given shares when they fit the columns, else equal columns.
  double total = 0;
  bool usable = b.widths.size() == columns;
  for (double w : b.widths) {
    usable = usable && std::isfinite(w) && w >= 0;
    total += usable ? w : 0;
  }
  usable = usable && total > 0;
  data cols{data::type::list};
  for (std::size_t i = 0; i < columns; ++i) {
    const double share = usable ? b.widths[i] / total : 1.0 / static_cast<double>(columns);
    cols.push_back(data{"percent", num(share * 100)});
  }
  std::vector<std::string> header = b.header;
  header.resize(columns);
  data rows{data::type::list};
  for (const auto& row : b.rows) {
    std::vector<std::string> cells = row;
    cells.resize(columns);  // every row as wide as the table, so its borders line up
    rows.push_back(data{"cells", text_list(cells)});
  }
  data t;
  t.set("columns", cols);
  t.set("header", text_list(header));
  t.set("rows", rows);
  return data{"table", t};
}

data block_data(const ItemList& b) {
  data items{data::type::list};
  for (const auto& item : b.items) {
    data i;
    i.set("text", item.text);
    i.set("details", fact_list(item.details));
    items.push_back(i);
  }
  return data{"item_list", data{"items", items}};
}

data block_data(const BarChart& b) {
  // One SVG per group, 400 units wide: bars share the first 270, their texts follow.
  constexpr double kWidth = 400, kBarSpace = 270, kBarHeight = 14, kStep = 19;
  double max = 0;
  for (const auto& g : b.groups)
    for (const auto& bar : g.bars)
      if (std::isfinite(bar.value) && bar.value > max) max = bar.value;
  data groups{data::type::list};
  for (const auto& g : b.groups) {
    data bars{data::type::list};
    for (std::size_t i = 0; i < g.bars.size(); ++i) {
      const Bar& bar = g.bars[i];
      // Not collected (value < 0, or no number at all) is written, never drawn as a bar of 0.
      const bool drawn = std::isfinite(bar.value) && bar.value >= 0;
      // A collected 0 keeps a sliver, so it reads as "counted, none" rather than missing.
      const double length = drawn ? std::max(1.5, max > 0 ? bar.value / max * kBarSpace : 0) : 0;
      const double y = static_cast<double>(i) * kStep + 2;
      data d;
      d.set("drawn", drawn);
      d.set("y", num(y));
      d.set("bar_height", num(kBarHeight));
      d.set("length", num(length));
      d.set("color", series_color(i));
      d.set("text_x", num(length + 6));
      d.set("text_y", num(y + 11));
      d.set("text", bar.text);
      bars.push_back(d);
    }
    data group;
    group.set("label", g.label);
    group.set("width", num(kWidth));
    group.set("height", num(std::max<double>(1, static_cast<double>(g.bars.size())) * kStep + 2));
    group.set("bars", bars);
    groups.push_back(group);
  }
  data legend{data::type::list};
  for (std::size_t i = 0; i < b.series.size(); ++i) {
    data key;
    key.set("name", b.series[i]);
    key.set("color", series_color(i));
    legend.push_back(key);
  }
  data c;
  c.set("caption", b.caption);
  c.set("has_caption", !b.caption.empty());
  c.set("has_legend", b.series.size() > 1);
  c.set("legend", legend);
  c.set("groups", groups);
  return data{"bar_chart", c};
}

data block_data(const ShareBar& b) {
  constexpr double kWidth = 560;
  double total = 0;
  for (const auto& s : b.segments) total += std::max(0, s.percent);
  data segments{data::type::list};
  double x = 0;
  for (std::size_t i = 0; i < b.segments.size(); ++i) {
    const ShareSegment& s = b.segments[i];
    const double w = total > 0 ? std::max(0, s.percent) / total * kWidth : 0;
    data seg;
    seg.set("drawn", w > 0);
    seg.set("x", num(x));
    seg.set("w", num(w));
    seg.set("color", share_color(i));
    seg.set("label", s.label);
    seg.set("text", s.text);
    segments.push_back(seg);
    x += w;
  }
  data c;
  c.set("caption", b.caption);
  c.set("has_caption", !b.caption.empty());
  c.set("width", num(kWidth));
  c.set("segments", segments);
  return data{"share_bar", c};
}

data block_data(const SeatMap& b) {
  // The grid as given, grown to hold any seat placed outside it; seats at negative places are left out.
  int rows = std::max(0, b.rows), cols = std::max(0, b.cols);
  std::size_t longest = 0;
  for (const auto& s : b.seats) {
    if (s.row < 0 || s.col < 0) continue;
    rows = std::max(rows, s.row + 1);
    cols = std::max(cols, s.col + 1);
    longest = std::max(longest, code_points(s.label));
  }
  // A cell fits its longest label up to about 14 characters; longer ones are cut (the full label
  // stays in the seat's tooltip title).
  const std::size_t fit = std::clamp<std::size_t>(longest, 6, 14);
  const double cell_w = static_cast<double>(fit) * 6.6 + 14, cell_h = 46, gap = 8, top = 28;
  const double width = std::max(1, cols) * (cell_w + gap) - gap;
  const double height = top + std::max(1, rows) * (cell_h + gap) - gap;
  int max_marks = b.max_marks;
  for (const auto& s : b.seats) max_marks = std::max(max_marks, s.marks);
  data seats{data::type::list};
  for (const auto& s : b.seats) {
    if (s.row < 0 || s.col < 0) continue;
    const double t = max_marks > 0 ? std::clamp(static_cast<double>(s.marks) / max_marks, 0.0, 1.0) : 0;
    const double x = s.col * (cell_w + gap), y = top + s.row * (cell_h + gap);
    data seat;
    seat.set("x", num(x));
    seat.set("y", num(y));
    seat.set("w", num(cell_w));
    seat.set("h", num(cell_h));
    seat.set("cx", num(x + cell_w / 2));
    seat.set("label_y", num(y + 18));
    seat.set("marks_y", num(y + 36));
    const SeatInk ink = seat_ink(t);
    seat.set("fill", ink.fill);
    seat.set("ink", ink.text);
    seat.set("label", s.label);
    seat.set("shown_label", shorten(s.label, fit));
    seat.set("marks", std::to_string(s.marks));
    seats.push_back(seat);
  }
  data m;
  m.set("caption", b.caption);
  m.set("has_caption", !b.caption.empty());
  m.set("has_grid", rows > 0 && cols > 0);
  m.set("width", num(width));
  m.set("height", num(height));
  m.set("middle", num(width / 2));
  m.set("seats", seats);
  return data{"seat_map", m};
}

}  // namespace

std::string render_html(const Document& document, PageSize size) {
  data blocks{data::type::list};
  for (const auto& block : document.blocks)
    blocks.push_back(std::visit([](const auto& b) { return block_data(b); }, block));
  data page;
  page.set("page_title", document.title.empty() ? std::string("peerobs report") : document.title);
  page.set("page_size", size == PageSize::Letter ? "letter" : "A4");
  page.set("has_title", !document.title.empty());
  page.set("title", document.title);
  page.set("has_notice", !document.notice.empty());
  page.set("notice", document.notice);
  page.set("has_made_for", !document.made_for.empty());
  page.set("made_for", document.made_for);
  page.set("blocks", blocks);

  mustache page_template{kPage};
  if (!page_template.is_valid())
    throw std::runtime_error("The report's page template does not parse: " + page_template.error_message());
  std::string html = page_template.render(page);
  if (!page_template.is_valid())
    throw std::runtime_error("The report's page could not be rendered: " + page_template.error_message());
  return html;
}

}  // namespace core::report
