// The word scanner behind the language guide. ASCII takes a table-driven fast path; other code
// points are decoded, classified (letter/digit vs punctuation/space) and case-folded for Latin-1,
// Latin Extended-A, Greek and Cyrillic, which covers the names and loan words teachers type.
#include "core/language/text_scan.h"

#include <array>
#include <cstring>

#include "core/utf8.h"

namespace core::language {

namespace {

constexpr std::uint64_t kFnvOffset = 1469598103934665603ull;
constexpr std::uint64_t kFnvPrime = 1099511628211ull;

enum : std::uint8_t { kOther = 0, kWordChar = 1, kJoiner = 2 };

struct AsciiTable {
  std::array<std::uint8_t, 128> kind{};
  std::array<char, 128> lower{};
  constexpr AsciiTable() {
    for (int c = 0; c < 128; ++c) {
      bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
      bool digit = c >= '0' && c <= '9';
      kind[c] = (alpha || digit) ? kWordChar : (c == ' ' || c == '\t' || c == '-') ? kJoiner : kOther;
      lower[c] = static_cast<char>((c >= 'A' && c <= 'Z') ? c + 32 : c);
    }
  }
};
constexpr AsciiTable kAscii;

inline bool is_word_code_point(char32_t cp) {
  if (cp < 0x80) return kAscii.kind[cp] == kWordChar;
  if (cp <= 0xBF) return cp == 0xAA || cp == 0xB5 || cp == 0xBA;  // ª µ º; the rest is punctuation
  if (cp == 0xD7 || cp == 0xF7) return false;                     // × ÷
  if (cp >= 0x2000 && cp <= 0x206F) return false;                 // spaces, dashes, quotes, ellipsis
  if (cp >= 0x2190 && cp <= 0x2BFF) return false;                 // arrows, math, boxes, symbols
  if (cp >= 0x2E00 && cp <= 0x2E7F) return false;                 // supplemental punctuation
  if (cp >= 0x3000 && cp <= 0x303F) return false;                 // CJK punctuation
  if (cp >= 0xFE30 && cp <= 0xFE4F) return false;
  if (cp >= 0xFF00 && cp <= 0xFF0F) return false;    // fullwidth punctuation
  if (cp >= 0x1F000 && cp <= 0x1FAFF) return false;  // emoji
  return cp != 0xFEFF && cp != 0xFFFD;
}

inline char32_t fold(char32_t cp) {
  if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) return cp + 0x20;
  if (cp >= 0x100 && cp <= 0x17F) {
    if ((cp <= 0x137 || (cp >= 0x14A && cp <= 0x177)) && cp % 2 == 0) return cp + 1;
    if (((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E)) && cp % 2 == 1) return cp + 1;
    if (cp == 0x178) return 0xFF;
    return cp;
  }
  if (cp >= 0x391 && cp <= 0x3A9 && cp != 0x3A2) return cp + 0x20;  // Greek capitals
  if (cp >= 0x410 && cp <= 0x42F) return cp + 0x20;                 // Cyrillic А..Я
  if (cp >= 0x400 && cp <= 0x40F) return cp + 0x50;                 // Cyrillic Ѐ..Џ
  return cp;
}

// Writes cp at out and returns the end. fold() keeps each code point's encoded length.
inline char* append_utf8(char* out, char32_t cp) {
  if (cp < 0x80) {
    *out++ = static_cast<char>(cp);
  } else if (cp < 0x800) {
    *out++ = static_cast<char>(0xC0 | (cp >> 6));
    *out++ = static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    *out++ = static_cast<char>(0xE0 | (cp >> 12));
    *out++ = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *out++ = static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    *out++ = static_cast<char>(0xF0 | (cp >> 18));
    *out++ = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    *out++ = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *out++ = static_cast<char>(0x80 | (cp & 0x3F));
  }
  return out;
}

inline bool word_at(std::string_view s, std::size_t i) {
  if (i >= s.size()) return false;
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return kAscii.kind[c] == kWordChar;
  char32_t cp;
  utf8::decode(s, i, cp);
  return is_word_code_point(cp);
}

inline bool is_apostrophe(char32_t cp) { return cp == '\'' || cp == 0x2019; }

// Which quotation mark opens at a code point, and what closes it.
enum class Quote { None, Straight, Curly, Guillemet, Single };

}  // namespace

