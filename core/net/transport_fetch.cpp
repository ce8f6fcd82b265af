// The browser transport: a synchronous XMLHttpRequest, run on the worker thread that calls it
// (sync and enrollment have threads of their own, which in the browser are Web Workers, where a
// synchronous request blocks only that worker, never the page). The page's hub is its own
// origin, so no CORS; the browser verifies HTTPS itself, so ca_file does not apply.
#include <emscripten/emscripten.h>
#include <emscripten/threading.h>

#include <string>

#include "core/net/http_transport.h"

namespace {

// EM_JS bodies are JavaScript: clang-format would break them ("===" as "== =").
// clang-format off
// Sends the request and keeps the answer in a per-worker table; returns its handle. The body is
// copied out of the module's shared memory first: XHR refuses views of a SharedArrayBuffer.
EM_JS(int, peerobs_xhr_send,
      (const char* url, const char* token, const char* body, int body_len, int timeout_ms), {
  var table = globalThis.peerobsXhr || (globalThis.peerobsXhr = {next : 1, answers : {}});
  var id = table.next++;
  var answer = {reached : false, cut : false, status : 0, body : new Uint8Array(0), type : "", error : ""};
  table.answers[id] = answer;
  try {
    var xhr = new XMLHttpRequest();
    xhr.open("POST", UTF8ToString(url), false);
    xhr.responseType = "arraybuffer";
    xhr.timeout = timeout_ms;
    xhr.setRequestHeader("Content-Type", "application/x-peerobs");
    var t = UTF8ToString(token);
    if (t.length) xhr.setRequestHeader("Authorization", "Bearer " + t);
    xhr.send(HEAPU8.slice(body, body + body_len));
    if (xhr.status === 0) {
      answer.error = "no answer";
    } else {
      answer.reached = true;
      answer.status = xhr.status;
      answer.body = new Uint8Array(xhr.response || new ArrayBuffer(0));
      answer.type = xhr.getResponseHeader("Content-Type") || "";
    }
  } catch (e) {
    // NetworkError: offline, refused, or cut mid-way (the browser does not say which);
    // TimeoutError: the hub took longer than the read timeout, which a smaller request may beat.
    answer.error = (e && e.name === "TimeoutError") ? "timed out" : (navigator.onLine === false ? "this device is offline" : "network error");
    answer.cut = !!(e && e.name === "TimeoutError");
  }
  return id;
});

EM_JS(int, peerobs_xhr_int, (int id, int what), {
  var a = globalThis.peerobsXhr.answers[id];
  return what === 0 ? (a.reached ? 1 : 0) : what === 1 ? (a.cut ? 1 : 0) : what === 2 ? a.status : a.body.length;
});

EM_JS(int, peerobs_xhr_text_length, (int id, int what), {
  var a = globalThis.peerobsXhr.answers[id];
  return lengthBytesUTF8(what === 0 ? a.type : a.error);
});

EM_JS(void, peerobs_xhr_copy_text, (int id, int what, char* out, int size), {
  var a = globalThis.peerobsXhr.answers[id];
  stringToUTF8(what === 0 ? a.type : a.error, out, size);
});

EM_JS(void, peerobs_xhr_copy_body, (int id, char* out), {
  HEAPU8.set(globalThis.peerobsXhr.answers[id].body, out);
});

EM_JS(void, peerobs_xhr_forget, (int id), { delete globalThis.peerobsXhr.answers[id]; });
// clang-format on

std::string answer_text(int id, int what) {
  std::string s(static_cast<std::size_t>(peerobs_xhr_text_length(id, what)) + 1, '\0');
  peerobs_xhr_copy_text(id, what, s.data(), static_cast<int>(s.size()));
  s.pop_back();
  return s;
}

}  // namespace

namespace core::net {

HttpAnswer http_post(const HttpRequest& request) {
  HttpAnswer answer;
  if (request.hub_url.rfind("http://", 0) != 0 && request.hub_url.rfind("https://", 0) != 0) {
    answer.bad_url = true;
    return answer;
  }
  if (emscripten_is_main_runtime_thread()) {
    // A synchronous request on the page's own thread would freeze the app until the hub
    // answered; the callers run on worker threads, so this is a programming error.
    answer.error = "the request was made on the page's thread, where it would freeze the app";
    return answer;
  }
  const std::string url = request.hub_url + request.path;
  const int id = peerobs_xhr_send(url.c_str(), request.token.c_str(), request.body.data(),
                                  static_cast<int>(request.body.size()), request.read_timeout_s * 1000);
  answer.reached = peerobs_xhr_int(id, 0) != 0;
  answer.cut = peerobs_xhr_int(id, 1) != 0;
  answer.status = peerobs_xhr_int(id, 2);
  answer.body.resize(static_cast<std::size_t>(peerobs_xhr_int(id, 3)));
  if (!answer.body.empty()) peerobs_xhr_copy_body(id, answer.body.data());
  answer.content_type = answer_text(id, 0);
  answer.error = answer_text(id, 1);
  peerobs_xhr_forget(id);
  return answer;
}

}  // namespace core::net
