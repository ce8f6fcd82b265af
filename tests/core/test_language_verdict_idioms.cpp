// The language guide on the kinds of verdict another writer's notes showed (held-out block 9):
// degree beyond "not enough", idioms of verdict, regret adverbs, the teacher doing the students'
// thinking, hedged wishes and opinion frames; and the descriptive writing those kinds must leave
// alone. The sentences are written for this test, in other words than the corpus.
#include <catch2/catch.hpp>

#include <string>
#include <utility>

#include "core/language_guide.h"
#include "language_expect.h"

using core::LanguageCategory;
using core::LanguageGuide;

namespace {

const LanguageGuide& shipped_guide_for_idioms() {
  static const LanguageGuide guide = LanguageGuide::load_builtin();
  return guide;
}

}  // namespace

TEST_CASE("language guide: verdicts without a verdict word are caught by their kind", "[core][language]") {
  const auto& g = shipped_guide_for_idioms();
  using C = LanguageCategory;
  const std::vector<std::pair<const char*, C>> cases = {
      // degree beyond "not ... enough"
      {"Nowhere near enough practice before the quiz.", C::Criticism},
      {"Not nearly as much pupil talk as the plan promised.", C::Criticism},
      {"Bit of a scramble at the end.", C::Criticism},
      // idioms of verdict
      {"The recap outstayed its welcome.", C::Criticism},
      {"The plenary was a damp squib.", C::Criticism},
      {"The group work ran out of steam after ten minutes.", C::Criticism},
      {"He had the class in the palm of his hand.", C::Praise},
      // regret said as an adverb is a verdict on what happened
      {"Sadly the starter took twenty minutes.", C::Criticism},
      // the teacher doing the students' work
      {"By q6 it was the teacher doing the thinking for them.", C::Criticism},
      // hedged wishes are advice, even as a question
      {"I did wonder whether the recap might have gone better as a quiz?", C::Prescription},
      {"The card sort would have worked better before the video.", C::Prescription},
      {"Even better if the key words were on the board.", C::Prescription},
      // opinion frames and doubts about students' minds
      {"Frankly the text was too easy for them.", C::Inference},
      {"Not convinced the objective meant much to the back row.", C::Inference},
      {"Y4 were giddy after the assembly.", C::Inference},
      // coaching-note frames: a label or an imperative that opens a sentence is advice or a verdict
      {"EBI: the key words on the board from the start.", C::Prescription},
      {"Tighten the transitions between the three tasks.", C::Prescription},
      {"The seating was dire for pair talk.", C::Criticism},
  };
  check_first_finding_is(g, cases);
}

TEST_CASE("language guide: the new kinds leave descriptive writing alone", "[core][language]") {
  const auto& g = shipped_guide_for_idioms();
  SECTION("an open wondering is a question to think about, not advice") {
    CHECK(g.check("I wonder what would happen if the groups had roles.").empty());
    CHECK(g.check("I wonder how the pairs were chosen.").empty());
  }
  SECTION("someone else's wondering or regret is reported speech") {
    CHECK(g.check("The teacher wondered whether the recap might have gone better.").empty());
    CHECK(g.check("T: \"Sadly we are out of time, pens down.\"").empty());
    CHECK(g.check("T: \"Bit of a mess in here, tidy up please.\"").empty());
    CHECK(g.check("T: \"Please check your answer with your partner.\"").empty());
  }
  SECTION("terse notes: a place is not a state of mind, an agreed step is not advice") {
    CHECK(g.check("Starter on board 9:02. Ss in 9:04.").empty());
    CHECK(g.check("Next step: the teacher will try three seconds of wait time.").empty());
    CHECK(g.check("Students sat nowhere near the board as the video played.").empty());
  }
}