void scan_text(std::string_view text, ScannedText& out) {
  out.words.clear();
  // Folding never makes a word longer (upper and lower case have the same UTF-8 length in the
  // folded ranges, and ’ becomes '), so each folded word is written over its own offset in a
  // buffer the size of the text, and the hot loop writes through a pointer.
  out.folded.resize(text.size());
  char* const folded_begin = out.folded.data();
  char* dst = folded_begin;
  if (out.words.capacity() < text.size() / 8) out.words.reserve(text.size() / 6);
  const std::size_t n = text.size();
  std::size_t line_end = 0;  // index of the '\n' ending the current line (or n); valid when > i
  bool line_end_known = false;
  std::size_t no_closer_until[5] = {0, 0, 0, 0, 0};  // per Quote kind: a search from before here failed
  Gap gap = Gap::Sentence;                           // the gap seen since the last word
  std::size_t i = 0;

  auto current_line_end = [&](std::size_t from) {
    if (!line_end_known || line_end < from) {
      const void* nl = std::memchr(text.data() + from, '\n', n - from);
      line_end = nl ? static_cast<std::size_t>(static_cast<const char*>(nl) - text.data()) : n;
      line_end_known = true;
    }
    return line_end;
  };

  // Returns the index just past the closing mark, or 0 when the quote does not close on this line.
  auto find_closer = [&](Quote kind, std::size_t from) -> std::size_t {
    std::size_t stop = current_line_end(from);
    std::size_t k = static_cast<std::size_t>(kind);
    if (from < no_closer_until[k]) return 0;
    for (std::size_t j = from; j < stop;) {
      char32_t cp;
      std::size_t len = utf8::decode(text, j, cp);
      bool closes = false;
      switch (kind) {
        case Quote::Straight:
          closes = cp == '"';
          break;
        case Quote::Curly:
          closes = cp == 0x201D || cp == '"';
          break;
        case Quote::Guillemet:
          closes = cp == 0xBB;
          break;
        case Quote::Single:
          // A closing single quote follows text and is not inside a word (unlike don't).
          closes = is_apostrophe(cp) && j > from && !word_at(text, j + len);
          break;
        case Quote::None:
          break;
      }
      if (closes) return j + len;
      j += len;
    }
    no_closer_until[k] = stop;
    return 0;
  };

  while (i < n) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    char32_t cp = c;
    std::size_t len = 1;
    if (c >= 0x80) len = utf8::decode(text, i, cp);

    if (c < 0x80 ? kAscii.kind[c] == kWordChar : is_word_code_point(cp)) {
      Word w;
      w.start = static_cast<std::uint32_t>(i);
      w.gap = gap;
      dst = folded_begin + i;
      std::uint64_t h = kFnvOffset;
      for (;;) {
        if (c < 0x80) {
          // ASCII run: the common case, kept to a table load, a store and a multiply per byte.
          do {
            char lc = kAscii.lower[c];
            *dst++ = lc;
            h = (h ^ static_cast<unsigned char>(lc)) * kFnvPrime;
            if (++i >= n) break;
            c = static_cast<unsigned char>(text[i]);
          } while (c < 0x80 && kAscii.kind[c] == kWordChar);
          if (i >= n) break;
          cp = c;
          len = 1;
          if (c >= 0x80) len = utf8::decode(text, i, cp);
        } else {
          char* before = dst;
          dst = append_utf8(dst, fold(cp));
          for (char* k = before; k < dst; ++k) h = (h ^ static_cast<unsigned char>(*k)) * kFnvPrime;
          i += len;
          if (i >= n) break;
          c = static_cast<unsigned char>(text[i]);
          cp = c;
          len = 1;
          if (c >= 0x80) len = utf8::decode(text, i, cp);
        }
        if (c < 0x80 ? kAscii.kind[c] == kWordChar : is_word_code_point(cp)) continue;
        if (is_apostrophe(cp) && word_at(text, i + len)) {
          // Keep the apostrophe in the word and fold ’ to ' so "don’t" matches "don't".
          *dst++ = '\'';
          h = (h ^ static_cast<unsigned char>('\'')) * kFnvPrime;
          i += len;
          c = static_cast<unsigned char>(text[i]);
          cp = c;
          len = 1;
          if (c >= 0x80) len = utf8::decode(text, i, cp);
          continue;
        }
        break;
      }
      const std::size_t size = i - w.start;
      if (size <= kMaxWordBytes) {
        w.size = static_cast<std::uint16_t>(size);
        w.folded_size = static_cast<std::uint8_t>(dst - (folded_begin + w.start));
        w.hash = h == kUnmatchable ? 1 : h;
      } else {
        // Too long for the 16-byte record and for any phrase: report it clipped, match nothing.
        w.size = static_cast<std::uint16_t>(kMaxWordBytes);
        w.folded_size = 0;
        w.hash = kUnmatchable;
      }
      out.words.push_back(w);
      gap = Gap::Space;
      continue;
    }

    Quote kind = Quote::None;
    if (cp == '"')
      kind = Quote::Straight;
    else if (cp == 0x201C)
      kind = Quote::Curly;
    else if (cp == 0xAB)
      kind = Quote::Guillemet;
    else if ((cp == '\'' || cp == 0x2018) && word_at(text, i + len))
      kind = Quote::Single;
    if (kind != Quote::None) {
      std::size_t after = find_closer(kind, i + len);
      if (gap != Gap::Sentence) gap = Gap::Break;
      i = after != 0 ? after : i + len;  // an unmatched mark is plain punctuation
      continue;
    }
    if (c == '.' || c == '!' || c == '?' || c == ';' || c == ':' || c == '\n' || cp == 0x2026)
      gap = Gap::Sentence;
    else if (c == ',' && gap == Gap::Space)
      gap = Gap::Comma;
    // Bullets, brackets and closing quotes after a sentence end do not stop the next word starting one.
    else if (gap != Gap::Sentence && !(c < 0x80 ? kAscii.kind[c] == kJoiner : cp == 0xA0))
      gap = Gap::Break;
    i += len;
  }
}

}  // namespace core::language
