// Hub tests: wrong enrollment codes and unknown tokens are slowed down per address
// (server/guess_limit.h), and the hub's log names every refusal without the code or token.
// The hubs here allow 3 free wrong guesses (--free-guesses 3); a shut-out lasts 1 s, then 2 s...
#include <httplib.h>
#include <catch2/catch.hpp>

#include <chrono>
#include <thread>

#include "core/sync/messages.h"
#include "fault_proxy.h"
#include "server/guess_limit.h"
#include "sync_fixture.h"

using namespace testing_support;
using core::net::SyncError;
using server::GuessLimit;
using server::Secret;
using std::chrono::milliseconds;

TEST_CASE("guess limit: past the free wrong guesses each one doubles the wait, up to the longest", "[server]") {
  server::GuessLimitOptions o;
  o.free_guesses = 3;
  GuessLimit limit(o);
  const auto t0 = GuessLimit::Clock::now();
  for (int i = 0; i < 3; ++i) CHECK(limit.wrong(Secret::code, "10.0.0.7", t0).delay == milliseconds(0));
  CHECK(limit.wait(Secret::code, "10.0.0.7", t0) == milliseconds(0));
  CHECK(limit.wrong(Secret::code, "10.0.0.7", t0).delay == milliseconds(1000));
  CHECK(limit.wait(Secret::code, "10.0.0.7", t0 + milliseconds(400)) == milliseconds(600));
  CHECK(limit.wait(Secret::token, "10.0.0.7", t0) == milliseconds(0));  // tokens are counted apart
  CHECK(limit.wait(Secret::code, "10.0.0.8", t0) == milliseconds(0));   // so is every other address
  CHECK(limit.wrong(Secret::code, "10.0.0.7", t0 + milliseconds(1000)).delay == milliseconds(2000));
  CHECK(limit.wrong(Secret::code, "10.0.0.7", t0 + milliseconds(3000)).delay == milliseconds(4000));
  GuessLimit::Wrong w;
  for (int i = 0; i < 40; ++i) w = limit.wrong(Secret::code, "10.0.0.7", t0 + milliseconds(7000));
  CHECK(w.count == 46);
  CHECK(w.delay == o.max_delay);  // 15 minutes, never more
}

TEST_CASE("guess limit: a count is forgotten after an hour without a wrong guess, and the table stays bounded",
          "[server]") {
  server::GuessLimitOptions o;
  o.free_guesses = 1;
  o.max_addresses = 100;
  GuessLimit limit(o);
  const auto t0 = GuessLimit::Clock::now();
  limit.wrong(Secret::token, "10.0.0.7", t0);
  CHECK(limit.wrong(Secret::token, "10.0.0.7", t0 + std::chrono::minutes(61)).delay == milliseconds(0));
  for (int i = 0; i < 1000; ++i) limit.wrong(Secret::code, "10.1." + std::to_string(i), t0 + milliseconds(i));
  CHECK(limit.size() == 100);
  // The newest addresses are the ones kept.
  limit.wrong(Secret::code, "10.1.999", t0 + milliseconds(1000));
  CHECK(limit.wait(Secret::code, "10.1.999", t0 + milliseconds(1000)) == milliseconds(1000));
}

namespace {
// A hub allowing 3 free wrong guesses, its log captured, with Lena and Sam on its roster.
struct GuardedHub {
  HubProcess hub{temp_dir("peerobs-hub")};
  std::string lena_id, sam_id;
  GuardedHub() {
    hub.serve_options = {"--free-guesses", "3"};
    hub.capture_log = true;
    hub.start();
    lena_id = hub.add_person("Lena");
    sam_id = hub.add_person("Sam");
  }
  ~GuardedHub() {
    hub.kill_hard();
    std::filesystem::remove_all(hub.data_dir());
  }
  httplib::Result enroll(const std::string& code) const {
    httplib::Client c(hub.url());
    return c.Post("/v1/enroll", core::sync::pack(core::sync::EnrollRequest{code, "test"}), "application/x-peerobs");
  }
  httplib::Result status(const std::string& token) const {
    httplib::Client c(hub.url());
    return c.Get("/v1/status", {{"Authorization", "Bearer " + token}});
  }
};

std::string wrong_code(int i) { return "WRNG-CODE-00" + std::to_string(10 + i); }
std::string wrong_token(int i) { return std::string(63, 'a') + std::to_string(i); }
}  // namespace

