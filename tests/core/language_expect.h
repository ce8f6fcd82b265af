// The check several language-guide tests make of a list of verdicts: each text gets a finding,
// the first of the expected category, with a suggestion to show.
#pragma once
#include <catch2/catch.hpp>

#include <utility>
#include <vector>

#include "core/language_guide.h"

inline void check_first_finding_is(const core::LanguageGuide& g,
                                   const std::vector<std::pair<const char*, core::LanguageCategory>>& cases) {
  for (const auto& [text, category] : cases) {
    INFO(text);
    const auto f = g.check(text);
    REQUIRE_FALSE(f.empty());
    CHECK(f[0].category == category);
    CHECK_FALSE(f[0].suggestion.empty());
  }
}
