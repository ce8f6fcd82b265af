// The Settings screen: ImGui drawing over SettingsModel (profile, text size, theme, data
// location, export). Changing the look sets ctx.theme_changed so the shell rebuilds the fonts.
#pragma once
#include <string>

#include "app/screens/settings/settings_model.h"
#include "app/shell/model_screen.h"

namespace app {

struct SettingsUi {
  std::string name;             // the name field's buffer
  std::string hub_url;          // the hub address field's buffer
  bool hub_url_edited = false;  // the person changed it (an emptied field stays empty)
  std::string code;             // the enrollment code field's buffer
};

void draw_settings(const SettingsModel& model, SettingsUi& ui, const AppContext& ctx, Emitted<SettingsAction>& out);

using SettingsScreen = ModelScreen<struct SettingsShape, SettingsModel, SettingsUi>;
extern template class ModelScreen<SettingsShape, SettingsModel, SettingsUi>;

}  // namespace app
