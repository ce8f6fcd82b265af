// The browser host: data in /data (kept in IndexedDB by storage_pre.js), the page's animation
// frames as the loop, messages in the page's message box. See host.h.
#include <emscripten/emscripten.h>

#include <cstdio>
#include <exception>
#include <functional>
#include <string>

#include "platform/host.h"

namespace {

// EM_JS bodies are JavaScript: clang-format would break them ("===" as "== =").
// clang-format off
EM_JS(int, peerobs_storage_pending, (), {
  var s = Module['peerobsStorage'];
  return s && s.changes !== s.stored ? 1 : 0;
});

// Copies a JS string into a std::string through the stack-free UTF-8 helpers.
EM_JS(int, peerobs_js_string_length, (int which), {
  var s = which === 0 ? ((Module['peerobsStorage'] || {}).problem || "")
        : which === 1 ? location.origin
        : navigator.userAgent;
  return lengthBytesUTF8(s);
});
EM_JS(void, peerobs_js_string_copy, (int which, char* out, int size), {
  var s = which === 0 ? ((Module['peerobsStorage'] || {}).problem || "")
        : which === 1 ? location.origin
        : navigator.userAgent;
  stringToUTF8(s, out, size);
});

EM_JS(void, peerobs_publish_ui_map, (const char* text), { Module['peerobsUiMap'] = UTF8ToString(text); });

EM_JS(void, peerobs_show_message, (const char* text), {
  var t = UTF8ToString(text);
  if (window.peerobsShowMessage) window.peerobsShowMessage(t);
  else console.error(t);
});
// clang-format on

std::string js_string(int which) {
  std::string s(static_cast<std::size_t>(peerobs_js_string_length(which)) + 1, '\0');
  peerobs_js_string_copy(which, s.data(), static_cast<int>(s.size()));
  s.pop_back();
  return s;
}

std::function<bool()>& loop_step() {
  static std::function<bool()> step;
  return step;
}

void one_animation_frame() {
  try {
    if (!loop_step()()) emscripten_cancel_main_loop();
  } catch (const std::exception& e) {
    emscripten_cancel_main_loop();
    std::fprintf(stderr, "peerobs: %s\n", e.what());
    platform::show_fatal(e.what());
  }
}

}  // namespace

namespace platform {

std::string default_data_dir() { return "/data"; }

StorageState storage_state() {
  StorageState s;
  s.pending = peerobs_storage_pending() != 0;
  s.problem = js_string(0);
  return s;
}

std::string page_origin() { return js_string(1); }

std::string device_description() {
  const std::string ua = js_string(2);
  const char* what = ua.find("iPad") != std::string::npos ||
                             (ua.find("Macintosh") != std::string::npos && ua.find("Mobile") != std::string::npos)
                         ? "iPad"
                     : ua.find("Android") != std::string::npos ? "Android"
                     : ua.find("CrOS") != std::string::npos    ? "Chromebook"
                     : ua.find("iPhone") != std::string::npos  ? "iPhone"
                                                               : "computer";
  return std::string("peerobs in a browser (") + what + ")";
}

void publish_ui_map(const std::string& text) { peerobs_publish_ui_map(text.c_str()); }

void show_fatal(const std::string& message) {
  peerobs_show_message(
      ("peerobs stopped: " + message + " Reload the page; what was saved is kept on this device.").c_str());
}

int run_loop(std::function<bool()> step, std::function<void()>) {
  loop_step() = std::move(step);
  // 0 fps = the browser's animation frames; true = main's stack is left, never returned to.
  emscripten_set_main_loop(one_animation_frame, 0, true);
  return 0;
}

}  // namespace platform
