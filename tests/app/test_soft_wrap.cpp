// Soft wrapping of multi-line fields: the display text wraps by words at the width, the stored text
// never changes, and every caret move and edit Dear ImGui makes on the display is the edit the
// teacher meant on the stored text. Edits are simulated the way Dear ImGui makes them: one code
// point (a soft break's '\r' and '\n' are one each) removed or typed at the display caret.
#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

#include "app/ui/soft_wrap.h"
#include "core/language/text_scan.h"
#include "core/utf8.h"

namespace sw = ui::soft_wrap;

namespace {

// A monospace font with wide CJK glyphs: ASCII 1 unit, U+3000 and up 2 units, the rest 1.
float advance(char32_t c) { return c >= 0x3000 ? 2.0f : 1.0f; }

// Visible width of each display line with its trailing (hanging) spaces left out.
std::vector<float> line_widths(const std::string& display) {
  std::vector<float> out;
  std::string line;
  auto finish = [&] {
    while (!line.empty() && line.back() == ' ') line.pop_back();
    float w = 0;
    for (std::size_t i = 0; i < line.size(); ++i) {
      const auto b = static_cast<unsigned char>(line[i]);
      if ((b & 0xC0) == 0x80) continue;  // continuation bytes belong to the glyph before
      w += b >= 0xE3 ? 2.0f : 1.0f;      // lead bytes of U+3000 and up
    }
    out.push_back(w);
    line.clear();
  };
  for (char c : display) {
    if (c == '\r') continue;
    if (c == '\n')
      finish();
    else
      line.push_back(c);
  }
  finish();
  return out;
}

bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Byte length of the code point starting at i / ending at i.
int next_len(const std::string& s, int i) {
  int n = 1;
  while (i + n < static_cast<int>(s.size()) && is_continuation(s[static_cast<std::size_t>(i + n)])) ++n;
  return n;
}
int prev_len(const std::string& s, int i) {
  int n = 1;
  while (i - n > 0 && is_continuation(s[static_cast<std::size_t>(i - n)])) ++n;
  return n;
}

// Caret offsets a teacher can rest on: every code point boundary but "just before a soft '\r'".
std::vector<int> resting_carets(const std::string& display) {
  std::vector<int> out;
  for (int i = 0; i <= static_cast<int>(display.size());
       i += i < static_cast<int>(display.size()) ? next_len(display, i) : 1) {
    if (i < static_cast<int>(display.size()) && display[static_cast<std::size_t>(i)] == '\r') continue;
    out.push_back(i);
  }
  return out;
}

const std::string kParagraph =
    "The back row wrote but did not speak during the first ten minutes, then three of them "
    "asked about the diagram.";

}  // namespace

TEST_CASE("soft wrap: short text is shown as it is", "[app][soft_wrap]") {
  CHECK(sw::wrap("Wait time felt longer", 40, advance) == "Wait time felt longer");
  CHECK(sw::wrap("", 10, advance).empty());
  CHECK(sw::line_count(sw::wrap("", 10, advance)) == 1);
}

TEST_CASE("soft wrap: lines break after the space between words", "[app][soft_wrap]") {
  CHECK(sw::wrap("the quick brown fox jumps", 10, advance) == "the quick \r\nbrown fox \r\njumps");
  SECTION("a word that exactly fills the line stays on it") {
    CHECK(sw::wrap("abcde fghij", 5, advance) == "abcde \r\nfghij");
  }
  SECTION("spaces hang past the edge instead of starting the next line") {
    CHECK(sw::wrap("abcd    efgh", 5, advance) == "abcd    \r\nefgh");
  }
}

