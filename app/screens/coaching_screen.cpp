// The Coaching notes screen's drawing. See coaching_screen.h.
#include "app/screens/coaching_screen.h"

#include <imgui.h>

#include <algorithm>

#include "app/screens/prompt_screen.h"
#include "app/ui/theme.h"
#include "app/ui/widgets.h"

namespace app {

void draw_coaching(const CoachingModel& m, CoachingUi& ui, const AppContext& ctx, std::vector<CoachingAction>& out) {
  ui::begin_scroll_area("##coaching");
  if (!m.loaded()) {
    ui::body_wrapped(m.error().c_str());
    ui::end_scroll_area();
    return;
  }
  const float width = std::min(ImGui::GetContentRegionAvail().x, ui::em(40.0f));
  ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0f, (ImGui::GetContentRegionAvail().x - width) * 0.5f));
  ui::begin_column(width);
  ui::begin_card("##private", true);
  ui::subheading("Private to the coach and the teacher leader");
  ui::body_wrapped("Notes about observing and debrief moves, from the coach who co-observed to the teacher leader. "
                   "Nobody else sees them, on this device or through the hub.");
  ui::end_card();
  ImGui::Spacing();
  if (!m.can_read()) {
    ui::muted_wrapped("You are not the coach or the teacher leader of this observation, so there is nothing to show here.");
    ui::end_column();
    ui::end_scroll_area();
    return;
  }
  if (m.can_write()) {
    ui::begin_card("##write");
    ui::subheading("Write to the teacher leader");
    if (m.leaders().size() > 1) {
      int i = 0;
      for (const auto& [id, name] : m.leaders()) {
        ImGui::PushID(i);
        if (i++ > 0) ui::flow_next(ui::chip_width(name.c_str()));
        if (ui::chip(name.c_str(), m.leader() == id)) out.push_back(CoachingAction{CoachingAction::Kind::PickLeader, {}, id});
        ImGui::PopID();
      }
    } else {
      std::string to = "To " + m.leaders().front().second;
      ui::caption(to.c_str());
    }
    after::text_area("##coaching_note", "e.g. Your first prompt led with the data; what did you notice about the silence after it?", &ui.draft, 4.5f);
    if (ui.draft != m.draft()) out.push_back(CoachingAction{CoachingAction::Kind::EditDraft, ui.draft, {}});
    after::language_hint(ctx, ui.draft, ui.hint_for, ui.hint);
    after::hint_line(ui.hint);
    after::error_line(m.error());
    if (ui::button("Save note", ui::Tone::Primary)) out.push_back(CoachingAction{CoachingAction::Kind::Save, {}, {}});
    ui::end_card();
    ImGui::Spacing();
  }
  std::string head = "Notes \xC2\xB7 " + std::to_string(m.notes().size());
  ui::heading(head.c_str());
  if (m.notes().empty()) ui::muted_wrapped(m.can_write() ? "Your notes to the teacher leader appear here." : "Your coach has not written a note yet.");
  int i = 0;
  for (const auto& n : m.notes()) {
    ImGui::PushID(i++);
    ui::begin_card("##n");
    std::string who = n.from + " to " + n.to;
    ui::caption(who.c_str());
    ui::body_wrapped(n.text.c_str());
    ui::end_card();
    ImGui::PopID();
  }
  if (!m.can_write()) after::error_line(m.error());
  ui::end_column();
  ui::end_scroll_area();
}

std::string CoachingScreen::title() const {
  return model_ && model_->loaded() ? "Coaching notes \xC2\xB7 " + model_->title() : "Coaching notes";
}

void CoachingScreen::enter(const Route& route, AppContext& ctx) {
  if (model_) model_->autosave(true);
  model_ = std::make_unique<CoachingModel>(*ctx.store, ctx.me, ctx.now_ms);
  model_->load(route.observation);
  ui_ = CoachingUi{};
  ui_.draft = model_->draft();
}

void CoachingScreen::tick(AppContext&) {
  if (model_) model_->autosave(false);
}

void CoachingScreen::draw(AppContext& ctx) {
  if (!model_) return;
  std::vector<CoachingAction> actions;
  draw_coaching(*model_, ui_, ctx, actions);
  for (const auto& a : actions)
    if (model_->apply(a) && a.kind == CoachingAction::Kind::Save) {
      ui_.draft.clear();
      ctx.toast = "Coaching note saved";
    }
}

void CoachingScreen::commit_drafts(AppContext&) {
  if (model_) model_->autosave(true);
}

int CoachingScreen::wake_after_ms(const AppContext&) const { return model_ && model_->draft_dirty() ? 300 : -1; }

}  // namespace app
