// Home's drawing and the application of its actions. The view and the rules live in
// home_model.cpp; nothing here reads or writes the store while drawing.
#include "app/screens/home/home_screen.h"
#include "app/shell/model_screen_impl.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "app/ui/theme.h"
#include "app/ui/widgets.h"
#include "core/dates.h"

namespace app {

namespace {

// What every part of Home's drawing reads and where it puts what a tap asks for.
struct HomeFrame {
  const AppContext& ctx;
  HomeUi& ui;
  Emitted<HomeAction>& out;
  int index = 0;  // ImGui ids of repeated cards
};

void open_editor(HomeUi& ui, const HomeObservation& o, HomeUi::Editor editor) {
  ui.visit = o.id;
  ui.editor = editor;
  ui.problem.clear();
  // Start from the planned day so a move of an hour is one edit, not a retyped date.
  ui.date = editor == HomeUi::Editor::ConfirmCancel ? std::string() : o.date;
  ui.time = editor == HomeUi::Editor::ConfirmCancel ? std::string() : o.time;
}

// The card's editor for a new date and time (a move, or a proposal), or the cancel question.
void visit_editor(const HomeObservation& o, HomeFrame& f) {
  HomeUi& ui = f.ui;
  ImGui::Spacing();
  if (ui.editor == HomeUi::Editor::ConfirmCancel) {
    ImGui::PushFont(ui::fonts().bold);
    ui::body_wrapped("Cancel this visit? Everyone in it will see it as cancelled.");
    ImGui::PopFont();
    ui::error_wrapped(ui.problem);
    if (ui::button("Keep the visit", ui::Tone::Secondary)) ui.editor = HomeUi::Editor::None;
    ui::flow_next(ui::button_width("Yes, cancel it"));
    if (ui::button("Yes, cancel it", ui::Tone::Danger))
      f.out.push_back(HomeAction{HomeAction::Kind::CancelVisit, o.id, {}, {}});
    return;
  }
  const bool move = ui.editor == HomeUi::Editor::Reschedule;
  ui::caption(move ? "The new date and start time:" : "The time you propose; the teacher leader answers it:");
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  const float half = (ui::content_width() - gap) * 0.5f;
  ui::exact_text_field("##new_date", "YYYY-MM-DD", &ui.date,
                       ImGuiInputTextFlags_CharsDecimal | ImGuiInputTextFlags_CharsNoBlank, half);
  ImGui::SameLine();
  ui::exact_text_field("##new_time", "HH:MM", &ui.time, ImGuiInputTextFlags_CharsNoBlank, half);
  ui::error_wrapped(ui.problem);
  const char* go = move ? "Move visit" : "Send proposal";
  if (ui::button(go, ui::Tone::Primary))
    f.out.push_back(
        HomeAction{move ? HomeAction::Kind::MoveVisit : HomeAction::Kind::ProposeTime, o.id, ui.date, ui.time});
  ui::flow_next(ui::button_width("Close"));
  if (ui::button("Close", ui::Tone::Quiet)) ui.editor = HomeUi::Editor::None;
}

void observation_card(const HomeObservation& o, HomeFrame& f) {
  const AppContext& ctx = f.ctx;
  ImGui::PushID(f.index++);
  ui::begin_card("##obs");
  ui::subheading(o.title.c_str());
  std::string when =
      (o.when.empty() ? std::string("No date yet") : o.when) + (o.follow_up ? " \xC2\xB7 follow-up visit" : "");
  ui::caption(when.c_str());
  if (!o.focus.empty()) ui::body_wrapped(o.focus.c_str());
  if (!o.with.empty()) ui::caption(o.with.c_str());
  if (!o.proposal.empty()) {
    ImGui::PushFont(ui::fonts().bold);
    ui::body_wrapped(o.proposal.c_str());
    ImGui::PopFont();
  }
  ImGui::Spacing();
  const bool observer = o.role != core::Role::ObservedTeacher;
  bool first = true;
  auto next = [&](const char* label) {
    if (!first) ui::flow_next(ui::button_width(label));
    first = false;
  };
  if (observer) {
    next("Observe");
    if (ui::button("Observe", ui::Tone::Primary)) f.out.open = Route{ScreenId::Observe, o.id, o.cycle};
  }
  next(observer ? "See plan" : "Edit plan");
  if (ui::button(observer ? "See plan" : "Edit plan")) f.out.open = Route{ScreenId::Plan, o.id, o.cycle};
  if (ctx.has(ScreenId::Cycle) && !o.cycle.empty()) {
    next("Cycle");
    if (ui::button("Cycle", ui::Tone::Quiet)) f.out.open = Route{ScreenId::Cycle, o.id, o.cycle};
  }
  if (o.can_reschedule) {
    next("Reschedule");
    if (ui::button("Reschedule", ui::Tone::Quiet)) open_editor(f.ui, o, HomeUi::Editor::Reschedule);
    next("Cancel visit");
    if (ui::button("Cancel visit", ui::Tone::Quiet)) open_editor(f.ui, o, HomeUi::Editor::ConfirmCancel);
  }
  if (o.can_propose) {
    next("Propose another time");
    if (ui::button("Propose another time", ui::Tone::Quiet)) open_editor(f.ui, o, HomeUi::Editor::Propose);
  }
  if (f.ui.visit == o.id && f.ui.editor != HomeUi::Editor::None) visit_editor(o, f);
  ui::end_card();
  ImGui::PopID();
}

void cancelled_card(const HomeObservation& o, HomeFrame& f) {
  ImGui::PushID(f.index++);
  ui::begin_card("##cancelled");
  ui::subheading(o.title.c_str());
  std::string when = "Cancelled" + (o.when.empty() ? std::string() : " \xC2\xB7 was " + o.when);
  ImGui::PushStyleColor(ImGuiCol_Text, ui::palette().danger);
  ui::caption(when.c_str());
  ImGui::PopStyleColor();
  if (!o.with.empty()) ui::caption(o.with.c_str());
  ui::end_card();
  ImGui::PopID();
}

void section(const char* title, const std::vector<HomeObservation>& list, HomeFrame& f) {
  ui::subheading(title);
  for (const auto& o : list) observation_card(o, f);
  ImGui::Spacing();
}

void upcoming(const HomeView& v, HomeFrame& f) {
  ui::heading("Upcoming");
  // Lists with visits first (the ones in my classroom before all), then one line per empty one,
  // so a teacher who is only observed does not scroll past two empty sections.
  struct List {
    const char* title;
    const char* empty;
    const std::vector<HomeObservation>* visits;
  };
  const List lists[] = {{"Planned in your classroom", "No visits to your classroom are planned.", &v.being_observed},
                        {"Observing", "Nothing planned where you observe.", &v.observing},
                        {"Co-observing", "No visits where you co-observe.", &v.co_observing}};
  for (const auto& l : lists)
    if (!l.visits->empty()) section(l.title, *l.visits, f);
  for (const auto& l : lists)
    if (l.visits->empty()) ui::caption(l.empty);
  ImGui::Spacing();
  if (!v.cancelled.empty()) {
    ui::subheading("Cancelled");
    for (const auto& o : v.cancelled) cancelled_card(o, f);
    ImGui::Spacing();
  }
  if (!v.cycles.empty() && f.ctx.has(ScreenId::Cycle)) {
    ui::heading("Your cycles");
    for (const auto& c : v.cycles) {
      ImGui::PushID(f.index++);
      ui::begin_card("##cycle");
      ui::subheading(c.title.c_str());
      ui::caption(c.detail.c_str());
      ImGui::Spacing();
      if (ui::button("Open cycle")) f.out.open = Route{ScreenId::Cycle, c.latest, c.id};
      ui::end_card();
      ImGui::PopID();
    }
  }
}

void waiting_item(const WaitingItem& w, HomeFrame& f) {
  const AppContext& ctx = f.ctx;
  ImGui::PushID(f.index++);
  ui::begin_card("##wait", w.kind == WaitingItem::Kind::AnswerPrompts || w.kind == WaitingItem::Kind::ProposedTime);
  ui::subheading(w.text.c_str());
  ui::caption(w.detail.c_str());
  if (w.kind == WaitingItem::Kind::ProposedTime) {
    // Answered here, one tap: the proposal says the new time, the card says the planned one.
    if (ui::button("Accept new time", ui::Tone::Primary))
      f.out.push_back(HomeAction{HomeAction::Kind::AcceptProposal, w.observation, {}, {}});
    ui::flow_next(ui::button_width("Keep planned time"));
    if (ui::button("Keep planned time"))
      f.out.push_back(HomeAction{HomeAction::Kind::KeepPlannedTime, w.observation, {}, {}});
    if (f.ui.visit == w.observation && f.ui.editor == HomeUi::Editor::None) ui::error_wrapped(f.ui.problem);
  } else {
    // Each item opens the screen that deals with it, when this build has that screen.
    ScreenId target = w.kind == WaitingItem::Kind::AnswerPrompts  ? ScreenId::Reflect
                      : w.kind == WaitingItem::Kind::WritePrompts ? ScreenId::Prompt
                                                                  : ScreenId::Debrief;
    if (ctx.has(target)) {
      const char* label = w.kind == WaitingItem::Kind::AnswerPrompts  ? "Answer"
                          : w.kind == WaitingItem::Kind::WritePrompts ? "Write prompts"
                          : w.kind == WaitingItem::Kind::HoldDebrief  ? "Open debrief"
                                                                      : "Open";
      if (ui::button(label)) f.out.open = Route{target, w.observation, {}};
    }
  }
  ui::end_card();
  ImGui::PopID();
}

// The coach's view across the teacher leaders they coach: each visit that waits for its debrief
// or for a coaching note, one tap from the screen that settles it.
void coaching(const HomeView& v, HomeFrame& f) {
  if (v.coached.empty()) return;
  ui::heading("Teacher leaders you coach");
  for (const auto& leader : v.coached) {
    ImGui::PushID(f.index++);
    ui::begin_card("##coached");
    ui::subheading(leader.name.c_str());
    if (leader.waiting.empty()) ui::caption("Nothing waits on their visits: debriefs held, coaching notes written.");
    // One block per visit: its class and date once, then what waits on it, each with its button.
    for (std::size_t i = 0; i < leader.waiting.size(); ++i) {
      const CoachingWait& w = leader.waiting[i];
      const bool same_visit = i > 0 && leader.waiting[i - 1].observation == w.observation;
      ImGui::PushID(static_cast<int>(i));
      if (!same_visit) {
        ImGui::Spacing();
        ui::label(w.detail.c_str());
      }
      ui::caption(w.text.c_str());
      const bool debrief = w.kind == CoachingWait::Kind::Debrief;
      const ScreenId target = debrief ? ScreenId::Debrief : ScreenId::CoachingNotes;
      if (f.ctx.has(target) && ui::button(debrief ? "Open debrief" : "Write coaching note"))
        f.out.open = Route{target, w.observation, w.cycle};
      ImGui::PopID();
    }
    ui::end_card();
    ImGui::PopID();
  }
  ImGui::Spacing();
}

void sync_card(HomeFrame& f) {
  const AppContext& ctx = f.ctx;
  ui::heading("Sync");
  ui::begin_card("##sync");
  ImGui::PushFont(ui::fonts().bold);
  const bool problem = ctx.sync.enrolled && !ctx.sync.error.empty();
  ui::status_dot(problem ? ui::palette().danger : ctx.sync.enrolled ? ui::palette().success : ui::palette().text_muted);
  ImGui::PopFont();
  ImGui::SameLine();
  ui::subheading(problem ? "Not synced right now" : ctx.sync.enrolled ? "Connected to a hub" : "On this device only");
  std::string text = describe(ctx.sync);
  ui::body_wrapped(text.c_str());
  if (ctx.sync.conflicts > 0 && ctx.has(ScreenId::Conflicts))
    if (ui::button("Choose between versions", ui::Tone::Primary)) f.out.open = Route{ScreenId::Conflicts, {}, {}};
  if (ctx.sync.enrolled) {
    if (ui::button(ctx.sync.syncing ? "Syncing..." : "Sync now", ui::Tone::Secondary)) f.out.sync_now = true;
    if (ctx.sync.held_back > 0) {
      const char* again = "Send refused items again";
      ui::flow_next(ui::button_width(again));
      if (ui::button(again, ui::Tone::Quiet))
        f.out.push_back(HomeAction{HomeAction::Kind::SendRefusedAgain, {}, {}, {}});
    }
  } else if (ctx.has(ScreenId::Settings)) {
    if (ui::button("Connect to a hub", ui::Tone::Quiet)) f.out.open = Route{ScreenId::Settings, {}, {}};
  }
  ui::end_card();
}

// End-to-end encryption asks little of a teacher, but what it asks comes first: the phrase that
// opens their observations on another device, and colleagues whose key changed.
void keys_cards(const HomeView& v, HomeFrame& f) {
  const AppContext& ctx = f.ctx;
  // The store's answer, not the worker's flag: that one stays set until the sync after a restore.
  if (v.recovery_phrase_needed && ctx.has(ScreenId::RestoreKey)) {
    ui::begin_card("##phrase_needed", true);
    ui::subheading("Type your recovery phrase");
    ui::body_wrapped(
        "Your key is on another of your devices. Type the phrase you wrote down there, so this device can "
        "read what colleagues share with you.");
    if (ui::button("Type the phrase", ui::Tone::Primary)) f.out.open = Route{ScreenId::RestoreKey, {}, {}};
    ui::end_card();
  } else if (v.recovery_phrase_wanted && ctx.has(ScreenId::RecoveryPhrase)) {
    ui::begin_card("##phrase_wanted");
    ui::subheading("Keep a recovery phrase");
    ui::body_wrapped("Keep a recovery phrase so you can read your observations on another device.");
    if (ui::button("Make my phrase", ui::Tone::Primary)) f.out.open = Route{ScreenId::RecoveryPhrase, {}, {}};
    ui::end_card();
  }
  for (const auto& name : v.changed_keys) {
    ImGui::PushID(f.index++);
    ui::begin_card("##changed_key", true);
    const std::string title = name + "'s key changed";
    ui::subheading(title.c_str());
    ui::body_wrapped(
        "Nothing new is shared with it until you accept it. Compare fingerprints with them in person first.");
    if (ctx.has(ScreenId::Settings) && ui::button("Compare fingerprints"))
      f.out.open = Route{ScreenId::Settings, {}, {}};
    ui::end_card();
    ImGui::PopID();
  }
}

void side(const HomeView& v, HomeFrame& f) {
  if (ui::button("+ Plan an observation", ui::Tone::Primary, -1.0f)) f.out.open = Route{ScreenId::Plan, {}, {}};
  ImGui::Spacing();
  keys_cards(v, f);
  const bool coach_waits =
      std::any_of(v.coached.begin(), v.coached.end(), [](const CoachedLeader& l) { return !l.waiting.empty(); });
  // A coach whose only waiting work is their teacher leaders' is not told that nothing waits.
  if (!v.waiting.empty() || !coach_waits) ui::heading("Waiting for you");
  if (v.waiting.empty() && !coach_waits)
    ui::caption("Nothing waits for you. Prompts to answer, debriefs and next steps show here.");
  for (const auto& w : v.waiting) waiting_item(w, f);
  ImGui::Spacing();
  coaching(v, f);
  sync_card(f);
}
}  // namespace

void draw_home(const HomeView& view, HomeUi& ui, const AppContext& ctx, Emitted<HomeAction>& out) {
  HomeFrame f{ctx, ui, out, 0};
  ui::error_wrapped(view.error);
  auto left = [&] { upcoming(view, f); };
  auto right = [&] { side(view, f); };
  ui::two_columns("##home", ImGui::GetContentRegionAvail(), 0.58f, left, right, /*right_first=*/true);
}

namespace {
HomeView read_home(const AppContext& ctx) {
  return build_home(*ctx.store, ctx.me, ctx.now_ms ? core::local_date(ctx.now_ms()) : std::string());
}
}  // namespace

struct HomeShape : ScreenShape<ScreenId::Home, draw_home> {
  static std::string title(const Model*) { return "Home"; }
  static void enter(std::unique_ptr<Model>& m, Ui&, const Route&, AppContext& ctx) {
    m = std::make_unique<HomeView>(read_home(ctx));
  }

  static void apply(Model& view, Ui& ui, const Action& action, AppContext& ctx) {
    HomeOutcome outcome = apply_home_action(*ctx.store, ctx.me, action);
    if (action.kind == HomeAction::Kind::SendRefusedAgain) {
      ctx.toast = outcome.message;
      if (outcome.done) {
        ctx.sync.held_back = 0;
        ctx.sync.held_back_note.clear();
        ctx.sync_now = true;
      }
      return;
    }
    if (!outcome.done) {
      const bool answer =
          action.kind == HomeAction::Kind::AcceptProposal || action.kind == HomeAction::Kind::KeepPlannedTime;
      if (answer) ui.editor = HomeUi::Editor::None;  // the problem shows under the proposal, not in a card's editor
      ui.visit = action.visit;
      ui.problem = outcome.message;  // shown in the card's editor (or under the proposal)
      return;
    }
    ctx.toast = outcome.message;
    ui = HomeUi{};
    view = read_home(ctx);  // the saved change, as the store now has it
  }
};
template class ModelScreen<HomeShape, HomeView, HomeUi>;

}  // namespace app
