// The Coaching notes screen: ImGui drawing over CoachingModel. A thread between a coach and a
// teacher leader, shown only to those two: notes in order with who wrote each and when, then
// the composer (autosaved draft, language hint) for a note or a reply.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "app/screens/coaching/coaching_model.h"
#include "app/shell/screen.h"

namespace app {

struct CoachingUi {
  std::string draft;  // the field's buffer
  std::string hint_for, hint;
};

void draw_coaching(const CoachingModel& model, CoachingUi& ui, const AppContext& ctx, std::vector<CoachingAction>& out);

class CoachingScreen : public Screen {
 public:
  ScreenId id() const override { return ScreenId::CoachingNotes; }
  std::string title() const override;
  void enter(const Route& route, AppContext& ctx) override;
  void tick(AppContext& ctx) override;
  void draw(AppContext& ctx) override;
  void commit_drafts(AppContext& ctx) override;
  int wake_after_ms(const AppContext& ctx) const override;
  CoachingModel& model() { return *model_; }  // valid after enter()

 private:
  std::unique_ptr<CoachingModel> model_;
  CoachingUi ui_;
};

}  // namespace app
