// The Observe screen (capture during the lesson): ImGui drawing over ObserveModel.
// Drawing only reads the model and emits ObserveActions; the model commits them to the store.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "app/screens/observe/observe_model.h"
#include "app/shell/screen.h"

namespace app {

// Transient widget state only (what the person is typing, which item sheet is open).
struct ObserveUi {
  std::string draft;            // the composer's buffer, mirrored into the model on change
  bool focus_composer = false;  // put the keyboard focus back into the composer next frame
  core::Id editing;             // the item whose edit sheet is open
  std::string edit_text;
  bool confirm_delete = false;
  bool open_edit = false;     // open the edit sheet this frame
  std::string hint_for;       // the text the language hint was computed for
  std::string hint;           // the gentle hint under the composer, "" = none
  bool open_prompts = false;  // request: go on to write prompts (after the lesson ended)
};

// Draws the screen; every user action is appended to `out`.
void draw_observe(const ObserveModel& model, ObserveUi& ui, const AppContext& ctx, std::vector<ObserveAction>& out);

class ObserveScreen : public Screen {
 public:
  ScreenId id() const override { return ScreenId::Observe; }
  std::string title() const override;
  void enter(const Route& route, AppContext& ctx) override;
  void tick(AppContext& ctx) override;
  void draw(AppContext& ctx) override;
  void commit_drafts(AppContext& ctx) override;
  int wake_after_ms(const AppContext& ctx) const override;
  ObserveModel& model() { return *model_; }  // valid after enter()
  const ObserveUi& ui_state() const { return ui_; }

 private:
  void autosave_then_open_prompts(AppContext& ctx);

  std::unique_ptr<ObserveModel> model_;
  ObserveUi ui_;
  core::Id route_observation_;  // what this screen shows, for the Prompt screen it leads to
  core::Id route_cycle_;
};

}  // namespace app
