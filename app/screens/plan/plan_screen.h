// The Plan screen (pre-conference): ImGui drawing over PlanModel. Route.observation empty = a new
// plan (in Route.cycle if set); otherwise edits that observation's plan. Drawing reads the model
// and emits PlanActions (every keystroke in a field is one SetText); the model applies them and
// keeps the unsaved form as a draft.
#pragma once
#include <string>

#include "app/screens/plan/plan_model.h"
#include "app/shell/model_screen.h"

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
  bool confirm_cancel = false;
};

void draw_plan(const PlanModel& model, PlanUi& ui, const AppContext& ctx, Emitted<PlanAction>& out);

using PlanScreen = ModelScreen<struct PlanShape, PlanModel, PlanUi>;
extern template class ModelScreen<PlanShape, PlanModel, PlanUi>;

}  // namespace app
