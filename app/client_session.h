// One running client: the store, the ImGui context, the window, the app shell and the hub link,
// and one pass of the frame loop. The same on the desktop and in the browser; only the loop that
// calls step() differs (platform/host.h run_loop: a plain loop that sleeps in SDL, or the page's
// animation frames).
#pragma once
#include <chrono>
#include <future>
#include <memory>
#include <optional>
#include <string>

#include "app/shell/app.h"
#include "app/shell/hub_link.h"
#include "core/store.h"
#include "platform/report_job.h"
#include "platform/window.h"

namespace app {

struct ClientOptions {
  std::string data_dir;
  platform::WindowOptions window;
  std::string ui_map_path;  // PEEROBS_UI_MAP: write the widgets drawn after each frame (tests)
};

class ClientSession {
 public:
  // Throws std::runtime_error (with a sentence for the person) when the store, the window or GL
  // cannot start.
  explicit ClientSession(const ClientOptions& options);
  ~ClientSession();
  ClientSession(const ClientSession&) = delete;
  ClientSession& operator=(const ClientSession&) = delete;

  // Handles input, polls the hub link and draws a frame when something changed. On the desktop
  // it may first sleep until an event or a timed wake-up. False once the window was closed.
  bool step();
  // Draws frames now, without waiting (the browser calls it inside a tap, so that a text field
  // the tap activated can bring up the on-screen keyboard while the tap still counts as a gesture).
  void draw_now(int frames);
  // The window is closing: a last frame moves typed characters into drafts, which are committed.
  void finish();

 private:
  struct ImGuiContextOwner {
    ImGuiContextOwner();
    ~ImGuiContextOwner();
  };
  bool poll_hub();
  // Starts the report a screen asked for and takes its outcome once it is made.
  bool poll_report();
  void draw_frame();

  ClientOptions options_;
  core::Store store_;
  ImGuiContextOwner imgui_;
  platform::Window window_;
  App app_;
  HubLink hub_;
  std::future<platform::ReportOutcome> report_;
  platform::LifecycleHandlers handlers_;
  int frames_left_ = 3;  // ImGui settles layout over a couple of frames after a change
  std::optional<std::chrono::steady_clock::time_point> wake_at_;  // a frame the screen asked for
  std::string last_map_;
};

}  // namespace app
