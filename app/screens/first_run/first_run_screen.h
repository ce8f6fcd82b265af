// First run: who uses this device (name, usual role), the text size, and whether to add a demo
// cycle to explore. complete_first_run is the plain-C++ action the screen and the tests call.
#pragma once
#include <string>

#include "app/shell/screen.h"

namespace app {

struct FirstRunForm {
  std::string name;                             // as the person wants to be shown; required
  core::Role role = core::Role::TeacherLeader;  // the role they usually take (a hint for new plans)
  float text_size = 1.0f;                       // 0.9, 1.0, 1.15 or 1.3; default 1
  bool demo = true;                             // add the demo cycle; default yes
};

struct FirstRunResult {
  bool ok = false;
  core::Id me;
  std::string error;  // plain words when !ok
};

// Creates the Person, makes it the device's local person, stores the role hint and text size
// and, if asked, seeds the demo data. Every write is durable before it returns.
FirstRunResult complete_first_run(core::Store& store, const FirstRunForm& form);

class FirstRunScreen : public Screen {
 public:
  ScreenId id() const override { return ScreenId::FirstRun; }
  std::string title() const override { return "Welcome"; }
  void enter(const Route& route, AppContext& ctx) override;
  void draw(AppContext& ctx) override;
  FirstRunForm& form() { return form_; }

 private:
  FirstRunForm form_;
  std::string error_;
};

}  // namespace app
