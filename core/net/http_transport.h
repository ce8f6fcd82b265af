// The transport seam: the one place the desktop and the browser differ in talking to the hub.
// A transport POSTs bytes and reports what came back, without judging it; hub_request.cpp turns
// the answer into a SyncError a teacher can act on, the same way on every platform.
//  - transport_httplib.cpp (desktop, CLI, tests): cpp-httplib, HTTP and HTTPS;
//  - transport_fetch.cpp (browser): a synchronous XMLHttpRequest, allowed only in a worker, which
//    is where sync and enrollment run (WebAssembly threads are Web Workers). The page's own hub is
//    the same origin, so there is no CORS.
#pragma once
#include <string>

namespace core::net {

struct HttpRequest {
  std::string hub_url;  // "https://hub.school.example" (no trailing path)
  std::string path;     // "/v1/push"
  std::string token;    // "" = no Authorization header
  std::string body;     // the sync envelope
  int connect_timeout_s = 5;
  int read_timeout_s = 60;
  std::string ca_file;  // PEM bundle to trust ("" = the system's); ignored where the platform decides
};

struct HttpAnswer {
  bool reached = false;  // an HTTP answer came back
  // No answer although the request had started: the connection broke or timed out mid-way
  // (a smaller request may get through). Only meaningful when !reached.
  bool cut = false;
  int status = 0;
  std::string body;
  std::string content_type;
  std::string error;     // when !reached: what the platform said, for the message
  bool bad_url = false;  // the hub address itself is unusable
  // The hub answered the connection but its TLS certificate was refused (error says why): the
  // hub is there, this device will not talk to it.
  bool untrusted = false;
};

HttpAnswer http_post(const HttpRequest& request);

}  // namespace core::net
