// Small values many tests spell out: ids from hex, a plain note, bytes from hex, and counting a
// text's occurrences. One definition here, so test files do not each keep their own copy (and the
// unity build, which joins test files, sees each name once).
#pragma once
#include <cstddef>
#include <string>

#include "core/records.h"

inline core::Id id(const std::string& hex) { return *core::Id::from_hex(hex); }

// A "noticing" note at t = 1 s in `obs`.
inline core::EvidenceNote note(core::Id obs, const std::string& text) {
  return core::EvidenceNote{obs, 1000, text, core::NoteKind::Noticing, {}};
}

// "0a1b..." -> the bytes it spells (pairs of hex digits).
inline std::string from_hex(const std::string& hex) {
  std::string out;
  for (std::size_t i = 0; i + 1 < hex.size(); i += 2)
    out.push_back(static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16)));
  return out;
}

// How many times `needle` occurs in `haystack`, without overlaps.
inline std::size_t count_of(const std::string& haystack, const std::string& needle) {
  std::size_t n = 0;
  for (auto at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + needle.size())) ++n;
  return n;
}
