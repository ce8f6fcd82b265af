// SDL2 window, GL context and event handling for the ImGui client. See window.h.
#include "platform/window.h"

#include <SDL.h>
#include <SDL_opengl.h>
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <stdexcept>
#include <vector>

#include "backends/imgui_impl_opengl3.h"
#include "backends/imgui_impl_sdl.h"

namespace platform {

namespace {
[[noreturn]] void fail(const std::string& what) { throw std::runtime_error(what + ": " + SDL_GetError()); }

// Keys a text field acts on itself (not by a typed character), and shortcuts such as Ctrl+V.
bool is_editing_key(SDL_Scancode sc, Uint16 mod) {
  if (mod & (KMOD_CTRL | KMOD_GUI)) return true;
  switch (sc) {
    case SDL_SCANCODE_RETURN:
    case SDL_SCANCODE_KP_ENTER:
    case SDL_SCANCODE_BACKSPACE:
    case SDL_SCANCODE_DELETE:
    case SDL_SCANCODE_TAB:
    case SDL_SCANCODE_ESCAPE:
    case SDL_SCANCODE_LEFT:
    case SDL_SCANCODE_RIGHT:
    case SDL_SCANCODE_UP:
    case SDL_SCANCODE_DOWN:
    case SDL_SCANCODE_HOME:
    case SDL_SCANCODE_END:
    case SDL_SCANCODE_PAGEUP:
    case SDL_SCANCODE_PAGEDOWN:
      return true;
    default:
      return false;
  }
}
}  // namespace

struct Window::State {
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
  std::vector<int> down_this_batch_;         // SDL scancodes pressed since the last frame
  bool editing_key_this_batch_ = false;      // an editing key or shortcut went down since then
  std::vector<unsigned char> deferred_ups_;  // raw SDL_Event bytes of keyboard events held back
};

Window::Window(const WindowOptions& options) : s_(std::make_unique<State>()) {
  // Touch is handled as touch (TouchMouse) rather than as SDL's synthesized mouse, so a lifted
  // finger leaves no hover behind; mouse clicks must not turn into fake touches either.
  SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "0");
  SDL_SetHint(SDL_HINT_MOUSE_TOUCH_EVENTS, "0");
  SDL_SetHint(SDL_HINT_VIDEO_X11_NET_WM_BYPASS_COMPOSITOR, "0");
  if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) fail("Cannot start SDL video");

  SDL_GL_SetAttribute(SDL_GL_CONTEXT_FLAGS, 0);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
  SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
  SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 0);
  SDL_GL_SetAttribute(SDL_GL_STENCIL_SIZE, 8);

  // A window larger than the screen (a tablet, a small laptop) would hang off its edges, and
  // one that fills only part of a tablet's screen wastes it: when the requested size does not
  // fit in either direction, take the whole usable screen.
  int width = options.width, height = options.height;
  SDL_Rect usable;
  if (SDL_GetDisplayUsableBounds(0, &usable) == 0 && usable.w > 0 && usable.h > 0) {
    if (width > usable.w || height > usable.h) {
      width = usable.w;
      height = usable.h;
    }
  }
  auto flags = static_cast<SDL_WindowFlags>(SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
  s_->window_ =
      SDL_CreateWindow(options.title.c_str(), SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, width, height, flags);
  if (!s_->window_) {
    SDL_Quit();
    fail("Cannot open the window");
  }
  s_->gl_context_ = SDL_GL_CreateContext(s_->window_);
  if (!s_->gl_context_) {
    SDL_DestroyWindow(s_->window_);
    SDL_Quit();
    fail("Cannot create an OpenGL 3 context (is a GL driver such as Mesa installed?)");
  }
  SDL_GL_MakeCurrent(s_->window_, s_->gl_context_);
  SDL_GL_SetSwapInterval(1);

  ImGui_ImplSDL2_InitForOpenGL(s_->window_, s_->gl_context_);
  ImGui_ImplOpenGL3_Init("#version 130");
  update_scale();
  // Tell the IME / on-screen keyboard where the caret is, so systems that can keep it visible do.
  ImGui::GetIO().ImeSetInputScreenPosFn = [](int x, int y) {
    SDL_Rect r{x, y, 1, 24};
    SDL_SetTextInputRect(&r);
  };
  // SDL starts with text input on; the keyboard is requested only while a field is active.
  SDL_StopTextInput();
}

