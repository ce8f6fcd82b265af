// See render_pdf.h. The document is laid out twice with the same typesetter: once without a
// page, to count the pages ("Page N of M" needs M on page 1), then onto cairo's PDF surface.
// Both passes measure with the same unhinted metrics, so they break pages at the same places.
#include "core/report/pdf/render_pdf.h"

#include <cairo-pdf.h>

#include <cassert>
#include <stdexcept>

#include "core/file_write.h"
#include "core/report/pdf/blocks.h"
#include "core/report/pdf/pdf_handles.h"

namespace core::report::pdf {
namespace {

bool is_heading(const Block& b) { return std::holds_alternative<Heading>(b) || std::holds_alternative<Subheading>(b); }

// What must fit for block i to start here: a heading brings the start of what follows it.
double keep_with_next(PageFlow& flow, const std::vector<Block>& blocks, std::size_t i) {
  double h = std::visit([&](const auto& b) { return lead_height(flow, b); }, blocks[i]);
  if (is_heading(blocks[i]) && i + 1 < blocks.size()) h += keep_with_next(flow, blocks, i + 1);
  return h;
}

// Lays the document out (and draws it when cr is set); returns the number of pages.
int lay_out(Typesetter& ts, cairo_t* cr, const PageGeometry& page, const Document& document, int total_pages) {
  PageFlow flow(ts, cr, page, document.made_for, total_pages);
  paint_title_and_notice(flow, document);
  for (std::size_t i = 0; i < document.blocks.size(); ++i) {
    if (is_heading(document.blocks[i])) flow.keep_room_for(keep_with_next(flow, document.blocks, i));
    std::visit([&](const auto& b) { paint(flow, b); }, document.blocks[i]);
  }
  flow.finish();
  return flow.page_number();
}

cairo_status_t append_bytes(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

}  // namespace
}  // namespace core::report::pdf

namespace core::report {

std::string render_pdf(const Document& document, PageSize size) {
  using namespace pdf;
  Typesetter ts;
  PageGeometry page = page_geometry(size, ts, document.made_for);
  int pages = lay_out(ts, nullptr, page, document, 0);

  std::string bytes;  // outlives the surface, which writes into it until it is destroyed
  SurfacePtr surface(cairo_pdf_surface_create_for_stream(append_bytes, &bytes, page.width, page.height));
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
    throw std::runtime_error(std::string("Could not start the PDF: ") +
                             cairo_status_to_string(cairo_surface_status(surface.get())) + ".");
  if (!document.title.empty())
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, repaired_utf8(document.title).c_str());
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "peerobs");
  {
    CairoPtr cr(cairo_create(surface.get()));
    [[maybe_unused]] int drawn = lay_out(ts, cr.get(), page, document, pages);
    assert(drawn == pages && "both passes break pages alike");
    if (cairo_status(cr.get()) != CAIRO_STATUS_SUCCESS)
      throw std::runtime_error(std::string("Drawing the PDF failed: ") +
                               cairo_status_to_string(cairo_status(cr.get())) + ".");
  }
  cairo_surface_finish(surface.get());
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
    throw std::runtime_error(std::string("Finishing the PDF failed: ") +
                             cairo_status_to_string(cairo_surface_status(surface.get())) + ".");
  return bytes;
}

void write_pdf_file(const Document& document, PageSize size, const std::string& path) {
  core::write_file_whole(path, render_pdf(document, size));
}

}  // namespace core::report
