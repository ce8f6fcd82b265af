// The language hint under a field. See language_hint.h.
#include "app/ui/language_hint.h"

#include "app/ui/widgets.h"

namespace ui {

void LanguageHint::update(const core::LanguageGuide* guide, const std::string& typed) {
  if (checked == typed) return;
  checked = typed;
  text.clear();
  if (!guide || typed.empty()) return;
  const auto findings = guide->check(typed);
  if (findings.empty()) return;
  const auto& f = findings.front();
  const std::string words = typed.substr(f.start, f.end - f.start);
  text = "\xE2\x80\x9C" + words + "\xE2\x80\x9D sounds like " + core::category_name(f.category) + ". " + f.suggestion;
}

void LanguageHint::draw(const core::LanguageGuide* guide, const std::string& typed) {
  update(guide, typed);
  if (!text.empty()) muted_wrapped(text.c_str());
}

}  // namespace ui
