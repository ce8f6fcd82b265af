// The desktop's report job: offer_report on its own thread. See report_job.h.
#include "platform/report_job.h"

namespace platform {

std::future<ReportOutcome> start_offer_report(core::report::Document document, std::string file_stem,
                                              core::report::PageSize size, std::string data_dir) {
  return std::async(std::launch::async,
                    [document = std::move(document), file_stem = std::move(file_stem), size,
                     data_dir = std::move(data_dir)] { return offer_report(document, file_stem, size, data_dir); });
}

}  // namespace platform
