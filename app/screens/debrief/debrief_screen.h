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

using DebriefScreen = ModelScreen<struct DebriefShape, DebriefModel, DebriefUi>;
extern template class ModelScreen<DebriefShape, DebriefModel, DebriefUi>;

}  // namespace app
