// The platform's touch-as-mouse translation: a quick tap still reaches ImGui as press then
// release, and the pointer leaves the screen afterwards so nothing stays highlighted.
#include <imgui.h>
#include <catch2/catch.hpp>

#include <cfloat>

#include "platform/touch_input.h"

TEST_CASE("touch: a tap shorter than a frame is a press, then a release, then no hover", "[platform][touch]") {
  ImGuiContext* ctx = ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  platform::TouchMouse touch;
  touch.finger_down(1, 100, 200);
  touch.finger_up(1, 100, 200);  // both before the next frame
  REQUIRE(touch.active());
  touch.apply(io);
  CHECK(io.MouseDown[0]);
  CHECK(io.MousePos.x == 100.0f);
  touch.apply(io);
  CHECK_FALSE(io.MouseDown[0]);
  CHECK(io.MousePos.y == 200.0f);  // released where the finger was, so the button under it fires
  touch.apply(io);
  CHECK(io.MousePos.x == -FLT_MAX);
  CHECK_FALSE(touch.active());
  io.MousePos = ImVec2(5, 5);  // a backend copied the OS mouse: touch mode keeps it off-screen
  touch.apply(io);
  CHECK(io.MousePos.x == -FLT_MAX);
  touch.mouse_moved();  // a real mouse takes over
  io.MousePos = ImVec2(5, 5);
  touch.apply(io);
  CHECK(io.MousePos.x == 5.0f);
  ImGui::DestroyContext(ctx);
}

TEST_CASE("touch: a second finger does not move the pointer of the first", "[platform][touch]") {
  ImGuiContext* ctx = ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  platform::TouchMouse touch;
  touch.finger_down(1, 10, 10);
  touch.finger_down(2, 500, 500);
  touch.finger_motion(2, 600, 600);
  touch.finger_motion(1, 20, 30);
  touch.apply(io);
  CHECK(io.MousePos.x == 20.0f);
  CHECK(io.MousePos.y == 30.0f);
  ImGui::DestroyContext(ctx);
}
