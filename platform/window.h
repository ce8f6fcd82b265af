// The app window: SDL2 + an OpenGL 3 context + Dear ImGui's SDL2/OpenGL3 backends.
// Guarantees: the display scale comes from SDL (display DPI / 96, clamped to 1..4); touch drives
// ImGui as a mouse (touch_input.h); the on-screen keyboard follows io.WantTextInput; the
// lifecycle events that may precede the end of the process (entering background, window close,
// focus loss, quit) call `commit_drafts` at once; when idle, handle_events blocks in
// SDL_WaitEventTimeout instead of spinning.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "platform/touch_input.h"

struct SDL_Window;

namespace platform {

struct WindowOptions {
  std::string title = "peerobs";  // window title (shown by desktop window managers only)
  int width = 1280;               // initial size in screen pixels; default 1280x800
  int height = 800;
};

struct LifecycleHandlers {
  std::function<void()> commit_drafts;  // called on background, close, focus loss, quit
};

class Window {
 public:
  // Throws std::runtime_error with SDL's message when SDL, the window or GL cannot start.
  // Creates the ImGui context's backends; the caller creates the ImGui context first.
  explicit Window(const WindowOptions& options);
  ~Window();
  Window(const Window&) = delete;
  Window& operator=(const Window&) = delete;

  // Display DPI / 96 (1 when SDL cannot tell); changes when the window moves to another display.
  float display_scale() const { return scale_; }

  // Handles every pending event. With wait_ms != 0 and no event pending, first blocks up to
  // wait_ms milliseconds (-1 = until an event). Returns false once the user closed the window.
  bool handle_events(int wait_ms, const LifecycleHandlers& handlers);
  // True if the last handle_events saw an event that can change what is drawn.
  bool had_events() const { return had_events_; }
  // True while a finger is down or just lifted (the frame loop must keep drawing).
  bool touch_active() const { return touch_.active(); }
  // True while a held-back keyboard event still has to reach ImGui.
  bool input_pending() const { return !deferred_ups_.empty(); }

  void new_frame();        // backends' NewFrame + touch override; call before ImGui::NewFrame
  void render();           // ImGui::Render, draw, swap; also starts/stops text input
  void fonts_changed();    // re-upload the font atlas after it was rebuilt

  SDL_Window* sdl_window() const { return window_; }

 private:
  void update_scale();
  void handle_one(const void* sdl_event, const LifecycleHandlers& handlers);

  SDL_Window* window_ = nullptr;
  void* gl_context_ = nullptr;
  float scale_ = 1.0f;
  bool quit_ = false;
  bool had_events_ = false;
  bool text_input_on_ = false;
  TouchMouse touch_;
  // The mouse position from SDL's motion events. The 1.86 backend polls the global mouse state,
  // which does not follow a pointer moved while a button is held on some X servers (a drag would
  // never move); the event position always does.
  bool mouse_known_ = false;
  float mouse_x_ = 0, mouse_y_ = 0;
  // ImGui 1.86 reads keys as held-down state once per frame: a key pressed and released between
  // two frames (fast typists, xdotool, scanners) would be lost. Such a release waits one frame.
  // And within a frame a text field takes typed characters before Enter, Backspace or arrows, so
  // "Enter, then H" arriving together would put H before the new line: after an editing key, the
  // rest of the batch's keyboard events wait one frame too.
  std::vector<int> down_this_batch_;           // SDL scancodes pressed since the last frame
  bool editing_key_this_batch_ = false;        // an editing key or shortcut went down since then
  std::vector<unsigned char> deferred_ups_;    // raw SDL_Event bytes of keyboard events held back
};

}  // namespace platform
