// The "Colleagues on this device" screen: ImGui drawing over MatchColleaguesModel. Each colleague
// typed into a plan before they were on the roster gets a card: the roster's likely matches as
// "This is <name>" buttons, or a search of the whole roster; a tap on a name is the confirmation.
// Below, who is still unmatched and what that means, and the button that lets sending go on.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "app/screens/colleagues/match_colleagues_model.h"
#include "app/shell/screen.h"

namespace app {

struct MatchColleaguesAction {
  enum class Kind { Confirm, Finish } kind = Kind::Confirm;
  core::Id colleague;      // Confirm: the device-only colleague
  core::Id roster_person;  // Confirm: who they are on the roster
};

struct MatchColleaguesUi {
  core::Id searching;         // the colleague whose roster search is open (empty = none)
  std::string search;         // the text typed into it
  bool focus_search = false;  // the search just opened: its field takes the keyboard
};

void draw_match_colleagues(const MatchColleaguesModel& model, MatchColleaguesUi& ui,
                           std::vector<MatchColleaguesAction>& out);

class MatchColleaguesScreen : public Screen {
 public:
  ScreenId id() const override { return ScreenId::MatchColleagues; }
  std::string title() const override { return "Colleagues on this device"; }
  void enter(const Route& route, AppContext& ctx) override;
  void draw(AppContext& ctx) override;
  MatchColleaguesModel& model() { return *model_; }  // valid after enter()

 private:
  std::unique_ptr<MatchColleaguesModel> model_;
  MatchColleaguesUi ui_;
};

}  // namespace app
