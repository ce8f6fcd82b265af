// The client shell. See app.h.
#include "app/shell/app.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cstdlib>

#include "app/screens/coaching/coaching_screen.h"
#include "app/screens/colleagues/match_colleagues_screen.h"
#include "app/screens/conflicts/conflicts_screen.h"
#include "app/screens/cycle/cycle_screen.h"
#include "app/screens/debrief/debrief_screen.h"
#include "app/screens/first_run/first_run_screen.h"
#include "app/screens/home/home_screen.h"
#include "app/screens/keys/recovery_phrase_screen.h"
#include "app/screens/keys/restore_key_screen.h"
#include "app/screens/observe/observe_screen.h"
#include "app/screens/plan/plan_screen.h"
#include "app/screens/prompt/prompt_screen.h"
#include "app/screens/reflect/reflect_screen.h"
#include "app/screens/settings/settings_screen.h"
#include "app/ui/widgets.h"

namespace app {

namespace {
template <class... Screens>
void register_screens(App& app) {
  (app.register_screen(std::make_unique<Screens>()), ...);
}
}  // namespace

App::App(core::Store& store, AppOptions options)
    : store_(store), options_(std::move(options)), glyphs_(options_.font_files) {
  if (!options_.now_ms) options_.now_ms = [] { return core::wall_clock_ms(); };
  ctx_.store = &store_;
  ctx_.me = store_.meta().local_person().value_or(core::Id{});
  ctx_.now_ms = options_.now_ms;
  ctx_.data_dir = options_.data_dir;
  ctx_.asset_dir = options_.asset_dir;
  templates_ = core::load_templates({core::builtin_template_dir(), options_.data_dir + "/templates"});
  ctx_.templates = &templates_;
  try {
    guide_ = std::make_unique<core::LanguageGuide>(core::LanguageGuide::load_builtin());
    ctx_.guide = guide_.get();
  } catch (const std::exception& e) {
    // The app works without the guide; the hint under the composer simply does not show.
    theme_error_ = std::string("The language guide did not load: ") + e.what();
  }
  // The built-in screens: a new screen is one file plus its name here.
  register_screens<FirstRunScreen, HomeScreen, PlanScreen, ObserveScreen, PromptScreen, ReflectScreen, DebriefScreen,
                   CycleScreen, CoachingScreen, SettingsScreen, ConflictsScreen, MatchColleaguesScreen,
                   RecoveryPhraseScreen, RestoreKeyScreen>(*this);
  stack_.push_back(Route{ctx_.me.empty() ? ScreenId::FirstRun : ScreenId::Home, {}, {}});
  enter_current();
}

App::~App() { commit_drafts(); }

void App::register_screen(std::unique_ptr<Screen> screen) {
  ctx_.available.insert(screen->id());
  screens_[screen->id()] = std::move(screen);
}

Screen* App::screen(ScreenId id) {
  auto it = screens_.find(id);
  return it == screens_.end() ? nullptr : it->second.get();
}

ui::ThemeSettings App::wanted_theme() const {
  ui::ThemeSettings t;
  t.display_scale = options_.display_scale;
  if (auto s = store_.meta().get(core::MetaKey::TextSize)) t.text_size = std::strtof(s->c_str(), nullptr);
  if (!(t.text_size > 0.0f)) t.text_size = 1.0f;
  t.dark = store_.meta().get(core::MetaKey::Theme).value_or("light") == "dark";
  return t;
}

bool App::refresh_theme() {
  glyphs_.note_input_queue();
  // New characters whose font is at hand: the same theme, rebuilt with their glyphs.
  if (theme_built_ && glyphs_.needs_rebuild() && !ctx_.theme_changed &&
      applied_theme_.display_scale == options_.display_scale) {
    std::string error;
    if (!ui::apply_theme(applied_theme_, options_.asset_dir, error, &glyphs_.coverage())) theme_error_ = error;
    return true;
  }
  if (theme_built_ && !ctx_.theme_changed && applied_theme_.display_scale == options_.display_scale) return false;
  ui::ThemeSettings want = wanted_theme();  // a meta read only when something changed
  ctx_.theme_changed = false;
  if (theme_built_ && want.display_scale == applied_theme_.display_scale &&
      want.text_size == applied_theme_.text_size && want.dark == applied_theme_.dark)
    return false;
  std::string error;
  glyphs_.needs_rebuild();  // asks for the fonts of characters seen so far
  if (!ui::apply_theme(want, options_.asset_dir, error, &glyphs_.coverage())) theme_error_ = error;
  applied_theme_ = want;
  theme_built_ = true;
  return true;
}

void App::set_display_scale(float scale) { options_.display_scale = scale; }

bool App::has_screen_settings() const { return ctx_.has(ScreenId::Settings); }

void App::set_sync(const SyncState& state, bool data_changed) {
  sync_from_link_ = true;
  ctx_.sync = state;
  if (!data_changed) return;
  // Rebuild the view with what arrived; a half-typed note is saved as a draft first and comes
  // back when the screen is entered again, so sync never eats typing.
  if (Screen* s = screen(route().screen)) s->commit_drafts(ctx_);
  enter_current();
}

void App::reload_me() {
  if (auto me = store_.meta().local_person()) ctx_.me = *me;
  stack_.assign(1, Route{ScreenId::Home, {}, {}});
  // Colleagues typed into plans offline: the enrollment holds sending until the teacher says who
  // they are on the roster, so that question comes first (Back leads Home).
  if (core::sync::push_waits_for_colleagues(store_) && ctx_.has(ScreenId::MatchColleagues))
    stack_.push_back(Route{ScreenId::MatchColleagues, {}, {}});
  enter_current();
}

void App::enter_current() {
  if (!sync_from_link_) ctx_.sync = read_sync_state(store_);
  my_name_.clear();
  if (!ctx_.me.empty())
    if (auto person = store_.get(ctx_.me); person && std::holds_alternative<core::Person>(person->body))
      my_name_ = std::get<core::Person>(person->body).name;
  colleagues_banner_ = route().screen == ScreenId::Home ? colleagues_banner_text() : std::string();
  if (Screen* s = screen(route().screen)) s->enter(route(), ctx_);
  glyphs_.scan_store(store_);  // names and notes the screen may show (only new versions are read)
}

void App::navigate() {
  if (!ctx_.toast.empty()) {
    toast_ = ctx_.toast;
    toast_until_ = ctx_.now_ms() + 2500;
    ctx_.toast.clear();
  }
  bool moved = false;
  if (ctx_.go_home) {
    stack_.assign(1, Route{ScreenId::Home, {}, {}});
    moved = true;
  } else if (ctx_.go_to) {
    if (ctx_.replace && stack_.size() > 1) stack_.pop_back();
    if (ctx_.replace && stack_.size() == 1 && stack_.back().screen == ScreenId::FirstRun) stack_.clear();
    stack_.push_back(*ctx_.go_to);
    moved = true;
  } else if (ctx_.go_back && stack_.size() > 1) {
    stack_.pop_back();
    moved = true;
  }
  ctx_.go_home = ctx_.go_back = ctx_.replace = false;
  ctx_.go_to.reset();
  if (moved) {
    // Leaving a screen commits what was typed there; the next one builds its view once.
    for (auto& [id, s] : screens_) s->commit_drafts(ctx_);
    enter_current();
  }
}

void App::draw_top_bar() {
  const ui::Palette& p = ui::palette();
  const float h = ui::touch_px() + ui::em(0.8f);
  ImVec2 origin = ImGui::GetCursorScreenPos();
  float width = ImGui::GetIO().DisplaySize.x;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(origin, ImVec2(origin.x + width, origin.y + h), ui::col(p.surface));
  dl->AddLine(ImVec2(origin.x, origin.y + h - 1), ImVec2(origin.x + width, origin.y + h - 1), ui::col(p.border));
  float pad = ui::em(0.8f);
  float y_button = origin.y + (h - ui::touch_px()) * 0.5f;
  float x = origin.x + pad;
  if (stack_.size() > 1) {
    ImGui::SetCursorScreenPos(ImVec2(origin.x + ui::em(0.3f), y_button));
    if (ui::button("\xE2\x80\xB9 Back", ui::Tone::Quiet)) ctx_.go_back = true;
    x = ImGui::GetItemRectMax().x + ui::em(0.3f);
  } else {
    // The app's mark: a small accent square, then the name.
    float s = ui::em(1.1f);
    float y = origin.y + (h - s) * 0.5f;
    dl->AddRectFilled(ImVec2(x, y), ImVec2(x + s, y + s), ui::col(p.accent), s * 0.3f);
    x += s + ui::em(0.6f);
  }
  Screen* s = screen(route().screen);
  std::string title = s ? s->title() : std::string("peerobs");
  ImGui::PushFont(ui::fonts().heading);
  float th = ImGui::GetFontSize();
  float right_limit = origin.x + width - pad;
  // Right side: who is using the device and whether work waits to sync.
  std::string who = route().screen == ScreenId::Home ? my_name_ : std::string();
  ImGui::PopFont();
  // Settings sits at the right end of Home's bar when this build has the screen.
  if (route().screen == ScreenId::Home && has_screen_settings()) {
    float bw = ui::button_width("Settings");
    right_limit -= bw;
    ImGui::SetCursorScreenPos(ImVec2(right_limit, y_button));
    if (ui::button("Settings", ui::Tone::Quiet, bw)) ctx_.open(Route{ScreenId::Settings, {}, {}});
    right_limit -= ui::em(0.4f);
  }
  if (!who.empty()) {
    ImGui::PushFont(ui::fonts().bold);
    float ww = ImGui::CalcTextSize(who.c_str()).x;
    right_limit -= ww + ui::em(1.4f);
    dl->AddCircleFilled(ImVec2(right_limit + ui::em(0.5f), origin.y + h * 0.5f), ui::em(0.3f),
                        ui::col(ctx_.sync.error.empty() ? (ctx_.sync.enrolled ? p.success : p.text_muted) : p.danger));
    dl->AddText(ImVec2(right_limit + ui::em(1.2f), origin.y + (h - ImGui::GetFontSize()) * 0.5f), ui::col(p.text),
                who.c_str());
    ImGui::PopFont();
  }
  ImGui::PushFont(ui::fonts().heading);
  ImGui::RenderTextEllipsis(dl, ImVec2(x, origin.y + (h - th) * 0.5f), ImVec2(right_limit - pad, origin.y + h),
                            right_limit - pad, right_limit - pad, title.c_str(), nullptr, nullptr);
  ImGui::PopFont();
  ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + h));
}

