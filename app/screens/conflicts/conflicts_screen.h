// The "Edited on two devices" screen: ImGui drawing over ConflictsModel. Each record edited on two
// devices shows its versions beside each other (stacked when narrow), the lines that differ marked,
// and "Keep this version" under each.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "app/screens/conflicts/conflicts_model.h"
#include "app/shell/screen.h"

namespace app {

struct ConflictChoice {
  core::Id record;
  core::Id version;
};

void draw_conflicts(const ConflictsModel& model, std::vector<ConflictChoice>& out);

class ConflictsScreen : public Screen {
 public:
  ScreenId id() const override { return ScreenId::Conflicts; }
  std::string title() const override { return "Edited on two devices"; }
  void enter(const Route& route, AppContext& ctx) override;
  void draw(AppContext& ctx) override;
  ConflictsModel& model() { return *model_; }  // valid after enter()

 private:
  std::unique_ptr<ConflictsModel> model_;
};

}  // namespace app
