// See page_flow.h.
#include "core/report/pdf/page_flow.h"

#include <pango/pangocairo.h>

#include <algorithm>
#include <cmath>

namespace core::report::pdf {

namespace {
constexpr double kMargin = 18.0 / 25.4 * 72.0;  // 18 mm
constexpr double kFooterGap = 12;               // pt between the content and the footer
constexpr double kPageNumberWidth = 90;         // pt kept for "Page 12 of 34"
}  // namespace

PageGeometry page_geometry(PageSize size, Typesetter& ts, const std::string& made_for) {
  PageGeometry g;
  if (size == PageSize::A4) {
    g.width = 210.0 / 25.4 * 72.0;
    g.height = 297.0 / 25.4 * 72.0;
  } else {
    g.width = 8.5 * 72.0;
    g.height = 11.0 * 72.0;
  }
  g.left = kMargin;
  g.text_width = g.width - 2 * kMargin;
  g.top = kMargin;
  TextStyle small{look::kSmall, false, look::kGrey};
  double footer_h = Typesetter::size_of(ts.lay_out(kFooterSlot, "Page 1", small, 0)).height;
  if (!made_for.empty()) {
    double made_for_h =
        Typesetter::size_of(ts.lay_out(kFooterSlot, made_for, small, g.text_width - kPageNumberWidth)).height;
    footer_h = std::max(footer_h, made_for_h);
  }
  g.footer_top = g.height - kMargin - footer_h;
  g.bottom = g.footer_top - kFooterGap;
  return g;
}

PageFlow::PageFlow(Typesetter& typesetter, cairo_t* context, const PageGeometry& geometry, const std::string& made_for,
                   int total_pages)
    : ts(typesetter), cr(context), page(geometry), y(geometry.top), made_for_(made_for), total_pages_(total_pages) {}

void PageFlow::keep_room_for(double height) {
  if (!fits(height) && !at_top()) new_page();
}

void PageFlow::new_page() {
  draw_footer();
  if (cr) cairo_show_page(cr);
  ++page_number_;
  y = page.top;
}

void PageFlow::finish() {
  draw_footer();
  if (cr) cairo_show_page(cr);
}

void PageFlow::draw_footer() {
  if (!cr) return;
  TextStyle small{look::kSmall, false, look::kGrey};
  hline(page.left, page.left + page.text_width, page.footer_top - 4, look::kRule);
  if (!made_for_.empty()) {
    PangoLayout* l = ts.lay_out(kFooterSlot, made_for_, small, page.text_width - kPageNumberWidth);
    Typesetter::draw(cr, l, page.left, page.footer_top, small.color);
  }
  std::string number = "Page " + std::to_string(page_number_) + " of " + std::to_string(total_pages_);
  PangoLayout* l = ts.lay_out(kFooterSlot, number, small, 0);
  double w = Typesetter::size_of(l).width;
  Typesetter::draw(cr, l, page.left + page.text_width - w, page.footer_top, small.color);
}

void PageFlow::flow_lines(PangoLayout* layout, double x, const Rgb& color) {
  LayoutIterPtr iter(pango_layout_get_iter(layout));
  double origin = y;  // the page y of the layout's top, moved up when lines go to a new page
  if (cr) cairo_set_source_rgb(cr, color.r, color.g, color.b);
  do {
    int top = 0, bottom = 0;
    pango_layout_iter_get_line_yrange(iter.get(), &top, &bottom);
    double line_top = static_cast<double>(top) / PANGO_SCALE;
    double line_bottom = static_cast<double>(bottom) / PANGO_SCALE;
    if (origin + line_bottom > page.bottom + 0.01 && origin + line_top > page.top + 0.01) {
      new_page();
      origin = page.top - line_top;
      if (cr) cairo_set_source_rgb(cr, color.r, color.g, color.b);
    }
    if (cr) {
      PangoRectangle logical;
      pango_layout_iter_get_line_extents(iter.get(), nullptr, &logical);
      double baseline = static_cast<double>(pango_layout_iter_get_baseline(iter.get())) / PANGO_SCALE;
      cairo_move_to(cr, x + static_cast<double>(logical.x) / PANGO_SCALE, origin + baseline);
      pango_cairo_show_layout_line(cr, pango_layout_iter_get_line_readonly(iter.get()));
    }
  } while (pango_layout_iter_next_line(iter.get()));
  y = origin + Typesetter::size_of(layout).height;
}

void PageFlow::fill_rect(double x, double y0, double w, double h, const Rgb& color) {
  if (!cr || w <= 0 || h <= 0) return;
  cairo_new_path(cr);  // a text's current point would otherwise join the shape
  cairo_set_source_rgb(cr, color.r, color.g, color.b);
  cairo_rectangle(cr, x, y0, w, h);
  cairo_fill(cr);
}

void PageFlow::rounded_rect(double x, double y0, double w, double h, double radius, const Rgb& fill) {
  if (!cr || w <= 0 || h <= 0) return;
  double r = std::min({radius, w / 2, h / 2});
  cairo_new_path(cr);
  cairo_arc(cr, x + w - r, y0 + r, r, -M_PI / 2, 0);
  cairo_arc(cr, x + w - r, y0 + h - r, r, 0, M_PI / 2);
  cairo_arc(cr, x + r, y0 + h - r, r, M_PI / 2, M_PI);
  cairo_arc(cr, x + r, y0 + r, r, M_PI, 3 * M_PI / 2);
  cairo_close_path(cr);
  cairo_set_source_rgb(cr, fill.r, fill.g, fill.b);
  cairo_fill(cr);
}

void PageFlow::dot(double cx, double cy, double radius, const Rgb& color) {
  if (!cr) return;
  cairo_new_path(cr);
  cairo_arc(cr, cx, cy, radius, 0, 2 * M_PI);
  cairo_set_source_rgb(cr, color.r, color.g, color.b);
  cairo_fill(cr);
}

void PageFlow::outline_rect(double x, double y0, double w, double h, const Rgb& color, double width) {
  if (!cr || w <= 0 || h <= 0) return;
  cairo_new_path(cr);
  cairo_set_source_rgb(cr, color.r, color.g, color.b);
  cairo_set_line_width(cr, width);
  cairo_rectangle(cr, x + width / 2, y0 + width / 2, w - width, h - width);
  cairo_stroke(cr);
}

void PageFlow::hline(double x0, double x1, double y0, const Rgb& color, double width) {
  if (!cr) return;
  cairo_set_source_rgb(cr, color.r, color.g, color.b);
  cairo_set_line_width(cr, width);
  cairo_new_path(cr);
  cairo_move_to(cr, x0, y0);
  cairo_line_to(cr, x1, y0);
  cairo_stroke(cr);
}

}  // namespace core::report::pdf
