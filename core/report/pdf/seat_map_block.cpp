// The seating map: the room's grid seen from the back, front row at the top under a "Front of
// the room" label; each seat a rounded cell with its label and marks, darker with more marks
// (relative to the map's most). Aisles stay blank. The map is kept on one page: a grid too tall
// for a page gets shorter cells, a wide one narrower cells and smaller text.
#include <algorithm>
#include <cmath>

#include "core/report/pdf/blocks.h"

namespace core::report::pdf {

namespace {
const TextStyle kFront{8, false, look::kGrey};
constexpr Rgb kNoMarks{0.95, 0.96, 0.97};
constexpr Rgb kMostMarks{0.15, 0.33, 0.52};
constexpr double kMaxCellWidth = 78;  // pt: a small class does not fill the page with boxes
constexpr double kGap = 4;            // pt between cells

struct Grid {
  double caption_h = 0, front_h = 0, key_h = 0;
  double cell_w = 0, cell_h = 0, gap = kGap;
  double x = 0;      // pt, the grid's left edge
  double total = 0;  // pt, everything the map takes
};

double grid_extent(int n, double cell, double gap) { return n * cell + (n - 1) * gap; }

Grid grid_of(PageFlow& flow, const SeatMap& map) {
  const PageGeometry& p = flow.page;
  Grid g;
  if (!map.caption.empty())
    g.caption_h = Typesetter::size_of(flow.ts.lay_out(kTextSlot, map.caption, look::kCaption, p.text_width)).height + 4;
  if (map.rows <= 0 || map.cols <= 0) {
    g.total = g.caption_h;
    return g;
  }
  g.front_h = Typesetter::size_of(flow.ts.lay_out(kTextSlot, "Front of the room", kFront, 0)).height + 6;
  g.key_h = g.front_h;
  g.gap = std::min(kGap, p.text_width / map.cols * 0.1);
  g.cell_w = std::min(kMaxCellWidth, (p.text_width - (map.cols - 1) * g.gap) / map.cols);
  g.cell_h = std::clamp(g.cell_w * 0.6, std::min(g.cell_w, 16.0), 40.0);
  double room = flow.room_on_empty_page() - g.caption_h - g.front_h - g.key_h;
  if (grid_extent(map.rows, g.cell_h, g.gap) > room) {
    g.gap = std::min(g.gap, std::max(0.0, room) / map.rows * 0.1);
    g.cell_h = std::max(0.0, (room - (map.rows - 1) * g.gap) / map.rows);
  }
  g.x = p.left + (p.text_width - grid_extent(map.cols, g.cell_w, g.gap)) / 2;
  g.total = g.caption_h + g.front_h + grid_extent(map.rows, g.cell_h, g.gap) + g.key_h;
  return g;
}

Rgb mix(const Rgb& a, const Rgb& b, double t) {
  return {a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t, a.b + (b.b - a.b) * t};
}

void draw_seat(PageFlow& flow, const SeatCell& seat, const Grid& g, double top, int most) {
  double x = g.x + seat.col * (g.cell_w + g.gap);
  double y = top + seat.row * (g.cell_h + g.gap);
  double t = most > 0 ? std::clamp(static_cast<double>(seat.marks) / most, 0.0, 1.0) : 0.0;
  Rgb fill = mix(kNoMarks, kMostMarks, t);
  flow.rounded_rect(x, y, g.cell_w, g.cell_h, 3, fill);
  if (t == 0.0) flow.outline_rect(x, y, g.cell_w, g.cell_h, look::kRule, 0.5);  // still a seat
  Rgb ink = t > 0.5 ? Rgb{1, 1, 1} : look::kText;
  double size = std::clamp(g.cell_h * 0.3, 4.0, 8.0);
  double inner_w = g.cell_w - 4;
  if (g.cell_h < 6 || inner_w < 6) return;  // too small for text: the shade says it
  PangoLayout* label = flow.ts.lay_out(kTextSlot, seat.label, TextStyle{size, true, ink}, inner_w, true);
  TextSize label_size = Typesetter::size_of(label);
  PangoLayout* count_probe = flow.ts.lay_out(kFirstCellSlot, "0", TextStyle{size, false, ink}, 0);
  double line_h = Typesetter::size_of(count_probe).height;
  bool two_lines = g.cell_h >= 2 * line_h + 2;
  double label_y = two_lines ? y + (g.cell_h - 2 * line_h) / 2 : y + (g.cell_h - label_size.height) / 2;
  Typesetter::draw(flow.cr, label, x + (g.cell_w - label_size.width) / 2, label_y, ink);
  if (!two_lines) return;
  PangoLayout* count = flow.ts.lay_out(kTextSlot, std::to_string(seat.marks), TextStyle{size, false, ink}, inner_w);
  double count_w = Typesetter::size_of(count).width;
  Typesetter::draw(flow.cr, count, x + (g.cell_w - count_w) / 2, label_y + line_h, ink);
}
}  // namespace

void paint(PageFlow& flow, const SeatMap& block) {
  const PageGeometry& p = flow.page;
  Grid g = grid_of(flow, block);
  flow.keep_room_for(g.total);
  if (!block.caption.empty()) {
    Typesetter::draw(flow.cr, flow.ts.lay_out(kTextSlot, block.caption, look::kCaption, p.text_width), p.left, flow.y,
                     look::kCaption.color);
    flow.y += g.caption_h;
  }
  if (block.rows <= 0 || block.cols <= 0) {
    flow.y += look::kBlockGap;
    return;
  }
  double grid_w = grid_extent(block.cols, g.cell_w, g.gap);
  PangoLayout* front = flow.ts.lay_out(kTextSlot, "Front of the room", kFront, 0);
  double front_w = Typesetter::size_of(front).width;
  Typesetter::draw(flow.cr, front, g.x + (grid_w - front_w) / 2, flow.y, kFront.color);
  flow.hline(g.x, g.x + grid_w, flow.y + g.front_h - 3, look::kRule, 1.2);
  flow.y += g.front_h;
  int most = block.max_marks;
  for (const SeatCell& s : block.seats) most = std::max(most, s.marks);
  for (const SeatCell& s : block.seats) {
    if (s.row < 0 || s.row >= block.rows || s.col < 0 || s.col >= block.cols) continue;  // not in the room
    if (flow.drawing()) draw_seat(flow, s, g, flow.y, most);
  }
  flow.y += grid_extent(block.rows, g.cell_h, g.gap) + 4;
  std::string key = most > 0 ? "Darker seats: more marks (most: " + std::to_string(most) + ")." : "No marks yet.";
  Typesetter::draw(flow.cr, flow.ts.lay_out(kTextSlot, key, kFront, p.text_width), p.left, flow.y, kFront.color);
  flow.y += g.key_h - 4 + look::kBlockGap;
}

double lead_height(PageFlow& flow, const SeatMap& block) { return grid_of(flow, block).total; }

}  // namespace core::report::pdf
