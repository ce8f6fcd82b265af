// "Share a summary…" on Debrief and Cycle, as plain C++: whom a copy can be for, and the report
// that is then asked of the shell (AppContext::share_report), which writes or offers it through
// the platform (a PDF on the desktop, a page to download and print in the browser).
// Guarantees: every choice is a copy the privacy rules allow (core/report/audience.h), the
// observed teacher's first when I am not them; building the report reads the store only.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "app/shell/report_request.h"
#include "core/records.h"
#include "core/report/document.h"
#include "core/store.h"

namespace app {

struct ShareChoice {
  core::Id reader;
  std::string label;  // "For Amira Haddad", "My own copy"
  std::string hint;   // what the copy leaves out or holds: "No coaching notes or unshared prompts."
};

// The copies of a visit's summary I can make: for the observed teacher (when that is not me),
// then my own.
std::vector<ShareChoice> visit_share_choices(const core::Store& store, core::Id visit, core::Id me);
// The copies of a cycle's report: for its observed teacher (when that is not me), then my own.
std::vector<ShareChoice> cycle_share_choices(const core::Store& store, core::Id cycle, core::Id me);

// The report for `reader`, made by me today; nullopt with `error` set to a sentence when it
// cannot be made (the visit is gone, the reader takes no part).
std::optional<ReportRequest> visit_summary_request(const core::Store& store, core::Id visit, core::Id reader,
                                                   core::Id me, std::int64_t now_ms, std::string& error);
std::optional<ReportRequest> cycle_report_request(const core::Store& store, core::Id cycle, core::Id reader,
                                                  core::Id me, std::int64_t now_ms, std::string& error);

// The paper size this device prints on (MetaKey::ReportPaper), A4 unless chosen otherwise.
core::report::PageSize report_paper(const core::Store& store);
void set_report_paper(core::Store& store, core::report::PageSize size);

// The share part of a Debrief or Cycle model: the choices, the paper, and the request the last
// share made (which the screen's shape hands to AppContext::share_report).
class ReportShare {
 public:
  enum class Of { Visit, Cycle };
  void load(const core::Store& store, Of of, core::Id subject, core::Id me);
  const std::vector<ShareChoice>& choices() const { return choices_; }
  core::report::PageSize paper() const { return paper_; }
  // Keeps the paper for this device's next reports. False with `error` set when it cannot be saved.
  bool choose_paper(core::Store& store, core::report::PageSize size, std::string& error);
  // Makes the copy for `reader` (one of choices()). False with `error` set to a sentence.
  bool share(const core::Store& store, core::Id reader, std::int64_t now_ms, std::string& error);
  std::optional<ReportRequest> take_request();

 private:
  Of of_ = Of::Visit;
  core::Id subject_, me_;
  std::vector<ShareChoice> choices_;
  core::report::PageSize paper_ = core::report::PageSize::A4;
  std::optional<ReportRequest> request_;
};

// "visit-2026-11-19-8b-science": lower case ASCII letters and digits joined by "-" (a name every
// file system and browser download keeps), never empty.
std::string file_stem(const std::vector<std::string>& parts);

}  // namespace app
