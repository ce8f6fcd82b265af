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

struct PlanShape : AutosavedShape<PlanModel, PlanUi, PlanAction, &PlanModel::draft_pending> {
  static constexpr ScreenId kId = ScreenId::Plan;
  static constexpr auto draw = draw_plan;
  static std::string title(const Model* m);
  // Coming back to the same saved plan keeps what was typed; any other route starts afresh and
  // brings back the draft kept for it.
  static void enter(std::unique_ptr<Model>& m, Ui& ui, const Route& route, AppContext& ctx);
  static void apply(Model& m, Ui& ui, const Action& a, AppContext& ctx);
};
using PlanScreen = ModelScreen<PlanShape>;

}  // namespace app
