// The language guide: each category, spans, quotations, case, UTF-8, word boundaries, and the
// messages a person gets for a bad lexicon file.
#include <catch2/catch.hpp>

#include <fstream>
#include <string>

#include "core/language_guide.h"
#include "language_expect.h"
#include "support/temp_dir.h"

using core::LanguageCategory;
using core::LanguageGuide;

namespace {

const LanguageGuide& builtin() {
  static const LanguageGuide guide = LanguageGuide::load_builtin();
  return guide;
}

// The flagged substrings, in order.
std::vector<std::string> flagged(const LanguageGuide& guide, const std::string& text) {
  std::vector<std::string> out;
  for (const auto& f : guide.check(text)) out.push_back(text.substr(f.start, f.end - f.start));
  return out;
}
using Words = std::vector<std::string>;

// A tiny lexicon for tests that must not depend on the shipped word lists.
const char* kSmallLexicon = R"({
  "format": 1,
  "praise": {"suggestion": "Say what you saw.", "phrases": ["great", "well done", "très bien", {"phrase": "nice job", "suggestion": "Name the move."}]},
  "criticism": {"suggestion": "Describe it.", "phrases": ["weak", "don't care"]},
  "prescription": {"suggestion": "Ask a question.", "phrases": ["you should", "next time, try", "^use"]},
  "exceptions": ["great lakes", "a great deal of", "^use of"]
})";

std::string bad_lexicon_message(const std::string& json) {
  try {
    LanguageGuide::parse(json, "lexicon.json");
  } catch (const std::runtime_error& e) {
    return e.what();
  }
  return "(no error)";
}

}  // namespace

TEST_CASE("language guide: praise, criticism and prescription are each flagged with their category",
          "[core][language]") {
  const auto& g = builtin();
  auto praise = g.check("Great lesson today.");
  REQUIRE(praise.size() == 1);
  CHECK(praise[0].category == LanguageCategory::Praise);
  CHECK(std::string(core::category_name(praise[0].category)) == "praise");
  CHECK_FALSE(praise[0].suggestion.empty());

  auto criticism = g.check("The closure was weak.");
  REQUIRE(criticism.size() == 1);
  CHECK(criticism[0].category == LanguageCategory::Criticism);
  CHECK(std::string(core::category_name(criticism[0].category)) == "criticism");

  auto prescription = g.check("You should call on the back row.");
  REQUIRE(prescription.size() == 1);
  CHECK(prescription[0].category == LanguageCategory::Prescription);
  CHECK(std::string(core::category_name(prescription[0].category)) == "prescription");
}

TEST_CASE("language guide: a span covers exactly the phrase, in bytes, longest phrase first", "[core][language]") {
  const auto g = LanguageGuide::parse(kSmallLexicon, "small.json");
  std::string text = "Nice job with the timer; the ending was weak. You should ask.";
  auto f = g.check(text);
  REQUIRE(f.size() == 3);
  CHECK(f[0].start == 0);
  CHECK(f[0].end == 8);
  CHECK(f[0].suggestion == "Name the move.");
  CHECK(text.substr(f[1].start, f[1].end - f[1].start) == "weak");
  CHECK(f[1].suggestion == "Describe it.");
  CHECK(text.substr(f[2].start, f[2].end - f[2].start) == "You should");
  CHECK(f[2].category == LanguageCategory::Prescription);
}

TEST_CASE("language guide: descriptive evidence, counts and open questions are not flagged", "[core][language]") {
  const auto& g = builtin();
  CHECK(g.check("The teacher asked 14 questions; 11 were closed.").empty());
  CHECK(g.check("What did you notice about who answered?").empty());
  CHECK(g.check("Transition to the tables: 4 min 20 s.").empty());
  CHECK(g.check("").empty());
}

