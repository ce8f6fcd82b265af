// Splits a text into case-folded words for the language guide, in one pass over the bytes.
// Guarantees: word boundaries follow Unicode letters and digits (UTF-8 decoded, invalid bytes are
// separators, never read past the end); apostrophes inside a word (don't, don’t) stay in it; text
// inside a matched pair of quotation marks on one line ("...", “...”, «...», '...', ‘...’) yields
// no words at all, because verbatim speech is evidence, not the writer's judgement.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace core::language {

// What lies between a word and the one before it. Phrases match only across Space or Comma gaps
// (so "well. Done" is not "well done"), and a phrase written with a comma needs one in the text.
enum class Gap : std::uint8_t {
  Break,     // other punctuation or a quotation in between
  Space,     // only spaces, tabs and hyphens
  Comma,     // spaces/hyphens and exactly one comma
  Sentence,  // the word starts a sentence: first in the text, or after . ! ? ; : or a newline
};

// 16 bytes, because a check stores one per word of the text and the stores dominate its cost.
// A word's folded form sits in ScannedText::folded at the word's own offset (folding never
// lengthens a word), so no separate offset is kept.
struct Word {
  std::uint64_t hash = 0;        // FNV-1a of the folded word (kUnmatchable for over-long words)
  std::uint32_t start = 0;       // byte offset in the scanned text
  std::uint16_t size = 0;        // bytes in the text (words are at most kMaxWordBytes)
  std::uint8_t folded_size = 0;  // bytes of the folded form (0 for over-long words)
  Gap gap = Gap::Break;          // what separates it from the previous word
  std::uint32_t end() const { return start + size; }
};

// Longer runs of letters are still words (so nothing inside them matches) but never match a phrase.
constexpr std::size_t kMaxWordBytes = 255;
constexpr std::uint64_t kUnmatchable = 0;

struct ScannedText {
  std::vector<Word> words;
  std::string folded;  // folded words, each at its word's start offset; other bytes unspecified
  std::string_view folded_word(const Word& w) const { return std::string_view(folded).substr(w.start, w.folded_size); }
};

// Scans `text` (texts over 4 GiB are refused by the caller). Reuses `out`'s buffers.
void scan_text(std::string_view text, ScannedText& out);

}  // namespace core::language
