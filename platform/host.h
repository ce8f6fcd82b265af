// What the device running the client provides besides a window: where data lives, whether what
// was saved has reached persistent storage, which hub served the app, and how to say that the
// app cannot start. Desktop: host_desktop.cpp; browser: web/host_web.cpp.
#pragma once
#include <functional>
#include <string>

namespace platform {

// Where the client keeps its store when --data is not given. Desktop: ~/.local/share/peerobs;
// browser: a folder the page keeps in IndexedDB.
std::string default_data_dir();

struct StorageState {
  // Saved in the store, not yet in persistent storage. The desktop's store commits durably
  // (fsync) before a save returns, so this is never set there; the browser copies the store to
  // IndexedDB after each commit, and the app shows "Saving..." until that copy is complete.
  bool pending = false;
  std::string problem;  // why data may not be kept (private browsing, storage full); "" if none
};
StorageState storage_state();

// The address of the hub that served the app ("https://hub.school.example"), "" on the desktop.
std::string page_origin();
// How this device names itself to the hub when it enrolls ("peerobs client", or the browser's).
std::string device_description();

// The widgets of the last frame (ClientSession's UI map), for browser tests; no-op on the desktop.
void publish_ui_map(const std::string& text);
// Tells the person why the app cannot start (the desktop has printed it to stderr already).
void show_fatal(const std::string& message);

// Runs the frame loop: calls step until it returns false, then at_end. Returns the exit code
// (1 if step threw: the message is printed and shown). In the browser it hands step to the
// page's animation frames and does not return; at_end never runs there (the page can be closed
// at any moment: drafts are committed on pagehide/visibilitychange instead).
int run_loop(std::function<bool()> step, std::function<void()> at_end);

}  // namespace platform
