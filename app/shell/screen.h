// The shell's contract with each screen: a route names a screen and what it shows; a Screen
// builds its view from the store when entered (never per frame), draws with the widget kit, and
// asks for navigation through AppContext. Screens register with the App (app.cpp), so a new
// screen is one file plus one line there.
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>

#include "app/shell/report_request.h"
#include "app/shell/sync_state.h"
#include "core/ids.h"
#include "core/language_guide.h"
#include "core/store.h"
#include "core/templates.h"

namespace app {

// Numbered in this order in the UI map (PEEROBS_UI_MAP) tests read: add new screens at the end.
enum class ScreenId {
  FirstRun,
  Home,
  Plan,
  Observe,
  Prompt,
  Reflect,
  Debrief,
  Cycle,
  CoachingNotes,
  Settings,
  Conflicts,
  MatchColleagues,
  RecoveryPhrase,
  RestoreKey
};

struct Route {
  ScreenId screen = ScreenId::Home;
  core::Id observation;  // the observation shown (Plan: empty = a new one)
  core::Id cycle;        // the cycle shown, or the cycle a new plan joins
};

// Shared services and the requests a screen makes during a frame; the App applies the requests
// after the frame, so a screen never tears itself down while drawing.
struct AppContext {
  core::Store* store = nullptr;
  core::Id me;                                       // the local person; empty before first run
  const core::TemplateLibrary* templates = nullptr;  // never null once the App runs
  const core::LanguageGuide* guide = nullptr;        // null when the lexicon could not load
  std::function<std::int64_t()> now_ms;              // wall clock in ms (tests inject their own)
  std::string data_dir;
  std::string asset_dir;
  SyncState sync;
  std::set<ScreenId> available;  // screens registered in this build

  // ---- requests, applied after the frame ----
  std::optional<Route> go_to;  // push a screen
  bool replace = false;        // with go_to: replace the current screen instead of pushing
  bool go_home = false;        // clear the stack and show Home
  bool go_back = false;        // pop one screen
  bool theme_changed = false;  // text size or theme changed in the store's meta: rebuild fonts
  std::string toast;           // a short confirmation at the bottom left ("Plan saved")

  // ---- the hub (served by HubLink in the real app; tests fill them in directly) ----
  bool sync_now = false;  // request: sync as soon as possible
  struct EnrollRequest {
    std::string hub_url;  // e.g. https://hub.school.example:8443
    std::string code;     // the one-time enrollment code from the program lead
  };
  std::optional<EnrollRequest> enroll;  // request: connect this device to a hub
  bool enrolling = false;               // an enrollment is in progress
  std::string enroll_message;           // the last enrollment's outcome, in plain words
  bool enroll_failed = false;           // true when enroll_message describes a failure

  // ---- reports (served by ClientSession through platform/report_job.h; tests read the request) ----
  std::optional<ReportRequest> share_report;  // request: write (desktop) or offer (browser) this report
  bool sharing_report = false;                // a report is being made
  std::string report_message;                 // the last report's outcome, in plain words
  bool report_failed = false;                 // true when report_message says why it failed

  // ---- the device (set by ClientSession from platform/host.h) ----
  std::string served_by_hub;     // the hub that served this app (browser build); "" on the desktop
  bool storage_pending = false;  // saved, not yet in the browser's persistent storage
  std::string storage_problem;   // why data may not be kept here (private browsing, full); "" if none

  bool has(ScreenId id) const { return available.count(id) > 0; }
  void open(Route r) { go_to = r; }
};

class Screen {
 public:
  virtual ~Screen() = default;
  virtual ScreenId id() const = 0;
  virtual std::string title() const = 0;
  // Builds the view for `route` from the store. Called on navigation and when coming back.
  virtual void enter(const Route& route, AppContext& ctx) = 0;
  // Once per frame before draw: timers, autosave.
  virtual void tick(AppContext&) {}
  // Draws the body below the top bar (ImGui only; store access goes through the model).
  virtual void draw(AppContext& ctx) = 0;
  // Lifecycle: the app may be killed soon; commit any typed draft now.
  virtual void commit_drafts(AppContext&) {}
  // Milliseconds until this screen needs a frame without input (a running clock, an autosave);
  // -1 = none.
  virtual int wake_after_ms(const AppContext&) const { return -1; }
};

}  // namespace app
