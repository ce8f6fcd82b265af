// A report as one self-contained HTML page (styles and SVG pictures inline, no script, nothing
// fetched), laid out like the PDF and printable to A4 or US Letter from any browser: what the
// browser build offers to download or print. Rendered with mustache templates
// (libkainjow-mustache-dev); every text is escaped.
#pragma once
#include <string>

#include "core/report/document.h"

namespace core::report {

// Throws std::runtime_error naming what failed (e.g. a template that cannot be read).
std::string render_html(const Document& document, PageSize size);

}  // namespace core::report
