// A report a screen asks the shell to write or offer (AppContext::share_report): the client
// session hands it to the platform (platform/report_job.h) off the frame, and the outcome comes
// back as AppContext::report_message.
#pragma once
#include <string>

#include "core/report/document.h"

namespace app {

struct ReportRequest {
  core::report::Document document;
  std::string file_stem;  // "visit-2026-11-19-8b-science-for-amira-haddad", no extension
  core::report::PageSize size = core::report::PageSize::A4;
};

}  // namespace app
