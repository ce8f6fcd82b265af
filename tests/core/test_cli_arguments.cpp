// peerobs-cli's command line, run as the real binary: each command refuses an argument it does
// not take with a sentence naming it and the command's usage, names a missing value or a
// missing required option, and accepts --data before or after the command.
#include <catch2/catch.hpp>

#include "support/run_command.h"
#include "support/temp_dir.h"

using testing_support::run_command;
using testing_support::TempDir;

namespace {
testing_support::CommandResult cli(const TempDir& dir, const std::string& args) {
  return run_command(testing_support::cli_path() + " " + args + " </dev/null", dir.file("stderr.txt"));
}
}  // namespace

TEST_CASE("cli arguments: a misspelled option is refused with a sentence naming it and the usage", "[core][cli]") {
  TempDir dir;
  const std::string data = " --data " + dir.file("d");
  SECTION("enroll --nmae") {
    auto r = cli(dir, data + " enroll --hub https://hub.example --code ABCD-EFGH-JKMN --nmae laptop");
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Catch::Contains("peerobs-cli enroll: these arguments are not understood: --nmae laptop"));
    CHECK_THAT(r.err, Catch::Contains("Usage: peerobs-cli enroll [OPTIONS]"));
    CHECK_THAT(r.err, Catch::Contains("--name DEVICE"));
  }
  SECTION("sync --retry-hled") {
    auto r = cli(dir, data + " sync --retry-hled");
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Catch::Contains("this argument is not understood: --retry-hled"));
    CHECK_THAT(r.err, Catch::Contains("--retry-held"));
  }
  SECTION("check-language --lexcon") {
    auto r = cli(dir, "check-language --lexcon words.json");
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Catch::Contains("not understood: --lexcon words.json"));
  }
  SECTION("a global option misspelled") {
    auto r = cli(dir, "--dta " + dir.file("d") + " stats");
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Catch::Contains("--dta"));
  }
}

TEST_CASE("cli arguments: a missing value or required option is named", "[core][cli]") {
  TempDir dir;
  const std::string data = " --data " + dir.file("d");
  SECTION("export --out with nothing after it") {
    auto r = cli(dir, data + " export --out");
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Catch::Contains("peerobs-cli export: --out needs a value (FILE)"));
  }
  SECTION("enroll without --code") {
    auto r = cli(dir, data + " enroll --hub https://hub.example");
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Catch::Contains("peerobs-cli enroll: --code is required"));
  }
  SECTION("import without a file") {
    auto r = cli(dir, data + " import");
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Catch::Contains("peerobs-cli import: FILE.json is required"));
  }
}

TEST_CASE("cli arguments: --data may come before or after the command, and --help explains a command", "[core][cli]") {
  TempDir dir;
  REQUIRE(cli(dir, "--data " + dir.file("d") + " init --name Ana").exit_code == 0);
  auto after = cli(dir, "stats --data " + dir.file("d"));
  CHECK(after.exit_code == 0);
  CHECK_THAT(after.out, Catch::Contains("person 1"));
  auto help = cli(dir, "sync --help");
  CHECK(help.exit_code == 0);
  CHECK_THAT(help.out, Catch::Contains("Usage: peerobs-cli sync [OPTIONS]"));
  CHECK_THAT(help.out, Catch::Contains("--retry-held"));
}
