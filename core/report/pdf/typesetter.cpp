// See typesetter.h.
#include "core/report/pdf/typesetter.h"

#include <pango/pangocairo.h>

#include <cmath>
#include <stdexcept>

#include "core/utf8.h"

namespace core::report::pdf {

namespace {
int to_pango(double points) { return static_cast<int>(std::lround(points * PANGO_SCALE)); }
double from_pango(int units) { return static_cast<double>(units) / PANGO_SCALE; }

void append_utf8(std::string& out, char32_t cp) {
  auto byte = [&](unsigned v) { out += static_cast<char>(v); };
  if (cp < 0x80) {
    byte(cp);
  } else if (cp < 0x800) {
    byte(0xC0 | (cp >> 6)), byte(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    byte(0xE0 | (cp >> 12)), byte(0x80 | ((cp >> 6) & 0x3F)), byte(0x80 | (cp & 0x3F));
  } else {
    byte(0xF0 | (cp >> 18)), byte(0x80 | ((cp >> 12) & 0x3F)), byte(0x80 | ((cp >> 6) & 0x3F)),
        byte(0x80 | (cp & 0x3F));
  }
}
}  // namespace

bool is_valid_utf8(const std::string& text) {
  return g_utf8_validate(text.data(), static_cast<gssize>(text.size()), nullptr);  // false on a NUL too
}

std::string repaired_utf8(const std::string& text) {
  std::string out;
  out.reserve(text.size() + 8);
  char32_t cp = 0;
  for (std::size_t i = 0; i < text.size();) {
    i += utf8::decode(text, i, cp);
    if (cp != 0) append_utf8(out, cp);
  }
  return out;
}

Typesetter::Typesetter() {
  PangoFontMap* map = pango_cairo_font_map_get_default();  // owned by pango, per thread
  context_.reset(pango_font_map_create_context(map));
  if (!context_) throw std::runtime_error("Could not start the text layout (pango) for the PDF.");
  pango_cairo_context_set_resolution(context_.get(), 72.0);
  FontOptionsPtr options(cairo_font_options_create());
  cairo_font_options_set_hint_metrics(options.get(), CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style(options.get(), CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options(context_.get(), options.get());
  pango_context_set_round_glyph_positions(context_.get(), FALSE);
}

PangoLayout* Typesetter::slot(int index) {
  while (static_cast<int>(layouts_.size()) <= index) {
    layouts_.emplace_back(pango_layout_new(context_.get()));
    if (!layouts_.back()) throw std::runtime_error("Could not make a text layout (pango) for the PDF.");
    pango_layout_set_wrap(layouts_.back().get(), PANGO_WRAP_WORD_CHAR);
  }
  return layouts_[static_cast<std::size_t>(index)].get();
}

const PangoFontDescription* Typesetter::font(double size, bool bold) {
  auto key = std::make_pair(static_cast<int>(std::lround(size * 10)), bold);
  auto it = fonts_.find(key);
  if (it != fonts_.end()) return it->second.get();
  FontDescriptionPtr desc(pango_font_description_new());
  pango_font_description_set_family(desc.get(), "Noto Sans");
  pango_font_description_set_size(desc.get(), to_pango(size));
  pango_font_description_set_weight(desc.get(), bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  return fonts_.emplace(key, std::move(desc)).first->second.get();
}

PangoLayout* Typesetter::lay_out(int index, const std::string& text, const TextStyle& style, double width,
                                 bool ellipsize) {
  PangoLayout* layout = slot(index);
  pango_layout_set_attributes(layout, nullptr);
  pango_layout_set_font_description(layout, font(style.size, style.bold));
  pango_layout_set_width(layout, width > 0 ? to_pango(width) : -1);
  pango_layout_set_ellipsize(layout, ellipsize ? PANGO_ELLIPSIZE_END : PANGO_ELLIPSIZE_NONE);
  // pango shows broken UTF-8 but cairo then refuses the whole page ("input string not valid
  // UTF-8"): a stray byte in a note becomes U+FFFD and a NUL is dropped instead.
  if (is_valid_utf8(text)) {
    pango_layout_set_text(layout, text.data(), static_cast<int>(text.size()));
  } else {
    clean_ = repaired_utf8(text);
    pango_layout_set_text(layout, clean_.data(), static_cast<int>(clean_.size()));
  }
  return layout;
}

PangoLayout* Typesetter::lay_out_labelled(int index, const std::string& text, std::size_t bold_bytes,
                                          const Rgb& bold_color, const TextStyle& style, double width) {
  PangoLayout* layout = lay_out(index, text, style, width);
  AttrListPtr attrs(pango_attr_list_new());
  auto channel = [](double v) { return static_cast<guint16>(std::lround(v * 65535)); };
  PangoAttribute* weight = pango_attr_weight_new(PANGO_WEIGHT_BOLD);
  PangoAttribute* color =
      pango_attr_foreground_new(channel(bold_color.r), channel(bold_color.g), channel(bold_color.b));
  for (PangoAttribute* a : {weight, color}) {
    a->start_index = 0;
    a->end_index = static_cast<guint>(bold_bytes);
    pango_attr_list_insert(attrs.get(), a);  // the list owns it now
  }
  pango_layout_set_attributes(layout, attrs.get());  // takes its own reference
  return layout;
}

TextSize Typesetter::size_of(PangoLayout* layout) {
  PangoRectangle logical;
  pango_layout_get_extents(layout, nullptr, &logical);
  return {from_pango(logical.width), from_pango(logical.height)};
}

double Typesetter::first_line_height(PangoLayout* layout) {
  PangoLayoutIter* raw = pango_layout_get_iter(layout);
  LayoutIterPtr iter(raw);
  int y0 = 0, y1 = 0;
  pango_layout_iter_get_line_yrange(iter.get(), &y0, &y1);
  return from_pango(y1);
}

bool Typesetter::right_to_left(PangoLayout* layout) {
  PangoLayoutLine* first = pango_layout_get_line_readonly(layout, 0);
  return first && first->resolved_dir == PANGO_DIRECTION_RTL;
}

void Typesetter::draw(cairo_t* cr, PangoLayout* layout, double x, double y, const Rgb& color) {
  if (!cr) return;
  cairo_set_source_rgb(cr, color.r, color.g, color.b);
  cairo_move_to(cr, x, y);
  pango_cairo_show_layout(cr, layout);
}

}  // namespace core::report::pdf
