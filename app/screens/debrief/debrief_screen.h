// The Debrief screen: ImGui drawing over DebriefModel. Drawing only reads the model and emits
// DebriefActions; the model commits them to the store.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "app/screens/debrief/debrief_model.h"
#include "app/shell/screen.h"

namespace app {

// Transient widget state only.
struct DebriefUi {
  std::string note;   // the note field's buffer
  NextStepForm step;  // the next-step form's buffers
  std::string hint_for, hint;
};

void draw_debrief(const DebriefModel& model, DebriefUi& ui, const AppContext& ctx, std::vector<DebriefAction>& out);

class DebriefScreen : public Screen {
 public:
  ScreenId id() const override { return ScreenId::Debrief; }
  std::string title() const override;
  void enter(const Route& route, AppContext& ctx) override;
  void tick(AppContext& ctx) override;
  void draw(AppContext& ctx) override;
  void commit_drafts(AppContext& ctx) override;
  int wake_after_ms(const AppContext& ctx) const override;
  DebriefModel& model() { return *model_; }  // valid after enter()

 private:
  std::unique_ptr<DebriefModel> model_;
  DebriefUi ui_;
};

}  // namespace app
