// The Plan screen (pre-conference): ImGui drawing over PlanModel. Route.observation empty = a new
// plan (in Route.cycle if set); otherwise edits that observation's plan.
#pragma once
#include <memory>
#include <string>

#include "app/screens/plan/plan_model.h"
#include "app/shell/screen.h"

namespace app {

// Transient widget state only: the "add" fields, the role a new person gets, and whether
// "Discard draft" or "Cancel this visit" was tapped once and waits for its confirmation.
struct PlanUi {
  std::string new_look_for;
  std::string new_counter;
  std::string new_timer;
  std::string new_person;
  core::Role new_person_role = core::Role::ObservedTeacher;
  bool confirm_discard = false;
  bool confirm_cancel = false;    // "Cancel this visit" was tapped once and waits for its confirmation
  bool cancel_confirmed = false;  // emitted by the drawing: cancel the visit after this frame's draw
};

class PlanScreen : public Screen {
 public:
  ScreenId id() const override { return ScreenId::Plan; }
  std::string title() const override;
  void enter(const Route& route, AppContext& ctx) override;
  void draw(AppContext& ctx) override;
  void tick(AppContext&) override;
  void commit_drafts(AppContext&) override;
  int wake_after_ms(const AppContext&) const override;
  PlanModel& model() { return *model_; }  // valid after enter()
  PlanUi& ui_state() { return ui_; }

 private:
  std::unique_ptr<PlanModel> model_;
  PlanUi ui_;
  bool loaded_ = false;
};

}  // namespace app
