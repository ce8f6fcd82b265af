// peerobs: the observation client. Parses --data DIR and --size, starts a ClientSession and hands
// its step to the platform's loop: on the desktop a loop that sleeps in SDL between events; in
// the browser the page's animation frames (the call then never returns, and the session lives on).
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string>

#include "app/client_session.h"
#include "core/hash.h"
#include "platform/host.h"

namespace {
void usage() {
  std::fprintf(stderr,
               "usage: peerobs [--data DIR] [--size WIDTHxHEIGHT]\n"
               "  --data DIR   where this device keeps its store (default: %s)\n"
               "  --size WxH   initial window size in pixels (default 1280x800)\n",
               platform::default_data_dir().c_str());
}

// Fills `options` from the command line; an exit code when the program should stop at once
// (--help, or an option it cannot use, said on stderr).
std::optional<int> parse_command_line(int argc, char** argv, app::ClientOptions& options) {
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--data" && i + 1 < argc) {
      options.data_dir = argv[++i];
    } else if (a == "--size" && i + 1 < argc) {
      int w = 0, h = 0;
      if (std::sscanf(argv[++i], "%dx%d", &w, &h) != 2 || w < 320 || h < 320) {
        std::fprintf(stderr, "peerobs: --size wants WIDTHxHEIGHT of at least 320x320, e.g. 768x1024\n");
        return 2;
      }
      options.window.width = w;
      options.window.height = h;
    } else if (a == "--help" || a == "-h") {
      usage();
      return 0;
    } else {
      std::fprintf(stderr, "peerobs: unknown option \"%s\"\n", a.c_str());
      usage();
      return 2;
    }
  }
  if (options.data_dir.empty()) options.data_dir = platform::default_data_dir();
  if (const char* map = std::getenv("PEEROBS_UI_MAP"); map && *map) options.ui_map_path = map;
  return std::nullopt;
}
}  // namespace

int main(int argc, char** argv) {
  app::ClientOptions options;
  if (std::optional<int> exit_code = parse_command_line(argc, argv, options)) return *exit_code;
  // libsodium starts once, here, before any thread exists: in the browser its start-up is not
  // thread-safe, and its random source must be set up on the page's thread first.
  core::ensure_sodium();
  // Static: in the browser, main returns to the page while the session keeps running.
  static std::unique_ptr<app::ClientSession> session;
  try {
    session = std::make_unique<app::ClientSession>(options);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "peerobs: %s\n", e.what());
    platform::show_fatal(e.what());
    return 1;
  }
  return platform::run_loop([] { return session->step(); },
                            [] {
                              session->finish();
                              session.reset();
                            });
}
