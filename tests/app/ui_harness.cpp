// The headless client harness. See ui_harness.h.
#include "ui_harness.h"

#include <cfloat>
#include <filesystem>
#include <stdexcept>

#include "app/ui/widgets.h"
#include "core/paths.h"

namespace test {

namespace {
constexpr int kEnterKey = 40;  // any index works; SDL's scancode for Return, as the backend maps it
}

TempDir::TempDir() {
  std::string tmpl = (std::filesystem::temp_directory_path() / "peerobs-app-XXXXXX").string();
  if (!mkdtemp(tmpl.data())) throw std::runtime_error("cannot create a temp dir");
  path_ = tmpl;
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

UiHarness::UiHarness(float width, float height, const std::string* dir) : size_(width, height) {
  if (dir) {
    dir_ = *dir;
  } else {
    temp_ = std::make_unique<TempDir>();
    dir_ = temp_->path();
  }
  now_ = core::wall_clock_ms();
  ctx_ = ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.DisplaySize = size_;
  io.DeltaTime = 1.0f / 60.0f;
  io.KeyMap[ImGuiKey_Enter] = kEnterKey;
  io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
  store_ = std::make_unique<core::Store>(core::store_path_in(dir_));
  app::AppOptions options;
  options.data_dir = dir_;
  options.asset_dir = core::asset_dir();
  options.display_scale = 1.0f;
  options.now_ms = [this] { return now_; };
  app_ = std::make_unique<app::App>(*store_, options);
  ui::record_items(true);
  frames(2);
}

UiHarness::~UiHarness() {
  app_.reset();
  ui::record_items(false);
  ImGui::DestroyContext(ctx_);
}

void UiHarness::frame() {
  app_->refresh_theme();
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = size_;
  // The atlas must be built before NewFrame; without a renderer we only ask for its pixels.
  unsigned char* pixels = nullptr;
  int w = 0, h = 0;
  io.Fonts->GetTexDataAsAlpha8(&pixels, &w, &h);
  ImGui::NewFrame();
  app_->frame();
  ImGui::Render();
  now_ += 16;
}

void UiHarness::frames(int n) {
  for (int i = 0; i < n; ++i) frame();
}

static std::string base_label(const std::string& s) {
  auto p = s.find("##");
  return p == std::string::npos || p == 0 ? s : s.substr(0, p);
}

// An exact label wins over a visible-text match ("Open questions##counter" vs a chip "Open questions").
static const ui::ItemRecord* find_record(const std::string& label) {
  for (const auto& r : ui::recorded_items())
    if (r.label == label) return &r;
  for (const auto& r : ui::recorded_items())
    if (base_label(r.label) == label) return &r;
  return nullptr;
}

bool UiHarness::has(const std::string& label) const { return find_record(label) != nullptr; }

ImVec2 UiHarness::center_of(const std::string& label) const {
  if (const ui::ItemRecord* r = find_record(label))
    return ImVec2((r->min.x + r->max.x) * 0.5f, (r->min.y + r->max.y) * 0.5f);
  throw std::runtime_error("no widget labelled \"" + label + "\" was drawn in the last frame");
}

void UiHarness::pointer(ImVec2 pos, bool down) {
  ImGuiIO& io = ImGui::GetIO();
  io.MousePos = pos;
  io.MouseDown[0] = down;
  frame();
}

void UiHarness::tap_at(ImVec2 pos) {
  pointer(pos, false);                         // arrive (hover is computed from this frame's position)
  pointer(pos, true);                          // press
  pointer(pos, false);                         // release: the click happens here
  pointer(ImVec2(-FLT_MAX, -FLT_MAX), false);  // the finger lifted: no hover remains
  frame();
}

void UiHarness::tap(const std::string& label) { tap_at(center_of(label)); }

void UiHarness::type(const std::string& text) {
  ImGui::GetIO().AddInputCharactersUTF8(text.c_str());
  frame();
}

void UiHarness::press_enter() {
  ImGuiIO& io = ImGui::GetIO();
  io.KeysDown[kEnterKey] = true;
  frame();
  io.KeysDown[kEnterKey] = false;
  frame();
  frame();
}

void UiHarness::drag(ImVec2 from, ImVec2 to, int steps) {
  pointer(from, false);
  pointer(from, true);
  for (int i = 1; i <= steps; ++i) {
    float t = static_cast<float>(i) / static_cast<float>(steps);
    pointer(ImVec2(from.x + (to.x - from.x) * t, from.y + (to.y - from.y) * t), true);
  }
  pointer(to, false);
  pointer(ImVec2(-FLT_MAX, -FLT_MAX), false);
  frames(2);
}

}  // namespace test
