// The "Colleagues on this device" screen's drawing. See match_colleagues_screen.h.
#include "app/screens/colleagues/match_colleagues_screen.h"
#include "app/shell/model_screen_impl.h"

#include <imgui.h>

#include <algorithm>

#include "app/ui/theme.h"
#include "app/ui/widgets.h"

namespace app {

namespace {
constexpr std::size_t kSearchResultsShown = 8;  // a short list a finger can scan; typing narrows it

std::string visits_caption(const UnmatchedColleague& c) {
  std::string where = c.visits == 1  ? std::string("In 1 planned visit")
                      : c.visits > 1 ? "In " + std::to_string(c.visits) + " planned visits"
                                     : std::string("In a plan");
  return where + " \xC2\xB7 only on this device, so they do not receive it yet";
}

void draw_colleague(const UnmatchedColleague& c, const MatchColleaguesModel& m, MatchColleaguesUi& ui,
                    Emitted<MatchColleaguesAction>& out) {
  ui::begin_card("##colleague");
  ui::heading(c.typed_name.c_str());
  ui::caption(visits_caption(c).c_str());
  if (!c.likely.empty()) {
    ui::label(c.likely.size() == 1 ? "Likely on your school's roster:" : "Likely on your school's roster, best first:");
    for (std::size_t i = 0; i < c.likely.size(); ++i) {
      std::string text = "This is " + c.likely[i].name + "##likely" + std::to_string(i);
      if (ui::button(text.c_str(), i == 0 ? ui::Tone::Primary : ui::Tone::Secondary))
        out.push_back({MatchColleaguesAction::Kind::Confirm, c.person, c.likely[i].person});
    }
  } else if (!m.roster().empty()) {
    ui::muted_wrapped(
        "No one on the roster has this name. Search the roster below if they are there under another name.");
  }
  if (m.roster().empty()) {
    ui::end_card();
    return;
  }
  const bool open = ui.searching == c.person;
  if (!open) {
    if (ui::button(c.likely.empty() ? "Find them on the roster" : "Someone else on the roster")) {
      ui.searching = c.person;
      ui.search.clear();
      ui.focus_search = true;
    }
  } else {
    ui::label("Search the roster by name");
    if (ui.focus_search) ImGui::SetKeyboardFocusHere();  // typing starts at once (a tablet's keyboard opens)
    ui.focus_search = false;
    ui::text_field("##roster_search", "Type part of a name", &ui.search);
    auto found = m.search(ui.search);
    if (found.empty())
      ui::muted_wrapped("No one on the roster matches. Check the spelling, or ask your program lead to add them.");
    for (std::size_t i = 0; i < found.size() && i < kSearchResultsShown; ++i) {
      std::string text = "This is " + found[i].name + "##found" + std::to_string(i);
      if (ui::button(text.c_str())) out.push_back({MatchColleaguesAction::Kind::Confirm, c.person, found[i].person});
    }
    if (found.size() > kSearchResultsShown) {
      std::string more = std::to_string(found.size() - kSearchResultsShown) + " more: type more of the name.";
      ui::caption(more.c_str());
    }
    if (ui::button("Close the search", ui::Tone::Quiet)) ui.searching = core::Id{};
  }
  ui::end_card();
}
}  // namespace

void draw_match_colleagues(const MatchColleaguesModel& m, MatchColleaguesUi& ui, const AppContext&,
                           Emitted<MatchColleaguesAction>& out) {
  ui::begin_centred_column("##match_colleagues", 44.0f);
  ui::begin_card("##about", true);
  ui::subheading("Who are the colleagues you typed in?");
  ui::body_wrapped(
      "You typed these names into plans before they were on your school's hub. Tell peerobs who each one "
      "is on the roster, so they receive the visits you planned with them. Nothing is matched until you "
      "tap a name.");
  if (m.push_waits())
    ui::caption(
        "Nothing has been sent to the hub yet: sending waits until you have matched them, or chosen to keep "
        "them on this device for now.");
  ui::end_card();
  ImGui::Spacing();
  ui::outcome_wrapped(m.message(), m.message_is_error());
  if (m.roster().empty() && !m.unmatched().empty()) {
    ui::muted_wrapped(
        "Your school's roster has not reached this device yet. It comes with the next sync; you can "
        "match them from Home then.");
    ImGui::Spacing();
  }
  int n = 0;
  for (const auto& c : m.unmatched()) {
    ImGui::PushID(n++);
    draw_colleague(c, m, ui, out);
    ImGui::PopID();
    ImGui::Spacing();
  }
  if (!m.matched().empty()) {
    ui::begin_card("##matched");
    ui::subheading("Matched");
    for (const auto& d : m.matched()) {
      std::string line = d.typed_name + "  \xE2\x86\x92  " + d.roster_name;
      ui::body_wrapped(line.c_str());
    }
    ui::end_card();
    ImGui::Spacing();
  }
  if (m.unmatched().empty())
    ui::muted_wrapped("Every colleague you typed in is matched with the roster.");
  else
    ui::body_wrapped(m.unmatched_note().c_str());
  ImGui::Spacing();
  const char* finish = !m.push_waits()         ? "Done"
                       : m.unmatched().empty() ? "Done: send my work"
                                               : "Keep them on this device for now";
  if (ui::button(finish, ui::Tone::Primary)) out.push_back({MatchColleaguesAction::Kind::Finish, {}, {}});
  ui::end_centred_column();
}

struct MatchColleaguesShape : ScreenShape<ScreenId::MatchColleagues, draw_match_colleagues> {
  static std::string title(const Model*) { return "Colleagues on this device"; }
  static void enter(std::unique_ptr<Model>& m, Ui& ui, const Route&, AppContext& ctx) {
    m = std::make_unique<MatchColleaguesModel>(*ctx.store, ctx.me);
    m->load();
    ui = {};
  }

  static void apply(Model& m, Ui& ui, const Action& a, AppContext& ctx) {
    if (a.kind == MatchColleaguesAction::Kind::Confirm) {
      if (!m.confirm(a.colleague, a.roster_person)) return;
      ui.searching = core::Id{};
      ctx.toast = "Colleague matched";
      ctx.sync_now = ctx.sync.enrolled && !m.push_waits();
    } else if (m.finish()) {
      ctx.sync_now = ctx.sync.enrolled;
      ctx.go_home = true;
    }
  }
};
template class ModelScreen<MatchColleaguesShape, MatchColleaguesModel, MatchColleaguesUi>;

}  // namespace app
