// peerobs-hub's command line, run as the real binary: every verb refuses what it does not
// understand with a sentence naming the argument and the verb's usage, and never starts work
// on a guess (a misspelled --listen once served on the default address instead).
#include <catch2/catch.hpp>

#include <filesystem>

#include "hub_process.h"

using namespace testing_support;

namespace {
// The hub may not be told to serve: `timeout` ends a hub that wrongly started (exit 124).
CommandResult hub(std::vector<std::string> args) {
  args.insert(args.begin(), {"/usr/bin/timeout", "20", hub_binary()});
  return run_command(args);
}

bool says(const CommandResult& r, const std::string& text) { return r.out.find(text) != std::string::npos; }

struct HubData {
  std::string dir = temp_dir("peerobs-hub-cli");
  ~HubData() { std::filesystem::remove_all(dir); }
};
}  // namespace

TEST_CASE("hub command line: a misspelled option is refused with a sentence naming it and the usage", "[server][cli]") {
  HubData d;
  SECTION("serve --listn does not serve on the default address") {
    auto r = hub({"serve", "--data", d.dir, "--listn", "0.0.0.0:8443"});
    CHECK(r.exit_code == 2);
    CHECK(says(r, "peerobs-hub serve: these arguments are not understood: --listn 0.0.0.0:8443"));
    CHECK(says(r, "Usage: peerobs-hub serve [OPTIONS]"));
    CHECK(says(r, "--listen HOST:PORT"));
    CHECK_FALSE(says(r, "listening on"));
  }
  SECTION("an admin verb") {
    auto r = hub({"issue-code", "--data", d.dir, "--persn", "0123456789abcdef0123456789abcdef"});
    CHECK(r.exit_code == 2);
    CHECK(says(r, "not understood: --persn"));
    CHECK(says(r, "Usage: peerobs-hub issue-code"));
  }
  SECTION("a word a verb takes none of") {
    auto r = hub({"devices", "--data", d.dir, "all"});
    CHECK(r.exit_code == 2);
    CHECK(says(r, "this argument is not understood: all"));
  }
  SECTION("an unknown verb names it and lists the verbs") {
    auto r = hub({"isue-code", "--data", d.dir});
    CHECK(r.exit_code == 2);
    CHECK(says(r, "unknown command 'isue-code'"));
    CHECK(says(r, "issue-code"));
  }
}

TEST_CASE("hub command line: a bad number names the argument and what was expected", "[server][cli]") {
  HubData d;
  SECTION("--days") {
    auto r = hub({"issue-code", "--data", d.dir, "--all-unenrolled", "--days", "soon"});
    CHECK(r.exit_code == 2);
    CHECK(says(r, "--days: expected a whole number of days from 1 to 365, got \"soon\""));
    CHECK_FALSE(says(r, "stoi"));
  }
  SECTION("--days out of range") {
    auto r = hub({"issue-code", "--data", d.dir, "--all-unenrolled", "--days", "400"});
    CHECK(r.exit_code == 2);
    CHECK(says(r, "--days: expected a whole number of days from 1 to 365, got \"400\""));
  }
  SECTION("the port of --listen") {
    auto r = hub({"serve", "--data", d.dir, "--listen", "127.0.0.1:https"});
    CHECK(r.exit_code == 2);
    CHECK(says(r, "--listen: expected HOST:PORT with a port from 0 to 65535"));
    CHECK_FALSE(says(r, "stoi"));
  }
  SECTION("--weeks of activity") {
    auto r = hub({"activity", "--data", d.dir, "--weeks", "0"});
    CHECK(r.exit_code == 2);
    CHECK(says(r, "--weeks: expected a whole number of weeks from 1 to 520, got \"0\""));
  }
  SECTION("an id that is not one") {
    auto r = hub({"revoke", "--data", d.dir, "--device", "laptop-3"});
    CHECK(r.exit_code == 2);
    CHECK(says(r, "--device: expected the device's id (32 hex digits"));
  }
}

TEST_CASE("hub command line: a missing value or required option is named", "[server][cli]") {
  HubData d;
  SECTION("a value left off at the end") {
    auto r = hub({"revoke", "--data", d.dir, "--device"});
    CHECK(r.exit_code == 2);
    CHECK(says(r, "--device needs a value (ID)"));
  }
  SECTION("a required option left out") {
    auto r = hub({"rename", "--data", d.dir, "--name", "Ana"});
    CHECK(r.exit_code == 2);
    CHECK(says(r, "--person is required"));
  }
  SECTION("--data") {
    auto r = hub({"devices"});
    CHECK(r.exit_code == 2);
    CHECK(says(r, "--data is required"));
  }
  SECTION("issue-code without whom") {
    auto r = hub({"issue-code", "--data", d.dir});
    CHECK(r.exit_code == 1);
    CHECK(says(r, "issue-code needs --person ID, or --all-unenrolled"));
  }
}

TEST_CASE("hub command line: the verbs and flags scripts use keep working", "[server][cli]") {
  HubProcess h{temp_dir("peerobs-hub-cli")};
  h.start();  // serve --data DIR --listen 127.0.0.1:0
  std::string ana = h.admin({"add-person", "--name", "Ana", "--email", "ana@school.example"});
  CHECK(ana.size() == 33);  // 32 hex digits and a newline
  CHECK(h.admin({"issue-code", "--person", ana.substr(0, 32), "--days", "3"}).size() == 15);
  CHECK(h.admin({"devices"}).empty());
  auto help = hub({"help"});
  CHECK(help.exit_code == 0);
  CHECK(says(help, "activity"));
  h.stop();
  std::filesystem::remove_all(h.data_dir());
}