TEST_CASE("language guide: verbatim speech inside quotation marks is evidence and not flagged", "[core][language]") {
  const auto& g = builtin();
  CHECK(g.check("The teacher said \"Great job, Jamal\" after his answer.").empty());
  CHECK(g.check("The teacher said \xE2\x80\x9C"
                "Excellent thinking!\xE2\x80\x9D to three students.")
            .empty());
  CHECK(g.check("Ms. Chen said, 'Well done, everyone,' before the bell.").empty());
  CHECK(g.check("The teacher said \xE2\x80\x98Nice work\xE2\x80\x99 twice.").empty());
  CHECK(g.check("Elle a dit \xC2\xAB great \xC2\xBB.").empty());
  SECTION("the words outside the quotation are still checked") {
    CHECK(flagged(g, "She said \"great job\" which was great.") == Words{"great"});
  }
  SECTION("an unmatched quotation mark hides nothing") {
    CHECK(flagged(g, "Great \"lesson") == Words{"Great"});
    CHECK(flagged(g, "\"Great lesson") == Words{"Great"});
  }
  SECTION("a quotation does not run past the end of the line") {
    CHECK(flagged(g, "He said \"stop\nGreat lesson\"") == Words{"Great"});
  }
  SECTION("apostrophes inside words are not quotation marks") {
    CHECK(flagged(g, "The students' work was excellent and they didn't stop.") == Words{"excellent"});
  }
}

TEST_CASE("language guide: case does not matter", "[core][language]") {
  const auto& g = builtin();
  CHECK(flagged(g, "EXCELLENT transitions") == Words{"EXCELLENT"});
  CHECK(flagged(g, "WeLL DoNe!") == Words{"WeLL DoNe"});
  CHECK(flagged(g, "YOU SHOULD wait") == Words{"YOU SHOULD"});
}

TEST_CASE("language guide: UTF-8 text is matched by code point, with accents folded", "[core][language]") {
  const auto g = LanguageGuide::parse(kSmallLexicon, "small.json");
  std::string text = "\xC3\x89lodie a dit TR\xC3\x88S BIEN, great.";  // "Élodie a dit TRÈS BIEN, great."
  auto f = g.check(text);
  REQUIRE(f.size() == 2);
  CHECK(text.substr(f[0].start, f[0].end - f[0].start) == "TR\xC3\x88S BIEN");
  CHECK(f[1].start == text.find("great"));
  SECTION("a curly apostrophe matches a straight one") {
    CHECK(flagged(g, "They don\xE2\x80\x99t care.") == Words{"don\xE2\x80\x99t care"});
  }
  SECTION("accented letters are part of words, so no match starts inside one") {
    CHECK(g.check("\xC3\xA9great greatness").empty());
  }
  SECTION("invalid bytes are separators and never read past the end") {
    CHECK(flagged(g, "\xFF\xFEgreat\xC3") == Words{"great"});
    CHECK(flagged(g, "great\xE2\x80") == Words{"great"});
  }
}

TEST_CASE("language guide: only whole words match", "[core][language]") {
  const auto& g = builtin();
  CHECK(g.check("The class greatly exceeded the goal.").empty());
  CHECK(g.check("A nicety of the routine: students pass papers left.").empty());
  CHECK(g.check("Goodness-of-fit lines on the scatter plot.").empty());
  CHECK(flagged(g, "Great! Nice.") == Words{"Great", "Nice"});
  SECTION("a phrase does not match across a full stop, but may across a hyphen") {
    const auto s = LanguageGuide::parse(kSmallLexicon, "small.json");
    CHECK(s.check("It went well. Done at 10:40.").empty());
    CHECK(flagged(s, "It was well-done.") == Words{"well-done"});
  }
  SECTION("a phrase written with a comma needs the comma") {
    const auto s = LanguageGuide::parse(kSmallLexicon, "small.json");
    CHECK(flagged(s, "Next time, try a timer.") == Words{"Next time, try"});
    CHECK(s.check("Next time try a timer.").empty());
  }
}

