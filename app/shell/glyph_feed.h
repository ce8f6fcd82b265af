// Feeds the font atlas the characters the client shows: names and notes from the store (each
// version once, by its arrival order), drafts, and text typed or pasted into the active field.
// Text the screens draw comes from these, and the UI's own words are in the Latin ranges that
// are always there. App calls it around each frame; the atlas is rebuilt between frames only.
#pragma once
#include <cstdint>

#include "app/ui/glyph_coverage.h"
#include "core/store.h"

namespace app {

class GlyphFeed {
 public:
  explicit GlyphFeed(ui::FontFileSource source) : coverage_(std::move(source)) {}

  // Versions that arrived since the last call and every draft. Undecodable bodies are skipped
  // (a newer peer's type); the scan never throws for content.
  void scan_store(const core::Store& store);
  // Before NewFrame: characters queued by the platform for this frame.
  void note_input_queue();
  // After the frame: the text of the field being edited (typing, paste, an IME's result).
  void note_active_field();
  // True when the atlas should be rebuilt before the next frame (polls fonts on their way).
  bool needs_rebuild() { return coverage_.needs_rebuild(); }
  // A frame should follow soon: glyphs are ready to be built, or a font is still arriving.
  bool wants_frame() const { return rebuild_waiting_; }
  bool loading() const { return coverage_.loading(); }
  // Remembers, after a frame, whether the next one has a rebuild to do.
  void after_frame() { rebuild_waiting_ = coverage_.needs_rebuild(); }

  ui::GlyphCoverage& coverage() { return coverage_; }

 private:
  ui::GlyphCoverage coverage_;
  std::int64_t scanned_seq_ = 0;  // versions.seq already read
  bool rebuild_waiting_ = false;
};

}  // namespace app
