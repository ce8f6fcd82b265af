// The app window. Desktop (window.cpp): SDL2 + an OpenGL 3 context + Dear ImGui's SDL2/OpenGL3
// backends. Browser (web/window_web.cpp): the page's canvas, WebGL2, DOM input and a hidden text
// field for the on-screen keyboard (see that file).
// Guarantees: the display scale comes from SDL (display DPI / 96, clamped to 1..4); touch drives
// ImGui as a mouse (touch_input.h); the on-screen keyboard follows io.WantTextInput; the
// lifecycle events that may precede the end of the process (entering background, window close,
// focus loss, quit) call `commit_drafts` at once; when idle, handle_events blocks in
// SDL_WaitEventTimeout instead of spinning.
#pragma once
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "platform/touch_input.h"

namespace platform {

struct WindowOptions {
  std::string title = "peerobs";  // window title (shown by desktop window managers only)
  int width = 1280;               // initial size in screen pixels; default 1280x800
  int height = 800;
};

struct LifecycleHandlers {
  std::function<void()> commit_drafts;  // called on background, close, focus loss, quit
  // Draws frames at once (the browser calls it inside a tap: see ClientSession::draw_now).
  std::function<void()> draw_now;
  // The device's network came back (the browser's "online" event): a good moment to sync.
  std::function<void()> network_back;
};

class Window {
 public:
  // Throws std::runtime_error with the platform's message when the window or GL cannot start.
  // Creates the ImGui context's backends; the caller creates the ImGui context first.
  explicit Window(const WindowOptions& options);
  ~Window();
  Window(const Window&) = delete;
  Window& operator=(const Window&) = delete;

  // Display DPI / 96 (devicePixelRatio in a browser), in steps of 1/8, clamped to 1..4.
  float display_scale() const;

  // Handles every pending event. With wait_ms != 0 and no event pending, first blocks up to
  // wait_ms milliseconds (-1 = until an event; the browser never blocks: its page loop calls
  // again on the next animation frame). Returns false once the user closed the window.
  bool handle_events(int wait_ms, const LifecycleHandlers& handlers);
  // True if the last handle_events saw an event that can change what is drawn.
  bool had_events() const;
  // True while a finger is down or just lifted (the frame loop must keep drawing).
  bool touch_active() const;
  // True while a held-back keyboard event still has to reach ImGui.
  bool input_pending() const;

  void new_frame();      // backends' NewFrame + touch override; call before ImGui::NewFrame
  void render();         // ImGui::Render, draw, swap; also starts/stops text input
  void fonts_changed();  // re-upload the font atlas after it was rebuilt

  struct State;  // the platform's own (window.cpp: SDL2; web/window_web.cpp: the page's canvas)

 private:
  void update_scale();
  void handle_one(const void* event, const LifecycleHandlers& handlers);
  std::unique_ptr<State> s_;
};

}  // namespace platform
