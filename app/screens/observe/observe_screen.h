// The Observe screen (capture during the lesson): ImGui drawing over ObserveModel.
// Drawing only reads the model and emits ObserveActions; the model commits them to the store.
#pragma once
#include <string>

#include "app/screens/observe/observe_model.h"
#include "app/shell/model_screen.h"
#include "app/ui/language_hint.h"

namespace app {

// Transient widget state only (what the person is typing, which item sheet is open).
struct ObserveUi {
  std::string draft;            // the composer's buffer, mirrored into the model on change
  bool focus_composer = false;  // put the keyboard focus back into the composer next frame
  core::Id editing;             // the item whose edit sheet is open
  std::string edit_text;
  bool confirm_delete = false;
  bool open_edit = false;       // open the edit sheet this frame
  ui::LanguageHint hint;        // the gentle hint under the composer
  bool look_fors_open = false;  // on a phone: the look-for tags shown (they fold behind one chip)
};

// Draws the screen; every user action is appended to `out`.
void draw_observe(const ObserveModel& model, ObserveUi& ui, const AppContext& ctx, Emitted<ObserveAction>& out);

using ObserveScreen = ModelScreen<struct ObserveShape, ObserveModel, ObserveUi>;
extern template class ModelScreen<ObserveShape, ObserveModel, ObserveUi>;

}  // namespace app
