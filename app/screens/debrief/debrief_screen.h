// The Debrief screen: ImGui drawing over DebriefModel. Drawing only reads the model and emits
// DebriefActions; the model commits them to the store.
#pragma once
#include <string>

#include "app/screens/debrief/debrief_model.h"
#include "app/shell/model_screen.h"
#include "app/ui/language_hint.h"

namespace app {

// Transient widget state only.
struct DebriefUi {
  std::string note;       // the note field's buffer
  NextStepForm step;      // the next-step form's buffers
  ui::LanguageHint hint;  // under the note field
};

void draw_debrief(const DebriefModel& model, DebriefUi& ui, const AppContext& ctx, Emitted<DebriefAction>& out);

struct DebriefShape : AutosavedShape<DebriefModel, DebriefUi, DebriefAction, &DebriefModel::drafts_dirty> {
  static constexpr ScreenId kId = ScreenId::Debrief;
  static constexpr auto draw = draw_debrief;
  static std::string title(const Model* m) { return title_with("Debrief", m); }
  static void enter(std::unique_ptr<Model>& m, Ui& ui, const Route& route, AppContext& ctx);
  static void apply(Model& m, Ui& ui, const Action& a, AppContext& ctx);
};
using DebriefScreen = ModelScreen<DebriefShape>;

}  // namespace app
