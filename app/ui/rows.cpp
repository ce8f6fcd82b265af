// Shared rows and the footer bar. See rows.h.
#include "app/ui/rows.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cfloat>

#include "app/ui/theme.h"
#include "app/ui/widgets.h"

namespace ui {

bool pick_row(const char* id, const char* caption, const std::string& text, bool picked) {
  const Palette& p = palette();
  const float w = content_width(), pad = em(0.7f), box = em(1.3f);
  const float text_x = pad + box + em(0.7f), wrap = w - text_x - pad;
  ImFont* small = fonts().small;
  ImFont* body = ImGui::GetFont();
  const float cap_h = caption && *caption ? small->FontSize + em(0.15f) : 0.0f;
  ImVec2 ts = body->CalcTextSizeA(body->FontSize, FLT_MAX, wrap, text.c_str());
  const float h = std::max(touch_px(), pad * 2 + cap_h + ts.y);
  ImVec2 pos = ImGui::GetCursorScreenPos();
  bool tapped = ImGui::InvisibleButton(id, ImVec2(w, h));
  record_item(text.c_str());
  bool held = ImGui::IsItemActive();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImVec2 max(pos.x + w, pos.y + h);
  dl->AddRectFilled(pos, max, col(picked ? p.accent_soft : p.surface_alt, held ? 0.7f : 1.0f), em(0.6f));
  ImVec2 b0(pos.x + pad, pos.y + (h - box) * 0.5f), b1(b0.x + box, b0.y + box);
  if (picked) {
    dl->AddRectFilled(b0, b1, col(p.accent), em(0.3f));
    ImGui::RenderCheckMark(dl, ImVec2(b0.x + box * 0.2f, b0.y + box * 0.2f), col(p.on_accent), box * 0.6f);
  } else {
    dl->AddRect(b0, b1, col(p.text_muted), em(0.3f), 0, std::max(1.5f, em(0.1f)));
  }
  float y = pos.y + pad;
  if (cap_h > 0) {
    dl->AddText(small, small->FontSize, ImVec2(pos.x + text_x, y), col(p.text_muted), caption);
    y += cap_h;
  }
  dl->AddText(body, body->FontSize, ImVec2(pos.x + text_x, y), col(p.text), text.c_str(), nullptr, wrap);
  return tapped;
}

bool suggestion_row(const char* id, const std::string& text) {
  const Palette& p = palette();
  const float w = content_width(), pad = em(0.7f);
  const float text_x = pad + em(1.4f), wrap = w - text_x - pad;
  ImFont* body = ImGui::GetFont();
  ImVec2 ts = body->CalcTextSizeA(body->FontSize, FLT_MAX, wrap, text.c_str());
  const float h = std::max(touch_px(), pad * 2 + ts.y);
  ImVec2 pos = ImGui::GetCursorScreenPos();
  bool tapped = ImGui::InvisibleButton(id, ImVec2(w, h));
  record_item(text.c_str());
  ImDrawList* dl = ImGui::GetWindowDrawList();
  if (ImGui::IsItemActive()) dl->AddRectFilled(pos, ImVec2(pos.x + w, pos.y + h), col(p.accent_soft), em(0.6f));
  ImFont* bold = fonts().bold;
  dl->AddText(bold, bold->FontSize, ImVec2(pos.x + pad, pos.y + pad), col(p.accent), "+");
  dl->AddText(body, body->FontSize, ImVec2(pos.x + text_x, pos.y + pad), col(p.text), text.c_str(), nullptr, wrap);
  dl->AddLine(ImVec2(pos.x + text_x, pos.y + h - 1), ImVec2(pos.x + w - pad, pos.y + h - 1), col(p.border));
  return tapped;
}

float footer_height() { return touch_px() + em(1.4f); }

float footer_begin(const std::string& error, float buttons_w, const char* hint) {
  const float width = ImGui::GetContentRegionAvail().x;
  ImVec2 origin = ImGui::GetCursorScreenPos();
  const Palette& p = palette();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(origin, ImVec2(origin.x + width, origin.y + footer_height()), col(p.surface));
  dl->AddLine(origin, ImVec2(origin.x + width, origin.y), col(p.border));
  const float y = ImGui::GetCursorPosY() + em(0.7f);
  const float x_buttons = std::max(em(1.0f), width - buttons_w - em(1.0f));
  // The error if there is one, else the hint, on the left; wrapped before the buttons.
  const char* left = error.empty() ? hint : error.c_str();
  if (left && *left) {
    ImGui::SetCursorPos(ImVec2(em(1.0f), y));
    ImGui::PushStyleColor(ImGuiCol_Text, error.empty() ? p.text_muted : p.danger);
    ImGui::PushTextWrapPos(x_buttons - em(1.0f));
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(left);
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
  }
  ImGui::SetCursorPos(ImVec2(x_buttons, y));
  return x_buttons;
}

}  // namespace ui
