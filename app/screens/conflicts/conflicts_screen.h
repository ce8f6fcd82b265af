// The "Edited on two devices" screen: ImGui drawing over ConflictsModel. Each record edited on two
// devices shows its versions beside each other (stacked when narrow), the lines that differ marked,
// and "Keep this version" under each.
#pragma once
#include <string>

#include "app/screens/conflicts/conflicts_model.h"
#include "app/shell/model_screen.h"

namespace app {

struct ConflictChoice {
  core::Id record;
  core::Id version;
};

struct ConflictsUi {};  // a tap on "Keep this version" is the whole choice

void draw_conflicts(const ConflictsModel& model, ConflictsUi& ui, const AppContext& ctx, Emitted<ConflictChoice>& out);

using ConflictsScreen = ModelScreen<struct ConflictsShape, ConflictsModel, ConflictsUi>;
extern template class ModelScreen<ConflictsShape, ConflictsModel, ConflictsUi>;

}  // namespace app
