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

struct CoachingShape : AutosavedShape<CoachingModel, CoachingUi, CoachingAction, &CoachingModel::draft_dirty> {
  static constexpr ScreenId kId = ScreenId::CoachingNotes;
  static constexpr auto draw = draw_coaching;
  static std::string title(const Model* m) { return title_with("Coaching notes", m); }
  static void enter(std::unique_ptr<Model>& m, Ui& ui, const Route& route, AppContext& ctx);
  static void apply(Model& m, Ui& ui, const Action& a, AppContext& ctx);
};
using CoachingScreen = ModelScreen<CoachingShape>;

}  // namespace app
