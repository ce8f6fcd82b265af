// Offering a report (core/report/document.h) as a file the person can keep, print or pass on:
// the one thing the Debrief and Cycle screens' "Share a summary..." needs from the platform.
// Desktop (report_output_desktop.cpp): a PDF in the person's documents folder, never over an older
// one. Browser (web/report_output_web.cpp): the printable HTML page downloaded and the print
// dialog opened for it (an iPad prints or saves it as PDF from there). Never throws: a failure is
// a sentence the screen shows.
#pragma once
#include <string>

#include "core/report/document.h"

namespace platform {

struct ReportOutcome {
  bool ok = false;       // the file was written (desktop) or handed to the browser (web); default false
  std::string sentence;  // what to tell the person: "Saved as /home/ana/Documents/peerobs/visit-8B.pdf",
                         // "Downloaded visit-8B.html. ...", or why it failed and what to do
  std::string path;      // the file written (desktop) or the downloaded file's name (web); "" on failure
};

// `file_stem`: the file's name without extension ("visit-2026-11-19-8B"); characters a file name
// cannot hold are replaced (report_files.h).
// `data_dir`: the client's data folder (--data), where reports go on a desktop with no documents
// folder; the browser does not use it.
ReportOutcome offer_report(const core::report::Document& document, const std::string& file_stem,
                           core::report::PageSize size, const std::string& data_dir);

}  // namespace platform
