// The browser's report job: offer_report at once, on the page's thread, where the download and
// the print dialog must start. See report_job.h.
#include "platform/report_job.h"

namespace platform {

std::future<ReportOutcome> start_offer_report(core::report::Document document, std::string file_stem,
                                              core::report::PageSize size, std::string data_dir) {
  std::promise<ReportOutcome> done;
  done.set_value(offer_report(document, file_stem, size, data_dir));
  return done.get_future();
}

}  // namespace platform
