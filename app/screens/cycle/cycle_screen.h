// The Cycle screen: one learning cycle's visits side by side, small neutral bar charts of the
// same counters and timers across visits (drawn with ImDrawList), and the cycle's next steps
// with their status (tap to change). Also the way into each visit's after-the-lesson screens.
#pragma once
#include <string>

#include "app/screens/cycle/cycle_model.h"
#include "app/shell/model_screen.h"

namespace app {

struct CycleAction {
  enum class Kind { SetStepStatus, ChooseObserver, ShareReport, ChoosePaper };
  Kind kind = Kind::SetStepStatus;
  core::Id record;  // the next step; ChooseObserver: the person; ShareReport: whom the copy is for
  core::NextStepStatus status = core::NextStepStatus::Open;
  core::report::PageSize paper = core::report::PageSize::A4;  // ChoosePaper
};

struct CycleUi {};  // every choice on this screen is the model's (whose data the charts show)

void draw_cycle(const CycleModel& model, CycleUi& ui, const AppContext& ctx, Emitted<CycleAction>& out);

using CycleScreen = ModelScreen<struct CycleShape, CycleModel, CycleUi>;
extern template class ModelScreen<CycleShape, CycleModel, CycleUi>;

}  // namespace app
