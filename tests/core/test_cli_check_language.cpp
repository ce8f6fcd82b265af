// peerobs-cli check-language and templates, run as the real binary: one JSON object per input
// line with byte spans, and the template listing with its exit code.
#include <catch2/catch.hpp>

#include <cereal/archives/json.hpp>  // before rapidjson: it defines RAPIDJSON_ASSERT for every TU

#include <rapidjson/document.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "support/run_command.h"
#include "support/temp_dir.h"

using testing_support::cli_path;
using testing_support::run_command;
using testing_support::TempDir;

TEST_CASE("cli: check-language prints one JSON object per line with spans and categories", "[core][cli][language]") {
  TempDir dir;
  std::ofstream(dir.file("in.txt")) << "Great lesson, nice job!\n"
                                       "The teacher said \"great job\" to 3 students.\n"
                                       "\n"
                                       "You should wait \"longer\" \\ here\r\n"
                                       "The ending was weak";  // no final newline
  auto r = run_command(cli_path() + " check-language < " + dir.file("in.txt"), dir.file("err.txt"));
  CHECK(r.exit_code == 0);
  CHECK(r.err.empty());
  std::istringstream lines(r.out);
  std::vector<rapidjson::Document> docs;
  for (std::string line; std::getline(lines, line);) {
    docs.emplace_back();
    INFO(line);
    REQUIRE_FALSE(docs.back().Parse(line.c_str()).HasParseError());
  }
  REQUIRE(docs.size() == 5);
  for (std::size_t i = 0; i < docs.size(); ++i) CHECK(docs[i]["line"].GetUint() == i + 1);

  const auto& first = docs[0];
  CHECK(first["evaluative"].GetBool());
  REQUIRE(first["findings"].Size() == 2);
  CHECK(first["findings"][0]["start"].GetUint() == 0);
  CHECK(first["findings"][0]["end"].GetUint() == 5);
  CHECK(std::string(first["findings"][0]["category"].GetString()) == "praise");
  CHECK(first["findings"][1]["start"].GetUint() == 14);
  CHECK(first["findings"][1]["end"].GetUint() == 22);
  CHECK(std::string(first["findings"][1]["suggestion"].GetString()).size() > 10);

  CHECK_FALSE(docs[1]["evaluative"].GetBool());
  CHECK(docs[1]["findings"].Size() == 0);
  CHECK_FALSE(docs[2]["evaluative"].GetBool());

  REQUIRE(docs[3]["findings"].Size() == 1);
  CHECK(std::string(docs[3]["findings"][0]["category"].GetString()) == "prescription");
  CHECK(docs[3]["findings"][0]["end"].GetUint() == 10);

  REQUIRE(docs[4]["findings"].Size() == 1);
  CHECK(std::string(docs[4]["findings"][0]["category"].GetString()) == "criticism");
  CHECK(docs[4]["findings"][0]["start"].GetUint() == 15);
}

TEST_CASE("cli: check-language reports a bad lexicon and exits 1", "[core][cli][language]") {
  TempDir dir;
  std::ofstream(dir.file("lex.json")) << "{\"format\": 1,\n \"praise\": 7}";
  std::ofstream(dir.file("in.txt")) << "Great\n";
  auto r = run_command(cli_path() + " check-language --lexicon " + dir.file("lex.json") + " < " + dir.file("in.txt"),
                       dir.file("err.txt"));
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Catch::Contains(dir.file("lex.json") + ":2: praise: expected an object"));
}

TEST_CASE("cli: templates lists the templates and fails when a school file is bad", "[core][cli][templates]") {
  TempDir dir;
  auto ok = run_command(cli_path() + " --data " + dir.path() + " templates", dir.file("err.txt"));
  CHECK(ok.exit_code == 0);
  CHECK_THAT(ok.out, Catch::Contains("questioning\tQuestioning"));
  CHECK_THAT(ok.out, Catch::Contains("conversation\tPost-observation conversation (conversation)"));
  std::filesystem::create_directories(dir.file("templates"));
  std::ofstream(dir.file("templates/broken.json")) << "{\n  \"key\": \"x\",\n  \"title\": 5\n}";
  auto bad = run_command(cli_path() + " --data " + dir.path() + " templates", dir.file("err.txt"));
  CHECK(bad.exit_code == 1);
  CHECK_THAT(bad.out, Catch::Contains("wait-time\tWait time"));
  CHECK_THAT(bad.err,
             Catch::Contains(dir.file("templates/broken.json") + ":3: title: expected a string, found a number"));
}
