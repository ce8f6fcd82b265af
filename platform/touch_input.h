// Touch as mouse for Dear ImGui 1.86: one finger drives io.MousePos / io.MouseDown[0].
// Guarantees: a tap that goes down and up between two frames still reaches ImGui as a press in one
// frame and a release in the next; after a finger lifts, the pointer moves off-screen so nothing
// stays highlighted (touch screens have no hover). Knows nothing of SDL, so tests can drive it.
#pragma once

struct ImGuiIO;

namespace platform {

class TouchMouse {
 public:
  // Positions in window pixels. A second finger while one is down is ignored (no gestures).
  void finger_down(long long finger, float x, float y);
  void finger_motion(long long finger, float x, float y);
  void finger_up(long long finger, float x, float y);
  // A real mouse moved: hand the pointer back to the OS mouse until the next touch.
  void mouse_moved() { touch_mode_ = false; }

  // True while a finger is down or its release/off-screen move still has to be shown to ImGui.
  bool active() const { return down_ || press_latched_ || frames_after_lift_ > 0; }
  bool touch_mode() const { return touch_mode_; }

  // Call once per frame after the backend's NewFrame (which reads the OS mouse) and before
  // ImGui::NewFrame: overrides the mouse with the finger while touch is active.
  void apply(ImGuiIO& io);

 private:
  bool touch_mode_ = false;  // the last pointer input was a finger
  bool down_ = false;
  bool press_latched_ = false;  // a press not yet shown to ImGui (the finger may already be up)
  int frames_after_lift_ = 0;   // 2 = show the release at the finger, 1 = move off-screen
  long long finger_ = -1;
  float x_ = 0, y_ = 0;
};

}  // namespace platform
