// The "Colleagues on this device" screen: ImGui drawing over MatchColleaguesModel. Each colleague
// typed into a plan before they were on the roster gets a card: the roster's likely matches as
// "This is <name>" buttons, or a search of the whole roster; a tap on a name is the confirmation.
// Below, who is still unmatched and what that means, and the button that lets sending go on.
#pragma once
#include <string>

#include "app/screens/colleagues/match_colleagues_model.h"
#include "app/shell/model_screen.h"

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

void draw_match_colleagues(const MatchColleaguesModel& model, MatchColleaguesUi& ui, const AppContext& ctx,
                           Emitted<MatchColleaguesAction>& out);

using MatchColleaguesScreen = ModelScreen<struct MatchColleaguesShape, MatchColleaguesModel, MatchColleaguesUi>;
extern template class ModelScreen<MatchColleaguesShape, MatchColleaguesModel, MatchColleaguesUi>;

}  // namespace app
