// Small text helpers every screen model shares: trimming what a person typed, and the title
// a visit goes by ("8B science · 2026-11-19"), a quote as shown.
#pragma once
#include <string>

#include "core/records.h"

namespace app {

// `s` without leading and trailing spaces, tabs and line breaks.
std::string trim(const std::string& s);
// The class name (or "Observation") and, when planned, " · " and the date.
std::string visit_title(const core::Observation& plan);
// A quote note as shown: in curly quotes, unless the observer already typed quotation marks.
std::string as_quote(const std::string& text);

}  // namespace app
