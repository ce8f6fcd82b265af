// The Cycle screen: one learning cycle's visits side by side, small neutral bar charts of the
// same counters and timers across visits (drawn with ImDrawList), and the cycle's next steps
// with their status (tap to change). Also the way into each visit's after-the-lesson screens.
#pragma once
#include <memory>
#include <string>

#include "app/screens/cycle/cycle_model.h"
#include "app/shell/screen.h"

namespace app {

struct CycleAction {
  enum class Kind { SetStepStatus, Open, ChooseObserver };
  Kind kind = Kind::SetStepStatus;
  core::Id record;  // the next step; ChooseObserver: the person
  core::NextStepStatus status = core::NextStepStatus::Open;
  Route route;  // Open
};

void draw_cycle(const CycleModel& model, const AppContext& ctx, std::vector<CycleAction>& out);

class CycleScreen : public Screen {
 public:
  ScreenId id() const override { return ScreenId::Cycle; }
  std::string title() const override;
  void enter(const Route& route, AppContext& ctx) override;
  void draw(AppContext& ctx) override;
  CycleModel& model() { return *model_; }  // valid after enter()

 private:
  std::unique_ptr<CycleModel> model_;
};

}  // namespace app
