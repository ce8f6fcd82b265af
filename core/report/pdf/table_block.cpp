// Tables: a shaded header row, cells that wrap within their column's share of the text width,
// hairlines between rows. A row is never split; when rows continue on the next page the header
// row is drawn again above them. The header is laid out once, in its own layout slots, and each
// row in the slots after it: a 2,000-row timeline costs one pango layout per cell and pass.
#include <algorithm>
#include <cmath>

#include "core/report/pdf/blocks.h"

namespace core::report::pdf {

namespace {
const TextStyle kHeaderCell{8.5, true, look::kText};
const TextStyle kCell{9, false, look::kText};
constexpr double kPadX = 4;  // pt inside a cell, left and right
constexpr double kPadY = 3;  // pt inside a cell, above and below

struct Columns {
  std::vector<double> x;      // pt, each column's left edge
  std::vector<double> width;  // pt
};

std::size_t column_count(const Table& t) {
  std::size_t n = t.header.size();
  for (const auto& row : t.rows) n = std::max(n, row.size());
  return n;
}

// Shares as given when they are one per column and positive; equal shares otherwise.
Columns columns_of(const Table& t, std::size_t n, const PageGeometry& p) {
  std::vector<double> share(n, 1.0);
  bool usable = t.widths.size() == n;
  double sum = 0;
  for (double w : t.widths) {
    if (!(w > 0) || !std::isfinite(w)) usable = false;
    sum += w;
  }
  if (usable && sum > 0)
    share = t.widths;
  else
    sum = static_cast<double>(n);
  Columns c;
  double x = p.left;
  for (double s : share) {
    c.x.push_back(x);
    c.width.push_back(p.text_width * s / sum);
    x += c.width.back();
  }
  return c;
}

// Lays a row's cells out in slots first_slot.. and returns the row's height (pt).
double lay_out_row(PageFlow& flow, const std::vector<std::string>& cells, const Columns& cols, int first_slot,
                   const TextStyle& style) {
  static const std::string kEmpty;
  double h = 0;
  for (std::size_t i = 0; i < cols.width.size(); ++i) {
    const std::string& text = i < cells.size() ? cells[i] : kEmpty;
    PangoLayout* l = flow.ts.lay_out(first_slot + static_cast<int>(i), text, style, cols.width[i] - 2 * kPadX);
    h = std::max(h, Typesetter::size_of(l).height);
  }
  return h + 2 * kPadY;
}

void draw_row(PageFlow& flow, const Columns& cols, int first_slot, double row_h, const Rgb& color) {
  if (!flow.drawing()) return;
  bool taller_than_page = row_h > flow.room_on_empty_page();
  if (taller_than_page) {  // cut at the page's edge rather than draw over the footer
    cairo_save(flow.cr);
    cairo_rectangle(flow.cr, 0, flow.y, flow.page.width, flow.page.bottom - flow.y);
    cairo_clip(flow.cr);
  }
  for (std::size_t i = 0; i < cols.width.size(); ++i) {
    PangoLayout* l = flow.ts.lay_out_slot(first_slot + static_cast<int>(i));
    Typesetter::draw(flow.cr, l, cols.x[i] + kPadX, flow.y + kPadY, color);
  }
  if (taller_than_page) cairo_restore(flow.cr);
}
}  // namespace

void paint(PageFlow& flow, const Table& block) {
  std::size_t n = column_count(block);
  if (n == 0) return;
  const PageGeometry& p = flow.page;
  Columns cols = columns_of(block, n, p);
  const int header_slot = kFirstCellSlot;
  const int row_slot = kFirstCellSlot + static_cast<int>(n);
  bool has_header = !block.header.empty();
  double header_h = has_header ? lay_out_row(flow, block.header, cols, header_slot, kHeaderCell) : 0;
  auto draw_header = [&] {
    if (!has_header) return;
    flow.fill_rect(p.left, flow.y, p.text_width, header_h, look::kShade);
    draw_row(flow, cols, header_slot, header_h, kHeaderCell.color);
    flow.y += header_h;
  };

  bool first = true;
  for (const auto& row : block.rows) {
    double row_h = lay_out_row(flow, row, cols, row_slot, kCell);
    if (first) {
      flow.keep_room_for(header_h + row_h);  // the header never ends a page alone
      draw_header();
      first = false;
    } else if (!flow.fits(row_h)) {
      flow.new_page();
      draw_header();
    }
    draw_row(flow, cols, row_slot, row_h, kCell.color);
    flow.y += std::min(row_h, flow.page.bottom - flow.y);
    flow.hline(p.left, p.left + p.text_width, flow.y, look::kRule, 0.4);
  }
  if (first) {  // a header and no rows
    flow.keep_room_for(header_h);
    draw_header();
  }
  flow.y += look::kBlockGap;
}

double lead_height(PageFlow& flow, const Table& block) {
  std::size_t n = column_count(block);
  if (n == 0) return 0;
  Columns cols = columns_of(block, n, flow.page);
  double h = block.header.empty() ? 0 : lay_out_row(flow, block.header, cols, kFirstCellSlot, kHeaderCell);
  if (!block.rows.empty()) h += lay_out_row(flow, block.rows.front(), cols, kFirstCellSlot, kCell);
  return h;
}

}  // namespace core::report::pdf
