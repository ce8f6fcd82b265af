// Home: the screen over home_model.h. Entering builds the view from the store once; drawing reads
// it, keeps only widget state (HomeUi) and emits HomeActions, which are applied after the frame's
// drawing (each a durable write) before the view is built again.
#pragma once
#include <optional>
#include <string>

#include "app/screens/home/home_model.h"
#include "app/shell/screen.h"

namespace app {

// Transient widget state only: the one visit card whose editor is open and what is typed in it.
struct HomeUi {
  enum class Editor { None, Reschedule, Propose, ConfirmCancel };
  core::Id visit;  // the card the editor belongs to
  Editor editor = Editor::None;
  std::string date, time;  // typed in a Reschedule or Propose editor
  std::string problem;     // why that card's last change was refused, "" = none
};

class HomeScreen : public Screen {
 public:
  ScreenId id() const override { return ScreenId::Home; }
  std::string title() const override { return "Home"; }
  void enter(const Route& route, AppContext& ctx) override;
  void draw(AppContext& ctx) override;
  const HomeView& view() const { return view_; }
  HomeUi& ui_state() { return ui_; }

 private:
  void apply(const HomeAction& action, AppContext& ctx);

  HomeView view_;
  HomeUi ui_;
};

}  // namespace app
