// The language hint under a field. See language_hint.h.
#include "app/ui/language_hint.h"

#include "app/ui/widgets.h"

namespace ui {

void LanguageHint::update(const core::LanguageGuide* guide, const std::string& typed) {
  if (checked == typed) return;
  checked = typed;
  text.clear();
  if (!guide || typed.empty()) return;
  // Every finding gets its line: a note can praise, prescribe and infer at once, and the writer
  // should see all of it. A suggestion already shown is not repeated under the next finding.
  const std::string* last_suggestion = nullptr;
  for (const auto& f : guide->check(typed)) {
    if (!text.empty()) text += '\n';
    text += "\xE2\x80\x9C" + typed.substr(f.start, f.end - f.start) + "\xE2\x80\x9D sounds like " +
            core::category_name(f.category) + ".";
    if (!last_suggestion || *last_suggestion != f.suggestion) text += " " + f.suggestion;
    last_suggestion = &f.suggestion;
  }
}

void LanguageHint::draw(const core::LanguageGuide* guide, const std::string& typed) {
  update(guide, typed);
  if (!text.empty()) muted_wrapped(text.c_str());
}

}  // namespace ui
