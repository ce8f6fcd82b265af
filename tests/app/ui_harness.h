// A headless client for tests: an ImGui context with fonts built and no renderer, a temp-file
// Store, an App with a clock the test moves, and input fed through io the way the platform layer
// feeds it (press and release in separate frames; after a tap the pointer leaves the screen).
#pragma once
#include <imgui.h>

#include <memory>
#include <string>

#include "app/shell/app.h"
#include "core/store.h"

namespace test {

class TempDir {
 public:
  TempDir();
  ~TempDir();
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

class UiHarness {
 public:
  // A window of the given size at scale 1. The store lives in `dir` (a fresh temp dir if null).
  explicit UiHarness(float width = 1280, float height = 2000, const std::string* dir = nullptr);
  ~UiHarness();

  core::Store& store() { return *store_; }
  app::App& app() { return *app_; }
  const std::string& data_dir() const { return dir_; }

  void frame();  // one frame: NewFrame, App::frame, Render (draw data ignored)
  void frames(int n);
  void advance(std::int64_t ms) { now_ += ms; }  // moves the wall clock the app sees
  std::int64_t now() const { return now_; }

  // Finds a kit widget drawn in the last frame by label (exact, or the part before "##").
  bool has(const std::string& label) const;
  ImVec2 center_of(const std::string& label) const;  // throws if not drawn
  void tap(const std::string& label);                // press, release, pointer off-screen
  void tap_at(ImVec2 pos);
  void type(const std::string& text);  // characters into the active field
  void press_enter();
  void drag(ImVec2 from, ImVec2 to, int steps);  // a finger drag, then lift

 private:
  void pointer(ImVec2 pos, bool down);

  std::unique_ptr<TempDir> temp_;
  std::string dir_;
  ImGuiContext* ctx_ = nullptr;
  std::unique_ptr<core::Store> store_;
  std::unique_ptr<app::App> app_;
  std::int64_t now_ = 0;
  ImVec2 size_;
};

}  // namespace test
