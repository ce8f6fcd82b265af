// The "Share a summary" card on Debrief and Cycle: one button per copy (the observed teacher's,
// mine), the paper chips (A4, US Letter), and the outcome ("Saved as ...", or why not). Drawing
// only: what was pressed comes back as a ShareEvent for the screen to turn into its action.
#pragma once
#include <optional>

#include "app/screens/common/report_share.h"
#include "app/shell/screen.h"

namespace app {

struct ShareEvent {
  enum class Kind { Share, Paper };
  Kind kind = Kind::Share;
  core::Id reader;                                            // Share: whom the copy is for
  core::report::PageSize paper = core::report::PageSize::A4;  // Paper
};

// `what`: "a summary of this visit" / "the cycle report".
std::optional<ShareEvent> draw_share_card(const ReportShare& share, const char* title, const AppContext& ctx);

}  // namespace app