TEST_CASE("language guide: a phrase written with ^ matches only where a sentence starts", "[core][language]") {
  const auto g = LanguageGuide::parse(kSmallLexicon, "small.json");
  CHECK(flagged(g, "Use a timer.") == Words{"Use"});
  CHECK(flagged(g, "Three minutes. Use a timer!") == Words{"Use"});
  CHECK(flagged(g, "1. Use a timer") == Words{"Use"});
  CHECK(flagged(g, "Transitions:\n- Use a timer") == Words{"Use"});
  CHECK(g.check("Students use a timer for each rotation.").empty());
  CHECK(g.check("Use of the timer: three times.").empty());
  CHECK(g.check("They said \"go\" and use it.").empty());
}

TEST_CASE("language guide: near-miss exceptions are not flagged", "[core][language]") {
  const auto& g = builtin();
  CHECK(g.check("A good number of students raised hands.").empty());
  CHECK(g.check("Good morning routine: students took a folder.").empty());
  CHECK(g.check("The map showed the Great Lakes.").empty());
  CHECK(g.check("The room was poorly lit at the back.").empty());
  CHECK(g.check("The teacher pointed to the success criteria.").empty());
  CHECK(flagged(g, "A good number of students did a great job.") == Words{"great job"});
}

TEST_CASE("language guide: a bad lexicon file is refused with its file, line and field", "[core][language]") {
  SECTION("a phrase of the wrong type") {
    std::string json =
        "{\n\"format\": 1,\n\"praise\": {\"suggestion\": \"x\", \"phrases\": [\n\"great\",\n42\n]},\n"
        "\"criticism\": {\"suggestion\": \"x\", \"phrases\": [\"weak\"]},\n"
        "\"prescription\": {\"suggestion\": \"x\", \"phrases\": [\"you should\"]}\n}";
    CHECK(bad_lexicon_message(json) ==
          "lexicon.json:5: praise.phrases[1]: expected a string or an object {\"phrase\": ..., \"suggestion\": ...}");
  }
  SECTION("a JSON syntax error") {
    CHECK_THAT(bad_lexicon_message("{\n\"format\": 1,\n\"praise\" {}\n}"),
               Catch::StartsWith("lexicon.json:3: JSON syntax"));
  }
  SECTION("a missing category") {
    CHECK(bad_lexicon_message("{\"format\": 1}") == "lexicon.json:1: praise: is missing (it is required)");
  }
  SECTION("a phrase listed twice") {
    std::string json = R"({"format": 1, "praise": {"suggestion": "x", "phrases": ["great"]},
      "criticism": {"suggestion": "x", "phrases": ["Great"]}, "prescription": {"suggestion": "x", "phrases": ["should"]}})";
    CHECK_THAT(bad_lexicon_message(json),
               Catch::Contains("criticism.phrases[0]: \"great\" is already listed at praise.phrases[0]"));
  }
  SECTION("a phrase with punctuation inside") {
    std::string json = R"({"format": 1, "praise": {"suggestion": "x", "phrases": ["great. job"]},
      "criticism": {"suggestion": "x", "phrases": ["weak"]}, "prescription": {"suggestion": "x", "phrases": ["should"]}})";
    CHECK_THAT(bad_lexicon_message(json), Catch::Contains("praise.phrases[0]: may contain only words"));
  }
  SECTION("a file that does not exist") {
    testing_support::TempDir dir;
    CHECK_THROWS_WITH(LanguageGuide::load(dir.file("nope.json")), Catch::Contains("nope.json: cannot open"));
  }
  SECTION("a file on disk names its path") {
    testing_support::TempDir dir;
    std::ofstream(dir.file("lex.json")) << "{\"format\": 3}";
    CHECK_THROWS_WITH(LanguageGuide::load(dir.file("lex.json")),
                      Catch::Contains(dir.file("lex.json") + ":1: format: must be 1 or 2"));
  }
}

TEST_CASE("language guide: the shipped lexicon loads and has every category", "[core][language]") {
  const auto& g = builtin();
  CHECK(g.phrase_count() > 100);
  CHECK(g.exception_count() > 10);
  CHECK(g.is_evaluative("Nice job"));
  CHECK(g.is_evaluative("Lacking structure"));
  CHECK(g.is_evaluative("I recommend a timer"));
}

