// Numbers that sent Debian's rapidjson 1.1.0 into undefined behaviour when parsed at full
// precision (fuzz_import: 0E88 reached clz(0), 0.<370 zeros>1 an int overflow): an import
// holding one either reads it exactly or refuses the file with a sentence, and stores nothing.
// The ASan + UBSan build of this test is what proves "never undefined behaviour".
#include <catch2/catch.hpp>

#include <cstdint>
#include <limits>
#include <regex>
#include <sstream>

#include "core/export_json.h"
#include "core/store.h"
#include "support/records_samples.h"
#include "support/temp_dir.h"

namespace {

// A real export of one person, and the store it will be imported into.
struct UnsafeNumbersImport {
  testing_support::TempDir dir;
  std::string exported;
  core::Store target{dir.file("target.sqlite")};

  UnsafeNumbersImport() {
    core::Store source(dir.file("source.sqlite"));
    source.create(core::Person{"Amira Haddad", "Northfield"}, core::Id{});
    std::ostringstream out;
    core::export_json(source, out);
    exported = out.str();
  }

  // The export with its version's saved_at_ms written as `number`.
  std::string with_saved_at(const std::string& number) const {
    return std::regex_replace(exported, std::regex("\"saved_at_ms\": *-?[0-9]+"), "\"saved_at_ms\": " + number);
  }
};

std::string unsafe_numbers_zeros(std::size_t n) { return std::string(n, '0'); }

}  // namespace

TEST_CASE("import: numbers that rapidjson read with undefined behaviour are refused with a sentence",
          "[core][import]") {
  UnsafeNumbersImport f;
  const std::string number =
      GENERATE(std::string("0E88"), "0e-400", "-0E+99999", "0." + unsafe_numbers_zeros(370) + "1",
               "1" + unsafe_numbers_zeros(400), "0." + unsafe_numbers_zeros(20) + "1E-300",
               "123456789012345678901234567890", "1E400");
  CAPTURE(number);
  try {
    core::import_json_text(f.target, f.with_saved_at(number), "unsafe.json");
    FAIL("imported a saved_at_ms of " << number);
  } catch (const core::ImportError& e) {
    // Either the syntax check names the place or the field reader names the field.
    CHECK_THAT(e.what(),
               Catch::Matches("unsafe\\.json: (line [0-9]+, column [0-9]+: .*|versions\\[0\\]\\.saved_at_ms: .*)"));
  }
  CHECK(f.target.versions().all().empty());
}

TEST_CASE("import: the fuzzer's 0E88 file is refused as damaged JSON", "[core][import]") {
  UnsafeNumbersImport f;
  const std::string found_by_fuzz_import(
      "\xbb"
      "0E88\0"
      "000\n",
      10);
  CHECK_THROWS_AS(core::import_json_text(f.target, found_by_fuzz_import, "fuzz.json"), core::ImportError);
  CHECK_THROWS_AS(core::import_json_text(f.target, "[0." + unsafe_numbers_zeros(370) + "1]", "fuzz.json"),
                  core::ImportError);
  CHECK(f.target.versions().all().empty());
}

TEST_CASE("import: a whole number at the edge of saved_at_ms imports exactly", "[core][import]") {
  UnsafeNumbersImport f;
  const std::int64_t edge =
      GENERATE(std::numeric_limits<std::int64_t>::max(), std::int64_t{0}, std::numeric_limits<std::int64_t>::min());
  CAPTURE(edge);
  const auto summary = core::import_json_text(f.target, f.with_saved_at(std::to_string(edge)), "edge.json");
  CHECK(summary.versions_added == 1);
  const auto stored = f.target.versions().all();
  REQUIRE(stored.size() == 1);
  CHECK(stored[0].saved_at_ms == edge);
}
