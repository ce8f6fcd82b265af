// The client's hub link: what Home and Settings say about sync, and enrollment that reports a
// failure in plain words without ever blocking the caller.
#include <catch2/catch.hpp>

#include <chrono>
#include <thread>

#include "app/shell/hub_link.h"
#include "core/serialization.h"
#include "core/store.h"
#include "support/temp_dir.h"

using namespace app;

TEST_CASE("hub link: a worker snapshot becomes the sentence Home shows", "[app][sync]") {
  core::net::SyncStatus s;
  SECTION("not enrolled") {
    CHECK(describe(s) == "Not connected to a hub \xE2\x80\x94 your work is kept on this device.");
  }
  SECTION("enrolled with work waiting and a conflict") {
    s.enrolled = true;
    s.hub_url = "https://hub.example";
    s.outbox = 3;
    s.conflicts = 1;
    std::string text = describe(s);
    CHECK_THAT(text, Catch::Contains("Syncing with https://hub.example."));
    CHECK_THAT(text, Catch::Contains("3 changes wait to be sent"));
    CHECK_THAT(text, Catch::Contains("edited on two devices; both versions are kept"));
  }
  SECTION("a problem is named and the work is said to be safe") {
    s.enrolled = true;
    s.error = "The hub is not reachable.";
    CHECK_THAT(describe(s),
               Catch::StartsWith("Sync problem: The hub is not reachable.") && Catch::Contains("safe on this device"));
  }
}

TEST_CASE("hub link: items waiting for a key and refused ones are counted in Home's sentence, never dropped",
          "[app][sync][keys]") {
  core::net::SyncStatus s;
  s.enrolled = true;
  s.hub_url = "https://hub.example";
  s.sealed_waiting = 12;
  CHECK_THAT(describe(s), Catch::Contains("12 items wait for a key from a colleague's device."));
  s.unopened = 3;
  s.first_unopened = "Version 4f2a could not be opened: it was moved.";
  const std::string text = describe(s);
  CHECK_THAT(text, Catch::Contains("Version 4f2a could not be opened: it was moved."));
  CHECK_THAT(text, Catch::Contains("2 more items were refused the same way."));
  s.error = "The hub is not reachable.";
  CHECK_THAT(describe(s), Catch::Contains("12 items wait for a key"));
}

TEST_CASE("hub link: a snapshot differs from another when any one of its fields does", "[app][sync]") {
  const SyncState before;
  CHECK(before == SyncState{});
  auto changed = [&](auto edit) {
    SyncState after = before;
    edit(after);
    return after != before;
  };
  CHECK(changed([](SyncState& s) { s.enrolled = true; }));
  CHECK(changed([](SyncState& s) { s.hub_url = "https://hub.example"; }));
  CHECK(changed([](SyncState& s) { s.syncing = true; }));
  CHECK(changed([](SyncState& s) { s.last_success_ms = 1; }));
  CHECK(changed([](SyncState& s) { s.outbox = 1; }));
  CHECK(changed([](SyncState& s) { s.held_back = 1; }));
  CHECK(changed([](SyncState& s) { s.held_back_note = "1 item could not be sent."; }));
  CHECK(changed([](SyncState& s) { s.conflicts = 1; }));
  CHECK(changed([](SyncState& s) { s.error = "The hub is not reachable."; }));
  CHECK(changed([](SyncState& s) { s.data_generation = 1; }));
  CHECK(changed([](SyncState& s) { s.failures_in_a_row = 1; }));
  CHECK(changed([](SyncState& s) { s.runs = 1; }));
  CHECK(changed([](SyncState& s) { s.needs_recovery_phrase = true; }));
  CHECK(changed([](SyncState& s) { s.sealed_waiting = 1; }));
  CHECK(changed([](SyncState& s) { s.unopened = 1; }));
  CHECK(changed([](SyncState& s) { s.first_unopened = "Version 1 could not be opened."; }));
  CHECK(changed([](SyncState& s) { s.changed_keys = {core::Id::random()}; }));
}

TEST_CASE("hub link: enrolling against a hub that is not there fails in words, without blocking", "[app][sync]") {
  testing_support::TempDir dir;
  std::string path = dir.file("s.sqlite");
  { core::Store create(path); }
  HubLink link(path);
  auto started = std::chrono::steady_clock::now();
  REQUIRE(link.enroll("http://127.0.0.1:1", "ABCD-EFGH-JKMN", "test"));
  CHECK(std::chrono::steady_clock::now() - started < std::chrono::milliseconds(200));
  std::optional<EnrollResult> result;
  for (int i = 0; i < 300 && !result; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    result = link.take_enroll_result();
  }
  REQUIRE(result);
  CHECK_FALSE(result->ok);
  CHECK_FALSE(result->message.empty());
  CHECK_FALSE(link.enrolling());
  SyncState state;
  bool data_changed = true;
  link.poll(state, data_changed);
  CHECK_FALSE(state.enrolled);
  CHECK_FALSE(data_changed);
}

TEST_CASE("hub link: the worker counts conflicts off the frame, with or without a hub", "[app][sync]") {
  testing_support::TempDir dir;
  const std::string path = dir.file("s.sqlite");
  {
    core::Store store(path);
    core::Id me = core::Id::random();
    core::Version base = store.create(core::DebriefNote{core::Id{}, "Try whiteboards"}, me);
    store.update(base.record, core::DebriefNote{core::Id{}, "Try whiteboards on Monday"}, me);
    // The same note edited on another device, brought in by an import: a second head.
    core::Version other = base;
    other.version = core::Id::random();
    other.parents = {base.version};
    other.body = core::encode_body(core::DebriefNote{core::Id{}, "Try whiteboards daily"});
    other.body_hash = core::body_hash(other.type, false, other.body);
    REQUIRE(store.apply_version(other));
  }
  core::net::SyncWorker worker(path);
  worker.start();
  std::int64_t seen = 0;
  for (int i = 0; i < 200 && seen == 0; ++i) {
    seen = worker.status().conflicts;
    if (seen == 0) std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  CHECK(seen == 1);
  CHECK(describe(worker.status()).find("edited on two devices") != std::string::npos);
}