TEST_CASE("soft wrap: a word longer than the line breaks inside the word", "[app][soft_wrap]") {
  CHECK(sw::wrap("abcdefghijklmnopqrstuvwxyz", 10, advance) == "abcdefghij\r\nklmnopqrst\r\nuvwxyz");
  CHECK(sw::wrap("see abcdefghijklmnop", 10, advance) == "see \r\nabcdefghij\r\nklmnop");
  SECTION("a glyph wider than the whole line still gets a line of its own") {
    CHECK(sw::wrap("\xE4\xB8\x80\xE4\xB8\x80", 1, advance) == "\xE4\xB8\x80\r\n\xE4\xB8\x80");
  }
}

TEST_CASE("soft wrap: hard newlines stay and each line wraps on its own", "[app][soft_wrap]") {
  CHECK(sw::wrap("one two three\n\nfour five six", 8, advance) == "one two \r\nthree\n\nfour \r\nfive six");
  CHECK(sw::line_count("one two \r\nthree\n\nfour \r\nfive six") == 5);
}

TEST_CASE("soft wrap: multi-byte text breaks between code points and by glyph width", "[app][soft_wrap]") {
  const std::string e2 = "\xC3\xA9";             // é, 2 bytes, 1 unit
  const std::string cjk = "\xE5\xAD\xA6";        // 学, 3 bytes, 2 units
  const std::string emoji = "\xF0\x9F\x99\x82";  // 🙂, 4 bytes, 2 units
  std::string word;
  for (int i = 0; i < 7; ++i) word += e2;
  CHECK(sw::wrap(word, 3, advance) == e2 + e2 + e2 + "\r\n" + e2 + e2 + e2 + "\r\n" + e2);
  CHECK(sw::wrap(cjk + cjk + cjk, 5, advance) == cjk + cjk + "\r\n" + cjk);
  CHECK(sw::wrap(emoji + emoji + " " + emoji, 4, advance) == emoji + emoji + " \r\n" + emoji);
  SECTION("invalid bytes count as one replacement glyph (2 units here) each and survive") {
    const std::string bad = "ab\xFF\xC3zz";
    CHECK(sw::wrap(bad, 4, advance) == "ab\xFF\r\n\xC3zz");
    CHECK(sw::unwrap(sw::wrap(bad, 4, advance)) == bad);
  }
}

TEST_CASE("soft wrap: malformed UTF-8 reads as the language guide's scanner reads it, one U+FFFD a byte",
          "[app][soft_wrap][utf8]") {
  constexpr char32_t R = core::utf8::kReplacement;
  const std::vector<std::pair<const char*, std::string>> cases = {
      {"overlong '/'", "\xC0\xAF"},    {"overlong in three bytes", "\xE0\x80\xAF"},
      {"a surrogate", "\xED\xA0\x80"}, {"above U+10FFFF", "\xF4\x90\x80\x80"},
      {"cut short", "\xE5\xAD"},       {"a stray continuation byte", "\x80"},
  };
  for (const auto& [what, bad] : cases) {
    INFO(what);
    const std::string text = "ab" + bad + "cd";
    std::vector<char32_t> seen;  // what wrapping asked the font about, in order
    sw::wrap(text, 100, [&](char32_t c) {
      seen.push_back(c);
      return 1.0f;
    });
    std::vector<char32_t> want = {'a', 'b'};
    want.insert(want.end(), bad.size(), R);
    want.insert(want.end(), {'c', 'd'});
    CHECK(seen == want);
    // The scanner sees the same replacement characters: not letters, so they part the words.
    core::language::ScannedText scanned;
    core::language::scan_text(text, scanned);
    REQUIRE(scanned.words.size() == 2);
    CHECK(scanned.folded_word(scanned.words[0]) == "ab");
    CHECK(scanned.folded_word(scanned.words[1]) == "cd");
    // At a width of one glyph every character gets a line of its own: the loop ends, and no break
    // falls inside a character.
    const std::string narrow = sw::wrap(text, 1, advance);
    CHECK(sw::unwrap(narrow) == text);
    CHECK(narrow == "a\r\nb" + [&] {
      std::string lines;
      for (char c : bad) lines += std::string("\r\n") + c;
      return lines;
    }() + "\r\nc\r\nd");
  }
  // A valid letter in the same place is one word and one glyph.
  core::language::ScannedText scanned;
  core::language::scan_text(
      "ab\xC3\xA9"
      "cd",
      scanned);
  CHECK(scanned.words.size() == 1);
  CHECK(sw::wrap("ab\xC3\xA9"
                 "cd",
                 2, advance) ==
        "ab\r\n\xC3\xA9"
        "c\r\nd");
}

