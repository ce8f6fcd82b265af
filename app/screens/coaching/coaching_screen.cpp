// The Coaching notes screen's drawing. See coaching_screen.h.
#include "app/screens/coaching/coaching_screen.h"
#include "app/shell/model_screen_impl.h"

#include <imgui.h>

#include <algorithm>
#include <optional>

#include "app/ui/theme.h"
#include "app/ui/widgets.h"

namespace app {

namespace {
void draw_note(const CoachingNoteView& n) {
  ui::begin_card("##n", n.mine);
  std::string who = n.when.empty() ? n.from : n.from + " \xC2\xB7 " + n.when;
  ui::caption(who.c_str());
  ui::body_wrapped(n.text.c_str());
  ui::end_card();
}
}  // namespace

void draw_coaching(const CoachingModel& m, CoachingUi& ui, const AppContext& ctx, Emitted<CoachingAction>& out) {
  if (!m.loaded()) return ui::message_body("##coaching", m.error());
  ui::begin_centred_column("##coaching", 40.0f);
  const CoachingThreadView* t = m.thread();
  ui::begin_card("##private", true);
  if (t) {
    std::string line = "Only you and " + t->name + " see this thread";
    ui::subheading(line.c_str());
    ui::body_wrapped(
        "The teacher you observed, other observers and other coaches never receive it, on this device or "
        "through the hub.");
  } else {
    ui::subheading("Private to the coach and the teacher leader");
    ui::body_wrapped("A coaching thread is between a coach who co-observed and a teacher leader. Nobody else sees it.");
  }
  ui::end_card();
  ImGui::Spacing();
  if (!m.can_read() || !t) {
    ui::muted_wrapped(!m.can_read()
                          ? "You are not a coach or a teacher leader of this observation, so there is nothing "
                            "to show here."
                      : m.is_coach() ? "This observation has no teacher leader to write to."
                                     : "No coach co-observed this lesson, so there is no coaching thread.");
    return ui::end_centred_column();
  }
  if (m.threads().size() > 1) {
    int i = 0;
    for (const auto& th : m.threads()) {
      ImGui::PushID(i);
      std::string label = th.name + " (" + th.role + ") \xC2\xB7 " + std::to_string(th.notes);
      if (i++ > 0) ui::flow_next(ui::chip_width(label.c_str()));
      if (ui::chip(label.c_str(), th.pair == t->pair))
        out.push_back(CoachingAction{CoachingAction::Kind::PickThread, {}, th.pair});
      ImGui::PopID();
    }
    ImGui::Spacing();
  }
  std::string head = "With " + t->name + ", " + t->role + " \xC2\xB7 " + std::to_string(m.notes().size()) +
                     (m.notes().size() == 1 ? " note" : " notes");
  ui::heading(head.c_str());
  if (m.notes().empty())
    ui::muted_wrapped(t->pair.coach == ctx.me ? "Nothing here yet. Start with one move you noticed and a question."
                                              : "Your coach has not written yet. You can start the thread too.");
  int i = 0;
  for (const auto& n : m.notes()) {
    ImGui::PushID(i++);
    draw_note(n);
    ImGui::PopID();
  }
  ImGui::Spacing();
  if (m.can_write()) {
    ui::begin_card("##write");
    const bool replying = !m.notes().empty() && !m.notes().back().mine;
    std::string to = (replying ? "Reply to " : "Write to ") + t->name;
    ui::subheading(to.c_str());
    const char* hint = t->pair.coach == ctx.me
                           ? "e.g. Your first prompt led with the data; what did you notice about the silence after it?"
                           : "e.g. I noticed the silence too. What could I try in the next debrief?";
    ui::text_area("##coaching_note", hint, &ui.draft, 4.5f);
    if (ui.draft != m.draft()) out.push_back(CoachingAction{CoachingAction::Kind::EditDraft, ui.draft, {}});
    ui.hint.draw(ctx.guide, ui.draft);
    ui::error_wrapped(m.error());
    if (ui::button(replying ? "Save reply" : "Save note", ui::Tone::Primary))
      out.push_back(CoachingAction{CoachingAction::Kind::Save, {}, {}});
    ui::end_card();
  } else {
    std::string closed = t->name + " is no longer part of this observation, so this thread is closed.";
    ui::muted_wrapped(closed.c_str());
    ui::error_wrapped(m.error());
  }
  ui::end_centred_column();
}

struct CoachingShape : AutosavedShape<ScreenId::CoachingNotes, draw_coaching, &CoachingModel::draft_dirty> {
  static std::string title(const Model* m) { return title_with("Coaching notes", m); }
  static void enter(std::unique_ptr<Model>& m, Ui& ui, const Route& route, AppContext& ctx) {
    // Entered again (a reply arrived by sync, say): stay in the thread that was shown.
    std::optional<core::sync::CoachingPair> shown;
    if (m && m->observation() == route.observation && m->thread()) shown = m->thread()->pair;
    load_visit(m, route, ctx);
    if (shown) m->apply(CoachingAction{CoachingAction::Kind::PickThread, {}, *shown});
    ui = CoachingUi{};
    ui.draft = m->draft();
  }

  static void apply(Model& m, Ui& ui, const Action& a, AppContext& ctx) {
    if (!m.apply(a) || a.kind != CoachingAction::Kind::Save) return;
    ui.draft.clear();
    ctx.toast = "Coaching note saved";
    ctx.sync_now = ctx.sync.enrolled;  // the other one of the two sees it sooner
  }
};
template class ModelScreen<CoachingShape, CoachingModel, CoachingUi>;

}  // namespace app
