// The page cursor: where the next line goes, when a page is full, and the footer every page
// carries ("made for" line and "Page N of M"). The same flow runs twice: first without a cairo
// context, to count the pages, then drawing, with the count known. Content never crosses the
// bottom of the text area except a single unit taller than a whole page (a table row with pages
// of text), which is cut at the page's edge.
#pragma once
#include <cairo.h>
#include <pango/pango.h>

#include <map>
#include <string>

#include "core/report/document.h"
#include "core/report/pdf/typesetter.h"

namespace core::report::pdf {

// The house look, in one place: colors and sizes every painter shares.
namespace look {
inline constexpr Rgb kText{0.13, 0.13, 0.13};
inline constexpr Rgb kGrey{0.40, 0.40, 0.40};
inline constexpr Rgb kAccent{0.12, 0.31, 0.47};     // headings: a calm dark blue
inline constexpr Rgb kTint{0.94, 0.96, 0.97};       // the notice box
inline constexpr Rgb kShade{0.90, 0.92, 0.94};      // table header row
inline constexpr Rgb kRule{0.80, 0.82, 0.85};       // hairlines between rows
inline constexpr double kBody = 10;                 // pt
inline constexpr double kSmall = 8.5;               // pt: quiet text, table cells' details, footer
inline constexpr double kBlockGap = 9;              // pt below a block
inline const TextStyle kCaption{9.5, true, kText};  // a chart's or a map's caption
// Series and share colors: calm, told apart in print and in greyscale by lightness.
inline constexpr Rgb kPalette[] = {{0.23, 0.43, 0.62}, {0.84, 0.58, 0.27}, {0.36, 0.62, 0.49}, {0.60, 0.45, 0.63},
                                   {0.74, 0.40, 0.37}, {0.50, 0.55, 0.60}, {0.72, 0.65, 0.32}, {0.33, 0.64, 0.72}};
inline constexpr std::size_t kPaletteSize = sizeof(kPalette) / sizeof(kPalette[0]);
}  // namespace look

struct PageGeometry {
  double width = 0, height = 0;  // pt, the sheet
  double left = 0;               // pt, the text's left edge
  double text_width = 0;         // pt
  double top = 0;                // pt, where the first line of a page goes
  double bottom = 0;             // pt, nothing of the content goes below this
  double footer_top = 0;         // pt
};

PageGeometry page_geometry(PageSize size, Typesetter& ts, const std::string& made_for);

class PageFlow {
 public:
  // cr == nullptr: measure only (nothing drawn). total_pages: the count for the footer (0 unknown).
  PageFlow(Typesetter& ts, cairo_t* cr, const PageGeometry& page, const std::string& made_for, int total_pages);

  Typesetter& ts;
  cairo_t* const cr;  // nullptr while counting pages
  const PageGeometry page;
  // A share label's color, the same in every share bar of the document ("Teacher talk" stays blue).
  std::map<std::string, std::size_t> share_colors;
  double y;  // pt, the top of the next thing on this page

  bool drawing() const { return cr != nullptr; }
  int page_number() const { return page_number_; }
  bool at_top() const { return y <= page.top + 0.01; }
  bool fits(double height) const { return y + height <= page.bottom + 0.01; }
  double room_on_empty_page() const { return page.bottom - page.top; }
  // Starts a new page unless `height` fits below y, or y is already a page's top.
  void keep_room_for(double height);
  // Space above something; none at the top of a page.
  void space_above(double height) {
    if (!at_top()) y += height;
  }
  void new_page();
  // Ends the last page (its footer). Call once, after the last block.
  void finish();

  // Draws a laid-out text from y down, line by line, moving to a new page between two lines
  // when the next one would cross the bottom. y ends below the text.
  void flow_lines(PangoLayout* layout, double x, const Rgb& color);

  void fill_rect(double x, double y0, double w, double h, const Rgb& color);
  void rounded_rect(double x, double y0, double w, double h, double radius, const Rgb& fill);
  void dot(double cx, double cy, double radius, const Rgb& color);
  void outline_rect(double x, double y0, double w, double h, const Rgb& color, double width);
  void hline(double x0, double x1, double y0, const Rgb& color, double width = 0.5);

 private:
  void draw_footer();

  const std::string& made_for_;
  int total_pages_;
  int page_number_ = 1;
};

}  // namespace core::report::pdf
