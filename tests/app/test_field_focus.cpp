// The field being edited stays in view above an on-screen keyboard: a form longer than the window,
// drawn with the widget kit in a headless ImGui context (no App, so the window can be resized),
// a field near the bottom tapped, then the window shrunk as a tablet's keyboard shrinks it.
#include <catch2/catch.hpp>

#include <imgui.h>
#include <imgui_internal.h>

#include <cfloat>
#include <functional>
#include <string>
#include <vector>

#include "app/ui/field_focus.h"
#include "app/ui/theme.h"
#include "app/ui/widgets.h"
#include "core/paths.h"

namespace {

// A kit form of `fields` labelled fields (every third one multi-line) in one scroll area.
class FormBench {
 public:
  FormBench(float w, float h, int fields) : size_(w, h), texts_(static_cast<std::size_t>(fields)) {
    ctx_ = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DeltaTime = 1.0f / 60.0f;
    io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
    std::string error;
    ui::apply_theme(ui::ThemeSettings{}, core::asset_dir(), error);
    ui::record_items(true);
    frames(2);
  }
  ~FormBench() {
    ui::record_items(false);
    ImGui::DestroyContext(ctx_);
  }

  void resize(float w, float h) { size_ = ImVec2(w, h); }
  void frame() {
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = size_;
    unsigned char* pixels = nullptr;
    int pw = 0, ph = 0;
    io.Fonts->GetTexDataAsAlpha8(&pixels, &pw, &ph);
    ImGui::NewFrame();
    ui::begin_frame_records();
    ui::begin_root("##bench");
    ui::begin_scroll_area("##form");
    area_ = ImGui::GetCurrentWindow()->InnerRect;
    for (std::size_t i = 0; i < texts_.size(); ++i) {
      const std::string id = "##field" + std::to_string(i);
      ui::label(("Field " + std::to_string(i)).c_str());
      if (i % 3 == 2) {
        ui::text_area(id.c_str(), "", &texts_[i], 3.0f);
        ui::ItemRecord r{id, ImGui::GetItemRectMin(), ImGui::GetItemRectMax()};
        if (ImGui::IsRectVisible(r.min, r.max)) areas_.push_back(r);  // as the kit lists its widgets
      } else {
        ui::text_field(id.c_str(), "", &texts_[i]);
      }
      ImGui::Spacing();
    }
    ui::end_scroll_area();
    ui::end_root();
    ui::touch_scroll_frame();
    ImGui::Render();
  }
  void frames(int n) {
    for (int i = 0; i < n; ++i) {
      areas_.clear();
      frame();
    }
  }
  // The field's rectangle in the last frame (text fields are listed by the kit, areas here).
  ImRect rect_of(const std::string& id) const {
    for (const auto& r : ui::recorded_items())
      if (r.label == id) return ImRect(r.min, r.max);
    for (const auto& r : areas_)
      if (r.label == id) return ImRect(r.min, r.max);
    return ImRect();
  }
  bool drawn(const std::string& id) const { return rect_of(id).GetWidth() > 0.0f; }
  ImRect area() const { return area_; }
  void tap(const std::string& id) {
    const ImVec2 c = rect_of(id).GetCenter();
    pointer(c, false);
    pointer(c, true);
    pointer(c, false);
    pointer(ImVec2(-FLT_MAX, -FLT_MAX), false);
  }
  void type(const std::string& s) {
    ImGui::GetIO().AddInputCharactersUTF8(s.c_str());
    frames(1);
  }
  std::string& text(std::size_t i) { return texts_[i]; }

