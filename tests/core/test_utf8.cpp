// The one UTF-8 decoder (core/utf8.h): every valid code point of every length decodes, and every
// form RFC 3629 forbids becomes U+FFFD one byte at a time, so callers always move forward.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "core/utf8.h"

namespace {
// The code points decode() reads from `s`, walking it as every caller does.
std::vector<char32_t> code_points(const std::string& s) {
  std::vector<char32_t> out;
  for (std::size_t i = 0; i < s.size();) {
    char32_t cp = 0;
    const std::size_t n = core::utf8::decode(s, i, cp);
    REQUIRE(n >= 1);
    REQUIRE(i + n <= s.size());
    out.push_back(cp);
    i += n;
  }
  return out;
}
constexpr char32_t R = core::utf8::kReplacement;
}  // namespace

TEST_CASE("utf8: valid sequences of one to four bytes decode to their code points", "[core][utf8]") {
  CHECK(code_points("a\x7F") == std::vector<char32_t>{'a', 0x7F});
  CHECK(code_points("\xC2\x80\xC3\xA9\xDF\xBF") == std::vector<char32_t>{0x80, 0xE9, 0x7FF});
  CHECK(code_points("\xE0\xA0\x80\xED\x9F\xBF\xEE\x80\x80\xEF\xBF\xBF") ==
        std::vector<char32_t>{0x800, 0xD7FF, 0xE000, 0xFFFF});
  CHECK(code_points("\xF0\x90\x80\x80\xF0\x9F\x99\x82\xF4\x8F\xBF\xBF") ==
        std::vector<char32_t>{0x10000, 0x1F642, 0x10FFFF});
}

TEST_CASE("utf8: forbidden forms become one replacement character per byte", "[core][utf8]") {
  SECTION("overlong forms") {
    CHECK(code_points("\xC0\xAF") == std::vector<char32_t>{R, R});  // '/' in two bytes
    CHECK(code_points("\xC1\xBF") == std::vector<char32_t>{R, R});
    CHECK(code_points("\xE0\x80\xAF") == std::vector<char32_t>{R, R, R});         // '/' in three
    CHECK(code_points("\xE0\x9F\xBF") == std::vector<char32_t>{R, R, R});         // U+07FF in three
    CHECK(code_points("\xF0\x8F\xBF\xBF") == std::vector<char32_t>{R, R, R, R});  // U+FFFF in four
  }
  SECTION("surrogates") {
    CHECK(code_points("\xED\xA0\x80") == std::vector<char32_t>{R, R, R});  // U+D800
    CHECK(code_points("\xED\xBF\xBF") == std::vector<char32_t>{R, R, R});  // U+DFFF
  }
  SECTION("above U+10FFFF") {
    CHECK(code_points("\xF4\x90\x80\x80") == std::vector<char32_t>{R, R, R, R});  // U+110000
    CHECK(code_points("\xF5\x80\x80\x80") == std::vector<char32_t>{R, R, R, R});
    CHECK(code_points("\xF8\x88\x80\x80\x80") == std::vector<char32_t>{R, R, R, R, R});  // old 5-byte form
  }
  SECTION("truncated sequences, at the end and before another character") {
    CHECK(code_points("\xC3") == std::vector<char32_t>{R});
    CHECK(code_points("\xE5\xAD") == std::vector<char32_t>{R, R});
    CHECK(code_points("\xF0\x9F\x99") == std::vector<char32_t>{R, R, R});
    CHECK(code_points("\xE5\xAD"
                      "a") == std::vector<char32_t>{R, R, 'a'});
  }
  SECTION("stray continuation bytes and bytes never used") {
    CHECK(code_points("\x80\xBF") == std::vector<char32_t>{R, R});
    CHECK(code_points("\xFE\xFF") == std::vector<char32_t>{R, R});
  }
}

TEST_CASE("utf8: the length of the character before a position is what decoding there reads", "[core][utf8]") {
  const std::string s = "a\xC3\xA9\xE5\xAD\xA6\xF0\x9F\x99\x82";
  CHECK(core::utf8::length_before(s, 1) == 1);
  CHECK(core::utf8::length_before(s, 3) == 2);
  CHECK(core::utf8::length_before(s, 6) == 3);
  CHECK(core::utf8::length_before(s, 10) == 4);
  CHECK(core::utf8::length_before("\xE5\xAD", 2) == 1);              // a cut-short sequence: one byte
  CHECK(core::utf8::length_before("\xED\xA0\x80", 3) == 1);          // a surrogate: one byte
  CHECK(core::utf8::length_before("\x80\x80\x80\x80\x80", 5) == 1);  // only continuation bytes
}
