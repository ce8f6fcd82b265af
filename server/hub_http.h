// The hub's HTTP(S) front: POST /v1/enroll, /v1/push, /v1/pull, GET /v1/status, and with --web
// the web client's files at every other GET path (server/web_files.h).
// Every request body and every success response is a sync envelope (core/sync/wire.h);
// every refusal is plain text a person can read, with the status saying what kind
// (400 malformed, 401 unknown/revoked device, 403 refused by the privacy rules, 409 a version
// that changed, 413 too large, 426 protocol mismatch). One request at a time writes to the
// database (a mutex around enroll and push), so a push is never interleaved with another; pull,
// status and every token check read on connections of their own and never wait for that lock
// (server/hub_reader.h).
// Wrong enrollment codes and unknown tokens are counted per address and slowed down
// (guess_limit.h: 429 with Retry-After); every refusal of a code or a token is logged on stderr
// with the address, the route and what was wrong, never the code or token itself.
#pragma once
#include <string>

#include "server/guess_limit.h"

namespace server {

struct ServeOptions {
  std::string data_dir;
  std::string host = "127.0.0.1";
  int port = 8443;                  // 0 = let the OS pick; the chosen port is printed
  std::string cert_file, key_file;  // both set = HTTPS
  bool allow_insecure_http = false;
  std::string web_dir;            // the web client's folder (scripts/web-build.sh); "" = none
  GuessLimitOptions guess_limit;  // how wrong codes and tokens are slowed down (--free-guesses)
};

bool is_loopback(const std::string& host);

// Runs until SIGINT/SIGTERM; prints "listening on HOST:PORT" (flushed) once bound.
// Returns a process exit code; refusals (plain HTTP on a public address, a --web folder without
// index.html) print why and return 2.
int serve(const ServeOptions& options);

}  // namespace server
