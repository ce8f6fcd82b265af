// Offering a report without holding up the frame: the client session starts the job when a screen
// asks for a report and reads the outcome on a later frame. Desktop (report_job_desktop.cpp):
// laying out and writing the PDF runs on its own thread (a long visit takes a few hundred ms).
// Browser (web/report_job_web.cpp): the download and the print dialog belong to the page's own
// thread, so the job runs at once there (the HTML page of a long visit is a few ms of work).
#pragma once
#include <future>
#include <string>

#include "core/report/document.h"
#include "platform/report_output.h"

namespace platform {

std::future<ReportOutcome> start_offer_report(core::report::Document document, std::string file_stem,
                                              core::report::PageSize size, std::string data_dir);

}  // namespace platform
