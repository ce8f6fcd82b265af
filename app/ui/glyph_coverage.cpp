// Glyphs in use and the script fonts that draw them. See glyph_coverage.h.
#include "app/ui/glyph_coverage.h"

#include <algorithm>

namespace ui {

namespace {
// stb_truetype asserts on data that is not a font (an error page served as a font, a cut
// download): only TrueType, OpenType (CFF) and collection files reach the atlas.
FontFileResult checked(FontFileResult r) {
  if (r.state != FontFileResult::State::Ready) return r;
  const auto* b = r.bytes ? r.bytes->data() : nullptr;
  const bool font = r.bytes && r.bytes->size() >= 12 &&
                    ((b[0] == 0 && b[1] == 1 && b[2] == 0 && b[3] == 0) || std::equal(b, b + 4, "OTTO") ||
                     std::equal(b, b + 4, "true") || std::equal(b, b + 4, "ttcf"));
  if (!font) {
    r.state = FontFileResult::State::Missing;
    r.bytes.reset();
  }
  return r;
}
}  // namespace

GlyphCoverage::GlyphCoverage(FontFileSource source) : source_(std::move(source)) {}

bool GlyphCoverage::ready(const char* file) const {
  auto it = files_.find(file);
  return it != files_.end() && it->second.state == FontFileResult::State::Ready;
}

void GlyphCoverage::ask(const std::string& file) {
  if (!source_ || files_.count(file)) return;
  FontFileResult r = checked(source_(file));
  files_[file] = r;
  if (r.state == FontFileResult::State::Loading) pending_.push_back(file);
  if (r.state == FontFileResult::State::Ready) arrived_since_build_ = true;
}

bool GlyphCoverage::needs_rebuild() {
  if (used_.generation() != seen_generation_) {
    seen_generation_ = used_.generation();
    for (std::uint32_t cp : used_.sorted()) {
      if (built_.contains(cp)) continue;
      const ScriptFont* font = script_font_for(cp);
      if (!font) {
        drawable_new_ = true;  // Noto Sans draws it, or nothing does (then the fallback shows)
        continue;
      }
      ask(font->regular_file);
      ask(font->bold_file);
      if (ready(font->regular_file)) drawable_new_ = true;
    }
  }
  for (auto it = pending_.begin(); it != pending_.end();) {
    FontFileResult r = checked(source_(*it));
    if (r.state == FontFileResult::State::Loading) {
      ++it;
      continue;
    }
    files_[*it] = r;
    if (r.state == FontFileResult::State::Ready) arrived_since_build_ = true;
    it = pending_.erase(it);
  }
  return drawable_new_ || arrived_since_build_;
}

namespace {
// ImGui's range format: inclusive pairs, then a 0.
std::vector<ImWchar> to_ranges(const std::vector<std::uint32_t>& sorted) {
  std::vector<ImWchar> out;
  for (std::size_t i = 0; i < sorted.size();) {
    std::size_t j = i;
    while (j + 1 < sorted.size() && sorted[j + 1] == sorted[j] + 1) ++j;
    out.push_back(static_cast<ImWchar>(sorted[i]));
    out.push_back(static_cast<ImWchar>(sorted[j]));
    i = j + 1;
  }
  out.push_back(0);
  return out;
}
}  // namespace

void GlyphCoverage::prepare_build(const ImWchar* fixed) {
  const std::vector<std::uint32_t> used = used_.sorted();
  std::vector<std::uint32_t> base;
  for (const ImWchar* r = fixed; r && r[0]; r += 2)
    for (std::uint32_t cp = r[0]; cp <= r[1]; ++cp) base.push_back(cp);
  std::map<const ScriptFont*, std::vector<std::uint32_t>> by_font;
  for (std::uint32_t cp : used) {
    const ScriptFont* font = script_font_for(cp);
    if (!font) {
      base.push_back(cp);
      built_.add(cp);
    } else if (ready(font->regular_file)) {
      by_font[font].push_back(cp);
      built_.add(cp);
    }
  }
  std::sort(base.begin(), base.end());
  base.erase(std::unique(base.begin(), base.end()), base.end());
  base_ranges_ = to_ranges(base);

  merges_.clear();
  for (auto& [font, cps] : by_font) {
    ScriptMerge m;
    m.font = font;
    m.face = font->collection ? cjk_face(used) : 0;
    m.regular = files_.at(font->regular_file).bytes;
    m.bold = ready(font->bold_file) ? files_.at(font->bold_file).bytes : m.regular;
    m.ranges = to_ranges(cps);
    merges_.push_back(std::move(m));
  }
  drawable_new_ = false;
  arrived_since_build_ = false;
}

std::vector<std::string> GlyphCoverage::requested() const {
  std::vector<std::string> names;
  for (const auto& [name, result] : files_) names.push_back(name);
  return names;
}

}  // namespace ui
