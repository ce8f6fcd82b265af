// A quote note is shown in curly quotes, once: observers often type the quotation marks themselves.
#include <catch2/catch.hpp>

#include "app/screens/common/model_text.h"

TEST_CASE("a quote note is shown in curly quotes", "[app][text]") {
  CHECK(app::as_quote("Can I add to that?") ==
        "\xE2\x80\x9C"
        "Can I add to that?"
        "\xE2\x80\x9D");
}

TEST_CASE("a quote the observer typed with quotation marks is not quoted twice", "[app][text]") {
  CHECK(app::as_quote("\"We weren't sure, so we just guessed.\" (back-left group)") ==
        "\"We weren't sure, so we just guessed.\" (back-left group)");
  CHECK(app::as_quote("\xE2\x80\x9CWho can add?\xE2\x80\x9D asked twice") ==
        "\xE2\x80\x9CWho can add?\xE2\x80\x9D asked twice");
}