TEST_CASE("language guide: any bytes at all give in-bounds, ordered, non-overlapping spans", "[core][language]") {
  const auto& g = builtin();
  // Random mixes of ASCII, quotes, apostrophes, accented capitals, curly quotes and broken UTF-8.
  const char* const pieces[] = {"great",
                                " ",
                                "job",
                                ",",
                                "\"",
                                "'",
                                "\xE2\x80\x9C",
                                "\xE2\x80\x9D",
                                "\xE2\x80\x99",
                                "\xC3\x89",
                                "\xC5\xB8",
                                "\xD0\x96",
                                "\xFF",
                                "\xC3",
                                "\xE2\x80",
                                "\n",
                                "-",
                                "you should",
                                "a good number of",
                                "\xF0\x9F\x98\x80",
                                "Nice",
                                "weak"};
  std::uint32_t state = 12345;
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    for (int k = 0; k < 30; ++k) {
      state = state * 1664525u + 1013904223u;
      text += pieces[(state >> 16) % std::size(pieces)];
    }
    std::size_t previous_end = 0;
    for (const auto& f : g.check(text)) {
      REQUIRE(f.start < f.end);
      REQUIRE(f.end <= text.size());
      REQUIRE(f.start >= previous_end);
      previous_end = f.end;
    }
  }
}

TEST_CASE("language guide: a very long word matches nothing and hides nothing after it", "[core][language]") {
  const auto& g = builtin();
  std::string long_word = "great" + std::string(400, 'a');
  CHECK(g.check(long_word).empty());
  CHECK(flagged(g, long_word + " great") == Words{"great"});
}

// [SECTION] Structural patterns and inference (issue 14)

namespace {

// The category and explanation of the one finding in `text`; fails the test when there is not exactly one.
core::LanguageFinding only_finding(const LanguageGuide& g, const std::string& text) {
  const auto f = g.check(text);
  INFO(text);
  REQUIRE(f.size() == 1);
  CHECK_FALSE(f[0].suggestion.empty());
  return f[0];
}

// A lexicon with one rule of each structural kind, so the tests do not depend on the shipped word lists.
const char* kStructuralLexicon = R"({
  "format": 2,
  "praise": {"suggestion": "Say what you saw.", "phrases": ["great"]},
  "criticism": {"suggestion": "Describe it.", "phrases": [
    {"phrase": "too", "then": ["*"], "within": 1, "suggestion": "Too is a degree."},
    {"phrase": "you", "then": ["lost", "rushed"], "within": 2, "statements_only": true, "suggestion": "You judges."}]},
  "prescription": {"suggestion": "Ask a question.", "phrases": ["^why didn't you"]},
  "inference": {"suggestion": "Say what you saw.", "phrases": [
    {"phrase": "i think", "then": ["too", "needed"], "within": 6, "statements_only": true, "suggestion": "Opinion."},
    {"phrase": "understood", "statements_only": true}]},
  "reported_speech": ["said", "told"],
  "exceptions": ["too and"]
})";

}  // namespace

TEST_CASE("language guide: the descriptive hard negatives of issue 14 stay quiet", "[core][language]") {
  const auto& g = builtin();
  CHECK(g.check("Teacher: 'Great, who can add to that?'").empty());
  CHECK(g.check("T: \"Great, who can add to that?\"").empty());
  CHECK(g.check("Students found the best-fit line on their scatter plots.").empty());
  CHECK(g.check("Which is the most efficient solution for 48 x 25?").empty());
  CHECK(g.check("What were you hoping students would notice?").empty());
  CHECK(g.check("What do you think students understood from the demo?").empty());
  CHECK(g.check("How did you decide when to move on?").empty());
  SECTION("reported speech is someone else's words, like a quotation") {
    CHECK(g.check("The teacher said she thought the groups were too big.").empty());
    CHECK(g.check("Two students told me the instructions were confusing.").empty());
    CHECK(g.check("The teacher wondered whether the students understood the task.").empty());
  }
  SECTION("but the writer's own \"I thought\" is an opinion") {
    CHECK(g.is_evaluative("I thought the groups were too big."));
  }
}

