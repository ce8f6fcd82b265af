// The Reflect screen (for the observed teacher): ImGui drawing over ReflectModel. Each observer's
// data and timeline are drawn by lesson_data_view.h, which Debrief shares.
#pragma once
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "app/screens/reflect/reflect_model.h"
#include "app/shell/screen.h"

namespace app {

// Transient widget state only.
struct ReflectUi {
  std::map<core::Id, std::string> answers;         // per prompt, the text field's buffer
  std::set<core::Id> editing;                      // prompts whose saved answer is being changed
  std::map<core::Id, std::string> hint_for, hint;  // per prompt or own reflection; the empty id: the new one
  std::string own_new;                             // the "reflection of your own" composer's buffer
  std::map<core::Id, std::string> own_text;        // own reflections being changed: their buffers
  core::Id confirm_remove;                         // the own reflection whose Remove asks "for good?"
  std::set<core::Id> with_taps;                    // observers whose timeline lists every tap and mark
};

void draw_reflect(const ReflectModel& model, ReflectUi& ui, const AppContext& ctx, std::vector<ReflectAction>& out);

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
