// Home: the screen over home_model.h, whose model is the HomeView. Entering builds the view from
// the store once; drawing reads it, keeps only widget state (HomeUi) and emits HomeActions, which
// are applied after the frame's drawing (each a durable write) before the view is built again.
#pragma once
#include <string>

#include "app/screens/home/home_model.h"
#include "app/shell/model_screen.h"

namespace app {

// Transient widget state only: the one visit card whose editor is open and what is typed in it.
struct HomeUi {
  enum class Editor { None, Reschedule, Propose, ConfirmCancel };
  core::Id visit;  // the card the editor belongs to
  Editor editor = Editor::None;
  std::string date, time;  // typed in a Reschedule or Propose editor
  std::string problem;     // why that card's last change was refused, "" = none
};

void draw_home(const HomeView& view, HomeUi& ui, const AppContext& ctx, Emitted<HomeAction>& out);

using HomeScreen = ModelScreen<struct HomeShape, HomeView, HomeUi>;
extern template class ModelScreen<HomeShape, HomeView, HomeUi>;

}  // namespace app