Window::~Window() {
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplSDL2_Shutdown();
  SDL_GL_DeleteContext(s_->gl_context_);
  SDL_DestroyWindow(s_->window_);
  SDL_Quit();
}

float Window::display_scale() const { return s_->scale_; }
bool Window::had_events() const { return s_->had_events_; }
bool Window::touch_active() const { return s_->touch_.active(); }
bool Window::input_pending() const { return !s_->deferred_ups_.empty(); }

void Window::update_scale() {
  float scale = 1.0f;
  if (const char* forced = std::getenv("PEEROBS_SCALE"); forced && *forced) {
    scale = std::strtof(forced, nullptr);
  } else {
    float ddpi = 0.0f;
    int display = SDL_GetWindowDisplayIndex(s_->window_);
    if (display >= 0 && SDL_GetDisplayDPI(display, &ddpi, nullptr, nullptr) == 0 && ddpi > 0.0f) scale = ddpi / 96.0f;
  }
  if (!(scale > 0.0f)) scale = 1.0f;
  // Steps of 1/8 keep text sizes stable when a display reports a DPI that jitters.
  s_->scale_ = std::clamp(std::round(scale * 8.0f) / 8.0f, 1.0f, 4.0f);
}

bool Window::handle_events(int wait_ms, const LifecycleHandlers& handlers) {
  s_->had_events_ = false;
  s_->down_this_batch_.clear();
  s_->editing_key_this_batch_ = false;
  SDL_Event event;
  bool got = false;
  if (!s_->deferred_ups_.empty()) {
    // Releases held back from the last batch go first, and this batch does not sleep.
    std::vector<unsigned char> ups;
    ups.swap(s_->deferred_ups_);
    for (std::size_t off = 0; off + sizeof(SDL_Event) <= ups.size(); off += sizeof(SDL_Event)) {
      std::memcpy(&event, ups.data() + off, sizeof(SDL_Event));
      handle_one(&event, handlers);
    }
    wait_ms = 0;
  }
  if (wait_ms != 0) {
    got = wait_ms < 0 ? SDL_WaitEvent(&event) == 1 : SDL_WaitEventTimeout(&event, wait_ms) == 1;
    if (got) handle_one(&event, handlers);
  }
  while (SDL_PollEvent(&event)) handle_one(&event, handlers);
  return !s_->quit_;
}

