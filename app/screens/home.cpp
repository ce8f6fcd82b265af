// Home: the view built from the store and its drawing. See home.h.
#include "app/screens/home.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <stdexcept>
#include <string>

#include "app/screens/record_summary.h"
#include "app/ui/theme.h"
#include "app/ui/widgets.h"

namespace app {

namespace {

bool sooner(const HomeObservation& a, const HomeObservation& b) {
  // Undated plans sort last; otherwise by date and time as typed (ISO sorts as text).
  if (a.when.empty() != b.when.empty()) return !a.when.empty();
  return a.when < b.when;
}
}  // namespace

HomeView build_home(const core::Store& store, core::Id me) {
  HomeView v;
  try {
    std::map<core::Id, std::string> names;
    for (const auto& [id, h] : store.live(core::RecordType::Person)) names[id] = std::get<core::Person>(h.body).name;
    v.my_name = names.count(me) ? names[me] : std::string();
    std::map<core::Id, std::string> cycles;
    for (const auto& [id, h] : store.live(core::RecordType::Cycle)) cycles[id] = std::get<core::Cycle>(h.body).title;

    std::map<core::Id, core::Observation> mine_observed;  // observations where I am the observed teacher
    std::map<core::Id, core::Observation> i_observed;     // lessons I observed as teacher leader, not debriefed
    std::map<core::Id, std::string> labels;
    std::map<core::Id, HomeCycle> my_cycles;
    std::map<core::Id, int> visits;
    std::map<core::Id, std::string> latest_date;
    for (const auto& [id, h] : store.live(core::RecordType::Observation)) {
      const auto& o = std::get<core::Observation>(h.body);
      auto me_in = std::find_if(o.participants.begin(), o.participants.end(), [&](const core::Participant& p) { return p.person == me; });
      if (me_in == o.participants.end() || o.status == core::ObservationStatus::Cancelled) continue;
      if (!o.cycle.empty() && cycles.count(o.cycle)) {
        HomeCycle& c = my_cycles[o.cycle];
        c.id = o.cycle;
        c.title = cycles[o.cycle];
        ++visits[o.cycle];
        if (c.latest.empty() || o.date > latest_date[o.cycle]) {
          c.latest = id;
          latest_date[o.cycle] = o.date;
        }
      }
      HomeObservation ho;
      ho.id = id;
      ho.cycle = o.cycle;
      ho.role = me_in->role;
      ho.status = o.status;
      ho.title = !o.class_name.empty() ? o.class_name : cycles.count(o.cycle) ? cycles[o.cycle] : std::string("Observation");
      ho.when = o.date.empty() ? std::string() : o.date + (o.time.empty() ? "" : " at " + o.time);
      ho.focus = o.focus_question;
      ho.follow_up = !o.follows.empty();
      for (const auto& p : o.participants) {
        if (p.person == me) continue;
        ho.with += (ho.with.empty() ? "with " : ", ") + (names.count(p.person) ? names[p.person] : std::string("someone")) + " (" +
                   role_word(p.role) + ")";
      }
      labels[id] = ho.title + (o.date.empty() ? "" : " \xC2\xB7 " + o.date);
      if (me_in->role == core::Role::ObservedTeacher) mine_observed[id] = o;
      if (me_in->role == core::Role::TeacherLeader && o.status == core::ObservationStatus::Observed) i_observed[id] = o;
      if (o.status == core::ObservationStatus::Observed) {
        WaitingItem w;
        w.kind = WaitingItem::Kind::HoldDebrief;
        w.observation = id;
        w.text = "Hold the debrief";
        w.detail = labels[id];
        w.due = o.date;
        v.waiting.push_back(w);
      }
      if (o.status != core::ObservationStatus::Planned) continue;
      switch (me_in->role) {
        case core::Role::TeacherLeader: v.observing.push_back(ho); break;
        case core::Role::ObservedTeacher: v.being_observed.push_back(ho); break;
        case core::Role::Coach: v.co_observing.push_back(ho); break;
      }
    }
    for (auto* list : {&v.observing, &v.being_observed, &v.co_observing}) std::stable_sort(list->begin(), list->end(), sooner);

    if (!mine_observed.empty()) {
      std::set<core::Id> answered;
      for (const auto& [id, h] : store.live(core::RecordType::Reflection)) answered.insert(std::get<core::Reflection>(h.body).prompt);
      std::map<core::Id, int> open_prompts;
      for (const auto& [id, h] : store.live(core::RecordType::Prompt)) {
        const auto& p = std::get<core::Prompt>(h.body);
        if (p.shared && mine_observed.count(p.observation) && !answered.count(id)) ++open_prompts[p.observation];
      }
      for (const auto& [obs, n] : open_prompts) {
        WaitingItem w;
        w.kind = WaitingItem::Kind::AnswerPrompts;
        w.observation = obs;
        w.text = n == 1 ? "1 prompt to answer" : std::to_string(n) + " prompts to answer";
        w.detail = labels[obs];
        w.due = mine_observed[obs].date;
        v.waiting.push_back(w);
      }
    }
    if (!i_observed.empty()) {
      // The step after the lesson: until I have shared a prompt, the teacher has nothing to reflect on.
      std::set<core::Id> shared_by_me;
      for (const auto& [id, h] : store.live(core::RecordType::Prompt)) {
        const auto& p = std::get<core::Prompt>(h.body);
        if (p.shared && h.version.author == me) shared_by_me.insert(p.observation);
      }
      for (const auto& [obs, o] : i_observed) {
        if (shared_by_me.count(obs)) continue;
        WaitingItem w;
        w.kind = WaitingItem::Kind::WritePrompts;
        w.observation = obs;
        w.text = "Write prompts for the teacher";
        w.detail = labels[obs];
        w.due = o.date;
        v.waiting.push_back(w);
      }
    }
    for (const auto& [id, h] : store.live(core::RecordType::NextStep)) {
      const auto& s = std::get<core::NextStep>(h.body);
      if (s.owner != me || s.status != core::NextStepStatus::Open) continue;
      WaitingItem w;
      w.kind = WaitingItem::Kind::NextStep;
      w.observation = s.observation;
      w.record = id;
      w.text = s.text;
      w.detail = s.follow_up_date.empty() ? std::string("Next step, no follow-up date yet") : "Next step \xC2\xB7 follow-up " + s.follow_up_date;
      w.due = s.follow_up_date;
      v.waiting.push_back(w);
    }
    for (auto& [id, c] : my_cycles) {
      const int n = visits[id];
      c.detail = (n == 1 ? std::string("1 visit") : std::to_string(n) + " visits") +
                 (latest_date[id].empty() ? std::string() : " \xC2\xB7 latest " + latest_date[id]);
      v.cycles.push_back(c);
    }
    std::stable_sort(v.cycles.begin(), v.cycles.end(),
                     [&](const HomeCycle& a, const HomeCycle& b) { return latest_date[a.id] > latest_date[b.id]; });
    // Soonest first; for one visit, in the order of the cycle: prompts are written, answered, then
    // the debrief is held, and next steps follow from it.
    auto step = [](WaitingItem::Kind k) {
      switch (k) {
        case WaitingItem::Kind::WritePrompts: return 0;
        case WaitingItem::Kind::AnswerPrompts: return 1;
        case WaitingItem::Kind::HoldDebrief: return 2;
        case WaitingItem::Kind::NextStep: return 3;
      }
      return 4;
    };
    std::stable_sort(v.waiting.begin(), v.waiting.end(), [&](const WaitingItem& a, const WaitingItem& b) {
      if (a.due.empty() != b.due.empty()) return !a.due.empty();
      if (a.due != b.due) return a.due < b.due;
      return step(a.kind) < step(b.kind);
    });
  } catch (const std::exception& e) {
    v.error = std::string("Could not read this device's observations: ") + e.what();
  }
  return v;
}

void HomeScreen::enter(const Route&, AppContext& ctx) { view_ = build_home(*ctx.store, ctx.me); }

namespace {
void observation_card(const HomeObservation& o, AppContext& ctx, int index) {
  ImGui::PushID(index);
  ui::begin_card("##obs");
  ui::subheading(o.title.c_str());
  std::string when = (o.when.empty() ? std::string("No date yet") : o.when) + (o.follow_up ? " \xC2\xB7 follow-up visit" : "");
  ui::caption(when.c_str());
  if (!o.focus.empty()) ui::body_wrapped(o.focus.c_str());
  if (!o.with.empty()) ui::caption(o.with.c_str());
  ImGui::Spacing();
  bool observer = o.role != core::Role::ObservedTeacher;
  if (observer && ui::button("Observe", ui::Tone::Primary)) ctx.open(Route{ScreenId::Observe, o.id, o.cycle});
  if (observer) ImGui::SameLine();
  if (ui::button(observer ? "See plan" : "Edit plan")) ctx.open(Route{ScreenId::Plan, o.id, o.cycle});
  if (ctx.has(ScreenId::Cycle) && !o.cycle.empty()) {
    ui::flow_next(ui::button_width("Cycle"));
    if (ui::button("Cycle", ui::Tone::Quiet)) ctx.open(Route{ScreenId::Cycle, o.id, o.cycle});
  }
  ui::end_card();
  ImGui::PopID();
}

void section(const char* title, const char* empty, const std::vector<HomeObservation>& list, AppContext& ctx, int& index) {
  ui::subheading(title);
  if (list.empty()) {
    ui::caption(empty);
    ImGui::Spacing();
  }
  for (const auto& o : list) observation_card(o, ctx, index++);
  ImGui::Spacing();
}
}  // namespace

void HomeScreen::draw(AppContext& ctx) {
  const bool narrow = ui::is_narrow();
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  int index = 0;
  auto upcoming = [&] {
    ui::heading("Upcoming");
    section("Observing", "Nothing planned where you observe.", view_.observing, ctx, index);
    section("Being observed", "No visits to your classroom are planned.", view_.being_observed, ctx, index);
    section("Co-observing", "No visits where you co-observe.", view_.co_observing, ctx, index);
    if (!view_.cycles.empty() && ctx.has(ScreenId::Cycle)) {
      ui::heading("Your cycles");
      for (const auto& c : view_.cycles) {
        ImGui::PushID(index++);
        ui::begin_card("##cycle");
        ui::subheading(c.title.c_str());
        ui::caption(c.detail.c_str());
        ImGui::Spacing();
        if (ui::button("Open cycle")) ctx.open(Route{ScreenId::Cycle, c.latest, c.id});
        ui::end_card();
        ImGui::PopID();
      }
    }
  };
  auto side = [&] {
    if (ui::button("+ Plan an observation", ui::Tone::Primary, -1.0f)) ctx.open(Route{ScreenId::Plan, {}, {}});
    ImGui::Spacing();
    ui::heading("Waiting for you");
    if (view_.waiting.empty()) ui::caption("Nothing waits for you. Prompts to answer, debriefs and next steps show here.");
    for (const auto& w : view_.waiting) {
      ImGui::PushID(index++);
      ui::begin_card("##wait", w.kind == WaitingItem::Kind::AnswerPrompts);
      ui::subheading(w.text.c_str());
      ui::caption(w.detail.c_str());
      // Each item opens the screen that deals with it, when this build has that screen.
      ScreenId target = w.kind == WaitingItem::Kind::AnswerPrompts  ? ScreenId::Reflect
                        : w.kind == WaitingItem::Kind::WritePrompts ? ScreenId::Prompt
                                                                    : ScreenId::Debrief;
      if (ctx.has(target)) {
        const char* label = w.kind == WaitingItem::Kind::AnswerPrompts  ? "Answer"
                            : w.kind == WaitingItem::Kind::WritePrompts ? "Write prompts"
                            : w.kind == WaitingItem::Kind::HoldDebrief  ? "Open debrief"
                                                                        : "Open";
        if (ui::button(label)) ctx.open(Route{target, w.observation, {}});
      }
      ui::end_card();
      ImGui::PopID();
    }
    ImGui::Spacing();
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
      if (ui::button("Choose between versions", ui::Tone::Primary)) ctx.open(Route{ScreenId::Conflicts, {}, {}});
    if (ctx.sync.enrolled) {
      if (ui::button(ctx.sync.syncing ? "Syncing..." : "Sync now", ui::Tone::Secondary)) ctx.sync_now = true;
      // Refused items wait on this device until the person asks again (after the program lead
      // fixed the roster, say); retrying blindly on a timer would only be refused again.
      if (ctx.sync.held_back > 0) {
        const char* again = "Send refused items again";
        ui::flow_next(ui::button_width(again));
        if (ui::button(again, ui::Tone::Quiet)) {
          try {
            std::int64_t n = ctx.store->retry_held_back();
            ctx.sync.held_back = 0;
            ctx.sync.held_back_note.clear();
            ctx.sync_now = true;
            ctx.toast = std::to_string(n) + (n == 1 ? " item goes" : " items go") + " out with the next sync";
          } catch (const std::exception& e) {
            ctx.toast = std::string("Could not queue them again: ") + e.what();
          }
        }
      }
    } else if (ctx.has(ScreenId::Settings)) {
      if (ui::button("Connect to a hub", ui::Tone::Quiet)) ctx.open(Route{ScreenId::Settings, {}, {}});
    }
    ui::end_card();
  };
  if (!view_.error.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, ui::palette().danger);
    ui::body_wrapped(view_.error.c_str());
    ImGui::PopStyleColor();
  }
  if (narrow) {
    ui::begin_scroll_area("##home");
    side();
    ImGui::Spacing();
    upcoming();
    ui::end_scroll_area();
  } else {
    float left = std::floor(avail.x * 0.58f);
    ui::begin_scroll_area("##home_left", ImVec2(left, avail.y));
    upcoming();
    ui::end_scroll_area();
    ImGui::SameLine(0, 0);
    ui::begin_scroll_area("##home_right", ImVec2(avail.x - left, avail.y));
    side();
    ui::end_scroll_area();
  }
}

}  // namespace app