// Where the device can keep data only in its browser storage and cannot right now (private
// browsing, full storage), the person must know before they capture anything more.
void App::draw_storage_problem() {
  if (ctx_.storage_problem.empty()) return;
  const ui::Palette& p = ui::palette();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float pad = ui::em(0.8f);
  const float width = ImGui::GetContentRegionAvail().x;
  ImGui::PushFont(ui::fonts().bold);
  const float wrap = width - 2 * pad;
  const ImVec2 ts = ImGui::CalcTextSize(ctx_.storage_problem.c_str(), nullptr, false, wrap);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(origin, ImVec2(origin.x + width, origin.y + ts.y + 2 * pad), ui::col(p.danger, 0.14f));
  dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(origin.x + pad, origin.y + pad), ui::col(p.danger),
              ctx_.storage_problem.c_str(), nullptr, wrap);
  ImGui::PopFont();
  ImGui::Dummy(ImVec2(width, ts.y + 2 * pad));
}

// Read when Home is entered (also after a pull changed the store: that is when a roster arrives).
std::string App::colleagues_banner_text() const {
  if (!ctx_.sync.enrolled || ctx_.me.empty() || !ctx_.has(ScreenId::MatchColleagues)) return {};
  const auto colleagues = core::sync::device_only_colleagues(store_, ctx_.me);
  if (colleagues.empty()) return {};
  const bool one = colleagues.size() == 1;
  const std::string who =
      one ? colleagues[0].name : std::to_string(colleagues.size()) + " colleagues you typed into plans";
  if (core::sync::push_waits_for_colleagues(store_))
    return "Nothing is sent to the hub until you say who " + (one ? who + " is" : "the " + who + " are") +
           " on your school's roster.";
  const auto roster = core::sync::roster_people(store_, ctx_.me);
  const bool likely = std::any_of(colleagues.begin(), colleagues.end(),
                                  [&](const auto& c) { return !core::sync::likely_matches(c.name, roster).empty(); });
  if (likely)
    return who + " may now be on your school's roster: match them so they receive the visits you planned with them.";
  return who + (one ? " is" : " are") +
         " only on this device, so they do not receive the visits you planned with them.";
}

