// The Settings screen: ImGui drawing over SettingsModel (profile, text size, theme, data
// location, export). Changing the look sets ctx.theme_changed so the shell rebuilds the fonts.
#pragma once
#include <memory>
#include <string>

#include "app/screens/settings/settings_model.h"
#include "app/shell/screen.h"

namespace app {

struct SettingsUi {
  std::string name;             // the name field's buffer
  std::string hub_url;          // the hub address field's buffer
  bool hub_url_edited = false;  // the person changed it (an emptied field stays empty)
  std::string code;             // the enrollment code field's buffer
};

class SettingsScreen : public Screen {
 public:
  ScreenId id() const override { return ScreenId::Settings; }
  std::string title() const override { return "Settings"; }
  void enter(const Route& route, AppContext& ctx) override;
  void draw(AppContext& ctx) override;
  SettingsModel& model() { return *model_; }  // valid after enter()

 private:
  std::unique_ptr<SettingsModel> model_;
  SettingsUi ui_;
};

}  // namespace app
