// The Prompt screen (after the lesson, for the observers): ImGui drawing over PromptModel.
// Drawing only reads the model and emits PromptActions; the model commits them to the store.
#pragma once
#include <string>

#include "app/screens/prompt/prompt_model.h"
#include "app/shell/model_screen.h"
#include "app/ui/language_hint.h"

namespace app {

// Transient widget state only.
struct PromptUi {
  std::string draft;       // the composer's buffer, mirrored into the model on change
  bool all_stems = false;  // show the whole prompt bank instead of the first few
  ui::LanguageHint hint;   // under the composer
};

// Draws the screen; every user action is appended to `out`.
void draw_prompt(const PromptModel& model, PromptUi& ui, const AppContext& ctx, Emitted<PromptAction>& out);

using PromptScreen = ModelScreen<struct PromptShape, PromptModel, PromptUi>;
extern template class ModelScreen<PromptShape, PromptModel, PromptUi>;

// A piece of evidence as the teacher reads it: a quote in quotation marks, anything else as is.
std::string shown_text(const EvidenceItem& item);

}  // namespace app
