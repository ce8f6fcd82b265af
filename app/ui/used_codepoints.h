// The set of Unicode code points the client has shown or been given (names and notes from the
// store, typed or pasted text): what the font atlas must hold glyphs for. Pure C++, no ImGui.
// Guarantees: only code points ImGui 1.86 can draw are kept (U+0080..U+FFFF: Debian's ImGui
// uses 16-bit ImWchar; ASCII is always in the atlas); malformed UTF-8 never throws.
#pragma once
#include <cstdint>
#include <string_view>
#include <vector>

namespace ui {

class UsedCodepoints {
 public:
  UsedCodepoints();
  // Adds the code points of UTF-8 text; true if any was new.
  bool add_utf8(std::string_view text);
  // Adds one code point; true if it was new. Outside U+0080..U+FFFF it is ignored.
  bool add(std::uint32_t codepoint);
  bool contains(std::uint32_t codepoint) const;
  // Every code point added, ascending.
  std::vector<std::uint32_t> sorted() const;
  std::size_t size() const { return count_; }
  // Counts additions; a holder compares it with the value it last acted on.
  std::uint64_t generation() const { return generation_; }

 private:
  std::vector<std::uint64_t> bits_;  // one bit per BMP code point (8 KB)
  std::size_t count_ = 0;
  std::uint64_t generation_ = 0;
};

// Decodes UTF-8 one code point at a time (strictly, core/utf8.h); an invalid byte yields U+FFFD
// and advances one byte.
std::uint32_t next_codepoint(std::string_view text, std::size_t& pos);

}  // namespace ui
