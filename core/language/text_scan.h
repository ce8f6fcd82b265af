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
  Break,   // first word, or any other punctuation, a newline or a quotation in between
  Space,   // only spaces, tabs and hyphens
  Comma,   // spaces/hyphens and exactly one comma
};

struct Word {
  std::uint32_t start = 0;       // byte offset in the scanned text
  std::uint32_t end = 0;         // one past the last byte
  std::uint32_t folded_at = 0;   // offset of the folded word in ScannedText::folded
  std::uint32_t folded_size = 0;
  std::uint64_t hash = 0;        // FNV-1a of the folded word
  Gap gap = Gap::Break;          // what separates it from the previous word
};

struct ScannedText {
  std::vector<Word> words;
  std::string folded;            // every folded word, back to back
  std::string_view folded_word(const Word& w) const { return std::string_view(folded).substr(w.folded_at, w.folded_size); }
};

// Scans `text` (texts over 4 GiB are refused by the caller). Reuses `out`'s buffers.
void scan_text(std::string_view text, ScannedText& out);

// FNV-1a over a folded word; scan_text computes the same value while it folds.
std::uint64_t word_hash(std::string_view folded);

}  // namespace core::language
