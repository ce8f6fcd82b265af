// The one UTF-8 decoder of the code base (the language guide's scanner, soft wrapping, the glyph
// set, name matching all call it). Strict, as RFC 3629 says: overlong forms, surrogates
// (U+D800..U+DFFF), code points above U+10FFFF, stray continuation bytes and sequences cut short
// each decode as U+FFFD of length 1, so a caller always advances and never reads past the end.
// Header-only: the language guide calls it for every non-ASCII character it scans.
#pragma once
#include <cstddef>
#include <string_view>

namespace core::utf8 {

constexpr char32_t kReplacement = 0xFFFD;  // what an invalid byte decodes as

// Decodes the code point starting at s[i] (i < s.size()) into `cp` and returns its byte length,
// 1..4; an invalid or truncated sequence gives kReplacement and 1.
inline std::size_t decode(std::string_view s, std::size_t i, char32_t& cp) {
  auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
  const unsigned char c = b(0);
  const std::size_t n = s.size() - i;
  if (c < 0x80) {
    cp = c;
    return 1;
  }
  // C0 and C1 could only start overlong forms; F5..FF would be above U+10FFFF.
  if (c >= 0xC2 && c <= 0xDF && n >= 2 && (b(1) & 0xC0) == 0x80) {
    cp = static_cast<char32_t>(((c & 0x1F) << 6) | (b(1) & 0x3F));
    return 2;
  }
  if (c >= 0xE0 && c <= 0xEF && n >= 3 && (b(1) & 0xC0) == 0x80 && (b(2) & 0xC0) == 0x80) {
    cp = static_cast<char32_t>(((c & 0x0F) << 12) | ((b(1) & 0x3F) << 6) | (b(2) & 0x3F));
    if (cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF)) return 3;  // not overlong, not a surrogate
  } else if (c >= 0xF0 && c <= 0xF4 && n >= 4 && (b(1) & 0xC0) == 0x80 && (b(2) & 0xC0) == 0x80 &&
             (b(3) & 0xC0) == 0x80) {
    cp = static_cast<char32_t>(((c & 0x07) << 18) | ((b(1) & 0x3F) << 12) | ((b(2) & 0x3F) << 6) | (b(3) & 0x3F));
    if (cp >= 0x10000 && cp <= 0x10FFFF) return 4;  // not overlong, not above the last code point
  }
  cp = kReplacement;
  return 1;
}

// The byte length of the code point that ends at s[i - 1] (0 < i <= s.size()): the sequence that
// decode() reads there, or 1 when the bytes before `i` are not the end of a valid one.
inline std::size_t length_before(std::string_view s, std::size_t i) {
  std::size_t start = i - 1;
  while (start > 0 && i - start < 4 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
  char32_t cp = 0;
  return decode(s, start, cp) == i - start ? i - start : 1;
}

}  // namespace core::utf8
