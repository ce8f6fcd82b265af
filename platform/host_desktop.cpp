// The desktop host: data under the user's data folder, durable saves, a plain loop. See host.h.
#include <cstdio>
#include <exception>

#include "core/paths.h"
#include "platform/host.h"

namespace platform {

std::string default_data_dir() { return core::default_data_dir(); }
StorageState storage_state() { return {}; }
std::string page_origin() { return {}; }
std::string device_description() { return "peerobs client"; }
void publish_ui_map(const std::string&) {}
void show_fatal(const std::string&) {}

int run_loop(std::function<bool()> step, std::function<void()> at_end) {
  try {
    while (step()) {
    }
    at_end();
    return 0;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "peerobs: %s\n", e.what());
    return 1;
  }
}

}  // namespace platform
