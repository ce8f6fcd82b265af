// The language guide: finds evaluative wording (praise, criticism, prescription) in notes, prompts
// and debrief notes, with its byte span and a suggestion for a descriptive rewrite.
// Guarantees: the phrases are data (assets/language/lexicon.json), never code; verbatim speech in
// quotation marks is evidence and never flagged; matching is by whole words, case-folded, UTF-8
// aware; one check is a single linear pass over the text (no regex per phrase). It only advises:
// nothing in peerobs refuses to save a text because of it.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace core {

enum class LanguageCategory { Praise, Criticism, Prescription };

// "praise", "criticism" or "prescription" (the names used in the lexicon and the CLI output).
const char* category_name(LanguageCategory category);

struct LanguageFinding {
  std::size_t start = 0;  // byte offset of the first byte of the phrase in the checked text
  std::size_t end = 0;    // byte offset one past its last byte
  LanguageCategory category = LanguageCategory::Praise;
  std::string suggestion;  // a descriptive rewrite hint, in plain words
};

class LanguageGuide {
 public:
  // Reads a lexicon file. Throws std::runtime_error naming the file, the line and the field
  // (e.g. "lexicon.json:12: praise.phrases[3]: expected a string or an object") when it is bad.
  static LanguageGuide load(const std::string& lexicon_path);
  // The lexicon shipped in assets: core::asset_dir() + "/language/lexicon.json".
  static LanguageGuide load_builtin();
  // Builds a guide from lexicon JSON text; `file_name` is only used in error messages.
  static LanguageGuide parse(std::string_view json_text, const std::string& file_name);

  // Every evaluative phrase outside quotation marks, in text order, never overlapping.
  std::vector<LanguageFinding> check(std::string_view text) const;
  bool is_evaluative(std::string_view text) const { return !check(text).empty(); }

  std::size_t phrase_count() const { return phrases_.size(); }
  std::size_t exception_count() const { return exception_count_; }

  // One lexicon entry, stored as folded words. Public so the matcher in language_guide.cpp can
  // build and walk it; callers use check().
  struct Phrase {
    std::vector<std::string> words;     // case-folded words, e.g. {"nice", "job"}
    std::vector<std::uint8_t> gaps;     // per word, the language::Gap the text must have before it
    bool sentence_start = false;        // written "^phrase": only where a sentence starts
    std::vector<std::uint64_t> hashes;  // per word, its hash, compared before the text
    bool exception = false;             // a near-miss: matched words are skipped, not flagged
    LanguageCategory category = LanguageCategory::Praise;
    std::uint32_t suggestion = 0;  // index into suggestions_
  };

 private:
  // Open-addressing table from a word's hash to the phrases that start with it (longest first).
  struct Slot {
    std::uint64_t hash = 0;
    std::string word;  // "" = empty slot
    std::vector<std::uint32_t> phrases;
  };
  const Slot* find_first_word(std::uint64_t hash, std::string_view word) const;
  void add_phrase(Phrase phrase);
  void build_table();

  std::vector<Phrase> phrases_;
  std::vector<std::string> suggestions_;
  std::vector<Slot> table_;           // size is a power of two, at most a quarter full
  std::vector<std::uint64_t> probe_;  // table_[i].hash, or 0 for an empty slot: probed without touching strings
  std::size_t exception_count_ = 0;
};

}  // namespace core
