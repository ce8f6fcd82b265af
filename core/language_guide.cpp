// The language guide: lexicon loading and the matcher. A check scans the text once into folded
// words (quoted speech already left out), then walks the words once: a word that starts some
// lexicon phrase is found in an open-addressing table by its hash, and that word's phrases are
// tried longest first. Near-miss exceptions ("a good number of") win ties so they shadow the
// flagged word inside them; matched words are consumed, so findings never overlap.
// Structure on top of phrases, still in the same single walk: a phrase may require a follower later
// in its sentence ("i think" ... "too"), may count only in statements (not in a question), and a
// reporting word ("said", "told me") silences the rest of its sentence, as quotation marks do.
// Then the optional model scores each statement nothing flagged, from the same scanned words.
#include "core/language_guide.h"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <map>
#include <sstream>
#include <stdexcept>

#include "core/language/json_lines.h"
#include "core/language/text_scan.h"
#include "core/paths.h"

namespace core {

const char* category_name(LanguageCategory category) {
  switch (category) {
    case LanguageCategory::Praise:
      return "praise";
    case LanguageCategory::Criticism:
      return "criticism";
    case LanguageCategory::Prescription:
      return "prescription";
    case LanguageCategory::Inference:
      return "inference";
  }
  return "unknown";
}

namespace {

constexpr std::size_t kMaxPhraseWords = 8;
constexpr int kMaxWithin = 20;  // a follower is looked for at most this many words on

struct LexiconCategory {
  const char* name;
  LanguageCategory category;
};
constexpr LexiconCategory kCategories[] = {{"praise", LanguageCategory::Praise},
                                           {"criticism", LanguageCategory::Criticism},
                                           {"prescription", LanguageCategory::Prescription},
                                           {"inference", LanguageCategory::Inference}};

// Turns one phrase as written in the lexicon into folded words, with the scanner used on texts,
// so "Nice job", "nice-job" and "NICE JOB" are the same phrase.
// A leading "^" anchors the phrase to the start of a sentence (imperatives: "^use", "^make sure").
void set_phrase_words(LanguageGuide::Phrase& phrase, std::string text, const std::string& path) {
  if (!text.empty() && text[0] == '^') {
    phrase.sentence_start = true;
    text.erase(0, 1);
  }
  language::ScannedText scanned;
  language::scan_text(text, scanned);
  if (scanned.words.empty()) throw json::JsonFieldError(path, "has no words in it");
  if (scanned.words.size() > kMaxPhraseWords)
    throw json::JsonFieldError(path, "has more than " + std::to_string(kMaxPhraseWords) + " words");
  for (std::size_t i = 0; i < scanned.words.size(); ++i) {
    if (i > 0 && (scanned.words[i].gap == language::Gap::Break || scanned.words[i].gap == language::Gap::Sentence))
      throw json::JsonFieldError(
          path, "may contain only words separated by spaces, hyphens or one comma, found \"" + text + "\"");
    if (scanned.words[i].hash == language::kUnmatchable)
      throw json::JsonFieldError(path, "has a word longer than " + std::to_string(language::kMaxWordBytes) + " bytes");
    phrase.words.emplace_back(scanned.folded_word(scanned.words[i]));
    phrase.hashes.push_back(scanned.words[i].hash);
    phrase.gaps.push_back(static_cast<std::uint8_t>(scanned.words[i].gap));
  }
}

std::string phrase_text(const LanguageGuide::Phrase& phrase) {
  std::string s = phrase.sentence_start ? "^" : "";
  for (std::size_t i = 0; i < phrase.words.size(); ++i) {
    if (i > 0) s += phrase.gaps[i] == static_cast<std::uint8_t>(language::Gap::Comma) ? ", " : " ";
    s += phrase.words[i];
  }
  return s;
}

// The model's key for a pair of neighbouring words; never 0 (the empty slot).
std::uint64_t pair_key(std::uint64_t first, std::uint64_t second) {
  std::uint64_t k = (first * 0x9E3779B97F4A7C15ull) ^ (second + 0x632BE59BD9B4E019ull + (first >> 7));
  return k == 0 ? 1 : k;
}

// Does the sentence holding word `i` end with a question mark? Looks at the punctuation after the
// sentence's last word; `end` is where the walk may stop looking (the next sentence's first word).
bool sentence_is_question(std::string_view text, const std::vector<language::Word>& words, std::size_t i,
                          std::size_t& end) {
  std::size_t j = i + 1;
  while (j < words.size() && words[j].gap != language::Gap::Sentence) ++j;
  end = j;
  const std::size_t from = words[j - 1].end();
  const std::size_t to = j < words.size() ? words[j].start : text.size();
  for (std::size_t k = from; k < to; ++k) {
    const char c = text[k];
    if (c == '?') return true;
    if (c == '.' || c == '!' || c == ';' || c == '\n') return false;
  }
  return false;
}

}  // namespace

void LanguageGuide::add_phrase(Phrase phrase) { phrases_.push_back(std::move(phrase)); }

void LanguageGuide::build_table() {
  std::size_t size = 16;
  std::size_t first_words = phrases_.size();
  while (size < first_words * 4) size *= 2;  // at most a quarter full: a miss is usually one probe
  table_.assign(size, Slot{});
  for (std::uint32_t p = 0; p < phrases_.size(); ++p) {
    const std::string& first = phrases_[p].words.front();
    std::uint64_t h = phrases_[p].hashes.front();  // as the scanner computed it, never kUnmatchable
    for (std::size_t at = h & (size - 1);; at = (at + 1) & (size - 1)) {
      Slot& slot = table_[at];
      if (slot.word.empty()) {
        slot.hash = h;
        slot.word = first;
      }
      if (slot.hash == h && slot.word == first) {
        slot.phrases.push_back(p);
        break;
      }
    }
  }
  probe_.assign(size, 0);
  for (std::size_t at = 0; at < size; ++at)
    if (!table_[at].word.empty()) probe_[at] = table_[at].hash;
  for (Slot& slot : table_) {
    std::stable_sort(slot.phrases.begin(), slot.phrases.end(), [&](std::uint32_t a, std::uint32_t b) {
      const Phrase& pa = phrases_[a];
      const Phrase& pb = phrases_[b];
      if (pa.words.size() != pb.words.size()) return pa.words.size() > pb.words.size();
      return pa.exception && !pb.exception;
    });
  }
}

const LanguageGuide::Slot* LanguageGuide::find_first_word(std::uint64_t hash, std::string_view word) const {
  if (probe_.empty()) return nullptr;
  const std::size_t mask = probe_.size() - 1;
  for (std::size_t at = hash & mask;; at = (at + 1) & mask) {
    const std::uint64_t h = probe_[at];
    if (h == hash && table_[at].word == word) return &table_[at];
    if (h == 0) return nullptr;
  }
}

bool LanguageGuide::words_match(const Phrase& phrase, const language::ScannedText& scanned, std::size_t at,
                                bool any_first_gap) const {
  const auto& words = scanned.words;
  const std::size_t k = phrase.words.size();
  if (at + k > words.size()) return false;
  for (std::size_t j = 0; j < k; ++j) {
    const language::Word& w = words[at + j];
    if (w.hash == language::kUnmatchable) return false;
    if (j > 0 || !any_first_gap) {
      if (static_cast<std::uint8_t>(w.gap) != phrase.gaps[j]) return false;
    }
    if (phrase.hashes[j] == 0) continue;  // "*": any word (no real word hashes to 0)
    if (w.hash != phrase.hashes[j] || scanned.folded_word(w) != phrase.words[j]) return false;
  }
  return true;
}

std::size_t LanguageGuide::match_follower(const Phrase& phrase, const language::ScannedText& scanned,
                                          std::size_t at) const {
  const auto& words = scanned.words;
  for (std::size_t d = 0; d < phrase.within && at + d < words.size(); ++d) {
    const language::Gap gap = words[at + d].gap;
    if (gap == language::Gap::Sentence) return 0;
    const std::uint64_t hash = words[at + d].hash;
    for (std::uint32_t f = phrase.then_begin; f < phrase.then_end; ++f) {
      const std::uint64_t want = followers_[f].hashes.front();  // compared first: most followers differ here
      if ((want == 0 || want == hash) && words_match(followers_[f], scanned, at + d, d > 0))
        return d + followers_[f].words.size();
    }
  }
  return 0;
}

std::vector<LanguageFinding> LanguageGuide::check(std::string_view text) const {
  std::vector<LanguageFinding> findings;
  if (text.size() > 0xFFFFFF00u) text = text.substr(0, 0xFFFFFF00u);  // offsets are 32-bit in the scan
  thread_local language::ScannedText scanned;  // reused buffers: the client checks on every keystroke
  language::scan_text(text, scanned);
  const auto& words = scanned.words;
  bool reported = false;         // a reporting word was seen in this sentence: the rest is someone's words
  std::size_t sentence_end = 0;  // first word of the next sentence, when `question` is known
  bool question = false;
  std::size_t sentence_start = 0;
  thread_local std::vector<std::size_t> reported_sentences;  // first words of sentences with reported speech
  reported_sentences.clear();
  for (std::size_t i = 0; i < words.size();) {
    if (words[i].gap == language::Gap::Sentence) {
      reported = false;
      sentence_start = i;
    }
    const Slot* slot = words[i].hash == language::kUnmatchable
                           ? nullptr
                           : find_first_word(words[i].hash, scanned.folded_word(words[i]));
    std::size_t matched = 0;
    const Phrase* hit = nullptr;
    if (slot) {
      for (std::uint32_t p : slot->phrases) {
        const Phrase& phrase = phrases_[p];
        std::size_t k = phrase.words.size();
        if (i + k > words.size()) continue;
        if (phrase.sentence_start && words[i].gap != language::Gap::Sentence) continue;
        bool ok = true;
        for (std::size_t j = 1; j < k && ok; ++j)
          ok = words[i + j].hash == phrase.hashes[j] && static_cast<std::uint8_t>(words[i + j].gap) == phrase.gaps[j] &&
               scanned.folded_word(words[i + j]) == phrase.words[j];
        if (!ok) continue;
        if (phrase.statements_only) {
          if (i >= sentence_end) question = sentence_is_question(text, words, i, sentence_end);
          if (question) continue;
        }
        if (phrase.then_end != phrase.then_begin) {
          const std::size_t more = match_follower(phrase, scanned, i + k);
          if (more == 0) continue;
          k += more;
        }
        hit = &phrase;
        matched = k;
        break;
      }
    }
    if (!hit) {
      ++i;
      continue;
    }
    if (hit->reporting) {
      // "I said" / "I thought" is the writer's own view, not someone else's words; and when a
      // quotation follows ("said \"great\" which was great") the quotation marks already did the work.
      const bool mine = i > 0 && words[i].gap != language::Gap::Sentence && scanned.folded_word(words[i - 1]) == "i";
      const bool runs_on = i + matched < words.size() && (words[i + matched].gap == language::Gap::Space ||
                                                          words[i + matched].gap == language::Gap::Comma);
      if (!mine && runs_on && !reported) {
        reported = true;
        reported_sentences.push_back(sentence_start);
      }
    } else if (!hit->exception && !reported) {
      findings.push_back(
          LanguageFinding{words[i].start, words[i + matched - 1].end(), hit->category, suggestions_[hit->suggestion]});
    }
    i += matched;
  }
  if (model_.empty() || words.empty()) return findings;

  // The second opinion, sentence by sentence, only where the phrases found nothing.
  std::vector<LanguageFinding> guessed;
  std::size_t next_finding = 0, next_reported = 0;
  for (std::size_t s = 0; s < words.size();) {
    std::size_t e = s + 1;
    while (e < words.size() && words[e].gap != language::Gap::Sentence) ++e;
    const std::size_t begin = words[s].start, end = words[e - 1].end();
    while (next_finding < findings.size() && findings[next_finding].start < begin) ++next_finding;
    const bool found = next_finding < findings.size() && findings[next_finding].start < end;
    const bool quiet = next_reported < reported_sentences.size() && reported_sentences[next_reported] == s;
    if (quiet) ++next_reported;
    if (!found && !quiet) {
      float score = model_bias_;
      for (std::size_t i = s; i < e; ++i) {
        if (words[i].hash == language::kUnmatchable) continue;
        score += model_weight(words[i].hash);
        if (i > s && words[i - 1].hash != language::kUnmatchable)
          score += model_weight(pair_key(words[i - 1].hash, words[i].hash));
      }
      std::size_t unused = 0;  // the question test reads punctuation: only for a sentence that scored
      if (score > model_threshold_ && !sentence_is_question(text, words, s, unused))
        guessed.push_back(LanguageFinding{begin, end, LanguageCategory::Inference, suggestions_[model_suggestion_]});
    }
    s = e;
  }
  if (guessed.empty()) return findings;
  std::vector<LanguageFinding> merged;
  merged.reserve(findings.size() + guessed.size());
  std::merge(std::make_move_iterator(findings.begin()), std::make_move_iterator(findings.end()),
             std::make_move_iterator(guessed.begin()), std::make_move_iterator(guessed.end()),
             std::back_inserter(merged),
             [](const LanguageFinding& a, const LanguageFinding& b) { return a.start < b.start; });
  return merged;
}

float LanguageGuide::model_weight(std::uint64_t key) const {
  const std::size_t mask = model_.size() - 1;
  for (std::size_t at = key & mask;; at = (at + 1) & mask) {
    if (model_[at].key == key) return model_[at].weight;
    if (model_[at].key == 0) return 0;
  }
}

void LanguageGuide::add_model(std::string_view json_text, const std::string& file_name) {
  json::JsonWithLines doc;
  if (!doc.parse(json_text))
    throw std::runtime_error(file_name + ":" + std::to_string(doc.error_line()) + ": " + doc.error_message());
  try {
    const auto& root = json::object_at(doc.root(), "");
    json::check_members(root, "", {"format", "trained_on", "threshold", "bias", "suggestion", "weights"});
    const auto* format = json::member(root, "", "format", true);
    if (!format->IsInt() || format->GetInt() != 1)
      throw json::JsonFieldError("format", "must be 1 (this version reads model format 1)");
    auto number = [&](const char* name) {
      const auto* v = json::member(root, "", name, true);
      if (!v->IsNumber()) throw json::JsonFieldError(name, "expected a number");
      return static_cast<float>(v->GetDouble());
    };
    const float threshold = number("threshold");
    const float bias = number("bias");
    const std::string suggestion = json::string_at(*json::member(root, "", "suggestion", true), "suggestion", false);
    const auto& weights = json::object_at(*json::member(root, "", "weights", true), "weights");
    std::vector<ModelWeight> entries;
    language::ScannedText scanned;
    for (auto it = weights.MemberBegin(); it != weights.MemberEnd(); ++it) {
      const std::string name(it->name.GetString(), it->name.GetStringLength());
      const std::string path = json::member_path("weights", name.c_str());
      if (!it->value.IsNumber()) throw json::JsonFieldError(path, "expected a number");
      language::scan_text(name, scanned);
      const auto& w = scanned.words;
      if (w.empty() || w.size() > 2 || w[0].hash == language::kUnmatchable ||
          (w.size() == 2 && w[1].hash == language::kUnmatchable))
        throw json::JsonFieldError(path, "must be one word or two words separated by a space");
      const std::uint64_t key = w.size() == 1 ? w[0].hash : pair_key(w[0].hash, w[1].hash);
      entries.push_back(ModelWeight{key, static_cast<float>(it->value.GetDouble())});
    }
    if (entries.empty()) throw json::JsonFieldError("weights", "must list at least one word");
    std::size_t size = 16;
    while (size < entries.size() * 4) size *= 2;
    std::vector<ModelWeight> table(size);
    for (const ModelWeight& entry : entries) {
      std::size_t at = entry.key & (size - 1);
      while (table[at].key != 0 && table[at].key != entry.key) at = (at + 1) & (size - 1);
      table[at] = entry;
    }
    suggestions_.push_back(suggestion);
    model_suggestion_ = static_cast<std::uint32_t>(suggestions_.size() - 1);
    model_threshold_ = threshold;
    model_bias_ = bias;
    model_ = std::move(table);
  } catch (const json::JsonFieldError& e) {
    throw std::runtime_error(file_name + ":" + std::to_string(doc.line_of(e.field())) + ": " + e.field() + ": " +
                             e.what());
  }
}

namespace {

// Reads a phrase object's "then" and "within" (format 2) into `followers`.
void read_then(const rapidjson::Value& obj, const std::string& path, LanguageGuide::Phrase& phrase,
               std::vector<LanguageGuide::Phrase>& followers) {
  const auto* then = json::member(obj, path, "then", false);
  const auto* within = json::member(obj, path, "within", false);
  const std::string then_path = json::member_path(path, "then");
  const std::string within_path = json::member_path(path, "within");
  if (!then) {
    if (within) throw json::JsonFieldError(within_path, "needs a \"then\" list to apply to");
    return;
  }
  const auto& list = json::array_at(*then, then_path);
  if (list.Empty()) throw json::JsonFieldError(then_path, "must list at least one follower");
  phrase.within = 1;
  if (within) {
    if (!within->IsInt() || within->GetInt() < 1 || within->GetInt() > kMaxWithin)
      throw json::JsonFieldError(within_path,
                                 "must be a whole number of words from 1 to " + std::to_string(kMaxWithin));
    phrase.within = static_cast<std::uint8_t>(within->GetInt());
  }
  phrase.then_begin = static_cast<std::uint32_t>(followers.size());
  for (rapidjson::SizeType i = 0; i < list.Size(); ++i) {
    const std::string f_path = json::index_path(then_path, i);
    LanguageGuide::Phrase follower;
    const std::string text = json::string_at(list[i], f_path, false);
    if (text == "*") {  // any one word
      follower.words.emplace_back("*");
      follower.hashes.push_back(0);
      follower.gaps.push_back(static_cast<std::uint8_t>(language::Gap::Space));
    } else {
      set_phrase_words(follower, text, f_path);
      if (follower.sentence_start) throw json::JsonFieldError(f_path, "a follower cannot start a sentence (no \"^\")");
      follower.gaps.front() = static_cast<std::uint8_t>(language::Gap::Space);
    }
    followers.push_back(std::move(follower));
  }
  phrase.then_end = static_cast<std::uint32_t>(followers.size());
}

}  // namespace

LanguageGuide LanguageGuide::parse(std::string_view json_text, const std::string& file_name) {
  json::JsonWithLines doc;
  if (!doc.parse(json_text))
    throw std::runtime_error(file_name + ":" + std::to_string(doc.error_line()) + ": " + doc.error_message());
  LanguageGuide guide;
  std::map<std::string, std::string> seen;  // folded phrase -> field that listed it first
  auto remember = [&](const Phrase& phrase, const std::string& path) {
    auto [it, fresh] = seen.emplace(phrase_text(phrase), path);
    if (!fresh) throw json::JsonFieldError(path, "\"" + it->first + "\" is already listed at " + it->second);
  };
  try {
    const auto& root = json::object_at(doc.root(), "");
    json::check_members(
        root, "", {"format", "praise", "criticism", "prescription", "inference", "exceptions", "reported_speech"});
    const auto* format = json::member(root, "", "format", true);
    if (!format->IsInt() || (format->GetInt() != 1 && format->GetInt() != 2))
      throw json::JsonFieldError("format", "must be 1 or 2 (this version reads formats 1 and 2)");
    const int version = format->GetInt();
    for (const auto& cat : kCategories) {
      // Format 2 added inference and the structural fields; a format 1 file has no inference.
      const bool required = cat.category != LanguageCategory::Inference || version >= 2;
      const auto* member = json::member(root, "", cat.name, required);
      if (!member) continue;
      const auto& obj = json::object_at(*member, cat.name);
      json::check_members(obj, cat.name, {"suggestion", "phrases"});
      std::string sugg_path = json::member_path(cat.name, "suggestion");
      guide.suggestions_.push_back(json::string_at(*json::member(obj, cat.name, "suggestion", true), sugg_path, false));
      const auto category_suggestion = static_cast<std::uint32_t>(guide.suggestions_.size() - 1);
      std::string list_path = json::member_path(cat.name, "phrases");
      const auto& list = json::array_at(*json::member(obj, cat.name, "phrases", true), list_path);
      if (list.Empty()) throw json::JsonFieldError(list_path, "must list at least one phrase");
      for (rapidjson::SizeType i = 0; i < list.Size(); ++i) {
        std::string path = json::index_path(list_path, i);
        Phrase phrase;
        phrase.category = cat.category;
        phrase.suggestion = category_suggestion;
        if (list[i].IsString()) {
          set_phrase_words(phrase, json::string_at(list[i], path, false), path);
        } else if (list[i].IsObject()) {
          if (version >= 2)
            json::check_members(list[i], path, {"phrase", "suggestion", "then", "within", "statements_only"});
          else
            json::check_members(list[i], path, {"phrase", "suggestion"});
          std::string p_path = json::member_path(path, "phrase");
          set_phrase_words(phrase, json::string_at(*json::member(list[i], path, "phrase", true), p_path, false),
                           p_path);
          if (const auto* s = json::member(list[i], path, "suggestion", false)) {
            guide.suggestions_.push_back(json::string_at(*s, json::member_path(path, "suggestion"), false));
            phrase.suggestion = static_cast<std::uint32_t>(guide.suggestions_.size() - 1);
          }
          if (const auto* s = json::member(list[i], path, "statements_only", false))
            phrase.statements_only = json::bool_at(*s, json::member_path(path, "statements_only"));
          if (version >= 2) read_then(list[i], path, phrase, guide.followers_);
        } else {
          throw json::JsonFieldError(path, "expected a string or an object {\"phrase\": ..., \"suggestion\": ...}");
        }
        remember(phrase, path);
        guide.add_phrase(std::move(phrase));
      }
    }
    if (const auto* exceptions = json::member(root, "", "exceptions", false)) {
      const auto& list = json::array_at(*exceptions, "exceptions");
      for (rapidjson::SizeType i = 0; i < list.Size(); ++i) {
        std::string path = json::index_path("exceptions", i);
        Phrase phrase;
        phrase.exception = true;
        set_phrase_words(phrase, json::string_at(list[i], path, false), path);
        remember(phrase, path);
        guide.add_phrase(std::move(phrase));
        ++guide.exception_count_;
      }
    }
    if (const auto* reporting = json::member(root, "", "reported_speech", false)) {
      const auto& list = json::array_at(*reporting, "reported_speech");
      for (rapidjson::SizeType i = 0; i < list.Size(); ++i) {
        std::string path = json::index_path("reported_speech", i);
        Phrase phrase;
        phrase.reporting = true;
        set_phrase_words(phrase, json::string_at(list[i], path, false), path);
        remember(phrase, path);
        guide.add_phrase(std::move(phrase));
      }
    }
  } catch (const json::JsonFieldError& e) {
    throw std::runtime_error(file_name + ":" + std::to_string(doc.line_of(e.field())) + ": " + e.field() + ": " +
                             e.what());
  }
  guide.build_table();
  return guide;
}

LanguageGuide LanguageGuide::load(const std::string& lexicon_path) {
  std::ifstream in(lexicon_path, std::ios::binary);
  if (!in) throw std::runtime_error(lexicon_path + ": cannot open the lexicon file");
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) throw std::runtime_error(lexicon_path + ": cannot read the lexicon file");
  return parse(text.str(), lexicon_path);
}

LanguageGuide LanguageGuide::load_builtin() {
  LanguageGuide guide = load(asset_dir() + "/language/lexicon.json");
  // The model is optional: a build or a bundle without it still has every phrase and pattern.
  const std::string model_path = asset_dir() + "/language/model.json";
  std::ifstream in(model_path, std::ios::binary);
  if (in) {
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad()) throw std::runtime_error(model_path + ": cannot read the model file");
    guide.add_model(text.str(), model_path);
  }
  return guide;
}

}  // namespace core
