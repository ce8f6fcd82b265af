// The language guide against tests/data/language_corpus.tsv, sentences written by hand as a teacher
// would write them (evaluative and descriptive). Asserts precision and recall of "is this line
// evaluative?" on the whole file and prints them per block ("# --- Held-out block N" starts one), with
// every miss and false alarm, so a lexicon change shows its cost and a held-out block its honest figure.
#include <catch2/catch.hpp>

#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "core/language_guide.h"

namespace {

struct CorpusTally {
  std::string name;
  int true_pos = 0, false_pos = 0, false_neg = 0, true_neg = 0;
  int total() const { return true_pos + false_pos + false_neg + true_neg; }
  double precision() const { return true_pos + false_pos ? double(true_pos) / (true_pos + false_pos) : 1.0; }
  double recall() const { return true_pos + false_neg ? double(true_pos) / (true_pos + false_neg) : 1.0; }
  void add(bool expected, bool found) {
    if (expected && found)
      ++true_pos;
    else if (expected)
      ++false_neg;
    else if (found)
      ++false_pos;
    else
      ++true_neg;
  }
  void print() const {
    std::cout << name << ": " << total() << " sentences, precision " << precision() << ", recall " << recall()
              << " (tp " << true_pos << ", fp " << false_pos << ", fn " << false_neg << ", tn " << true_neg << ")\n";
  }
};

}  // namespace

TEST_CASE("language corpus: precision and recall of the shipped guide are at least 0.9 on the whole file",
          "[core][language]") {
  const auto guide = core::LanguageGuide::load_builtin();
  std::ifstream in(PEEROBS_TEST_DATA_DIR "/language_corpus.tsv");
  REQUIRE(in);
  CorpusTally all{"language corpus"};
  std::vector<CorpusTally> blocks{CorpusTally{"  first block"}};
  const std::string block_marker = "# --- Held-out block ";
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (line.rfind(block_marker, 0) == 0) {
      blocks.push_back(CorpusTally{
          "  held-out block " +
          line.substr(block_marker.size(), line.find_first_of(" :", block_marker.size()) - block_marker.size())});
      continue;
    }
    if (line.empty() || line[0] == '#') continue;
    auto tab = line.find('\t');
    INFO("line " << number << ": " << line);
    REQUIRE(tab != std::string::npos);
    std::string label = line.substr(0, tab);
    REQUIRE((label == "evaluative" || label == "descriptive"));
    std::string sentence = line.substr(tab + 1);
    bool expected = label == "evaluative";
    bool found = guide.is_evaluative(sentence);
    if (expected && !found) std::cout << "  missed:      " << sentence << "\n";
    if (!expected && found) std::cout << "  false alarm: " << sentence << "\n";
    all.add(expected, found);
    blocks.back().add(expected, found);
  }
  REQUIRE(all.total() >= 300);
  REQUIRE(all.true_pos + all.false_pos > 0);
  all.print();
  for (const auto& b : blocks) b.print();
  // The whole file includes the held-out blocks (HELD_OUT in train_model.py), which neither the
  // lexicon nor the model learned from; their own figures are printed above and reported in
  // docs/language_guide.md.
  CHECK(all.precision() >= 0.9);
  CHECK(all.recall() >= 0.9);
}
