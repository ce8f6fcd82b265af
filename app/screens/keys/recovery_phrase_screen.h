// The recovery phrase screen: ImGui drawing over RecoveryPhraseModel. Entering starts making the
// phrase off the UI thread; the screen says it is being made, then shows it large in groups of
// four with what it is for, and ends with "I have written it down".
#pragma once
#include "app/screens/keys/recovery_phrase_model.h"
#include "app/shell/model_screen.h"

namespace app {

struct RecoveryPhraseUi {};  // nothing is typed here

void draw_recovery_phrase(const RecoveryPhraseModel& model, RecoveryPhraseUi& ui, const AppContext& ctx,
                          Emitted<RecoveryPhraseAction>& out);

using RecoveryPhraseScreen = ModelScreen<struct RecoveryPhraseShape, RecoveryPhraseModel, RecoveryPhraseUi>;
extern template class ModelScreen<RecoveryPhraseShape, RecoveryPhraseModel, RecoveryPhraseUi>;

}  // namespace app
