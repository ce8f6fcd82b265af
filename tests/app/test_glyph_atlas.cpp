// The font atlas holds the glyphs of the characters in use, in any script: names from the store
// and typed text bring their script's Noto font into the atlas between frames; a Latin-only
// session never loads the CJK collection; a character no font draws shows the fallback glyph.
#include <imgui.h>
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <thread>

#include "app/shell/app.h"
#include "app/ui/theme.h"
#include "app/ui/used_codepoints.h"
#include "core/paths.h"
#include "platform/font_files.h"
#include "ui_harness.h"

namespace {

// Reads fonts at once from where Debian installs them, and records every name asked for.
struct CountingFontSource {
  std::vector<std::string> asked;
  std::vector<std::string> refuse;   // names reported Missing, as if not installed
  std::vector<std::string> garbage;  // names answered with an error page instead of a font

  ui::FontFileSource source() {
    return [this](const std::string& name) {
      asked.push_back(name);
      ui::FontFileResult r;
      r.state = ui::FontFileResult::State::Missing;
      if (std::find(refuse.begin(), refuse.end(), name) != refuse.end()) return r;
      if (std::find(garbage.begin(), garbage.end(), name) != garbage.end()) {
        const std::string page = "<html><body>Not found</body></html>";
        r.state = ui::FontFileResult::State::Ready;
        r.bytes = std::make_shared<std::vector<unsigned char>>(page.begin(), page.end());
        return r;
      }
      for (const char* dir : {"/usr/share/fonts/truetype/noto/", "/usr/share/fonts/opentype/noto/"}) {
        std::ifstream in(dir + name, std::ios::binary);
        if (!in) continue;
        auto bytes = std::make_shared<std::vector<unsigned char>>(std::istreambuf_iterator<char>(in),
                                                                  std::istreambuf_iterator<char>());
        r.state = ui::FontFileResult::State::Ready;
        r.bytes = bytes;
        return r;
      }
      return r;
    };
  }
  bool asked_for_cjk() const {
    return std::any_of(asked.begin(), asked.end(),
                       [](const std::string& n) { return n.find("CJK") != std::string::npos; });
  }
};

// A headless client like test::UiHarness, with the font source the test chooses.
class GlyphClient {
 public:
  GlyphClient(const std::string& dir, ui::FontFileSource fonts) {
    ctx_ = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(768, 1024);
    io.DeltaTime = 1.0f / 60.0f;
    store_ = std::make_unique<core::Store>(core::store_path_in(dir));
    app::AppOptions o;
    o.data_dir = dir;
    o.asset_dir = core::asset_dir();
    o.font_files = std::move(fonts);
    options_ = o;
  }
  ~GlyphClient() {
    app_.reset();
    store_.reset();
    ImGui::DestroyContext(ctx_);
  }
  core::Store& store() { return *store_; }
  app::App& app() {
    if (!app_) app_ = std::make_unique<app::App>(*store_, options_);
    return *app_;
  }
  // One frame as the platform runs it: rebuild between frames, then draw.
  bool frame() {
    const bool rebuilt = app().refresh_theme();
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    ImGui::GetIO().Fonts->GetTexDataAsAlpha8(&pixels, &w, &h);
    ImGui::NewFrame();
    app().frame();
    ImGui::Render();
    return rebuilt;
  }
  void frames(int n) {
    for (int i = 0; i < n; ++i) frame();
  }

 private:
  ImGuiContext* ctx_ = nullptr;
  std::unique_ptr<core::Store> store_;
  app::AppOptions options_;
  std::unique_ptr<app::App> app_;
};

bool has_glyph(ImFont* font, std::uint32_t cp) {
  return font->FindGlyphNoFallback(static_cast<ImWchar>(cp)) != nullptr;
}

bool every_text_font_has(std::uint32_t cp) {
  const ui::Fonts& f = ui::fonts();
  return has_glyph(f.body, cp) && has_glyph(f.bold, cp) && has_glyph(f.small, cp) && has_glyph(f.heading, cp);
}

core::Id add_person(core::Store& store, const std::string& name) {
  core::Id me = core::Id::random();
  store.create(core::Person{name, ""}, me);
  return me;
}

}  // namespace

