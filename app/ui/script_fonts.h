// Which Noto font draws a code point that Noto Sans (the base font: Latin, Greek, Cyrillic,
// punctuation) lacks: one file per script from Debian's fonts-noto-core, and the CJK collection
// from fonts-noto-cjk. Pure data and lookups; nothing here reads a file.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace ui {

struct ScriptFont {
  const char* script;        // "Arabic", "CJK": for messages and docs
  const char* regular_file;  // file name, e.g. "NotoSansArabic-Regular.ttf"
  const char* bold_file;     // the bold file; CJK uses its regular file (see script_fonts.cpp)
  bool collection = false;   // a .ttc whose face is chosen by cjk_face()
};

// The script font for a code point, or nullptr when Noto Sans itself is meant to draw it (or no
// font draws it: then the atlas shows its fallback glyph).
const ScriptFont* script_font_for(std::uint32_t codepoint);

// The face of NotoSansCJK-*.ttc to use for the code points in use: Japanese when kana are among
// them, Korean when Hangul is (and no kana), else Simplified Chinese. Han characters differ in
// shape between these regions; text of one region is drawn consistently.
int cjk_face(const std::vector<std::uint32_t>& used);

// Every file named by the table (for packaging and tests).
std::vector<std::string> script_font_files();

}  // namespace ui
