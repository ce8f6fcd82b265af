// Which glyphs the font atlas must hold, and which script fonts it merges for them. ImGui 1.86
// has no dynamic glyphs: the atlas is rebuilt (between frames, by app::App) when a code point
// appears that it lacks and the font that draws it is at hand. Font files come from a
// FontFileSource, which the platform implements without blocking the frame (the desktop reads
// the file on a thread; the browser fetches it from the hub once and keeps it in its cache).
// Guarantees: a font file is asked for only when a code point of its script is in use, so a
// Latin-only session never loads the 20 MB CJK collection; a file that cannot be had is asked
// for once, and its characters show ImGui's fallback glyph.
#pragma once
#include <imgui.h>

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "app/ui/script_fonts.h"
#include "app/ui/used_codepoints.h"

namespace ui {

struct FontFileResult {
  enum class State { Loading, Ready, Missing };
  State state = State::Loading;
  std::shared_ptr<const std::vector<unsigned char>> bytes;  // the whole file, when Ready
};
// Reports a font file by name ("NotoSansArabic-Regular.ttf"); the first call starts loading it.
using FontFileSource = std::function<FontFileResult(const std::string& name)>;

// One script font merged into the atlas, with exactly the code points in use that it draws.
struct ScriptMerge {
  const ScriptFont* font = nullptr;
  int face = 0;                                               // index in a .ttc, else 0
  std::shared_ptr<const std::vector<unsigned char>> regular;  // file bytes, kept while merged
  std::shared_ptr<const std::vector<unsigned char>> bold;
  std::vector<ImWchar> ranges;  // ImGui's pairs, 0-terminated
};

class GlyphCoverage {
 public:
  // No source: only Noto Sans (Latin, Greek, Cyrillic) is ever in the atlas.
  explicit GlyphCoverage(FontFileSource source = nullptr);

  // Text that is, or is about to be, on screen; cheap for ASCII.
  void note(std::string_view utf8) { used_.add_utf8(utf8); }
  void note(std::uint32_t codepoint) { used_.add(codepoint); }
  const UsedCodepoints& used() const { return used_; }

  // Asks for the fonts newly needed, collects the ones that arrived; true when a rebuild would
  // add glyphs the last build lacked. Cheap when nothing changed (call it every frame).
  bool needs_rebuild();
  // True while a needed font file is still on its way (the loop should look again soon).
  bool loading() const { return !pending_.empty(); }

  // For the atlas build: computes Noto Sans's ranges (`fixed` plus the code points in use that
  // no script font claims) and the script merges, and marks them as built. What the accessors
  // return stays valid until the next call (ImGui reads ranges and font bytes during Build).
  void prepare_build(const ImWchar* fixed);
  const std::vector<ImWchar>& base_ranges() const { return base_ranges_; }
  const std::vector<ScriptMerge>& merges() const { return merges_; }

  // Every file name asked of the source so far (tests, diagnostics).
  std::vector<std::string> requested() const;

 private:
  void ask(const std::string& file);
  bool ready(const char* file) const;

  FontFileSource source_;
  UsedCodepoints used_;
  UsedCodepoints built_;                         // what the last build could draw
  std::uint64_t seen_generation_ = 0;            // used_ generation already looked at
  bool drawable_new_ = false;                    // a code point the last build lacks can be drawn now
  bool arrived_since_build_ = false;             // a needed font became ready after the last build
  std::map<std::string, FontFileResult> files_;  // by file name: what the source reported
  std::vector<std::string> pending_;             // asked for, still Loading
  std::vector<ImWchar> base_ranges_;
  std::vector<ScriptMerge> merges_;
};

}  // namespace ui