TEST_CASE("hub: wrong enrollment codes from one address are slowed down, and the log never shows a code",
          "[server][sync]") {
  GuardedHub g;
  const std::string right = g.hub.issue_code(g.lena_id);
  for (int i = 0; i < 4; ++i) {  // three free, the fourth is checked and shuts the address out for 1 s
    auto r = g.enroll(wrong_code(i));
    REQUIRE(r);
    CHECK(r->status == 401);
    CHECK(r->body.find("This enrollment code is not known to the hub.") == 0);
  }
  auto shut = g.enroll(right);  // even the right code waits: a guess is not told apart during the delay
  REQUIRE(shut);
  CHECK(shut->status == 429);
  CHECK(shut->get_header_value("Retry-After") == "1");
  CHECK(shut->body ==
        "Too many wrong enrollment codes came from this network. The hub will check another in 1 second; try "
        "again then.\n");

  SECTION("the teacher's device says so in a sentence") {
    Device lena;
    try {
      lena.enroll(g.hub.url(), right);
      FAIL("a shut-out address enrolled");
    } catch (const SyncError& e) {
      CHECK(e.http_status == 429);
      // The hub's own sentence, not framed as the hub having a problem.
      CHECK(std::string(e.what()).rfind("Too many wrong enrollment codes came from this network.", 0) == 0);
    }
  }
  SECTION("another address, and devices already enrolled, are not slowed") {
    FaultProxy other(g.hub.port());
    other.set_source("127.0.0.2");
    Device sam;
    sam.enroll("http://127.0.0.1:" + std::to_string(other.port()), g.hub.issue_code(g.sam_id));
    sam.store->meta().set(core::MetaKey::SyncHubUrl, g.hub.url());
    CHECK_NOTHROW(sam.sync());  // from the shut-out address: tokens are counted apart from codes
  }
  SECTION("after the delay the right code enrolls") {
    std::this_thread::sleep_for(milliseconds(1100));
    Device lena;
    CHECK_NOTHROW(lena.enroll(g.hub.url(), right));
  }
  g.hub.stop();
  const std::string log = g.hub.log();
  CHECK(log.find("peerobs-hub: refused 127.0.0.1 POST /v1/enroll: unknown code (1 wrong from this address)") !=
        std::string::npos);
  CHECK(log.find("unknown code (4 wrong from this address; the next is checked in 1000 ms)") != std::string::npos);
  CHECK(log.find("POST /v1/enroll: too many wrong codes from this address, 1 s left") != std::string::npos);
  for (int i = 0; i < 4; ++i) CHECK(log.find(wrong_code(i).substr(10)) == std::string::npos);
  CHECK(log.find(right.substr(0, 4)) == std::string::npos);
  CHECK(log.find(right.substr(10)) == std::string::npos);
}

TEST_CASE("hub: unknown tokens from one address are slowed down, a revoked device is not, the log never shows a token",
          "[server][sync]") {
  GuardedHub g;
  Device lena;
  lena.enroll(g.hub.url(), g.hub.issue_code(g.lena_id));
  const std::string token = *lena.store->meta().get(core::MetaKey::SyncToken);

  SECTION("unknown tokens") {
    for (int i = 0; i < 4; ++i) {
      auto r = g.status(wrong_token(i));
      REQUIRE(r);
      CHECK(r->status == 401);
    }
    auto shut = g.status(token);
    REQUIRE(shut);
    CHECK(shut->status == 429);
    CHECK(shut->body.find("Too many wrong device tokens came from this network.") == 0);
    try {
      lena.sync();
      FAIL("a shut-out address synced");
    } catch (const SyncError& e) {
      CHECK(e.http_status == 429);
    }
    std::this_thread::sleep_for(milliseconds(1100));
    CHECK_NOTHROW(lena.sync());
  }
  SECTION("a revoked device retrying is refused as revoked every time, never shut out") {
    g.hub.admin({"revoke", "--device", *lena.store->meta().get(core::MetaKey::SyncDevice)});
    for (int i = 0; i < 6; ++i) {
      auto r = g.status(token);
      REQUIRE(r);
      CHECK(r->status == 401);
      CHECK(r->body.find("This device was revoked on ") == 0);
    }
  }
  g.hub.stop();
  const std::string log = g.hub.log();
  CHECK(log.find(" GET /v1/status: ") != std::string::npos);
  CHECK(log.find(token) == std::string::npos);
  CHECK(log.find(token.substr(0, 16)) == std::string::npos);
  for (int i = 0; i < 4; ++i) CHECK(log.find(wrong_token(i)) == std::string::npos);
  CHECK(log.find(std::string(16, 'a')) == std::string::npos);
}
