// The pictures made of bars: bar charts (one row of bars per group, one bar per series, the
// written value beside each bar) and share bars (one bar split into its shares). Lengths are
// scaled to the chart's largest value; a value < 0 was not collected and is drawn as its text in
// grey, never as a bar. A chart is kept on one page when it fits; otherwise it breaks between
// groups, never inside one.
#include <algorithm>
#include <cmath>

#include "core/report/pdf/blocks.h"

namespace core::report::pdf {

namespace {
const TextStyle kLabel{9, false, look::kText};
const TextStyle kValue{8.5, false, look::kText};
const TextStyle kNotCollected{8.5, false, look::kGrey};
const TextStyle kLegend{8.5, false, look::kText};
const TextStyle kShareInside{8, true, {1, 1, 1}};

constexpr double kLabelShare = 0.30;    // of the text width: the group labels' column
constexpr double kColumnGap = 8;        // pt between the labels and the bars
constexpr double kBarGap = 2;           // pt between the bars of a group
constexpr double kGroupGap = 6;         // pt between groups
constexpr double kSwatch = 8;           // pt, a legend's color square
constexpr double kShareBarHeight = 16;  // pt

const Rgb& series_color(std::size_t i) { return look::kPalette[i % look::kPaletteSize]; }

bool collected(double v) { return v >= 0 && std::isfinite(v); }

double caption_height(PageFlow& flow, const std::string& caption) {
  if (caption.empty()) return 0;
  return Typesetter::size_of(flow.ts.lay_out(kTextSlot, caption, look::kCaption, flow.page.text_width)).height + 4;
}

void draw_caption(PageFlow& flow, const std::string& caption) {
  if (caption.empty()) return;
  flow.flow_lines(flow.ts.lay_out(kTextSlot, caption, look::kCaption, flow.page.text_width), flow.page.left,
                  look::kCaption.color);
  flow.y += 4;
}

// Color squares with their names, side by side, wrapping to another line when the width is used.
// Returns the height (pt); draws only when `draw` (and the flow draws).
double legend(PageFlow& flow, const std::vector<std::pair<std::string, Rgb>>& entries, double top, bool draw) {
  const PageGeometry& p = flow.page;
  double x = p.left, y = top, line_h = 0;
  for (const auto& [name, color] : entries) {
    PangoLayout* l = flow.ts.lay_out(kTextSlot, name, kLegend, p.text_width - kSwatch - 4);
    TextSize s = Typesetter::size_of(l);
    double w = kSwatch + 4 + s.width;
    if (x > p.left && x + w > p.left + p.text_width) {
      x = p.left;
      y += line_h + 3;
      line_h = 0;
    }
    if (draw) {
      flow.fill_rect(x, y + (std::min(s.height, 14.0) - kSwatch) / 2, kSwatch, kSwatch, color);
      Typesetter::draw(flow.cr, l, x + kSwatch + 4, y, kLegend.color);
    }
    x += w + 14;
    line_h = std::max(line_h, s.height);
  }
  return entries.empty() ? 0 : y + line_h - top;
}

struct BarGeometry {
  double bar_x = 0;      // pt, where every bar starts
  double bar_room = 0;   // pt, the longest bar
  double bar_h = 0;      // pt, one bar's thickness
  double max_value = 0;  // the chart's largest collected value
  double label_w = 0;    // pt
};

BarGeometry bar_geometry(PageFlow& flow, const BarChart& chart) {
  const PageGeometry& p = flow.page;
  BarGeometry g;
  g.label_w = p.text_width * kLabelShare;
  g.bar_x = p.left + g.label_w + kColumnGap;
  double area = p.text_width - g.label_w - kColumnGap;
  double text_w = 0;
  std::size_t most_bars = 1;
  for (const BarGroup& group : chart.groups) {
    most_bars = std::max(most_bars, group.bars.size());
    for (const Bar& bar : group.bars) {
      if (collected(bar.value)) g.max_value = std::max(g.max_value, bar.value);
      text_w = std::max(text_w, Typesetter::size_of(flow.ts.lay_out(kTextSlot, bar.text, kValue, 0)).width);
    }
  }
  g.bar_room = std::max(0.0, area - std::min(text_w, area * 0.45) - 6);
  g.bar_h = most_bars > 1 ? 9 : 11;
  return g;
}

double group_height(PageFlow& flow, const BarGroup& group, const BarGeometry& g) {
  double label_h = Typesetter::size_of(flow.ts.lay_out(kTextSlot, group.label, kLabel, g.label_w)).height;
  double n = static_cast<double>(group.bars.size());
  double bars_h = n > 0 ? n * g.bar_h + (n - 1) * kBarGap : 0;
  return std::max(label_h, bars_h);
}

std::vector<std::pair<std::string, Rgb>> series_legend(const BarChart& chart) {
  std::vector<std::pair<std::string, Rgb>> entries;
  if (chart.series.size() > 1)
    for (std::size_t i = 0; i < chart.series.size(); ++i) entries.emplace_back(chart.series[i], series_color(i));
  return entries;
}

void draw_group(PageFlow& flow, const BarGroup& group, const BarGeometry& g, double group_h) {
  const PageGeometry& p = flow.page;
  Typesetter::draw(flow.cr, flow.ts.lay_out(kTextSlot, group.label, kLabel, g.label_w), p.left, flow.y, kLabel.color);
  // A hairline where the bars start: a zero is visibly zero.
  flow.fill_rect(g.bar_x - 0.6, flow.y, 0.6, group_h, look::kRule);
  double y = flow.y;
  for (std::size_t i = 0; i < group.bars.size(); ++i) {
    const Bar& bar = group.bars[i];
    PangoLayout* l = flow.ts.lay_out(kTextSlot, bar.text, collected(bar.value) ? kValue : kNotCollected, 0);
    double text_h = Typesetter::size_of(l).height;
    double text_y = y + (g.bar_h - text_h) / 2;
    if (!collected(bar.value)) {
      Typesetter::draw(flow.cr, l, g.bar_x + 3, text_y, kNotCollected.color);
    } else {
      double len = g.max_value > 0 ? bar.value / g.max_value * g.bar_room : 0;
      if (bar.value > 0) len = std::max(len, 1.0);  // a small count still shows
      flow.fill_rect(g.bar_x, y, len, g.bar_h, series_color(i));
      Typesetter::draw(flow.cr, l, g.bar_x + len + 4, text_y, kValue.color);
    }
    y += g.bar_h + kBarGap;
  }
  flow.y += group_h;
}
}  // namespace

namespace {
struct BarChartHeights {
  double head = 0;             // pt: caption and legend
  std::vector<double> groups;  // pt, each group's row
  double total = 0;            // pt, the whole chart
  // What must fit where the chart starts: all of it when it fits on a page, else its head and
  // first group.
  double lead(const PageFlow& flow) const {
    if (total <= flow.room_on_empty_page()) return total;
    return head + (groups.empty() ? 0 : groups.front());
  }
};

BarChartHeights measure(PageFlow& flow, const BarChart& block, const BarGeometry& g,
                        const std::vector<std::pair<std::string, Rgb>>& legend_entries) {
  BarChartHeights h;
  h.head =
      caption_height(flow, block.caption) + (legend_entries.empty() ? 0 : legend(flow, legend_entries, 0, false) + 6);
  h.total = h.head;
  for (const BarGroup& group : block.groups) {
    h.groups.push_back(group_height(flow, group, g));
    h.total += h.groups.back() + kGroupGap;
  }
  return h;
}
}  // namespace

void paint(PageFlow& flow, const BarChart& block) {
  BarGeometry g = bar_geometry(flow, block);
  auto legend_entries = series_legend(block);
  BarChartHeights h = measure(flow, block, g, legend_entries);
  flow.keep_room_for(h.lead(flow));
  draw_caption(flow, block.caption);
  if (!legend_entries.empty()) flow.y += legend(flow, legend_entries, flow.y, true) + 6;
  for (std::size_t i = 0; i < block.groups.size(); ++i) {
    flow.keep_room_for(h.groups[i]);
    draw_group(flow, block.groups[i], g, h.groups[i]);
    flow.y += kGroupGap;
  }
  flow.y += look::kBlockGap - kGroupGap;
}

double lead_height(PageFlow& flow, const BarChart& block) {
  return measure(flow, block, bar_geometry(flow, block), series_legend(block)).lead(flow);
}

namespace {
std::vector<std::pair<std::string, Rgb>> share_legend(PageFlow& flow, const ShareBar& bar) {
  std::vector<std::pair<std::string, Rgb>> entries;
  for (const ShareSegment& s : bar.segments) {
    auto it = flow.share_colors.find(s.label);
    if (it == flow.share_colors.end()) it = flow.share_colors.emplace(s.label, flow.share_colors.size()).first;
    std::string name = s.label;
    if (!s.text.empty()) name += name.empty() ? s.text : ": " + s.text;
    entries.emplace_back(name, series_color(it->second));
  }
  return entries;
}

double share_height(PageFlow& flow, const ShareBar& bar, const std::vector<std::pair<std::string, Rgb>>& entries) {
  return caption_height(flow, bar.caption) + kShareBarHeight + 5 + legend(flow, entries, 0, false);
}
}  // namespace

void paint(PageFlow& flow, const ShareBar& block) {
  const PageGeometry& p = flow.page;
  auto entries = share_legend(flow, block);
  flow.keep_room_for(share_height(flow, block, entries));
  draw_caption(flow, block.caption);
  double sum = 0;
  for (const ShareSegment& s : block.segments) sum += std::max(0, s.percent);
  if (sum <= 0) {  // nothing to split: an empty outline, so the bar is still seen
    flow.outline_rect(p.left, flow.y, p.text_width, kShareBarHeight, look::kRule, 0.6);
  } else {
    double x = p.left;
    for (std::size_t i = 0; i < block.segments.size(); ++i) {
      const ShareSegment& s = block.segments[i];
      double w = p.text_width * std::max(0, s.percent) / sum;
      flow.fill_rect(x, flow.y, w, kShareBarHeight, entries[i].second);
      // The percent inside its segment when it fits; the legend below always has it.
      PangoLayout* l = flow.ts.lay_out(kTextSlot, std::to_string(s.percent) + "%", kShareInside, 0);
      TextSize ts = Typesetter::size_of(l);
      if (ts.width + 6 <= w)
        Typesetter::draw(flow.cr, l, x + (w - ts.width) / 2, flow.y + (kShareBarHeight - ts.height) / 2,
                         kShareInside.color);
      x += w;
      if (i + 1 < block.segments.size() && w > 0) flow.fill_rect(x - 0.5, flow.y, 1, kShareBarHeight, {1, 1, 1});
    }
  }
  flow.y += kShareBarHeight + 5;
  flow.y += legend(flow, entries, flow.y, true);
  flow.y += look::kBlockGap;
}

double lead_height(PageFlow& flow, const ShareBar& block) {
  return share_height(flow, block, share_legend(flow, block));
}

}  // namespace core::report::pdf