void Window::handle_one(const void* sdl_event, const LifecycleHandlers& handlers) {
  const SDL_Event& e = *static_cast<const SDL_Event*>(sdl_event);
  auto commit = [&] {
    if (handlers.commit_drafts) handlers.commit_drafts();
  };
  s_->had_events_ = true;
  int w = 0, h = 0;
  switch (e.type) {
    case SDL_FINGERDOWN:
    case SDL_FINGERMOTION:
    case SDL_FINGERUP: {
      SDL_GetWindowSize(s_->window_, &w, &h);
      float x = e.tfinger.x * static_cast<float>(w), y = e.tfinger.y * static_cast<float>(h);
      long long id = static_cast<long long>(e.tfinger.fingerId);
      if (e.type == SDL_FINGERDOWN)
        s_->touch_.finger_down(id, x, y);
      else if (e.type == SDL_FINGERMOTION)
        s_->touch_.finger_motion(id, x, y);
      else
        s_->touch_.finger_up(id, x, y);
      return;
    }
    case SDL_MOUSEMOTION:
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP:
      if (e.motion.which == SDL_TOUCH_MOUSEID) return;  // a synthesized copy of a touch
      s_->touch_.mouse_moved();
      s_->mouse_known_ = true;
      if (e.type == SDL_MOUSEMOTION) {
        s_->mouse_x_ = static_cast<float>(e.motion.x);
        s_->mouse_y_ = static_cast<float>(e.motion.y);
      } else {
        s_->mouse_x_ = static_cast<float>(e.button.x);
        s_->mouse_y_ = static_cast<float>(e.button.y);
      }
      break;
    case SDL_KEYDOWN:
    case SDL_KEYUP:
    case SDL_TEXTINPUT:
    case SDL_TEXTEDITING: {
      auto defer = [&] {
        const auto* bytes = reinterpret_cast<const unsigned char*>(&e);
        s_->deferred_ups_.insert(s_->deferred_ups_.end(), bytes, bytes + sizeof(SDL_Event));
      };
      if (s_->editing_key_this_batch_) {
        defer();
        return;
      }
      if (e.type == SDL_KEYDOWN) {
        s_->down_this_batch_.push_back(e.key.keysym.scancode);
        s_->editing_key_this_batch_ = is_editing_key(e.key.keysym.scancode, e.key.keysym.mod);
      } else if (e.type == SDL_KEYUP && std::find(s_->down_this_batch_.begin(), s_->down_this_batch_.end(),
                                                  e.key.keysym.scancode) != s_->down_this_batch_.end()) {
        defer();
        return;
      }
      break;
    }
    case SDL_QUIT:
      commit();
      s_->quit_ = true;
      return;
    case SDL_APP_WILLENTERBACKGROUND:
    case SDL_APP_TERMINATING:
    case SDL_APP_LOWMEMORY:
      commit();  // "you have seconds to save your state"
      return;
    case SDL_WINDOWEVENT:
      if (e.window.event == SDL_WINDOWEVENT_LEAVE) s_->mouse_known_ = false;
      if (e.window.event == SDL_WINDOWEVENT_CLOSE) {
        commit();
        s_->quit_ = true;
        return;
      }
      if (e.window.event == SDL_WINDOWEVENT_FOCUS_LOST || e.window.event == SDL_WINDOWEVENT_HIDDEN ||
          e.window.event == SDL_WINDOWEVENT_MINIMIZED)
        commit();
      if (e.window.event == SDL_WINDOWEVENT_DISPLAY_CHANGED || e.window.event == SDL_WINDOWEVENT_MOVED) update_scale();
      break;
    default:
      break;
  }
  ImGui_ImplSDL2_ProcessEvent(&e);
}

void Window::new_frame() {
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplSDL2_NewFrame();
  ImGuiIO& io = ImGui::GetIO();
  if (!s_->touch_.touch_mode() && s_->mouse_known_) io.MousePos = ImVec2(s_->mouse_x_, s_->mouse_y_);
  s_->touch_.apply(io);
}

void Window::render() {
  ImGui::Render();
  ImGuiIO& io = ImGui::GetIO();
  // The on-screen keyboard follows the focused text field.
  if (io.WantTextInput && !s_->text_input_on_) {
    SDL_StartTextInput();
    s_->text_input_on_ = true;
  } else if (!io.WantTextInput && s_->text_input_on_) {
    SDL_StopTextInput();
    s_->text_input_on_ = false;
  }
  int w = 0, h = 0;
  SDL_GL_GetDrawableSize(s_->window_, &w, &h);
  glViewport(0, 0, w, h);
  const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
  glClearColor(bg.x, bg.y, bg.z, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  SDL_GL_SwapWindow(s_->window_);
}

void Window::fonts_changed() {
  ImGui_ImplOpenGL3_DestroyFontsTexture();
  ImGui_ImplOpenGL3_CreateFontsTexture();
}

}  // namespace platform
