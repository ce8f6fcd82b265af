// The browser window: the page's canvas with a WebGL2 context and Dear ImGui's OpenGL3 renderer
// ("#version 300 es"), fed by DOM input that library_peerobs.js queues here.
// Guarantees (the same as the desktop's window.cpp where they apply):
//  - ImGui works in the canvas's device pixels, and display_scale() is devicePixelRatio (in
//    steps of 1/8), so text is rasterized at the screen's resolution: crisp on 2x and 3x screens;
//  - touch and pen drive ImGui through TouchMouse (a tap between two frames is never lost, a lifted
//    finger leaves no hover); a mouse drives it directly;
//  - a key pressed and released between two frames still reaches ImGui, and after an editing key
//    (Enter, Backspace, arrows) the rest of that batch waits a frame, so order is kept;
//  - typed text arrives through the hidden text field that follows ImGui's text focus, which is
//    what brings up an on-screen keyboard and lets IMEs and autocorrect work;
//  - hiding or leaving the page commits drafts at once (it may be frozen or closed next).
#include <GLES3/gl3.h>
#include <emscripten/emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <deque>
#include <stdexcept>
#include <string>
#include <vector>

#include "backends/imgui_impl_opengl3.h"
#include "platform/text_input_kind.h"
#include "platform/window.h"

extern "C" {
// Implemented in library_peerobs.js.
void peerobs_web_install();
void peerobs_web_canvas_size(int* width, int* height, float* ratio);
void peerobs_web_text_input(int on, float x, float y, float height, int exact);
void peerobs_web_first_frame();
void peerobs_web_frame_done(double ms);
double peerobs_web_now_ms();
void peerobs_web_copy_text(const char* utf8);
}

