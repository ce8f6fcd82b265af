// The Coaching notes screen: ImGui drawing over CoachingModel. A thread between a coach and a
// teacher leader, shown only to those two: notes in order with who wrote each and when, then
// the composer (autosaved draft, language hint) for a note or a reply.
#pragma once
#include <string>

#include "app/screens/coaching/coaching_model.h"
#include "app/shell/model_screen.h"
#include "app/ui/language_hint.h"

namespace app {

struct CoachingUi {
  std::string draft;  // the field's buffer
  ui::LanguageHint hint;
};

void draw_coaching(const CoachingModel& model, CoachingUi& ui, const AppContext& ctx, Emitted<CoachingAction>& out);

using CoachingScreen = ModelScreen<struct CoachingShape, CoachingModel, CoachingUi>;
extern template class ModelScreen<CoachingShape, CoachingModel, CoachingUi>;

}  // namespace app
