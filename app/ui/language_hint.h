// The gentle hint under a field where teachers write about a lesson: when the words sound like a
// judgement ("great job", "too slow", "they clearly understood"), one line per finding names the
// words and its category and suggests describing what happened instead. It only advises (nothing
// is blocked) and is recomputed only when the text changed, not per frame.
#pragma once
#include <string>

#include "core/language_guide.h"

namespace ui {

struct LanguageHint {
  std::string checked;  // the text the hint was computed for
  std::string text;     // the hint in plain words, one line per finding, "" = none

  // Recomputes the hint if `typed` changed since the last call (no guide: never a hint).
  void update(const core::LanguageGuide* guide, const std::string& typed);
  // update(), then the hint as a muted wrapped line when there is one.
  void draw(const core::LanguageGuide* guide, const std::string& typed);
};

}  // namespace ui