TEST_CASE("soft wrap: text holding a carriage return is shown unwrapped and unchanged", "[app][soft_wrap]") {
  const std::string crlf = "pasted from elsewhere\r\nwith a carriage return";
  CHECK_FALSE(sw::can_wrap(crlf));
  CHECK(sw::wrap(crlf, 5, advance) == crlf);
  CHECK(sw::can_wrap("no carriage return\nhere"));
}

TEST_CASE("soft wrap: any text round-trips and no line is wider than the width", "[app][soft_wrap]") {
  std::mt19937 rng(20261126);
  const std::vector<std::string> pieces = {
      "a", "b", "w", " ", " ", "\n", "\xC3\xA9", "\xE5\xAD\xA6", "\xF0\x9F\x99\x82", "."};
  for (int round = 0; round < 400; ++round) {
    std::string s;
    const int n = static_cast<int>(rng() % 120);
    for (int i = 0; i < n; ++i) s += pieces[rng() % pieces.size()];
    const float width = static_cast<float>(2 + rng() % 30);
    const std::string d = sw::wrap(s, width, advance);
    INFO("text: " << s << " width " << width);
    REQUIRE(sw::unwrap(d) == s);
    for (float w : line_widths(d)) CHECK(w <= width);
    for (std::size_t i = 0; i + 1 < d.size(); ++i)
      if (d[i] == '\r') {
        CHECK(d[i + 1] == '\n');
        if (i + 2 < d.size()) CHECK_FALSE(is_continuation(d[i + 2]));  // never inside a code point
      }
  }
}

TEST_CASE("soft wrap: caret offsets map between display and stored text", "[app][soft_wrap]") {
  const std::string d = "the quick \r\nbrown";  // stored "the quick brown"
  CHECK(sw::to_stored(d, 4) == 4);
  CHECK(sw::to_stored(d, 10) == 10);  // before '\r'
  CHECK(sw::to_stored(d, 11) == 10);  // between '\r' and '\n'
  CHECK(sw::to_stored(d, 12) == 10);  // start of "brown"
  CHECK(sw::to_stored(d, 17) == 15);
  CHECK(sw::to_display(d, 10, sw::Side::LineEnd) == 11);
  CHECK(sw::to_display(d, 10, sw::Side::LineStart) == 12);
  CHECK(sw::to_display(d, 15, sw::Side::LineStart) == 17);
  CHECK(sw::to_display(d, 2, sw::Side::LineEnd) == 2);
  CHECK(sw::inside_soft_break(d, 11));
  CHECK_FALSE(sw::inside_soft_break(d, 10));
  CHECK_FALSE(sw::inside_soft_break(d, 12));
  SECTION("every stored offset maps back to itself") {
    const std::string w = sw::wrap(kParagraph, 17, advance);
    for (int s = 0; s <= static_cast<int>(kParagraph.size()); ++s) {
      CHECK(sw::to_stored(w, sw::to_display(w, s, sw::Side::LineEnd)) == s);
      CHECK(sw::to_stored(w, sw::to_display(w, s, sw::Side::LineStart)) == s);
    }
  }
}