void App::draw_colleagues_banner() {
  if (colleagues_banner_.empty() || route().screen != ScreenId::Home) return;
  const ui::Palette& p = ui::palette();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float pad = ui::em(0.8f);
  const float width = ImGui::GetContentRegionAvail().x;
  const char* label = "Match colleagues";
  const float bw = ui::button_width(label);
  // The button beside the sentence when both fit, under it on a narrow window.
  const bool beside = width - 3 * pad - bw >= ui::em(18.0f);
  const float wrap = beside ? width - 3 * pad - bw : width - 2 * pad;
  const ImVec2 ts = ImGui::CalcTextSize(colleagues_banner_.c_str(), nullptr, false, wrap);
  const float row = std::max(ts.y, ui::touch_px());
  const float h = beside ? row + 2 * pad : ts.y + ui::touch_px() + 3 * pad;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(origin, ImVec2(origin.x + width, origin.y + h), ui::col(p.accent, 0.12f));
  const float text_y = origin.y + pad + (beside ? (row - ts.y) * 0.5f : 0.0f);
  dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(origin.x + pad, text_y), ui::col(p.text),
              colleagues_banner_.c_str(), nullptr, wrap);
  ImGui::Dummy(ImVec2(width, h));
  const ImVec2 after = ImGui::GetCursorScreenPos();
  ImGui::SetCursorScreenPos(beside ? ImVec2(origin.x + width - pad - bw, origin.y + pad + (row - ui::touch_px()) * 0.5f)
                                   : ImVec2(origin.x + pad, origin.y + 2 * pad + ts.y));
  if (ui::button(label, ui::Tone::Primary, bw)) ctx_.open(Route{ScreenId::MatchColleagues, {}, {}});
  ImGui::SetCursorScreenPos(after);
}