TEST_CASE("language guide: the verdicts of issue 14 are caught, each with its category", "[core][language]") {
  const auto& g = builtin();
  using C = LanguageCategory;
  const std::vector<std::pair<const char*, C>> cases = {
      {"The opener really worked.", C::Praise},
      {"The middle section dragged.", C::Criticism},
      {"You lost some students during the read-aloud.", C::Criticism},
      {"The discussion got away from you.", C::Criticism},
      {"Students clearly understood the method.", C::Inference},
      {"They did not seem to care.", C::Inference},
      {"It went over their heads.", C::Inference},
      {"This class is behind.", C::Inference},
      {"Why didn't you call on the back row?", C::Prescription},
      {"Have you considered using mini whiteboards?", C::Prescription},
      {"I wish you had modeled the first problem.", C::Prescription},
      {"I think the groups were too big.", C::Inference},
      {"A more experienced teacher would have paused here.", C::Criticism},
      {"The pace was about right.", C::Criticism},
      {"The examples were not varied enough.", C::Criticism},
  };
  check_first_finding_is(g, cases);
  CHECK(std::string(core::category_name(C::Inference)) == "inference");
}

TEST_CASE("language guide: each structural kind is matched with its own explanation", "[core][language]") {
  const auto g = LanguageGuide::parse(kStructuralLexicon, "structural.json");
  SECTION("a follower within the same sentence extends the finding over it") {
    const std::string text = "I think the groups were too big.";
    const auto f = only_finding(g, text);
    CHECK(text.substr(f.start, f.end - f.start) == "I think the groups were too");
    CHECK(f.category == LanguageCategory::Inference);
    CHECK(f.suggestion == "Opinion.");
    CHECK(g.check("I think. The groups were quiet.").empty());              // the follower is in another sentence
    CHECK(g.check("I think the groups had seven students each.").empty());  // no follower at all
  }
  SECTION("\"*\" follows with any word, but not across a comma, and exceptions still win") {
    CHECK(only_finding(g, "The text was too hard.").suggestion == "Too is a degree.");
    CHECK(g.check("Me too, said Leo.").empty());
    CHECK(g.check("Leo came too and sat down.").empty());
  }
  SECTION("second person plus a judgement, in statements only") {
    CHECK(only_finding(g, "You rushed the closure.").suggestion == "You judges.");
    CHECK(g.check("What did you notice when you rushed?").empty());
    CHECK(g.check("You asked 14 questions.").empty());
  }
  SECTION("a leading question is a prescription") {
    CHECK(only_finding(g, "Why didn't you wait?").category == LanguageCategory::Prescription);
    CHECK(g.check("Why did you choose this text?").empty());
  }
  SECTION("a claim about students' minds is an inference in a statement, not in a question") {
    const auto f = only_finding(g, "Students understood the method.");
    CHECK(f.category == LanguageCategory::Inference);
    CHECK(f.suggestion == "Say what you saw.");
    CHECK(g.check("Which students understood the method?").empty());
  }
  SECTION("a reporting word quiets the rest of its sentence, not the next one") {
    CHECK(g.check("She said the text was too hard.").empty());
    CHECK(flagged(g, "She said the text was too hard. It was great.") == Words{"great"});
    CHECK(flagged(g, "She said \"hello\" and it was great.") == Words{"great"});  // the quotation is the speech
  }
}

TEST_CASE("language guide: every finding of a note is returned, in order", "[core][language]") {
  const auto& g = builtin();
  const std::string note =
      "Great energy. I wish you had modeled it. Students clearly understood the second part, but the plenary was "
      "too short.";
  const auto f = g.check(note);
  REQUIRE(f.size() == 4);
  CHECK(f[0].category == LanguageCategory::Praise);
  CHECK(f[1].category == LanguageCategory::Prescription);
  CHECK(f[2].category == LanguageCategory::Inference);
  CHECK(f[3].category == LanguageCategory::Criticism);
  for (std::size_t i = 1; i < f.size(); ++i) CHECK(f[i].start >= f[i - 1].end);
}

