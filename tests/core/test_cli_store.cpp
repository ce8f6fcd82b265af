// peerobs-cli init / stats / export / import, run as the real binary.
#include <catch2/catch.hpp>

#include <fstream>

#include "core/demo_data.h"
#include "core/paths.h"
#include "core/store.h"
#include "support/run_command.h"
#include "support/temp_dir.h"

using testing_support::run_command;
using testing_support::TempDir;

namespace {
struct Cli {
  TempDir& dir;
  testing_support::CommandResult operator()(const std::string& data, const std::string& args) const {
    return run_command(testing_support::cli_path() + " --data " + dir.file(data) + " " + args, dir.file("stderr.txt"));
  }
};
void write_file(const std::string& path, const std::string& text) { std::ofstream(path) << text; }
}  // namespace

TEST_CASE("cli: init sets up a data directory once", "[core][cli]") {
  TempDir dir;
  Cli cli{dir};
  auto first = cli("a", "init --name \"Ana Lopes\"");
  CHECK(first.exit_code == 0);
  CHECK_THAT(first.out, Catch::Contains("Ana Lopes"));
  auto again = cli("a", "init --name Other");
  CHECK(again.exit_code == 1);
  CHECK_THAT(again.err, Catch::Contains("already set up for Ana Lopes"));
  auto stats = cli("a", "stats");
  CHECK_THAT(stats.out, Catch::Contains("person 1\n"));
  CHECK(cli("a", "init").exit_code == 2);
}

TEST_CASE("cli: export then import into another directory reproduces the records, and twice changes nothing",
          "[core][cli]") {
  TempDir dir;
  Cli cli{dir};
  {
    core::ensure_directory(dir.file("a"));
    core::Store store(core::store_path_in(dir.file("a")));
    core::Id me = core::Id::random();
    store.meta().set_local_person(me);
    store.create(core::Person{"Ana", ""}, me);
    core::seed_demo_data(store, me);
  }
  REQUIRE(cli("a", "export --out " + dir.file("all.json")).exit_code == 0);
  auto first = cli("b", "import " + dir.file("all.json"));
  CHECK(first.exit_code == 0);
  auto stats_a = cli("a", "stats").out;
  auto stats_b = cli("b", "stats").out;
  auto without_outbox = [](std::string s) { return s.substr(0, s.find("outbox")); };
  CHECK(without_outbox(stats_a) == without_outbox(stats_b));
  CHECK_THAT(stats_b, Catch::Contains("evidence_note 13\n"));  // the demo: 10 in the questioning cycle, 3 in group work
  auto second = cli("b", "import " + dir.file("all.json"));
  CHECK(second.exit_code == 0);
  CHECK_THAT(second.out, Catch::Contains("Imported 0 new versions"));
  CHECK(cli("b", "stats").out == stats_b);
}

TEST_CASE("cli: bad import files get a message naming file, position and field, and change nothing", "[core][cli]") {
  TempDir dir;
  Cli cli{dir};
  REQUIRE(cli("a", "init --name Ana").exit_code == 0);
  REQUIRE(cli("a", "export --out " + dir.file("good.json")).exit_code == 0);
  std::string before = cli("a", "stats").out;
  std::ifstream in(dir.file("good.json"));
  std::string good((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());

  SECTION("unreadable JSON names the line and column") {
    write_file(dir.file("broken.json"), "{\n  \"format\": \"peerobs-export\",\n  \"format_version\": 1,\n  oops\n}");
    auto r = cli("a", "import " + dir.file("broken.json"));
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Catch::Contains("broken.json: line 4, column 3"));
  }
  SECTION("a wrong type names the version and field") {
    std::string bad = good;
    bad.replace(bad.find("\"name\": \"Ana\""), 13, "\"name\": 12");
    write_file(dir.file("types.json"), bad);
    auto r = cli("a", "import " + dir.file("types.json"));
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Catch::Contains("types.json: versions[0].body") && Catch::Contains("wrong type"));
  }
  SECTION("a missing field is named") {
    std::string bad = good;
    bad.replace(bad.find("\"author\""), 8, "\"writer\"");
    write_file(dir.file("missing.json"), bad);
    auto r = cli("a", "import " + dir.file("missing.json"));
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Catch::Contains("versions[0].author") && Catch::Contains("\"author\" is missing"));
  }
  SECTION("an unknown format version is refused") {
    std::string bad = good;
    bad.replace(bad.find("\"format_version\": 1"), 19, "\"format_version\": 7");
    write_file(dir.file("future.json"), bad);
    auto r = cli("a", "import " + dir.file("future.json"));
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Catch::Contains("format_version\" is 7") && Catch::Contains("newer peerobs"));
  }
  SECTION("an edited body no longer matching its hash is refused") {
    std::string bad = good;
    bad.replace(bad.find("\"name\": \"Ana\""), 13, "\"name\": \"Eve\"");
    write_file(dir.file("tampered.json"), bad);
    auto r = cli("a", "import " + dir.file("tampered.json"));
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Catch::Contains("versions[0].body_hash"));
  }
  SECTION("a file that does not exist") {
    auto r = cli("a", "import " + dir.file("nope.json"));
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Catch::Contains("nope.json: cannot open"));
  }
  CHECK(cli("a", "stats").out == before);
}

TEST_CASE("cli: unknown commands and arguments are explained", "[core][cli]") {
  TempDir dir;
  Cli cli{dir};
  auto r = cli("a", "frobnicate");
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("unknown command 'frobnicate'"));
  CHECK(cli("a", "stats extra").exit_code == 2);
  CHECK(cli("a", "export").exit_code == 2);
}
