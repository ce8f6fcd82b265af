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

struct PromptShape : AutosavedShape<PromptModel, PromptUi, PromptAction, &PromptModel::draft_dirty> {
  static constexpr ScreenId kId = ScreenId::Prompt;
  static constexpr auto draw = draw_prompt;
  static std::string title(const Model* m) { return title_with("Prompts", m); }
  static void enter(std::unique_ptr<Model>& m, Ui& ui, const Route& route, AppContext& ctx);
  static void apply(Model& m, Ui& ui, const Action& a, AppContext& ctx);
};
using PromptScreen = ModelScreen<PromptShape>;

// A piece of evidence as the teacher reads it: a quote in quotation marks, anything else as is.
std::string shown_text(const EvidenceItem& item);

}  // namespace app
