// The text blocks: title and notice, headings, paragraphs, bullets, facts and written items.
// Text flows line by line across pages; a fact row is kept whole, and an item with its details
// is kept on one page when it fits on one.
#include <algorithm>

#include "core/report/pdf/blocks.h"

namespace core::report::pdf {

namespace {
const TextStyle kTitle{20, true, look::kText};
const TextStyle kNotice{9, false, look::kText};
const TextStyle kHeading{14, true, look::kAccent};
const TextStyle kSubheading{11.5, true, look::kText};
const TextStyle kBody{look::kBody, false, look::kText};
const TextStyle kLead{12.5, false, look::kText};
const TextStyle kQuiet{look::kSmall, false, look::kGrey};
const TextStyle kFactLabel{9, true, look::kGrey};
const TextStyle kDetail{9, false, look::kText};

constexpr double kNoticePad = 7;          // pt inside the notice box
constexpr double kHeadingAbove = 14;      // pt
constexpr double kHeadingBelow = 7;       // pt, under the rule
constexpr double kSubheadingAbove = 6;    // pt
constexpr double kSubheadingBelow = 4;    // pt
constexpr double kParagraphBelow = 6;     // pt
constexpr double kIndent = 14;            // pt: bullets' text, items' details
constexpr double kListItemGap = 3;        // pt
constexpr double kItemGap = 8;            // pt between written items
constexpr double kFactLabelShare = 0.32;  // of the text width, at most

const TextStyle& paragraph_style(ParagraphStyle style) {
  switch (style) {
    case ParagraphStyle::Lead:
      return kLead;
    case ParagraphStyle::Quiet:
      return kQuiet;
    case ParagraphStyle::Body:
      break;
  }
  return kBody;
}

PangoLayout* lay_out_detail(PageFlow& flow, const Fact& fact, double width) {
  std::string label = fact.label.empty() ? std::string() : fact.label + ": ";
  return flow.ts.lay_out_labelled(kTextSlot, label + fact.value, label.size(), look::kGrey, kDetail, width);
}

double item_height(PageFlow& flow, const Item& item) {
  double w = flow.page.text_width;
  double h = Typesetter::size_of(flow.ts.lay_out(kTextSlot, item.text, kBody, w)).height;
  for (const Fact& d : item.details) h += 1 + Typesetter::size_of(lay_out_detail(flow, d, w - kIndent)).height;
  return h;
}

double fact_label_width(PageFlow& flow, const FactTable& block) {
  double widest = 0;
  for (const Fact& f : block.rows)
    widest = std::max(widest, Typesetter::size_of(flow.ts.lay_out(kTextSlot, f.label, kFactLabel, 0)).width);
  return std::min(widest + 12, flow.page.text_width * kFactLabelShare);
}

double heading_height(PageFlow& flow, const std::string& text, const TextStyle& style) {
  return Typesetter::size_of(flow.ts.lay_out(kTextSlot, text, style, flow.page.text_width)).height;
}
}  // namespace

void paint_title_and_notice(PageFlow& flow, const Document& document) {
  const PageGeometry& p = flow.page;
  if (!document.title.empty()) {
    flow.flow_lines(flow.ts.lay_out(kTextSlot, document.title, kTitle, p.text_width), p.left, kTitle.color);
    flow.y += 8;
  }
  if (!document.notice.empty()) {
    PangoLayout* l = flow.ts.lay_out(kTextSlot, document.notice, kNotice, p.text_width - 2 * kNoticePad);
    double box_h = Typesetter::size_of(l).height + 2 * kNoticePad;
    flow.keep_room_for(box_h);
    flow.rounded_rect(p.left, flow.y, p.text_width, box_h, 3, look::kTint);
    flow.y += kNoticePad;
    flow.flow_lines(l, p.left + kNoticePad, kNotice.color);
    flow.y += kNoticePad;
  }
  if (!document.title.empty() || !document.notice.empty()) flow.y += 10;
}

void paint(PageFlow& flow, const Heading& block) {
  flow.space_above(kHeadingAbove);
  flow.flow_lines(flow.ts.lay_out(kTextSlot, block.text, kHeading, flow.page.text_width), flow.page.left,
                  kHeading.color);
  flow.y += 2;
  flow.hline(flow.page.left, flow.page.left + flow.page.text_width, flow.y, look::kRule);
  flow.y += kHeadingBelow;
}
double lead_height(PageFlow& flow, const Heading& block) {
  return kHeadingAbove + heading_height(flow, block.text, kHeading) + 2 + kHeadingBelow;
}

void paint(PageFlow& flow, const Subheading& block) {
  flow.space_above(kSubheadingAbove);
  flow.flow_lines(flow.ts.lay_out(kTextSlot, block.text, kSubheading, flow.page.text_width), flow.page.left,
                  kSubheading.color);
  flow.y += kSubheadingBelow;
}
double lead_height(PageFlow& flow, const Subheading& block) {
  return kSubheadingAbove + heading_height(flow, block.text, kSubheading) + kSubheadingBelow;
}

void paint(PageFlow& flow, const Paragraph& block) {
  const TextStyle& style = paragraph_style(block.style);
  PangoLayout* l = flow.ts.lay_out(kTextSlot, block.text, style, flow.page.text_width);
  flow.keep_room_for(Typesetter::first_line_height(l));
  flow.flow_lines(l, flow.page.left, style.color);
  flow.y += block.style == ParagraphStyle::Lead ? kParagraphBelow + 3 : kParagraphBelow;
}
double lead_height(PageFlow& flow, const Paragraph& block) {
  return Typesetter::first_line_height(
      flow.ts.lay_out(kTextSlot, block.text, paragraph_style(block.style), flow.page.text_width));
}

void paint(PageFlow& flow, const BulletList& block) {
  const PageGeometry& p = flow.page;
  for (const std::string& item : block.items) {
    PangoLayout* l = flow.ts.lay_out(kTextSlot, item, kBody, p.text_width - kIndent);
    double line_h = Typesetter::first_line_height(l);
    flow.keep_room_for(line_h);
    // A right-to-left item (Arabic, Hebrew) is set from the right edge: its bullet goes there.
    bool rtl = Typesetter::right_to_left(l);
    // On the first line's baseline, raised to the middle of a lowercase letter: fallback fonts
    // (Devanagari, CJK) have taller lines, so the line's middle would sit low.
    double baseline = static_cast<double>(pango_layout_get_baseline(l)) / PANGO_SCALE;
    flow.dot(rtl ? p.left + p.text_width - 4.5 : p.left + 4.5, flow.y + baseline - kBody.size * 0.3, 1.8, look::kGrey);
    flow.flow_lines(l, rtl ? p.left : p.left + kIndent, kBody.color);
    flow.y += kListItemGap;
  }
  if (!block.items.empty()) flow.y += kParagraphBelow - kListItemGap;
}
double lead_height(PageFlow& flow, const BulletList& block) {
  if (block.items.empty()) return 0;
  return Typesetter::first_line_height(
      flow.ts.lay_out(kTextSlot, block.items.front(), kBody, flow.page.text_width - kIndent));
}

namespace {
// What must fit for a fact row to start on a page: the whole row, unless it is longer than a page
// (then its label and the value's first line, and the value flows on).
double fact_row_lead(PageFlow& flow, const Fact& f, double label_w) {
  double label_h = Typesetter::size_of(flow.ts.lay_out(kTextSlot, f.label, kFactLabel, label_w - 8)).height;
  PangoLayout* value = flow.ts.lay_out(kTextSlot, f.value, kBody, flow.page.text_width - label_w);
  double row_h = std::max(label_h, Typesetter::size_of(value).height);
  if (row_h <= flow.room_on_empty_page()) return row_h;
  return std::max(label_h, Typesetter::first_line_height(value));
}
}  // namespace

void paint(PageFlow& flow, const FactTable& block) {
  const PageGeometry& p = flow.page;
  double label_w = fact_label_width(flow, block);
  for (const Fact& f : block.rows) {
    flow.keep_room_for(fact_row_lead(flow, f, label_w));
    double row_top = flow.y;
    // Bold 9 pt beside regular 10 pt: drop the label a little so both share a baseline.
    PangoLayout* label = flow.ts.lay_out(kTextSlot, f.label, kFactLabel, label_w - 8);
    double label_h = Typesetter::size_of(label).height;
    Typesetter::draw(flow.cr, label, p.left, row_top + 1, kFactLabel.color);
    flow.flow_lines(flow.ts.lay_out(kTextSlot, f.value, kBody, p.text_width - label_w), p.left + label_w, kBody.color);
    if (flow.y < row_top + label_h) flow.y = row_top + label_h;
    flow.y += 3;
  }
  flow.y += look::kBlockGap - 3;
}
double lead_height(PageFlow& flow, const FactTable& block) {
  if (block.rows.empty()) return 0;
  return fact_row_lead(flow, block.rows.front(), fact_label_width(flow, block));
}

void paint(PageFlow& flow, const ItemList& block) {
  const PageGeometry& p = flow.page;
  for (std::size_t i = 0; i < block.items.size(); ++i) {
    const Item& item = block.items[i];
    double h = item_height(flow, item);
    if (h <= flow.room_on_empty_page()) flow.keep_room_for(h);
    PangoLayout* l = flow.ts.lay_out(kTextSlot, item.text, kBody, p.text_width);
    flow.keep_room_for(Typesetter::first_line_height(l));
    flow.flow_lines(l, p.left, kBody.color);
    for (const Fact& d : item.details) {
      flow.y += 1;
      PangoLayout* detail = lay_out_detail(flow, d, p.text_width - kIndent);
      flow.flow_lines(detail, Typesetter::right_to_left(detail) ? p.left : p.left + kIndent, kDetail.color);
    }
    if (i + 1 < block.items.size()) flow.y += kItemGap;
  }
  if (!block.items.empty()) flow.y += look::kBlockGap;
}
double lead_height(PageFlow& flow, const ItemList& block) {
  if (block.items.empty()) return 0;
  double h = item_height(flow, block.items.front());
  if (h <= flow.room_on_empty_page()) return h;
  return Typesetter::first_line_height(
      flow.ts.lay_out(kTextSlot, block.items.front().text, kBody, flow.page.text_width));
}

}  // namespace core::report::pdf