 private:
  void pointer(ImVec2 pos, bool down) {
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = pos;
    io.MouseDown[0] = down;
    frames(1);
  }
  ImGuiContext* ctx_ = nullptr;
  ImVec2 size_;
  std::vector<std::string> texts_;
  std::vector<ui::ItemRecord> areas_;
  ImRect area_;
};

// The top of `r` sits in the upper part of the visible area (kFocusTopRatio, plus a pixel).
bool in_upper_part(const ImRect& r, const ImRect& area) {
  return r.Min.y >= area.Min.y && r.Min.y <= area.Min.y + area.GetHeight() * ui::kFocusTopRatio + 1.0f &&
         r.Max.y <= area.Max.y;
}

// The last field that is fully visible but lower than the upper part.
std::string low_visible_field(const FormBench& b, int fields, bool area) {
  std::string found;
  for (int i = 0; i < fields; ++i) {
    if ((i % 3 == 2) != area) continue;
    const std::string id = "##field" + std::to_string(i);
    const ImRect r = b.rect_of(id);
    if (b.drawn(id) && r.Max.y <= b.area().Max.y && r.Min.y > b.area().Min.y + b.area().GetHeight() * 0.6f) found = id;
  }
  return found;
}

}  // namespace

TEST_CASE("field focus: a field tapped near the bottom of a long form rises to the upper part", "[app][ui][focus]") {
  const int fields = 24;
  for (const bool area : {false, true}) {
    DYNAMIC_SECTION((area ? "a multi-line field" : "a one-line field")) {
      FormBench b(768, 700, fields);
      const std::string id = low_visible_field(b, fields, area);
      REQUIRE_FALSE(id.empty());
      const float before = b.rect_of(id).Min.y;
      b.tap(id);
      b.frames(2);
      INFO("field " << id << " was at y " << before << ", is at " << b.rect_of(id).Min.y << " in area "
                    << b.area().Min.y << ".." << b.area().Max.y);
      CHECK(in_upper_part(b.rect_of(id), b.area()));
      CHECK(b.rect_of(id).Min.y < before);
      // Still active: what is typed goes into it.
      b.type("after the lift");
      CHECK(b.text(static_cast<std::size_t>(std::stoi(id.substr(7)))) == "after the lift");
    }
  }
}

TEST_CASE("field focus: the last field of a form can rise too, and a field already high stays put",
          "[app][ui][focus]") {
  const int fields = 24;
  FormBench b(768, 700, fields);
  SECTION("the last field") {
    // Scroll to the very end first, the way a teacher would drag there.
    ImGuiWindow* form = nullptr;
    for (ImGuiWindow* w : GImGui->Windows)
      if (w->ParentWindow && std::string(w->ParentWindow->Name) == "##bench") form = w;  // not a field's own child
    REQUIRE(form);
    ImGui::SetScrollY(form, form->ScrollMax.y);
    b.frames(2);
    REQUIRE(b.drawn("##field23"));
    INFO("before tap at " << b.rect_of("##field23").Min.y << ".." << b.rect_of("##field23").Max.y);
    b.tap("##field23");
    b.frames(2);
    INFO("field at " << b.rect_of("##field23").Min.y << ", visible " << b.area().Min.y << ".." << b.area().Max.y);
    CHECK(in_upper_part(b.rect_of("##field23"), b.area()));
  }
  SECTION("a field near the top") {
    const float before = b.rect_of("##field1").Min.y;
    b.tap("##field1");
    b.frames(2);
    CHECK(b.rect_of("##field1").Min.y == before);
  }
}

TEST_CASE("field focus: when the window shrinks under the active field, the field stays visible", "[app][ui][focus]") {
  const int fields = 24;
  FormBench b(768, 1000, fields);
  const std::string id = low_visible_field(b, fields, true);
  REQUIRE_FALSE(id.empty());
  b.tap(id);
  b.frames(2);
  REQUIRE(in_upper_part(b.rect_of(id), b.area()));
  // A keyboard takes the lower 60% of a tablet's screen: the window shrinks to 400 px.
  b.resize(768, 400);
  b.frames(3);
  INFO("field at " << b.rect_of(id).Min.y << ".." << b.rect_of(id).Max.y << ", visible " << b.area().Min.y << ".."
                   << b.area().Max.y);
  CHECK(b.rect_of(id).Min.y >= b.area().Min.y);
  CHECK(b.rect_of(id).Min.y <= b.area().Min.y + b.area().GetHeight() * ui::kFocusTopRatio + 1.0f);
  // And it is still the field being edited.
  b.type("x");
  CHECK(b.text(static_cast<std::size_t>(std::stoi(id.substr(7)))) == "x");
}
