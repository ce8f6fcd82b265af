// The browser's report: the printable HTML page (core/report/render_html.h) downloaded as a file
// and opened in the print dialog from a hidden frame (library_peerobs.js), so a tablet can print
// it or save it as PDF. Nothing is sent anywhere. See report_output.h.
#include <exception>
#include <string>

#include "core/report/render_html.h"
#include "platform/report_files.h"
#include "platform/report_output.h"

extern "C" {
// library_peerobs.js: 1 when the download and the print frame were started, 0 if the browser refused.
int peerobs_web_offer_report(const char* html, const char* file_name);
}

namespace platform {

ReportOutcome offer_report(const core::report::Document& document, const std::string& file_stem,
                           core::report::PageSize size, const std::string& /*data_dir*/) {
  std::string html;
  try {
    html = core::report::render_html(document, size);
  } catch (const std::exception& e) {
    return {false, std::string("The summary could not be made: ") + e.what(), ""};
  }
  const std::string name = safe_file_stem(file_stem) + ".html";
  if (peerobs_web_offer_report(html.c_str(), name.c_str()) == 0)
    return {false,
            "The browser did not let peerobs offer " + name +
                ". Allow downloads for this page, or try again from another browser.",
            ""};
  return {true, "Downloaded " + name + ". Print it from there, or choose Print again.", name};
}

}  // namespace platform
