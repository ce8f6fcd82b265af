// The client shell: owns the screens, the navigation stack, the theme and the shared services,
// and draws one frame (top bar + the current screen). Knows nothing of SDL: the platform layer
// (or a headless test) feeds ImGui's io, calls frame() between NewFrame and Render, and asks
// wake_after_ms() how long it may sleep.
#pragma once
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "app/shell/glyph_feed.h"
#include "app/shell/screen.h"
#include "app/ui/theme.h"

namespace app {

struct AppOptions {
  std::string data_dir;                  // where the store and <data>/templates live
  std::string asset_dir;                 // fonts, templates, lexicon
  float display_scale = 1.0f;            // display DPI / 96
  std::function<std::int64_t()> now_ms;  // wall clock; default core::wall_clock_ms
  ui::FontFileSource font_files;         // script fonts by file name (platform::font_file);
                                         // unset: only Noto Sans (Latin, Greek, Cyrillic)
};

class App {
 public:
  App(core::Store& store, AppOptions options);
  ~App();

  // Adds a screen (replacing one with the same id). The built-in screens register themselves.
  void register_screen(std::unique_ptr<Screen> screen);

  // Rebuilds the font atlas and style if the scale, text size or theme changed. Call before
  // ImGui::NewFrame; true means the atlas changed (the renderer must re-upload it).
  bool refresh_theme();
  void set_display_scale(float scale);

  // One frame: call between ImGui::NewFrame() and ImGui::Render().
  void frame();
  // Lifecycle: commit typed drafts now (background, close, focus loss).
  void commit_drafts();
  // How long the loop may sleep without input before the next frame is needed; -1 = forever.
  int wake_after_ms() const;
  // True while something animates (toast fade, scroll fling): keep drawing.
  bool animating() const;

  // Sync state from the hub link (the real app; tests may call it too). data_changed = pulled
  // records changed the store, so the current screen's view is rebuilt.
  void set_sync(const SyncState& state, bool data_changed);
  // After an enrollment re-keyed the local person: read "me" from the store again, go Home.
  void reload_me();

  const Route& route() const { return stack_.back(); }
  Screen* screen(ScreenId id);
  AppContext& context() { return ctx_; }
  const std::string& theme_error() const { return theme_error_; }
  GlyphFeed& glyphs() { return glyphs_; }

 private:
  void navigate();
  void enter_current();
  void draw_top_bar();
  void draw_toast();
  void draw_storage_problem();
  // Home: colleagues typed into plans who are only on this device, and a way to match them.
  void draw_colleagues_banner();
  std::string colleagues_banner_text() const;
  ui::ThemeSettings wanted_theme() const;
  bool has_screen_settings() const;

  core::Store& store_;
  AppOptions options_;
  AppContext ctx_;
  core::TemplateLibrary templates_;
  std::unique_ptr<core::LanguageGuide> guide_;
  std::map<ScreenId, std::unique_ptr<Screen>> screens_;
  std::vector<Route> stack_;
  ui::ThemeSettings applied_theme_;
  bool theme_built_ = false;
  std::string theme_error_;
  GlyphFeed glyphs_;               // the characters in use and the fonts merged for them
  std::string my_name_;            // read on navigation, not per frame
  std::string colleagues_banner_;  // Home's line about device-only colleagues; "" = none (read on entering Home)
  bool sync_from_link_ = false;    // true once set_sync was called: the store no longer describes sync
  std::string toast_;
  std::int64_t toast_until_ = 0;
};

}  // namespace app
