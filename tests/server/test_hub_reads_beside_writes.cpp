// The hub's reads run beside its writer (server/hub_reader.h): a pull is answered while a push
// is being written, from the last commit, and the last_seen stamps that reads owe are written
// by the writer without moving back.
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <thread>

#include "core/serialization.h"
#include "server/hub_reader.h"
#include "server/hub_store.h"
#include "server/seen_later.h"
#include "sync_fixture.h"

using namespace core;
using namespace testing_support;

namespace {
struct InProcessHub {
  std::string dir = temp_dir("peerobs-hub-reads");
  server::HubStore hub{dir};
  server::DeviceRow device;
  Id person;
  std::string token;
  InProcessHub() {
    person = hub.add_person("Lena", "");
    auto enrolled = hub.enroll({hub.issue_code(person, 7), "tablet"});
    token = enrolled.token;
    device = hub.authenticate(token);
  }
  ~InProcessHub() { std::filesystem::remove_all(dir); }

  Version observation() const {
    Observation o;
    o.participants = {{person, Role::TeacherLeader}};
    Version v;
    v.version = Id::random();
    v.record = Id::random();
    v.type = RecordType::Observation;
    v.author = person;
    v.saved_at_ms = 1795664719000;
    v.body = encode_body(o);
    v.body_hash = body_hash(v.type, false, v.body);
    return v;
  }
  std::int64_t last_seen() const {
    for (const auto& d : hub.devices())
      if (d.id == device.id) return d.last_seen;
    return -1;
  }
};

std::size_t pulled(server::HubReader& reader, const server::DeviceRow& device) {
  return reader.pull(device, {0, 100}).versions.size();
}
}  // namespace

TEST_CASE("hub reads: a pull on a read connection answers during a push, from the last commit", "[server][store]") {
  InProcessHub h;
  server::HubReader reader(h.hub.path());
  const std::size_t before = pulled(reader, h.device);  // the roster's Person record
  const Version obs = h.observation();
  h.hub.store().transaction([&] {
    CHECK(h.hub.push(h.device, {Id::random(), {obs}}).stored == 1);
    // The push is written but not committed, and the writer holds SQLite's write lock: the
    // reader neither waits nor sees half of it.
    CHECK(pulled(reader, h.device) == before);
    CHECK(reader.authenticate(h.token).id == h.device.id);
    CHECK(reader.status(h.device).latest_cursor < h.hub.status(h.device).latest_cursor);
  });
  CHECK(pulled(reader, h.device) == before + 1);
  CHECK(reader.status(h.device).latest_cursor == h.hub.status(h.device).latest_cursor);
}

TEST_CASE("hub reads: a reader refuses an unknown token as the writer does", "[server][store]") {
  InProcessHub h;
  server::HubReaders readers(h.hub.path());
  CHECK_THROWS_MATCHES(
      readers.lease()->authenticate("not a token"), server::HubError,
      Catch::Predicate<server::HubError>([](const server::HubError& e) { return e.status == 401 && e.wrong_guess; }));
  CHECK(readers.lease()->authenticate(h.token).person == h.person);
}

TEST_CASE("hub reads: last_seen stamps owed by reads are written once, and never move last_seen back",
          "[server][store]") {
  InProcessHub h;
  server::SeenLater seen;
  const std::int64_t enrolled = h.last_seen();
  seen.note(h.device.id, enrolled + 90000);
  seen.note(h.device.id, enrolled + 60000);  // an older stamp of the same device is dropped
  auto stamps = seen.take();
  REQUIRE(stamps.size() == 1);
  CHECK(stamps[0].second == enrolled + 90000);
  CHECK(seen.take().empty());
  h.hub.record_seen(stamps);
  CHECK(h.last_seen() == enrolled + 90000);
  h.hub.record_seen({{h.device.id, enrolled}});
  CHECK(h.last_seen() == enrolled + 90000);
}

TEST_CASE("hub: a pull is answered while a push waits for the database", "[server][sync]") {
  // In clear: the pull counts the notes it stores, and sealed ones would wait a round of grants.
  TwoColleagues p(TwoColleagues::Sealed::No);
  p.enroll();
  p.lena.sync();
  p.chidi.sync();
  for (int i = 0; i < 10; ++i) p.lena.note(p.obs, "note " + std::to_string(i));

  // Another connection (an admin verb, a backup) holds SQLite's write lock: the hub's push of
  // Lena's notes waits for it, holding the hub's writer.
  Db blocker(p.hub.data_dir() + "/hub.sqlite", false);
  blocker.exec("BEGIN IMMEDIATE");
  std::atomic<bool> pushed{false};
  net::SyncResult push_result;
  std::string push_error;
  std::thread lena([&] {
    try {
      net::SyncClient(*p.lena.store, p.lena.options).push(push_result);
    } catch (const std::exception& e) {
      push_error = e.what();
    }
    pushed = true;
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(300));  // time for the push to reach the writer
  CHECK_FALSE(pushed);

  const auto start = std::chrono::steady_clock::now();
  net::SyncResult pull_result;
  std::string pull_error;
  try {
    net::SyncClient(*p.chidi.store, p.chidi.options).pull(pull_result);
  } catch (const std::exception& e) {
    pull_error = e.what();
  }
  const auto took = std::chrono::steady_clock::now() - start;
  // The push was still waiting when the pull came back: the pull did not queue behind it (the
  // hub's busy timeout is 5 s; before reads had connections of their own, this took that long).
  CHECK_FALSE(pushed);
  CHECK(std::chrono::duration_cast<std::chrono::milliseconds>(took).count() < 2000);
  CHECK(pull_error.empty());
  CHECK(pull_result.pulled_new == 0);  // the waiting push is not half-visible

  blocker.exec("COMMIT");
  lena.join();
  CHECK(push_error.empty());
  CHECK(push_result.pushed == 10);
  p.check_notes(p.chidi, 0);
  p.chidi.sync();
  p.check_notes(p.chidi, 10);
}
