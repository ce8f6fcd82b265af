// Look and feel of the client: colours (light and dark), spacing in em units, and the Noto Sans
// font atlas built at the display scale times the user's text size, with the script fonts of the
// characters in use merged in (glyph_coverage.h).
// Guarantees: text is rasterised at the size it is shown (no FontGlobalScale upscaling); every
// touch target built from these metrics is at least 48 px tall at scale 1.
#pragma once
#include <imgui.h>

#include <string>

namespace ui {

class GlyphCoverage;

struct Palette {
  ImVec4 background, surface, surface_alt, border, text, text_muted, accent, accent_soft, on_accent, danger,
      danger_soft, success, warning_soft, chip, chip_on;
};

struct Fonts {
  ImFont* body = nullptr;     // running text
  ImFont* bold = nullptr;     // labels, buttons
  ImFont* small = nullptr;    // captions and meta lines
  ImFont* heading = nullptr;  // screen and card headings
  ImFont* clock = nullptr;    // the lesson clock on the Observe screen
};

struct ThemeSettings {
  float display_scale = 1.0f;  // display DPI / 96; default 1
  float text_size = 1.0f;      // the user's text size factor, 0.85..1.4; default 1
  bool dark = false;           // dark theme; default light
};

// Builds the atlas into io.Fonts from <asset_dir>/fonts/NotoSans-{Regular,Bold}.ttf and applies
// the style. Returns false and fills `error` (naming the file) when a font cannot be read; the
// default ImGui font is used then so the app still works. With `coverage`, the glyphs of the code
// points in use are added: Noto Sans's own, and each script font's merged into the body, bold,
// small and heading fonts (the clock shows digits only). Call between frames, never inside one.
bool apply_theme(const ThemeSettings& settings, const std::string& asset_dir, std::string& error,
                 GlyphCoverage* coverage = nullptr);

const Fonts& fonts();
const Palette& palette();
const ThemeSettings& theme_settings();
// One em: the body font size in pixels (18 px at scale 1 and text size 1).
float em_px();
inline float em(float n) { return n * em_px(); }
// The minimum touch target, 48 px at scale 1.
float touch_px();
ImU32 col(const ImVec4& c, float alpha = 1.0f);

}  // namespace ui