void App::draw_toast() {
  const std::int64_t now = ctx_.now_ms();
  // Where saving is asynchronous (the browser copies the store to its persistent storage after
  // each commit), nothing is called saved before it is: "Saving..." shows until the copy is
  // complete, then the confirmation, for its full time.
  if (ctx_.storage_pending) toast_until_ = std::max(toast_until_, now + 2500);
  if (now >= toast_until_) toast_.clear();
  if (toast_.empty() && !ctx_.storage_pending) return;
  const std::string shown = ctx_.storage_pending ? std::string("Saving\xE2\x80\xA6") : toast_;
  const ui::Palette& p = ui::palette();
  ImGuiIO& io = ImGui::GetIO();
  ImGui::PushFont(ui::fonts().bold);
  float pad = ui::em(1.0f);
  // Wrapped to the window: on a phone a long confirmation ("Connected as ... Your work now syncs
  // with https://...") ran past the screen's edge.
  const float wrap = std::max(ui::em(8.0f), io.DisplaySize.x - 2 * ui::em(1.0f) - 2 * pad);
  ImVec2 ts = ImGui::CalcTextSize(shown.c_str(), nullptr, false, wrap);
  ImVec2 size(ts.x + 2 * pad, ts.y + pad * 1.2f);
  // Bottom left: footer actions (Save plan, Share, Mark the debrief as held) sit at the right, and
  // centred the toast hid them while shown; at the top it covered the first card's heading.
  ImVec2 pos(ui::em(1.0f), io.DisplaySize.y - size.y - ui::em(1.2f));
  ImDrawList* dl = ImGui::GetForegroundDrawList();
  const float rounding = std::min(size.y * 0.5f, ImGui::GetFontSize() * 1.2f);
  dl->AddRectFilled(pos, ImVec2(pos.x + size.x, pos.y + size.y), ui::col(p.text, 0.92f), rounding);
  dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(pos.x + pad, pos.y + pad * 0.6f), ui::col(p.background),
              shown.c_str(), nullptr, wrap);
  ImGui::PopFont();
}

void App::frame() {
  Screen* s = screen(route().screen);
  if (s) s->tick(ctx_);
  ui::begin_frame_records();
  ui::begin_root("##peerobs");
  draw_top_bar();
  draw_storage_problem();
  draw_colleagues_banner();
  ImGui::BeginChild("##body", ImVec2(0, 0), false, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
  if (s) s->draw(ctx_);
  ImGui::EndChild();
  draw_toast();
  ui::end_root();
  ui::touch_scroll_frame();
  navigate();
  glyphs_.note_active_field();
  glyphs_.after_frame();
}

void App::commit_drafts() {
  for (auto& [id, s] : screens_) s->commit_drafts(ctx_);
}

int App::wake_after_ms() const {
  int wake = -1;
  auto it = screens_.find(route().screen);
  if (it != screens_.end()) wake = it->second->wake_after_ms(ctx_);
  if (!toast_.empty()) {
    int t = static_cast<int>(std::max<std::int64_t>(1, toast_until_ - ctx_.now_ms()));
    wake = wake < 0 ? t : std::min(wake, t);
  }
  // A script font on its way (read from disk, or downloaded in the browser): look again soon.
  if (glyphs_.loading()) wake = wake < 0 ? 250 : std::min(wake, 250);
  return wake;
}

bool App::animating() const { return ui::touch_scroll_animating() || glyphs_.wants_frame(); }

}  // namespace app