TEST_CASE("glyphs: names in CJK, Arabic, Greek and Cyrillic from the store are in the rebuilt atlas", "[app][glyphs]") {
  test::TempDir dir;
  CountingFontSource fonts;
  GlyphClient client(dir.path(), fonts.source());
  add_person(client.store(), "李明");
  add_person(client.store(), "김지훈");
  add_person(client.store(), "سارة");
  add_person(client.store(), "Ελένη");
  add_person(client.store(), "Анна");
  client.frames(3);

  for (std::uint32_t cp : {0x674Eu /*李*/, 0x660Eu /*明*/, 0xAE40u /*김*/, 0x0633u /*س*/, 0x0629u /*ة*/, 0x0395u /*Ε*/,
                           0x03BBu /*λ*/, 0x0410u /*А*/, 0x043Du /*н*/}) {
    INFO("U+" << std::hex << cp);
    CHECK(every_text_font_has(cp));
  }
  // Hangul among the characters: the Korean face of the collection draws them.
  CHECK(fonts.asked_for_cjk());
  // The clock shows digits only; it never carries a script.
  CHECK_FALSE(has_glyph(ui::fonts().clock, 0x674E));
}

TEST_CASE("glyphs: typed characters of a new script are drawn from the next frame on", "[app][glyphs]") {
  test::TempDir dir;
  CountingFontSource fonts;
  GlyphClient client(dir.path(), fonts.source());
  client.frames(2);
  REQUIRE_FALSE(every_text_font_has(0x05E9));  // ש
  ImGui::GetIO().AddInputCharactersUTF8("שלום");
  CHECK(client.frame());  // rebuilt before this frame
  CHECK(every_text_font_has(0x05E9));
  CHECK(every_text_font_has(0x05DD));
  CHECK(std::count(fonts.asked.begin(), fonts.asked.end(), "NotoSansHebrew-Regular.ttf") == 1);
}

TEST_CASE("glyphs: a Latin-only session never loads the CJK font", "[app][glyphs]") {
  test::TempDir dir;
  CountingFontSource fonts;
  GlyphClient client(dir.path(), fonts.source());
  add_person(client.store(), "Zoë Łukasz-Ñúñez");
  client.store().drafts().save("note:x", "«¿Por qué?» — naïve café…");
  client.frames(3);
  ImGui::GetIO().AddInputCharactersUTF8("Ärger über Öl");
  client.frames(3);
  CHECK(fonts.asked.empty());
  CHECK(every_text_font_has(0x00EB));  // ë
  CHECK(every_text_font_has(0x0141));  // Ł
}

TEST_CASE("glyphs: a character no font draws shows the fallback glyph without a crash", "[app][glyphs]") {
  test::TempDir dir;
  CountingFontSource fonts;
  fonts.refuse = {"NotoSansThai-Regular.ttf", "NotoSansThai-Bold.ttf"};  // as if not installed
  fonts.garbage = {"NotoSansLao-Regular.ttf", "NotoSansLao-Bold.ttf"};   // an error page, not a font
  GlyphClient client(dir.path(), fonts.source());
  // A private-use character, an emoji beyond 16-bit ImWchar, a broken UTF-8 sequence, Thai
  // whose font cannot be had and Lao whose "font" is an error page.
  add_person(client.store(), "\xEE\x80\x80 \xF0\x9F\x98\x80 \xE4\xB8 \xC3 สมชาย ສົມ");
  ImGui::GetIO().AddInputCharactersUTF8("\xEE\x80\x81");
  client.frames(4);
  ImFont* body = ui::fonts().body;
  CHECK_FALSE(has_glyph(body, 0xE000));
  CHECK(body->FindGlyph(0xE000) == body->FallbackGlyph);
  CHECK(body->FallbackChar == 0xFFFD);                    // "�", not a "?" that looks like typed text
  CHECK(body->FindGlyph(0x0E2A) == body->FallbackGlyph);  // ส
  CHECK(body->FindGlyph(0x0EAA) == body->FallbackGlyph);  // ສ (Lao)
  CHECK(std::count(fonts.asked.begin(), fonts.asked.end(), "NotoSansThai-Regular.ttf") == 1);  // asked once
  CHECK_FALSE(fonts.asked_for_cjk());
}

