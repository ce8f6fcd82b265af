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

struct SettingsShape : ScreenShape<SettingsModel, SettingsUi, SettingsAction> {
  static constexpr ScreenId kId = ScreenId::Settings;
  static constexpr auto draw = draw_settings;
  static std::string title(const Model*) { return "Settings"; }
  static void enter(std::unique_ptr<Model>& m, Ui& ui, const Route& route, AppContext& ctx);
  static void apply(Model& m, Ui& ui, const Action& a, AppContext& ctx);
};
using SettingsScreen = ModelScreen<SettingsShape>;

}  // namespace app
