// peerobs: the observation client. Parses --data DIR, opens the local store, and runs the frame
// loop: draw a few frames after each event, then sleep in SDL until the next event or until a
// screen needs a timed frame (a running lesson clock, a draft autosave).
#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>

#include "app/app.h"
#include "app/hub_link.h"
#include "app/ui/widgets.h"
#include "core/paths.h"
#include "core/store.h"
#include "platform/window.h"

namespace {
void usage() {
  std::fprintf(stderr,
               "usage: peerobs [--data DIR] [--size WIDTHxHEIGHT]\n"
               "  --data DIR   where this device keeps its store (default: %s)\n"
               "  --size WxH   initial window size in pixels (default 1280x800)\n",
               core::default_data_dir().c_str());
}
// For the Xvfb test (PEEROBS_UI_MAP=FILE): after each frame, the widgets drawn and their centres,
// one "label<TAB>x<TAB>y" a line, so a script can tap "Start" with xdotool. Written only when it
// changed, through a rename so a reader never sees half a file.
void write_ui_map(const std::string& path, int screen, std::string& last) {
  std::string text = "screen\t" + std::to_string(screen) + "\n";
  for (const auto& r : ui::recorded_items())
    text += r.label + "\t" + std::to_string(static_cast<int>((r.min.x + r.max.x) * 0.5f)) + "\t" +
            std::to_string(static_cast<int>((r.min.y + r.max.y) * 0.5f)) + "\n";
  if (text == last) return;
  last = text;
  std::string tmp = path + ".tmp";
  if (FILE* f = std::fopen(tmp.c_str(), "w")) {
    std::fwrite(text.data(), 1, text.size(), f);
    std::fclose(f);
    std::error_code ec;
    std::filesystem::rename(tmp, path, ec);
  }
}
}  // namespace

int main(int argc, char** argv) {
  std::string data_dir;
  platform::WindowOptions window_options;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--data" && i + 1 < argc) {
      data_dir = argv[++i];
    } else if (a == "--size" && i + 1 < argc) {
      int w = 0, h = 0;
      if (std::sscanf(argv[++i], "%dx%d", &w, &h) != 2 || w < 320 || h < 320) {
        std::fprintf(stderr, "peerobs: --size wants WIDTHxHEIGHT of at least 320x320, e.g. 768x1024\n");
        return 2;
      }
      window_options.width = w;
      window_options.height = h;
    } else if (a == "--help" || a == "-h") {
      usage();
      return 0;
    } else {
      std::fprintf(stderr, "peerobs: unknown option \"%s\"\n", a.c_str());
      usage();
      return 2;
    }
  }
  if (data_dir.empty()) data_dir = core::default_data_dir();
  try {
    core::ensure_directory(data_dir);
    core::Store store(core::store_path_in(data_dir));

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;  // no imgui.ini: the layout is the app's, not the user's
    int code = 0;
    {
      platform::Window window(window_options);
      app::AppOptions options;
      options.data_dir = data_dir;
      options.asset_dir = core::asset_dir();
      options.display_scale = window.display_scale();
      app::App application(store, options);
      if (!application.theme_error().empty()) std::fprintf(stderr, "peerobs: %s\n", application.theme_error().c_str());
      // Sync and enrollment run on threads of their own; the loop only reads snapshots.
      app::HubLink hub(core::store_path_in(data_dir));
      auto poll_hub = [&] {
        app::AppContext& ctx = application.context();
        if (ctx.sync_now) {
          ctx.sync_now = false;
          hub.sync_now();
        }
        if (ctx.enroll) {
          hub.enroll(ctx.enroll->hub_url, ctx.enroll->code, "peerobs client");
          ctx.enroll.reset();
        }
        bool changed = false;
        if (auto done = hub.take_enroll_result()) {
          ctx.enroll_message = done->message;
          ctx.enroll_failed = !done->ok;
          if (done->ok) {
            application.reload_me();
            ctx.toast = done->message;
          }
          changed = true;
        }
        ctx.enrolling = hub.enrolling();
        app::SyncState state;
        bool data_changed = false;
        if (hub.poll(state, data_changed)) {
          application.set_sync(state, data_changed);
          changed = true;
        }
        return changed;
      };
      platform::LifecycleHandlers handlers;
      handlers.commit_drafts = [&] { application.commit_drafts(); };

      const char* ui_map = std::getenv("PEEROBS_UI_MAP");
      std::string last_map;
      if (ui_map && *ui_map) ui::record_items(true);

      int frames_left = 3;  // ImGui settles layout over a couple of frames after a change
      for (;;) {
        int wait = frames_left > 0 || window.touch_active() || window.input_pending() || application.animating()
                       ? 0
                       : application.wake_after_ms();
        const auto app_deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(std::max(wait, 0));
        const bool app_wants_wake = wait > 0;
        // While sync or an enrollment may report, look at its snapshot every second (cheap:
        // a mutex and a copy); a frame is drawn only when what it shows changed.
        const bool hub_active = application.context().sync.enrolled || application.context().enrolling;
        if (wait != 0 && hub_active) wait = wait < 0 ? 1000 : std::min(wait, 1000);
        if (!window.handle_events(wait, handlers)) break;
        if (window.had_events()) frames_left = 3;
        if (poll_hub()) frames_left = std::max(frames_left, 2);
        // A timed wake-up the screen asked for (a running clock): one frame.
        if (!window.had_events() && app_wants_wake && std::chrono::steady_clock::now() >= app_deadline)
          frames_left = std::max(frames_left, 1);
        if (frames_left == 0 && !window.touch_active() && !window.input_pending() && !application.animating()) continue;
        if (frames_left > 0) --frames_left;
        application.set_display_scale(window.display_scale());
        if (application.refresh_theme()) window.fonts_changed();
        window.new_frame();
        ImGui::NewFrame();
        application.frame();
        window.render();
        if (ui_map && *ui_map) write_ui_map(ui_map, static_cast<int>(application.route().screen), last_map);
      }
      // Characters that arrived with the close are still in ImGui's input queue: one last frame
      // moves them into the draft, then the draft is committed.
      window.new_frame();
      ImGui::NewFrame();
      application.frame();
      window.render();
      application.commit_drafts();
    }
    ImGui::DestroyContext();
    return code;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "peerobs: %s\n", e.what());
    return 1;
  }
}
