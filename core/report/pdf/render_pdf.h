// A report as a PDF, laid out with pango (text shaped for any script: Latin, Arabic, Devanagari,
// CJK through the Noto fonts fontconfig finds) and drawn with cairo's PDF surface.
// Desktop and peerobs-cli only: the browser prints render_html's page instead.
#pragma once
#include <string>

#include "core/report/document.h"

namespace core::report {

// The PDF's bytes. Throws std::runtime_error naming what failed.
std::string render_pdf(const Document& document, PageSize size);

// render_pdf written to `path` whole (core/file_write.h): a failure leaves no half file.
void write_pdf_file(const Document& document, PageSize size, const std::string& path);

}  // namespace core::report
