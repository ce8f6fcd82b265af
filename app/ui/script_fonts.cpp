// The script-to-font table. See script_fonts.h.
#include "app/ui/script_fonts.h"

#include <algorithm>
#include <iterator>

namespace ui {

namespace {
// Bold CJK would be a second 20 MB file to read (and, in the browser, to download) for a
// heavier stroke; CJK labels use the regular weight in bold places instead.
const ScriptFont kArabic{"Arabic", "NotoSansArabic-Regular.ttf", "NotoSansArabic-Bold.ttf"};
const ScriptFont kArmenian{"Armenian", "NotoSansArmenian-Regular.ttf", "NotoSansArmenian-Bold.ttf"};
const ScriptFont kBengali{"Bengali", "NotoSansBengali-Regular.ttf", "NotoSansBengali-Bold.ttf"};
const ScriptFont kCjk{"CJK", "NotoSansCJK-Regular.ttc", "NotoSansCJK-Regular.ttc", true};
const ScriptFont kDevanagari{"Devanagari", "NotoSansDevanagari-Regular.ttf", "NotoSansDevanagari-Bold.ttf"};
const ScriptFont kEthiopic{"Ethiopic", "NotoSansEthiopic-Regular.ttf", "NotoSansEthiopic-Bold.ttf"};
const ScriptFont kGeorgian{"Georgian", "NotoSansGeorgian-Regular.ttf", "NotoSansGeorgian-Bold.ttf"};
const ScriptFont kGujarati{"Gujarati", "NotoSansGujarati-Regular.ttf", "NotoSansGujarati-Bold.ttf"};
const ScriptFont kGurmukhi{"Gurmukhi", "NotoSansGurmukhi-Regular.ttf", "NotoSansGurmukhi-Bold.ttf"};
const ScriptFont kHebrew{"Hebrew", "NotoSansHebrew-Regular.ttf", "NotoSansHebrew-Bold.ttf"};
const ScriptFont kKannada{"Kannada", "NotoSansKannada-Regular.ttf", "NotoSansKannada-Bold.ttf"};
const ScriptFont kKhmer{"Khmer", "NotoSansKhmer-Regular.ttf", "NotoSansKhmer-Bold.ttf"};
const ScriptFont kLao{"Lao", "NotoSansLao-Regular.ttf", "NotoSansLao-Bold.ttf"};
const ScriptFont kMalayalam{"Malayalam", "NotoSansMalayalam-Regular.ttf", "NotoSansMalayalam-Bold.ttf"};
const ScriptFont kMyanmar{"Myanmar", "NotoSansMyanmar-Regular.ttf", "NotoSansMyanmar-Bold.ttf"};
const ScriptFont kOriya{"Oriya", "NotoSansOriya-Regular.ttf", "NotoSansOriya-Bold.ttf"};
const ScriptFont kSinhala{"Sinhala", "NotoSansSinhala-Regular.ttf", "NotoSansSinhala-Bold.ttf"};
const ScriptFont kTamil{"Tamil", "NotoSansTamil-Regular.ttf", "NotoSansTamil-Bold.ttf"};
const ScriptFont kTelugu{"Telugu", "NotoSansTelugu-Regular.ttf", "NotoSansTelugu-Bold.ttf"};
const ScriptFont kThai{"Thai", "NotoSansThai-Regular.ttf", "NotoSansThai-Bold.ttf"};

struct Block {
  std::uint32_t first, last;
  const ScriptFont* font;
};
// Unicode blocks, ascending and disjoint. What is not listed goes to Noto Sans.
const Block kBlocks[] = {
    {0x0530, 0x058F, &kArmenian}, {0x0590, 0x05FF, &kHebrew},     {0x0600, 0x06FF, &kArabic},
    {0x0750, 0x077F, &kArabic},   {0x08A0, 0x08FF, &kArabic},     {0x0900, 0x097F, &kDevanagari},
    {0x0980, 0x09FF, &kBengali},  {0x0A00, 0x0A7F, &kGurmukhi},   {0x0A80, 0x0AFF, &kGujarati},
    {0x0B00, 0x0B7F, &kOriya},    {0x0B80, 0x0BFF, &kTamil},      {0x0C00, 0x0C7F, &kTelugu},
    {0x0C80, 0x0CFF, &kKannada},  {0x0D00, 0x0D7F, &kMalayalam},  {0x0D80, 0x0DFF, &kSinhala},
    {0x0E00, 0x0E7F, &kThai},     {0x0E80, 0x0EFF, &kLao},        {0x1000, 0x109F, &kMyanmar},
    {0x10A0, 0x10FF, &kGeorgian}, {0x1100, 0x11FF, &kCjk},        {0x1200, 0x139F, &kEthiopic},
    {0x1780, 0x17FF, &kKhmer},    {0x19E0, 0x19FF, &kKhmer},      {0x1C90, 0x1CBF, &kGeorgian},
    {0x2D00, 0x2D2F, &kGeorgian}, {0x2D80, 0x2DDF, &kEthiopic},   {0x2E80, 0x2FDF, &kCjk},
    {0x3000, 0x9FFF, &kCjk},      {0xA8E0, 0xA8FF, &kDevanagari}, {0xA960, 0xA97F, &kCjk},
    {0xAC00, 0xD7FF, &kCjk},      {0xF900, 0xFAFF, &kCjk},        {0xFB13, 0xFB17, &kArmenian},
    {0xFB1D, 0xFB4F, &kHebrew},   {0xFB50, 0xFDFF, &kArabic},     {0xFE30, 0xFE4F, &kCjk},
    {0xFE70, 0xFEFE, &kArabic},   {0xFF00, 0xFFEF, &kCjk},
};

bool in(std::uint32_t cp, std::uint32_t first, std::uint32_t last) { return cp >= first && cp <= last; }
}  // namespace

const ScriptFont* script_font_for(std::uint32_t cp) {
  auto it = std::upper_bound(std::begin(kBlocks), std::end(kBlocks), cp,
                             [](std::uint32_t c, const Block& b) { return c < b.first; });
  if (it == std::begin(kBlocks)) return nullptr;
  --it;
  return cp <= it->last ? it->font : nullptr;
}

int cjk_face(const std::vector<std::uint32_t>& used) {
  constexpr int kJapanese = 0, kKorean = 1, kSimplifiedChinese = 2;  // order in NotoSansCJK-*.ttc
  bool hangul = false;
  for (std::uint32_t cp : used) {
    if (in(cp, 0x3040, 0x30FF) || in(cp, 0x31F0, 0x31FF)) return kJapanese;  // hiragana, katakana
    if (in(cp, 0xAC00, 0xD7AF) || in(cp, 0x1100, 0x11FF) || in(cp, 0x3130, 0x318F)) hangul = true;
  }
  return hangul ? kKorean : kSimplifiedChinese;
}

std::vector<std::string> script_font_files() {
  std::vector<std::string> files;
  for (const Block& b : kBlocks)
    for (const char* f : {b.font->regular_file, b.font->bold_file})
      if (std::find(files.begin(), files.end(), f) == files.end()) files.emplace_back(f);
  return files;
}

}  // namespace ui
