// The Reflect screen (for the observed teacher): ImGui drawing over ReflectModel, plus the data
// summary drawing (counts, timer shares, the seating chart shaded by number of marks) that the
// Cycle screen reuses. Charts are neutral: one accent colour, intensity = amount, never a verdict.
#pragma once
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "app/screen.h"
#include "app/screens/reflect_model.h"

namespace app {

// Transient widget state only.
struct ReflectUi {
  std::map<core::Id, std::string> answers;  // per prompt, the text field's buffer
  std::set<core::Id> editing;               // prompts whose saved answer is being changed
  std::map<core::Id, std::string> hint_for, hint;
};

void draw_reflect(const ReflectModel& model, ReflectUi& ui, const AppContext& ctx, std::vector<ReflectAction>& out);
// Draws a data summary inside the current card/column.
void draw_data_summary(const DataSummary& summary);

class ReflectScreen : public Screen {
 public:
  ScreenId id() const override { return ScreenId::Reflect; }
  std::string title() const override;
  void enter(const Route& route, AppContext& ctx) override;
  void tick(AppContext& ctx) override;
  void draw(AppContext& ctx) override;
  void commit_drafts(AppContext& ctx) override;
  int wake_after_ms(const AppContext& ctx) const override;
  ReflectModel& model() { return *model_; }  // valid after enter()

 private:
  std::unique_ptr<ReflectModel> model_;
  ReflectUi ui_;
};

}  // namespace app
