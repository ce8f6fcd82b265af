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

#include "backends/imgui_impl_opengl3.h"
#include "backends/imgui_impl_sdl.h"

namespace platform {

namespace {
[[noreturn]] void fail(const std::string& what) { throw std::runtime_error(what + ": " + SDL_GetError()); }

// Keys a text field acts on itself (not by a typed character), and shortcuts such as Ctrl+V.
bool is_editing_key(SDL_Scancode sc, Uint16 mod) {
  if (mod & (KMOD_CTRL | KMOD_GUI)) return true;
  switch (sc) {
    case SDL_SCANCODE_RETURN: case SDL_SCANCODE_KP_ENTER: case SDL_SCANCODE_BACKSPACE: case SDL_SCANCODE_DELETE:
    case SDL_SCANCODE_TAB: case SDL_SCANCODE_ESCAPE: case SDL_SCANCODE_LEFT: case SDL_SCANCODE_RIGHT:
    case SDL_SCANCODE_UP: case SDL_SCANCODE_DOWN: case SDL_SCANCODE_HOME: case SDL_SCANCODE_END:
    case SDL_SCANCODE_PAGEUP: case SDL_SCANCODE_PAGEDOWN:
      return true;
    default:
      return false;
  }
}
}  // namespace

Window::Window(const WindowOptions& options) {
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
  window_ = SDL_CreateWindow(options.title.c_str(), SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, width, height, flags);
  if (!window_) {
    SDL_Quit();
    fail("Cannot open the window");
  }
  gl_context_ = SDL_GL_CreateContext(window_);
  if (!gl_context_) {
    SDL_DestroyWindow(window_);
    SDL_Quit();
    fail("Cannot create an OpenGL 3 context (is a GL driver such as Mesa installed?)");
  }
  SDL_GL_MakeCurrent(window_, gl_context_);
  SDL_GL_SetSwapInterval(1);

  ImGui_ImplSDL2_InitForOpenGL(window_, gl_context_);
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
  SDL_GL_DeleteContext(gl_context_);
  SDL_DestroyWindow(window_);
  SDL_Quit();
}

void Window::update_scale() {
  float scale = 1.0f;
  if (const char* forced = std::getenv("PEEROBS_SCALE"); forced && *forced) {
    scale = std::strtof(forced, nullptr);
  } else {
    float ddpi = 0.0f;
    int display = SDL_GetWindowDisplayIndex(window_);
    if (display >= 0 && SDL_GetDisplayDPI(display, &ddpi, nullptr, nullptr) == 0 && ddpi > 0.0f) scale = ddpi / 96.0f;
  }
  if (!(scale > 0.0f)) scale = 1.0f;
  // Steps of 1/8 keep text sizes stable when a display reports a DPI that jitters.
  scale_ = std::clamp(std::round(scale * 8.0f) / 8.0f, 1.0f, 4.0f);
}

bool Window::handle_events(int wait_ms, const LifecycleHandlers& handlers) {
  had_events_ = false;
  down_this_batch_.clear();
  editing_key_this_batch_ = false;
  SDL_Event event;
  bool got = false;
  if (!deferred_ups_.empty()) {
    // Releases held back from the last batch go first, and this batch does not sleep.
    std::vector<unsigned char> ups;
    ups.swap(deferred_ups_);
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
  return !quit_;
}

void Window::handle_one(const void* sdl_event, const LifecycleHandlers& handlers) {
  const SDL_Event& e = *static_cast<const SDL_Event*>(sdl_event);
  auto commit = [&] {
    if (handlers.commit_drafts) handlers.commit_drafts();
  };
  had_events_ = true;
  int w = 0, h = 0;
  switch (e.type) {
    case SDL_FINGERDOWN:
    case SDL_FINGERMOTION:
    case SDL_FINGERUP: {
      SDL_GetWindowSize(window_, &w, &h);
      float x = e.tfinger.x * static_cast<float>(w), y = e.tfinger.y * static_cast<float>(h);
      long long id = static_cast<long long>(e.tfinger.fingerId);
      if (e.type == SDL_FINGERDOWN) touch_.finger_down(id, x, y);
      else if (e.type == SDL_FINGERMOTION) touch_.finger_motion(id, x, y);
      else touch_.finger_up(id, x, y);
      return;
    }
    case SDL_MOUSEMOTION:
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP:
      if (e.motion.which == SDL_TOUCH_MOUSEID) return;  // a synthesized copy of a touch
      touch_.mouse_moved();
      mouse_known_ = true;
      if (e.type == SDL_MOUSEMOTION) {
        mouse_x_ = static_cast<float>(e.motion.x);
        mouse_y_ = static_cast<float>(e.motion.y);
      } else {
        mouse_x_ = static_cast<float>(e.button.x);
        mouse_y_ = static_cast<float>(e.button.y);
      }
      break;
    case SDL_KEYDOWN:
    case SDL_KEYUP:
    case SDL_TEXTINPUT:
    case SDL_TEXTEDITING: {
      auto defer = [&] {
        const auto* bytes = reinterpret_cast<const unsigned char*>(&e);
        deferred_ups_.insert(deferred_ups_.end(), bytes, bytes + sizeof(SDL_Event));
      };
      if (editing_key_this_batch_) {
        defer();
        return;
      }
      if (e.type == SDL_KEYDOWN) {
        down_this_batch_.push_back(e.key.keysym.scancode);
        editing_key_this_batch_ = is_editing_key(e.key.keysym.scancode, e.key.keysym.mod);
      } else if (e.type == SDL_KEYUP &&
                 std::find(down_this_batch_.begin(), down_this_batch_.end(), e.key.keysym.scancode) != down_this_batch_.end()) {
        defer();
        return;
      }
      break;
    }
    case SDL_QUIT:
      commit();
      quit_ = true;
      return;
    case SDL_APP_WILLENTERBACKGROUND:
    case SDL_APP_TERMINATING:
    case SDL_APP_LOWMEMORY:
      commit();  // "you have seconds to save your state"
      return;
    case SDL_WINDOWEVENT:
      if (e.window.event == SDL_WINDOWEVENT_LEAVE) mouse_known_ = false;
      if (e.window.event == SDL_WINDOWEVENT_CLOSE) {
        commit();
        quit_ = true;
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
  if (!touch_.touch_mode() && mouse_known_) io.MousePos = ImVec2(mouse_x_, mouse_y_);
  touch_.apply(io);
}

void Window::render() {
  ImGui::Render();
  ImGuiIO& io = ImGui::GetIO();
  // The on-screen keyboard follows the focused text field.
  if (io.WantTextInput && !text_input_on_) {
    SDL_StartTextInput();
    text_input_on_ = true;
  } else if (!io.WantTextInput && text_input_on_) {
    SDL_StopTextInput();
    text_input_on_ = false;
  }
  int w = 0, h = 0;
  SDL_GL_GetDrawableSize(window_, &w, &h);
  glViewport(0, 0, w, h);
  const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
  glClearColor(bg.x, bg.y, bg.z, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  SDL_GL_SwapWindow(window_);
}

void Window::fonts_changed() {
  ImGui_ImplOpenGL3_DestroyFontsTexture();
  ImGui_ImplOpenGL3_CreateFontsTexture();
}

}  // namespace platform