TEST_CASE("glyphs: the desktop reads a large font off the frame and the atlas follows when it arrives",
          "[app][glyphs]") {
  test::TempDir dir;
  GlyphClient client(dir.path(), [](const std::string& name) {
    const platform::FontFile f = platform::font_file(name);
    ui::FontFileResult r;
    r.state = f.state == platform::FontFile::State::Ready     ? ui::FontFileResult::State::Ready
              : f.state == platform::FontFile::State::Missing ? ui::FontFileResult::State::Missing
                                                              : ui::FontFileResult::State::Loading;
    r.bytes = f.bytes;
    return r;
  });
  add_person(client.store(), "田中さくら");
  const auto start = std::chrono::steady_clock::now();
  client.frame();  // the first frame does not wait for the 20 MB collection
  const double first_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  WARN("first frame with the CJK font still loading: " << first_ms << " ms");
  // The loop looks again while the font is on its way, or draws at once when it has just arrived
  // (a slow first frame, e.g. under a sanitizer, can outlast the read).
  CHECK((client.app().wake_after_ms() >= 0 || client.app().animating() || every_text_font_has(0x7530)));
  for (int i = 0; i < 500 && !every_text_font_has(0x7530); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    client.frame();
  }
  CHECK(every_text_font_has(0x7530));  // 田
  CHECK(every_text_font_has(0x3055));  // さ
}

TEST_CASE("glyphs: the atlas grows with the characters in use, and stays small for Latin", "[app][glyphs]") {
  test::TempDir dir;
  CountingFontSource fonts;
  GlyphClient client(dir.path(), fonts.source());
  client.frames(2);
  const ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
  const int latin_w = atlas.TexWidth, latin_h = atlas.TexHeight;
  // A page of Chinese notes: 400 distinct common characters.
  std::string page;
  for (std::uint32_t cp = 0x4E00; cp < 0x4E00 + 400; ++cp) {
    char utf8[4] = {static_cast<char>(0xE0 | (cp >> 12)), static_cast<char>(0x80 | ((cp >> 6) & 0x3F)),
                    static_cast<char>(0x80 | (cp & 0x3F)), 0};
    page += utf8;
  }
  // The font is read once (this test's source reads it at once; the platform's reads it on a
  // thread), so the timed rebuild below is the atlas alone.
  ImGui::GetIO().AddInputCharactersUTF8("\xE4\xB8\x80");
  client.frame();
  client.store().drafts().save("note:page", page);
  client.app().glyphs().scan_store(client.store());
  const auto start = std::chrono::steady_clock::now();
  client.frame();
  const double rebuild_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  const int cjk_w = atlas.TexWidth, cjk_h = atlas.TexHeight;
  WARN("atlas at scale 1: Latin only " << latin_w << "x" << latin_h << " (" << latin_w * latin_h * 4 / 1024
                                       << " KB as RGBA), with 400 CJK characters " << cjk_w << "x" << cjk_h << " ("
                                       << cjk_w * cjk_h * 4 / 1024 << " KB); that rebuild took " << rebuild_ms
                                       << " ms");
  CHECK(every_text_font_has(0x4E00 + 399));
  CHECK(latin_w * latin_h <= 1024 * 1024);
  CHECK(cjk_w * cjk_h <= 2048 * 2048);
}

TEST_CASE("glyphs: UTF-8 is decoded one code point at a time, broken bytes become U+FFFD", "[app][glyphs]") {
  ui::UsedCodepoints used;
  CHECK(used.add_utf8("a\xC3\xA9 \xE6\x9D\x8E"));  // é 李
  CHECK(used.contains(0xE9));
  CHECK(used.contains(0x674E));
  CHECK_FALSE(used.add_utf8("\xC3\xA9"));  // nothing new
  CHECK(used.size() == 2);
  used.add_utf8("\xE6\x9D");  // cut short
  CHECK(used.contains(0xFFFD));
  used.add_utf8("\xF0\x9F\x98\x80");  // beyond 16-bit ImWchar: not kept
  CHECK(used.size() == 3);
}
