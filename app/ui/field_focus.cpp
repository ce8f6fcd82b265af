// Keeps the active text field in view. See field_focus.h for the rule and why it is keyboard-blind.
#include "app/ui/field_focus.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>

namespace ui {

namespace {
// The field being edited and the scroll area it lives in; at most one field is active at a time.
struct ActiveField {
  ImGuiID id = 0;
  ImGuiWindow* window = nullptr;  // the scroll area; only compared, never dereferenced stale
  int frame = -1;                 // the frame it was last seen active
  float visible_h = 0.0f;         // the area's visible height then, px
  int settle_frames = 0;          // frames left in which to (re)place it: the inset and clamping
                                  // only take effect a frame after a scroll is asked for
};
ActiveField g_field;

// The space added below a scroll area's content while its field is active. It stays after the
// field lets go for as long as the area is scrolled into it: removing it then would make the
// form jump under the finger between the press and the release of the next tap.
struct Inset {
  ImGuiWindow* window = nullptr;
  int frame = -1;       // the frame it was last added
  float height = 0.0f;  // px
};
Inset g_inset;

constexpr int kSettleFrames = 3;
constexpr float kInsetRatio = 1.0f - kFocusTopRatio;  // enough room to lift the last field

bool scrolls(const ImGuiWindow* w) { return !(w->Flags & ImGuiWindowFlags_NoScrollWithMouse); }
}  // namespace

void keep_active_field_in_view() {
  ImGuiWindow* window = ImGui::GetCurrentWindow();
  if (!ImGui::IsItemActive() || !scrolls(window)) return;
  const ImGuiID id = ImGui::GetItemID();
  const float visible_top = window->InnerRect.Min.y, visible_h = window->InnerRect.GetHeight();
  if (g_field.id != id || g_field.window != window || g_field.frame < ImGui::GetFrameCount() - 1) {
    g_field = ActiveField{id, window, 0, visible_h, kSettleFrames};  // just activated
  } else if (std::fabs(visible_h - g_field.visible_h) > 0.5f) {
    g_field.settle_frames = kSettleFrames;  // the window was resized (a keyboard opened or closed)
  }
  g_field.frame = ImGui::GetFrameCount();
  g_field.visible_h = visible_h;
  if (g_field.settle_frames <= 0) return;
  --g_field.settle_frames;
  const float top = ImGui::GetItemRectMin().y, limit = visible_top + std::floor(visible_h * kFocusTopRatio);
  // Only downwards: a field already high enough (or above the view's top) is lifted to the line
  // only when it is out of view, so tapping a field near the top never jolts the form.
  if (top > limit + 1.0f || top < visible_top)
    ImGui::SetScrollY(window, std::max(0.0f, window->Scroll.y + top - limit));
}

void add_keyboard_inset() {
  ImGuiWindow* window = ImGui::GetCurrentWindow();
  const int frame = ImGui::GetFrameCount();
  const bool field_active = g_field.window == window && g_field.frame == frame;
  const bool still_needed = g_inset.window == window && g_inset.frame == frame - 1 &&
                            window->Scroll.y > window->ScrollMax.y - g_inset.height + 0.5f;
  if (!field_active && !still_needed) return;
  if (field_active) g_inset.height = std::floor(window->InnerRect.GetHeight() * kInsetRatio);
  g_inset.window = window;
  g_inset.frame = frame;
  ImGui::Dummy(ImVec2(1.0f, g_inset.height));
}

}  // namespace ui
