// Text for the PDF: one pango context (72 dpi, so a font size in points is a size in PDF points;
// metrics unhinted, so measuring without a page and drawing on one give the same lines) and a
// few reusable layouts ("slots"), so laying out a 2,000-row table makes no pango object per cell.
// User text goes in with pango_layout_set_text, never as markup: '<' and '&' stay as written.
#pragma once
#include <cairo.h>
#include <pango/pango.h>

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/report/pdf/pdf_handles.h"

namespace core::report::pdf {

struct Rgb {
  double r = 0, g = 0, b = 0;  // 0..1
};

// Sizes in points; every text is in "Noto Sans" (fontconfig falls back per script).
struct TextStyle {
  double size = 10;  // pt
  bool bold = false;
  Rgb color{0.13, 0.13, 0.13};
};

struct TextSize {
  double width = 0, height = 0;  // pt, the layout's logical extents
};

// Text as cairo accepts it: invalid UTF-8 (a stray byte) as U+FFFD, NULs dropped. Cairo puts
// an error on the whole PDF for one broken string, so every user text passes through here.
bool is_valid_utf8(const std::string& text);
std::string repaired_utf8(const std::string& text);

// Layout slots: a layout being drawn line by line must not be reused by what a page break draws
// (the footer, a table's repeated header), so each user has its own.
inline constexpr int kTextSlot = 0;       // paragraphs, items, captions
inline constexpr int kFooterSlot = 1;     // the footer, drawn from inside a page break
inline constexpr int kFirstCellSlot = 2;  // tables: header cells, then row cells

class Typesetter {
 public:
  Typesetter();

  // Lays `text` out in the layout `slot` (a table row uses one slot per column) and returns it.
  // width <= 0: no wrapping. ellipsize: one line, cut with "…" at the width (seat labels).
  PangoLayout* lay_out(int slot, const std::string& text, const TextStyle& style, double width, bool ellipsize = false);
  // As lay_out, with the first `bold_bytes` bytes bold and in `bold_color` ("Owner: " before a value).
  PangoLayout* lay_out_labelled(int slot, const std::string& text, std::size_t bold_bytes, const Rgb& bold_color,
                                const TextStyle& style, double width);

  // The layout in `slot` as last laid out (a table row measured, then drawn).
  PangoLayout* lay_out_slot(int index) { return slot(index); }

  static TextSize size_of(PangoLayout* layout);
  // Height of the layout's first line (pt): what must fit for a block to start on a page.
  static double first_line_height(PangoLayout* layout);
  // Whether pango sets the layout's first line right to left (it starts with Arabic or Hebrew).
  static bool right_to_left(PangoLayout* layout);
  // Draws the whole layout with its top-left corner at (x, y).
  static void draw(cairo_t* cr, PangoLayout* layout, double x, double y, const Rgb& color);

 private:
  PangoLayout* slot(int index);
  const PangoFontDescription* font(double size, bool bold);

  ContextPtr context_;
  std::vector<LayoutPtr> layouts_;
  std::map<std::pair<int, bool>, FontDescriptionPtr> fonts_;  // key: size in 1/10 pt, bold
  std::string clean_;                                         // a text with broken UTF-8, repaired
};

}  // namespace core::report::pdf
