// A scroll area's width does not change when its content starts to scroll: a form that grows past
// the window (a field's keyboard inset, a longer list) keeps its line breaks, so nothing jumps
// between a finger's press and its release. Headless ImGui with the widget kit.
#include <catch2/catch.hpp>

#include <imgui.h>

#include <cfloat>
#include <string>

#include "app/ui/theme.h"
#include "app/ui/widgets.h"
#include "core/paths.h"

namespace {

// One frame of a scroll area holding `rows` rows of text; returns the width the content had.
float content_width_with_rows(int rows) {
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = ImVec2(390.0f, 844.0f);
  unsigned char* pixels = nullptr;
  int pw = 0, ph = 0;
  io.Fonts->GetTexDataAsAlpha8(&pixels, &pw, &ph);
  ImGui::NewFrame();
  ui::begin_root("##bench");
  ui::begin_scroll_area("##form");
  const float width = ImGui::GetContentRegionAvail().x;
  for (int i = 0; i < rows; ++i) ui::body_wrapped(("Row " + std::to_string(i)).c_str());
  ui::end_scroll_area();
  ui::end_root();
  ImGui::EndFrame();
  return width;
}

}  // namespace

TEST_CASE("A scroll area keeps its width when its content grows past the window") {
  ImGuiContext* ctx = ImGui::CreateContext();
  ImGui::GetIO().IniFilename = nullptr;
  ImGui::GetIO().DeltaTime = 1.0f / 60.0f;
  ImGui::GetIO().MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
  std::string error;
  ui::apply_theme(ui::ThemeSettings{}, core::asset_dir(), error);
  REQUIRE(error.empty());

  float fits = 0.0f;
  for (int i = 0; i < 3; ++i) fits = content_width_with_rows(3);  // settles over frames
  float scrolls = 0.0f;
  for (int i = 0; i < 3; ++i) scrolls = content_width_with_rows(300);
  CHECK(fits > 0.0f);
  CHECK(scrolls == fits);
  ImGui::DestroyContext(ctx);
}
