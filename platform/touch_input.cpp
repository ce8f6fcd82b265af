// Touch as mouse: see touch_input.h for the guarantees.
#include "platform/touch_input.h"

#include <imgui.h>

#include <cfloat>

namespace platform {

void TouchMouse::finger_down(long long finger, float x, float y) {
  if (down_) return;
  touch_mode_ = true;
  down_ = true;
  press_latched_ = true;
  frames_after_lift_ = 0;
  finger_ = finger;
  x_ = x;
  y_ = y;
}

void TouchMouse::finger_motion(long long finger, float x, float y) {
  if (!down_ || finger != finger_) return;
  x_ = x;
  y_ = y;
}

void TouchMouse::finger_up(long long finger, float x, float y) {
  if (!down_ || finger != finger_) return;
  down_ = false;
  x_ = x;
  y_ = y;
  frames_after_lift_ = 2;
}

void TouchMouse::apply(ImGuiIO& io) {
  if (!active()) {
    // The OS mouse (which a backend reads every frame) may sit anywhere: keep it off-screen.
    if (touch_mode_) {
      io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
      io.MouseDown[0] = false;
    }
    return;
  }
  if (press_latched_) {
    // Show the press for one full frame even when the finger already lifted (a quick tap).
    io.MousePos = ImVec2(x_, y_);
    io.MouseDown[0] = true;
    press_latched_ = false;
    return;
  }
  if (down_) {
    io.MousePos = ImVec2(x_, y_);
    io.MouseDown[0] = true;
    return;
  }
  io.MouseDown[0] = false;
  if (frames_after_lift_ == 2) {
    io.MousePos = ImVec2(x_, y_);  // the release happens where the finger was
  } else {
    io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);  // no hover after a touch
  }
  --frames_after_lift_;
}

}  // namespace platform