TEST_CASE("language guide: a format 2 lexicon is checked field by field", "[core][language]") {
  const std::string head = R"({"format": 2, "praise": {"suggestion": "x", "phrases": ["great"]},
    "criticism": {"suggestion": "x", "phrases": ["weak"]}, "prescription": {"suggestion": "x", "phrases": ["should"]},)";
  SECTION("inference is required in format 2") {
    CHECK_THAT(bad_lexicon_message(head + R"("exceptions": []})"), Catch::Contains("inference: is missing"));
  }
  SECTION("within needs then, and stays in range") {
    CHECK_THAT(bad_lexicon_message(
                   head + R"("inference": {"suggestion": "x", "phrases": [{"phrase": "seem", "within": 3}]}})"),
               Catch::Contains("inference.phrases[0].within: needs a \"then\" list"));
    CHECK_THAT(
        bad_lexicon_message(
            head +
            R"("inference": {"suggestion": "x", "phrases": [{"phrase": "i think", "then": ["too"], "within": 99}]}})"),
        Catch::Contains("inference.phrases[0].within: must be a whole number of words from 1 to 20"));
  }
  SECTION("format 1 files still load, without inference") {
    CHECK(LanguageGuide::parse(kSmallLexicon, "small.json").phrase_count() > 0);
  }
}

// [SECTION] The model, the guide's second opinion

namespace {

// A model with three words, so the test does not depend on the shipped weights.
const char* kSmallModel = R"({"format": 1, "trained_on": "test", "threshold": 1.0, "bias": -0.5,
  "suggestion": "A model thinks so.", "weights": {"flat": 2.0, "the middle": 1.0, "minutes": -3.0}})";

}  // namespace

TEST_CASE("language guide: the model flags a statement no phrase caught, as one inference over the sentence",
          "[core][language]") {
  auto g = LanguageGuide::parse(kStructuralLexicon, "structural.json");
  REQUIRE_FALSE(g.has_model());
  CHECK(g.check("The middle felt flat.").empty());
  g.add_model(kSmallModel, "model.json");
  REQUIRE(g.has_model());
  const std::string text = "Great start. The middle felt flat. The middle took 12 minutes.";
  const auto f = g.check(text);
  REQUIRE(f.size() == 2);
  CHECK(text.substr(f[0].start, f[0].end - f[0].start) == "Great");
  CHECK(text.substr(f[1].start, f[1].end - f[1].start) == "The middle felt flat");
  CHECK(f[1].category == LanguageCategory::Inference);
  CHECK(f[1].suggestion == "A model thinks so.");
  SECTION("never in a question, in reported speech or in a quotation") {
    CHECK(g.check("Did the middle feel flat?").empty());
    CHECK(g.check("She said the middle felt flat.").empty());
    CHECK(g.check("T: \"The middle felt flat.\"").empty());
  }
  SECTION("a sentence a phrase already flagged gets no second finding") {
    CHECK(flagged(g, "The middle was too slow and flat.") == Words{"too slow"});
  }
}

TEST_CASE("language guide: a bad model file is refused with its file, line and field", "[core][language]") {
  auto g = LanguageGuide::parse(kSmallLexicon, "small.json");
  auto message = [&](const std::string& json) {
    try {
      g.add_model(json, "model.json");
    } catch (const std::runtime_error& e) {
      return std::string(e.what());
    }
    return std::string("(no error)");
  };
  CHECK_THAT(message(R"({"format": 1, "threshold": 1, "bias": 0, "suggestion": "x", "weights": {"a b c": 1}})"),
             Catch::Contains("weights.a b c: must be one word or two words"));
  CHECK_THAT(message(R"({"format": 1, "threshold": "high", "bias": 0, "suggestion": "x", "weights": {"a": 1}})"),
             Catch::Contains("threshold: expected a number"));
  CHECK_THAT(message(R"({"format": 2})"), Catch::Contains("format: must be 1"));
  CHECK_FALSE(g.has_model());
}

TEST_CASE("language guide: the shipped guide carries the trained model", "[core][language]") {
  CHECK(builtin().has_model());
}
