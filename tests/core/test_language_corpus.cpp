// The language guide against tests/data/language_corpus.tsv, sentences written by hand as a teacher
// would write them (evaluative and descriptive). Asserts precision and recall of "is this line
// evaluative?" and prints both, with every miss and false alarm, so a lexicon change shows its cost.
#include <catch2/catch.hpp>

#include <fstream>
#include <iostream>
#include <string>

#include "core/language_guide.h"

TEST_CASE("language corpus: precision and recall of the shipped lexicon are at least 0.9", "[core][language]") {
  const auto guide = core::LanguageGuide::load_builtin();
  std::ifstream in(PEEROBS_TEST_DATA_DIR "/language_corpus.tsv");
  REQUIRE(in);
  int true_pos = 0, false_pos = 0, false_neg = 0, true_neg = 0;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (line.empty() || line[0] == '#') continue;
    auto tab = line.find('\t');
    INFO("line " << number << ": " << line);
    REQUIRE(tab != std::string::npos);
    std::string label = line.substr(0, tab);
    REQUIRE((label == "evaluative" || label == "descriptive"));
    std::string sentence = line.substr(tab + 1);
    bool expected = label == "evaluative";
    bool found = guide.is_evaluative(sentence);
    if (expected && found)
      ++true_pos;
    else if (expected) {
      ++false_neg;
      std::cout << "  missed:      " << sentence << "\n";
    } else if (found) {
      ++false_pos;
      std::cout << "  false alarm: " << sentence << "\n";
    } else
      ++true_neg;
  }
  const int total = true_pos + false_pos + false_neg + true_neg;
  REQUIRE(total >= 300);
  REQUIRE(true_pos + false_pos > 0);
  const double precision = double(true_pos) / (true_pos + false_pos);
  const double recall = double(true_pos) / (true_pos + false_neg);
  std::cout << "language corpus: " << total << " sentences, precision " << precision << ", recall " << recall << " (tp "
            << true_pos << ", fp " << false_pos << ", fn " << false_neg << ", tn " << true_neg << ")\n";
  CHECK(precision >= 0.9);
  CHECK(recall >= 0.9);
}