TEST_CASE("soft wrap: the caret never rests before a soft break's carriage return", "[app][soft_wrap]") {
  const std::string d = "ab \r\ncd";
  SECTION("moving left from the end of the line goes on to the glyph before") { CHECK(sw::settle_caret(d, 3, 4) == 2); }
  SECTION("moving right or clicking lands at the end of the line") {
    CHECK(sw::settle_caret(d, 3, 2) == 4);
    CHECK(sw::settle_caret(d, 3, 7) == 4);
  }
  SECTION("other offsets are left alone") {
    CHECK(sw::settle_caret(d, 4, 5) == 4);
    CHECK(sw::settle_caret(d, 5, 4) == 5);
    CHECK(sw::settle_caret(d, 1, 0) == 1);
  }
  SECTION("a multi-byte glyph before the break is passed whole") {
    CHECK(sw::settle_caret("a\xC3\xA9\r\ncd", 3, 4) == 1);
  }
}

TEST_CASE("soft wrap: typing, Backspace and Delete at every caret do what the teacher sees", "[app][soft_wrap]") {
  const std::string stored =
      kParagraph + "\nSecond \xC3\xA9t\xC3\xA9 line \xE5\xAD\xA6\xE5\xAD\xA6 with a verylongwordthatbreaks.";
  const std::string d = sw::wrap(stored, 12, advance);
  REQUIRE(d != stored);
  for (int caret : resting_carets(d)) {
    const int s = sw::to_stored(d, caret);
    INFO("display caret " << caret << " stored caret " << s);
    {  // typing inserts at the caret
      for (const std::string& typed : {std::string("x"), std::string("\n"), std::string("\xC3\xA9")}) {
        std::string nd = d;
        nd.insert(static_cast<std::size_t>(caret), typed);
        const auto e = sw::apply_display_edit(d, caret, nd, caret + static_cast<int>(typed.size()));
        std::string want = stored;
        want.insert(static_cast<std::size_t>(s), typed);
        CHECK(e.stored == want);
        CHECK(e.caret == s + static_cast<int>(typed.size()));
      }
    }
    if (caret > 0) {  // Backspace removes the display code point before the caret
      std::string nd = d;
      const int n = prev_len(d, caret);
      nd.erase(static_cast<std::size_t>(caret - n), static_cast<std::size_t>(n));
      const auto e = sw::apply_display_edit(d, caret, nd, caret - n);
      if (s > 0) {
        const int sn = prev_len(stored, s);
        std::string want = stored;
        want.erase(static_cast<std::size_t>(s - sn), static_cast<std::size_t>(sn));
        CHECK(e.stored == want);
        CHECK(e.caret == s - sn);
      }
    }
    if (caret < static_cast<int>(d.size())) {  // Delete removes the display code point after it
      std::string nd = d;
      nd.erase(static_cast<std::size_t>(caret), static_cast<std::size_t>(next_len(d, caret)));
      const auto e = sw::apply_display_edit(d, caret, nd, caret);
      if (s < static_cast<int>(stored.size())) {
        std::string want = stored;
        want.erase(static_cast<std::size_t>(s), static_cast<std::size_t>(next_len(stored, s)));
        CHECK(e.stored == want);
        CHECK(e.caret == s);
      }
    }
  }
}

TEST_CASE("soft wrap: replacing a selection across soft breaks replaces the stored words", "[app][soft_wrap]") {
  const std::string d = sw::wrap(kParagraph, 12, advance);
  const std::vector<int> carets = resting_carets(d);
  for (std::size_t a = 0; a < carets.size(); a += 7)
    for (std::size_t b = a + 1; b < carets.size(); b += 11) {
      const int from = carets[a], to = carets[b];
      const int sa = sw::to_stored(d, from), sb = sw::to_stored(d, to);
      std::string nd = d;
      nd.replace(static_cast<std::size_t>(from), static_cast<std::size_t>(to - from), "pasted");
      const auto e = sw::apply_display_edit(d, to, nd, from + 6);
      std::string want = kParagraph;
      want.replace(static_cast<std::size_t>(sa), static_cast<std::size_t>(sb - sa), "pasted");
      INFO("selection " << from << ".." << to);
      CHECK(e.stored == want);
      CHECK(e.caret == sa + 6);
    }
}
