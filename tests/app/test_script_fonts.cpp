// The script-to-font table: each script's characters go to its Noto font, Latin, Greek and
// Cyrillic stay with Noto Sans, and every file the table names is installed by Debian's
// fonts-noto-core / fonts-noto-cjk (the web build copies the same files into its fonts/ folder).
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include "app/ui/script_fonts.h"

namespace {
std::string script_font_name(std::uint32_t cp) {
  const ui::ScriptFont* f = ui::script_font_for(cp);
  return f ? f->script : "Noto Sans";
}
}  // namespace

TEST_CASE("script fonts: each script's characters go to its own Noto font", "[app][glyphs]") {
  CHECK(script_font_name(0x674E) == "CJK");         // 李
  CHECK(script_font_name(0xAE40) == "CJK");         // 김
  CHECK(script_font_name(0x3042) == "CJK");         // あ
  CHECK(script_font_name(0x0628) == "Arabic");      // ب
  CHECK(script_font_name(0xFEB3) == "Arabic");      // a presentation form
  CHECK(script_font_name(0x05D0) == "Hebrew");      // א
  CHECK(script_font_name(0x0915) == "Devanagari");  // क
  CHECK(script_font_name(0x0E01) == "Thai");        // ก
  CHECK(script_font_name(0x10D0) == "Georgian");    // ა
}

TEST_CASE("script fonts: Latin, Greek, Cyrillic and punctuation stay with Noto Sans", "[app][glyphs]") {
  for (std::uint32_t cp : {0x00E9u, 0x0141u, 0x03A9u, 0x0416u, 0x2014u, 0x20ACu, 0xFFFDu, 0xE000u})
    CHECK(ui::script_font_for(cp) == nullptr);
}

TEST_CASE("script fonts: the CJK face follows the text: kana Japanese, Hangul Korean, else Chinese", "[app][glyphs]") {
  CHECK(ui::cjk_face({0x7530, 0x3055}) == 0);  // 田さ
  CHECK(ui::cjk_face({0x674E, 0xAE40}) == 1);  // 李김
  CHECK(ui::cjk_face({0x674E, 0x660E}) == 2);  // 李明
}

TEST_CASE("script fonts: every file the table names is installed by Debian's Noto packages", "[app][glyphs]") {
  for (const std::string& f : ui::script_font_files()) {
    INFO(f);
    CHECK((std::filesystem::is_regular_file("/usr/share/fonts/truetype/noto/" + f) ||
           std::filesystem::is_regular_file("/usr/share/fonts/opentype/noto/" + f)));
  }
}