namespace platform {

namespace {
// Key numbers shared with library_peerobs.js.
enum WebKey {
  kTab = 1,
  kLeft,
  kRight,
  kUp,
  kDown,
  kPageUp,
  kPageDown,
  kHome,
  kEnd,
  kInsert,
  kDelete,
  kBackspace,
  kSpace,
  kEnter,
  kEscape,
  kA,
  kC,
  kV,
  kX,
  kY,
  kZ
};
bool is_editing_key(int key, int mods) { return (mods & (1 | 8)) != 0 || (key >= kTab && key <= kEscape); }

struct WebEvent {
  enum Kind { PointerDown, PointerMove, PointerUp, PointerLeave, Wheel, KeyDown, KeyUp, Text } kind;
  int type = 0;  // pointer: 0 mouse, 1 touch or pen; key: WebKey
  int id = 0;    // pointer id; key: modifier bits (1 ctrl, 2 shift, 4 alt, 8 meta)
  int button = 0;
  float x = 0, y = 0;
  std::string text;
};
}  // namespace

struct Window::State {
  EMSCRIPTEN_WEBGL_CONTEXT_HANDLE gl = 0;
  int width = 1, height = 1;
  float scale = 1.0f;
  bool had_events = false;
  bool text_input_on = false;
  bool first_frame_shown = false;
  double last_frame_ms = 0;
  double frame_started_ms = 0;
  TouchMouse touch;
  bool mouse_known = false;
  float mouse_x = 0, mouse_y = 0;
  bool mouse_down[3] = {false, false, false};
  float wheel_x = 0, wheel_y = 0;
  std::deque<WebEvent> queue;     // arrived from the page since the last handle_events
  std::deque<WebEvent> deferred;  // keyboard events held back one frame
  float caret_x = 0, caret_y = 0;
  const LifecycleHandlers* handlers = nullptr;
  std::string clipboard;
};

namespace {
Window::State* g_state = nullptr;  // the one window; the page's callbacks reach it here
}

extern "C" {
EMSCRIPTEN_KEEPALIVE void peerobs_web_pointer(int kind, int type, int id, double x, double y, int button) {
  if (!g_state) return;
  WebEvent e{static_cast<WebEvent::Kind>(kind), type, id, button, static_cast<float>(x), static_cast<float>(y), {}};
  g_state->queue.push_back(std::move(e));
}
EMSCRIPTEN_KEEPALIVE void peerobs_web_wheel(double dx, double dy) {
  if (g_state)
    g_state->queue.push_back(WebEvent{WebEvent::Wheel, 0, 0, 0, static_cast<float>(dx), static_cast<float>(dy), {}});
}
EMSCRIPTEN_KEEPALIVE void peerobs_web_key(int down, int key, int mods) {
  if (g_state) g_state->queue.push_back(WebEvent{down ? WebEvent::KeyDown : WebEvent::KeyUp, key, mods, 0, 0, 0, {}});
}
EMSCRIPTEN_KEEPALIVE void peerobs_web_text(const char* utf8) {
  if (g_state && utf8 && *utf8) g_state->queue.push_back(WebEvent{WebEvent::Text, 0, 0, 0, 0, 0, utf8});
}
// A finger or pen lifted: draw now, inside the gesture (see ClientSession::draw_now).
EMSCRIPTEN_KEEPALIVE void peerobs_web_gesture() {
  if (g_state && g_state->handlers && g_state->handlers->draw_now) g_state->handlers->draw_now();
}
// The page was hidden or is being left: it may be frozen or closed without another frame.
EMSCRIPTEN_KEEPALIVE void peerobs_web_lifecycle() {
  if (g_state && g_state->handlers && g_state->handlers->commit_drafts) g_state->handlers->commit_drafts();
}
EMSCRIPTEN_KEEPALIVE void peerobs_web_online() {
  if (g_state && g_state->handlers && g_state->handlers->network_back) g_state->handlers->network_back();
}
EMSCRIPTEN_KEEPALIVE void peerobs_web_resized() {
  if (g_state) g_state->had_events = true;
}
}

Window::Window(const WindowOptions&) : s_(std::make_unique<State>()) {
  EmscriptenWebGLContextAttributes attrs;
  emscripten_webgl_init_context_attributes(&attrs);
  attrs.majorVersion = 2;
  attrs.minorVersion = 0;
  attrs.alpha = false;
  attrs.depth = false;
  attrs.stencil = true;
  attrs.antialias = false;
  attrs.preserveDrawingBuffer = false;  // a frame drawn stays shown until the next one
  s_->gl = emscripten_webgl_create_context("#canvas", &attrs);
  if (s_->gl <= 0)
    throw std::runtime_error(
        "This browser could not start WebGL 2 for peerobs (turned off, or the device is too old).");
  emscripten_webgl_make_context_current(s_->gl);
  g_state = s_.get();
  peerobs_web_install();

  ImGuiIO& io = ImGui::GetIO();
  io.BackendPlatformName = "peerobs_web";
  io.KeyMap[ImGuiKey_Tab] = kTab;
  io.KeyMap[ImGuiKey_LeftArrow] = kLeft;
  io.KeyMap[ImGuiKey_RightArrow] = kRight;
  io.KeyMap[ImGuiKey_UpArrow] = kUp;
  io.KeyMap[ImGuiKey_DownArrow] = kDown;
  io.KeyMap[ImGuiKey_PageUp] = kPageUp;
  io.KeyMap[ImGuiKey_PageDown] = kPageDown;
  io.KeyMap[ImGuiKey_Home] = kHome;
  io.KeyMap[ImGuiKey_End] = kEnd;
  io.KeyMap[ImGuiKey_Insert] = kInsert;
  io.KeyMap[ImGuiKey_Delete] = kDelete;
  io.KeyMap[ImGuiKey_Backspace] = kBackspace;
  io.KeyMap[ImGuiKey_Space] = kSpace;
  io.KeyMap[ImGuiKey_Enter] = kEnter;
  io.KeyMap[ImGuiKey_KeyPadEnter] = kEnter;
  io.KeyMap[ImGuiKey_Escape] = kEscape;
  io.KeyMap[ImGuiKey_A] = kA;
  io.KeyMap[ImGuiKey_C] = kC;
  io.KeyMap[ImGuiKey_V] = kV;
  io.KeyMap[ImGuiKey_X] = kX;
  io.KeyMap[ImGuiKey_Y] = kY;
  io.KeyMap[ImGuiKey_Z] = kZ;
  io.ClipboardUserData = s_.get();
  // Copy goes to the system clipboard where the browser allows it; paste comes in as typed text
  // through the hidden field (the browser's own paste), so ImGui's own paste sees what we copied.
  io.SetClipboardTextFn = [](void* user, const char* text) {
    static_cast<State*>(user)->clipboard = text ? text : "";
    peerobs_web_copy_text(text ? text : "");
  };
  io.GetClipboardTextFn = [](void* user) -> const char* { return static_cast<State*>(user)->clipboard.c_str(); };
  io.ImeSetInputScreenPosFn = [](int x, int y) {
    if (g_state) {
      g_state->caret_x = static_cast<float>(x);
      g_state->caret_y = static_cast<float>(y);
    }
  };
  ImGui_ImplOpenGL3_Init("#version 300 es");
  update_scale();
}

Window::~Window() {
  ImGui_ImplOpenGL3_Shutdown();
  g_state = nullptr;
  emscripten_webgl_destroy_context(s_->gl);
}

float Window::display_scale() const { return s_->scale; }
bool Window::had_events() const { return s_->had_events; }
bool Window::touch_active() const { return s_->touch.active(); }
bool Window::input_pending() const { return !s_->deferred.empty(); }

void Window::update_scale() {
  float ratio = 1.0f;
  peerobs_web_canvas_size(&s_->width, &s_->height, &ratio);
  if (!(ratio > 0.0f)) ratio = 1.0f;
  // Steps of 1/8 keep text sizes stable when a browser zoom makes the ratio jitter.
  s_->scale = std::clamp(std::round(ratio * 8.0f) / 8.0f, 1.0f, 4.0f);
}

bool Window::handle_events(int, const LifecycleHandlers& handlers) {
  State& s = *s_;
  s.handlers = &handlers;
  s.had_events = false;
  std::deque<WebEvent> batch;
  batch.swap(s.deferred);  // held-back keyboard events go first
  while (!s.queue.empty()) {
    batch.push_back(std::move(s.queue.front()));
    s.queue.pop_front();
  }
  std::vector<int> down_this_batch;
  bool editing_key_this_batch = false;
  ImGuiIO& io = ImGui::GetIO();
  for (WebEvent& e : batch) {
    s.had_events = true;
    switch (e.kind) {
      case WebEvent::PointerDown:
      case WebEvent::PointerMove:
      case WebEvent::PointerUp:
        if (e.type == 1) {
          if (e.kind == WebEvent::PointerDown)
            s.touch.finger_down(e.id, e.x, e.y);
          else if (e.kind == WebEvent::PointerMove)
            s.touch.finger_motion(e.id, e.x, e.y);
          else
            s.touch.finger_up(e.id, e.x, e.y);
        } else {
          s.touch.mouse_moved();
          s.mouse_known = true;
          s.mouse_x = e.x;
          s.mouse_y = e.y;
          int b = e.button == 2 ? 1 : e.button == 1 ? 2 : 0;
          if (e.kind == WebEvent::PointerDown) s.mouse_down[b] = true;
          if (e.kind == WebEvent::PointerUp) s.mouse_down[b] = false;
        }
        break;
      case WebEvent::PointerLeave:
        s.mouse_known = false;
        break;
      case WebEvent::Wheel:
        s.wheel_x += e.x;
        s.wheel_y += e.y;
        break;
      case WebEvent::KeyDown:
      case WebEvent::KeyUp:
      case WebEvent::Text:
        if (editing_key_this_batch) {
          s.deferred.push_back(std::move(e));
          break;
        }
        if (e.kind == WebEvent::Text) {
          io.AddInputCharactersUTF8(e.text.c_str());
          break;
        }
        io.KeyCtrl = (e.id & (1 | 8)) != 0;  // Cmd on an iPad keyboard does what Ctrl does
        io.KeyShift = (e.id & 2) != 0;
        io.KeyAlt = (e.id & 4) != 0;
        if (e.kind == WebEvent::KeyDown) {
          io.KeysDown[e.type] = true;
          down_this_batch.push_back(e.type);
          editing_key_this_batch = is_editing_key(e.type, e.id);
        } else if (std::find(down_this_batch.begin(), down_this_batch.end(), e.type) != down_this_batch.end()) {
          s.deferred.push_back(std::move(e));  // pressed and released between two frames
        } else {
          io.KeysDown[e.type] = false;
        }
        break;
    }
  }
  return true;  // a page is never "closed" from inside; it is hidden or left (lifecycle above)
}

void Window::new_frame() {
  State& s = *s_;
  update_scale();
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = ImVec2(static_cast<float>(s.width), static_cast<float>(s.height));
  io.DisplayFramebufferScale = ImVec2(1.0f, 1.0f);
  const double now = peerobs_web_now_ms();
  io.DeltaTime =
      s.last_frame_ms > 0 ? static_cast<float>(std::max(0.001, (now - s.last_frame_ms) / 1000.0)) : 1.0f / 60.0f;
  s.last_frame_ms = now;
  s.frame_started_ms = now;
  ImGui_ImplOpenGL3_NewFrame();
  io.MousePos = s.mouse_known ? ImVec2(s.mouse_x, s.mouse_y) : ImVec2(-FLT_MAX, -FLT_MAX);
  for (int b = 0; b < 3; ++b) io.MouseDown[b] = s.mouse_down[b];
  io.MouseWheel = s.wheel_y;
  io.MouseWheelH = s.wheel_x;
  s.wheel_x = s.wheel_y = 0;
  s.touch.apply(io);
}

void Window::render() {
  State& s = *s_;
  ImGui::Render();
  ImGuiIO& io = ImGui::GetIO();
  // The on-screen keyboard follows the focused text field, and whether it may correct it.
  const bool exact = platform::active_text_kind() == platform::TextKind::Exact;
  platform::active_text_kind() = platform::TextKind::Prose;  // marked again next frame while active
  if (io.WantTextInput || s.text_input_on) {
    s.text_input_on = io.WantTextInput;
    peerobs_web_text_input(io.WantTextInput ? 1 : 0, s.caret_x, s.caret_y, ImGui::GetFontSize(), exact ? 1 : 0);
  }
  emscripten_webgl_make_context_current(s.gl);
  glViewport(0, 0, s.width, s.height);
  const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
  glClearColor(bg.x, bg.y, bg.z, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  peerobs_web_frame_done(peerobs_web_now_ms() - s.frame_started_ms);
  if (!s.first_frame_shown) {
    s.first_frame_shown = true;
    peerobs_web_first_frame();
  }
}

void Window::fonts_changed() {
  ImGui_ImplOpenGL3_DestroyFontsTexture();
  ImGui_ImplOpenGL3_CreateFontsTexture();
}

}  // namespace platform
