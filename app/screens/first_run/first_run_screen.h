// First run: who uses this device (name, usual role), the text size, and whether to add a demo
// cycle to explore. complete_first_run is the plain-C++ action the screen and the tests call.
#pragma once
#include <string>

#include "app/shell/model_screen.h"

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

// The screen's model: the choices so far and why the last Start was refused.
struct FirstRunModel {
  FirstRunForm form;
  std::string error;  // plain words, "" = none
};

struct FirstRunUi {
  std::string name;  // the name field's buffer
};

struct FirstRunAction {
  enum class Kind { PickRole, PickTextSize, PickDemo, Start };
  Kind kind = Kind::Start;
  core::Role role = core::Role::TeacherLeader;  // PickRole
  float text_size = 1.0f;                       // PickTextSize
  bool demo = true;                             // PickDemo
  std::string name;                             // Start: as typed
};

void draw_first_run(const FirstRunModel& model, FirstRunUi& ui, const AppContext& ctx, Emitted<FirstRunAction>& out);

using FirstRunScreen = ModelScreen<struct FirstRunShape, FirstRunModel, FirstRunUi>;
extern template class ModelScreen<FirstRunShape, FirstRunModel, FirstRunUi>;

}  // namespace app
