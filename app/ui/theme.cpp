// Colours, style metrics and the font atlas. See theme.h for the guarantees.
#include "app/ui/theme.h"

#include <algorithm>
#include <cmath>
#include <filesystem>

#include "app/ui/glyph_coverage.h"

namespace ui {

namespace {
Fonts g_fonts;
Palette g_palette;
ThemeSettings g_settings;
float g_em = 18.0f;

ImVec4 rgb(int hex, float a = 1.0f) {
  return ImVec4(static_cast<float>((hex >> 16) & 0xff) / 255.0f, static_cast<float>((hex >> 8) & 0xff) / 255.0f,
                static_cast<float>(hex & 0xff) / 255.0f, a);
}

Palette light_palette() {
  Palette p;
  p.background = rgb(0xF3F4F6);
  p.surface = rgb(0xFFFFFF);
  p.surface_alt = rgb(0xEEF1F4);
  p.border = rgb(0xDDE1E6);
  p.text = rgb(0x1D2430);
  p.text_muted = rgb(0x5F6B7A);
  p.accent = rgb(0x0F766E);  // teal: calm, readable on white
  p.accent_soft = rgb(0xD5F0EC);
  p.on_accent = rgb(0xFFFFFF);
  p.danger = rgb(0xB42318);
  p.danger_soft = rgb(0xFDE8E6);
  p.success = rgb(0x1A7F37);
  p.warning_soft = rgb(0xFFF4D6);
  p.chip = rgb(0xE7EBEF);
  p.chip_on = rgb(0x0F766E);
  return p;
}

Palette dark_palette() {
  Palette p;
  p.background = rgb(0x14171C);
  p.surface = rgb(0x1E232A);
  p.surface_alt = rgb(0x262C34);
  p.border = rgb(0x323A44);
  p.text = rgb(0xE7EAEE);
  p.text_muted = rgb(0x9AA5B1);
  p.accent = rgb(0x2DD4BF);
  p.accent_soft = rgb(0x173B39);
  p.on_accent = rgb(0x06201D);
  p.danger = rgb(0xF97066);
  p.danger_soft = rgb(0x3D1F1D);
  p.success = rgb(0x4ADE80);
  p.warning_soft = rgb(0x3A3220);
  p.chip = rgb(0x2A313A);
  p.chip_on = rgb(0x2DD4BF);
  return p;
}

// Latin with extensions (names such as "Zoë", "Łukasz") and general punctuation ("—", "…", curly
// quotes), always there; U+FFFD becomes ImGui's fallback glyph for a character no font draws.
const ImWchar kGlyphRanges[] = {0x0020, 0x024F, 0x1E00, 0x1EFF, 0x2010, 0x205E, 0x20AC, 0x20AC, 0xFFFD, 0xFFFD, 0};
// The lesson clock shows digits, a colon and a few letters only.
const ImWchar kClockRanges[] = {0x0020, 0x007E, 0};

// Merges a script font into the font added last, without copying it: ImGui 1.86 copies data it
// does not own (20 MB per size for CJK), so it is handed over as owned and then marked as not
// owned, so that the atlas never frees it. The GlyphCoverage keeps the bytes alive.
void merge_script_font(ImFontAtlas& atlas, const ScriptMerge& m, bool bold, float px) {
  const auto& bytes = bold ? m.bold : m.regular;
  ImFontConfig cfg;
  cfg.MergeMode = true;
  cfg.FontNo = m.face;
  // Scripts with many strokes (CJK) are sharp enough without horizontal oversampling, which
  // would double their share of the atlas.
  cfg.OversampleH = m.font->collection ? 1 : 2;
  cfg.OversampleV = 1;
  cfg.PixelSnapH = true;
  cfg.FontDataOwnedByAtlas = true;
  // ImGui and stb_truetype only read font data.
  atlas.AddFontFromMemoryTTF(const_cast<unsigned char*>(bytes->data()), static_cast<int>(bytes->size()), std::round(px),
                             &cfg, m.ranges.data());
  atlas.ConfigData.back().FontDataOwnedByAtlas = false;
}

void apply_style(float scale) {
  ImGuiStyle style;
  const Palette& p = g_palette;
  style.WindowPadding = ImVec2(g_em * 1.0f, g_em * 1.0f);
  style.FramePadding = ImVec2(g_em * 0.8f, g_em * 0.6f);
  style.ItemSpacing = ImVec2(g_em * 0.6f, g_em * 0.6f);
  style.ItemInnerSpacing = ImVec2(g_em * 0.5f, g_em * 0.4f);
  style.TouchExtraPadding = ImVec2(4.0f * scale, 4.0f * scale);
  style.IndentSpacing = g_em * 1.2f;
  style.ScrollbarSize = 6.0f * scale;  // thin: lists scroll by dragging, the bar only shows position
  style.GrabMinSize = g_em;
  style.WindowRounding = 0.0f;
  style.ChildRounding = g_em * 0.7f;
  style.FrameRounding = g_em * 0.55f;
  style.PopupRounding = g_em * 0.7f;
  style.ScrollbarRounding = g_em;
  style.GrabRounding = g_em * 0.5f;
  style.WindowBorderSize = 0.0f;
  style.ChildBorderSize = 0.0f;
  style.PopupBorderSize = 1.0f;
  style.FrameBorderSize = 0.0f;
  style.WindowTitleAlign = ImVec2(0.5f, 0.5f);
  style.SelectableTextAlign = ImVec2(0.0f, 0.5f);
  style.AntiAliasedFill = true;
  style.AntiAliasedLines = true;

  ImVec4* c = style.Colors;
  c[ImGuiCol_Text] = p.text;
  c[ImGuiCol_TextDisabled] = p.text_muted;
  c[ImGuiCol_WindowBg] = p.background;
  c[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
  c[ImGuiCol_PopupBg] = p.surface;
  c[ImGuiCol_Border] = p.border;
  c[ImGuiCol_BorderShadow] = ImVec4(0, 0, 0, 0);
  c[ImGuiCol_FrameBg] = p.surface_alt;
  c[ImGuiCol_FrameBgHovered] = p.surface_alt;
  c[ImGuiCol_FrameBgActive] = p.surface_alt;
  c[ImGuiCol_TitleBg] = p.surface;
  c[ImGuiCol_TitleBgActive] = p.surface;
  c[ImGuiCol_TitleBgCollapsed] = p.surface;
  c[ImGuiCol_MenuBarBg] = p.surface;
  c[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0);
  c[ImGuiCol_ScrollbarGrab] = ImVec4(p.text_muted.x, p.text_muted.y, p.text_muted.z, 0.35f);
  c[ImGuiCol_ScrollbarGrabHovered] = ImVec4(p.text_muted.x, p.text_muted.y, p.text_muted.z, 0.5f);
  c[ImGuiCol_ScrollbarGrabActive] = ImVec4(p.text_muted.x, p.text_muted.y, p.text_muted.z, 0.6f);
  c[ImGuiCol_CheckMark] = p.accent;
  c[ImGuiCol_SliderGrab] = p.accent;
  c[ImGuiCol_SliderGrabActive] = p.accent;
  c[ImGuiCol_Button] = p.chip;
  c[ImGuiCol_ButtonHovered] = p.chip;  // no hover look: touch screens have no hover
  c[ImGuiCol_ButtonActive] = p.border;
  c[ImGuiCol_Header] = p.accent_soft;
  c[ImGuiCol_HeaderHovered] = p.accent_soft;
  c[ImGuiCol_HeaderActive] = p.accent_soft;
  c[ImGuiCol_Separator] = p.border;
  c[ImGuiCol_SeparatorHovered] = p.border;
  c[ImGuiCol_SeparatorActive] = p.accent;
  c[ImGuiCol_ResizeGrip] = ImVec4(0, 0, 0, 0);
  c[ImGuiCol_ResizeGripHovered] = ImVec4(0, 0, 0, 0);
  c[ImGuiCol_ResizeGripActive] = ImVec4(0, 0, 0, 0);
  c[ImGuiCol_TextSelectedBg] = ImVec4(p.accent.x, p.accent.y, p.accent.z, 0.3f);
  c[ImGuiCol_NavHighlight] = p.accent;
  c[ImGuiCol_ModalWindowDimBg] = ImVec4(0, 0, 0, 0.45f);
  ImGui::GetStyle() = style;
}
}  // namespace

bool apply_theme(const ThemeSettings& settings, const std::string& asset_dir, std::string& error,
                 GlyphCoverage* coverage) {
  g_settings = settings;
  g_settings.text_size = std::clamp(settings.text_size, 0.85f, 1.4f);
  const float scale = g_settings.display_scale;
  g_em = std::round(18.0f * scale * g_settings.text_size);
  g_palette = settings.dark ? dark_palette() : light_palette();

  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  io.FontGlobalScale = 1.0f;
  const std::string regular = asset_dir + "/fonts/NotoSans-Regular.ttf";
  const std::string bold = asset_dir + "/fonts/NotoSans-Bold.ttf";
  bool ok = true;
  for (const std::string* f : {&regular, &bold}) {
    if (!std::filesystem::is_regular_file(*f)) {
      error = "The font " + *f + " is missing; showing the built-in font instead. Reinstall peerobs to fix this.";
      ok = false;
    }
  }
  ImFontConfig cfg;
  cfg.OversampleH = 2;
  cfg.OversampleV = 1;
  cfg.PixelSnapH = true;
  const ImWchar* ranges = kGlyphRanges;
  if (coverage) {
    coverage->prepare_build(kGlyphRanges);
    ranges = coverage->base_ranges().data();
  }
  auto add = [&](const std::string& file, float px, const ImWchar* glyphs) -> ImFont* {
    if (!ok) {
      ImFontConfig d;
      d.SizePixels = std::round(px);
      return io.Fonts->AddFontDefault(&d);
    }
    return io.Fonts->AddFontFromFileTTF(file.c_str(), std::round(px), &cfg, glyphs);
  };
  auto add_with_scripts = [&](const std::string& file, bool is_bold, float px) -> ImFont* {
    ImFont* font = add(file, px, ranges);
    if (coverage)
      for (const ScriptMerge& m : coverage->merges()) merge_script_font(*io.Fonts, m, is_bold, px);
    return font;
  };
  g_fonts.body = add_with_scripts(regular, false, g_em);
  g_fonts.bold = add_with_scripts(bold, true, g_em);
  g_fonts.small = add_with_scripts(regular, false, g_em * 0.82f);
  g_fonts.heading = add_with_scripts(bold, true, g_em * 1.35f);
  g_fonts.clock = add(bold, g_em * 3.0f, kClockRanges);
  io.FontDefault = g_fonts.body;
  if (!io.Fonts->Build()) {
    error = "Cannot build the font atlas from " + regular;
    return false;
  }
  apply_style(scale);
  return ok;
}

const Fonts& fonts() { return g_fonts; }
const Palette& palette() { return g_palette; }
const ThemeSettings& theme_settings() { return g_settings; }
float em_px() { return g_em; }
float touch_px() { return std::max(48.0f * g_settings.display_scale, std::round(g_em * 2.5f)); }
ImU32 col(const ImVec4& c, float alpha) { return ImGui::GetColorU32(ImVec4(c.x, c.y, c.z, c.w * alpha)); }

}  // namespace ui
