// Owning handles for the cairo, pango and glib objects the PDF renderer makes: each one is
// released exactly once, also when a painter throws half way through a page.
#pragma once
#include <cairo.h>
#include <glib-object.h>
#include <pango/pango.h>

#include <memory>

namespace core::report::pdf {

struct CairoSurfaceRelease {
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
struct CairoRelease {
  void operator()(cairo_t* c) const { cairo_destroy(c); }
};
struct CairoFontOptionsRelease {
  void operator()(cairo_font_options_t* o) const { cairo_font_options_destroy(o); }
};
struct GObjectRelease {
  void operator()(gpointer o) const { g_object_unref(o); }
};
struct FontDescriptionRelease {
  void operator()(PangoFontDescription* d) const { pango_font_description_free(d); }
};
struct AttrListRelease {
  void operator()(PangoAttrList* a) const { pango_attr_list_unref(a); }
};
struct LayoutIterRelease {
  void operator()(PangoLayoutIter* i) const { pango_layout_iter_free(i); }
};

using SurfacePtr = std::unique_ptr<cairo_surface_t, CairoSurfaceRelease>;
using CairoPtr = std::unique_ptr<cairo_t, CairoRelease>;
using FontOptionsPtr = std::unique_ptr<cairo_font_options_t, CairoFontOptionsRelease>;
using ContextPtr = std::unique_ptr<PangoContext, GObjectRelease>;
using LayoutPtr = std::unique_ptr<PangoLayout, GObjectRelease>;
using FontDescriptionPtr = std::unique_ptr<PangoFontDescription, FontDescriptionRelease>;
using AttrListPtr = std::unique_ptr<PangoAttrList, AttrListRelease>;
using LayoutIterPtr = std::unique_ptr<PangoLayoutIter, LayoutIterRelease>;

}  // namespace core::report::pdf
