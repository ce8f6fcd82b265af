// The language guide: finds evaluative wording (praise, criticism, prescription, and inference: a
// claim about students' minds stated as fact) in notes, prompts and debrief notes, with its byte span
// and a suggestion that explains the finding and how to rewrite it descriptively.
// Guarantees: the phrases are data (assets/language/lexicon.json), never code; verbatim speech in
// quotation marks is evidence and never flagged; matching is by whole words, case-folded, UTF-8
// aware; reported speech ("she said the groups were too big") is left alone like a quotation; one
// check is a single linear pass over the text (no regex per phrase) plus, when a model is loaded,
// one pass over the sentences nothing flagged; every finding is returned. It only advises: nothing
// in peerobs refuses to save a text because of it.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace core {
namespace language {
struct ScannedText;
}

enum class LanguageCategory { Praise, Criticism, Prescription, Inference };

// "praise", "criticism", "prescription" or "inference" (the names used in the lexicon and the CLI output).
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

  // Every evaluative phrase outside quotation marks and reported speech, in text order, never overlapping.
  std::vector<LanguageFinding> check(std::string_view text) const;
  bool is_evaluative(std::string_view text) const { return !check(text).empty(); }

  // Adds the second opinion: a naive Bayes model over the words and word pairs of a sentence
  // (assets/language/model.json, written by assets/language/train_model.py from the corpus). A
  // statement no phrase flagged, not reported speech and not a question, whose score passes the
  // model's threshold becomes one inference finding over the sentence. Throws like parse().
  void add_model(std::string_view json_text, const std::string& file_name);
  bool has_model() const { return !model_.empty(); }

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
    bool reporting = false;             // "said", "told me": the rest of the sentence is reported speech
    bool statements_only = false;       // not in a sentence that ends with "?" (an open question may wonder)
    std::uint8_t within = 0;            // with `then`: how many words may come before the follower
    std::uint32_t then_begin = 0;       // [then_begin, then_end) index followers_: one of them must follow
    std::uint32_t then_end = 0;         // in the same sentence for the phrase to count ("i think" ... "too")
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
  // Does `phrase` match the words at `at`? The first word's gap is not compared when any_first_gap.
  bool words_match(const Phrase& phrase, const language::ScannedText& scanned, std::size_t at,
                   bool any_first_gap) const;
  // How many words from `at` up to and including a follower of `phrase` in the same sentence; 0 = none.
  std::size_t match_follower(const Phrase& phrase, const language::ScannedText& scanned, std::size_t at) const;
  void build_table();

  std::vector<Phrase> phrases_;
  std::vector<Phrase> followers_;  // the `then` phrases; a word "*" matches any word
  std::vector<std::string> suggestions_;
  // The model: open addressing from a word's hash (or a pair's mixed hashes) to its log-odds weight.
  struct ModelWeight {
    std::uint64_t key = 0;  // 0 = empty slot
    float weight = 0;
  };
  float model_weight(std::uint64_t key) const;
  std::vector<ModelWeight> model_;  // size is a power of two, at most a quarter full; empty = no model
  float model_bias_ = 0;
  float model_threshold_ = 0;
  std::uint32_t model_suggestion_ = 0;  // index into suggestions_
  std::vector<Slot> table_;             // size is a power of two, at most a quarter full
  std::vector<std::uint64_t> probe_;    // table_[i].hash, or 0 for an empty slot: probed without touching strings
  std::size_t exception_count_ = 0;
};

}  // namespace core
