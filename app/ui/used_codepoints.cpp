// The code points in use. See used_codepoints.h.
#include "app/ui/used_codepoints.h"

#include "core/utf8.h"

namespace ui {

namespace {
constexpr std::uint32_t kFirst = 0x80;   // ASCII is in every atlas already
constexpr std::uint32_t kLast = 0xFFFF;  // ImWchar is 16 bits in Debian's ImGui 1.86
}  // namespace

UsedCodepoints::UsedCodepoints() : bits_((kLast + 1) / 64, 0) {}

bool UsedCodepoints::add(std::uint32_t cp) {
  if (cp < kFirst || cp > kLast) return false;
  std::uint64_t& word = bits_[cp / 64];
  const std::uint64_t bit = std::uint64_t{1} << (cp % 64);
  if (word & bit) return false;
  word |= bit;
  ++count_;
  ++generation_;
  return true;
}

bool UsedCodepoints::contains(std::uint32_t cp) const { return cp <= kLast && (bits_[cp / 64] >> (cp % 64) & 1) != 0; }

bool UsedCodepoints::add_utf8(std::string_view text) {
  bool added = false;
  std::size_t pos = 0;
  while (pos < text.size()) {
    // Plain ASCII is the common case (and never new): skip it without decoding.
    if (static_cast<unsigned char>(text[pos]) < 0x80) {
      ++pos;
      continue;
    }
    added = add(next_codepoint(text, pos)) || added;
  }
  return added;
}

std::vector<std::uint32_t> UsedCodepoints::sorted() const {
  std::vector<std::uint32_t> out;
  out.reserve(count_);
  for (std::size_t w = 0; w < bits_.size(); ++w)
    for (std::uint64_t word = bits_[w]; word != 0; word &= word - 1)
      out.push_back(static_cast<std::uint32_t>(w * 64 + static_cast<std::size_t>(__builtin_ctzll(word))));
  return out;
}

std::uint32_t next_codepoint(std::string_view text, std::size_t& pos) {
  char32_t cp = 0;
  pos += core::utf8::decode(text, pos, cp);
  return static_cast<std::uint32_t>(cp);
}

}  // namespace ui
