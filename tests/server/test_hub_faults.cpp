// Hub tests, part 2: crashes, lost answers, replays, conflicts, skewed clocks and refusals.
// Every case ends with no duplicate and no loss. A fault is never trusted to a sleep: each test
// checks that it landed where its name says (the proxy saw the batch reach the hub and no answer
// start, the outbox still held the batch, the hub had stored none of it) or tries again.
// Devices send bodies in clear (ClearDevice, TwoColleagues::Sealed::No in sync_fixture.h): the cases count
// outbox sizes, versions and requests exactly.
#include <httplib.h>
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <set>
#include <thread>
#include "core/net/sync_worker.h"

#include "core/serialization.h"
#include "core/sync/messages.h"
#include "fault_proxy.h"
#include "support/test_values.h"
#include "sync_fixture.h"

using namespace core;
using namespace testing_support;
using core::net::SyncError;

namespace {
struct Pair : TwoColleagues {
  Pair() : TwoColleagues(Sealed::No) {}
  void enroll_lena(const std::string& url) { enroll(url); }
  void check_chidi_has(std::size_t n) {
    chidi.sync();
    check_notes(chidi, n);
  }
  std::string token(Device& d) { return *d.store->meta().get(core::MetaKey::SyncToken); }
};

httplib::Result raw_post(const std::string& url, const std::string& token, const std::string& path,
                         const std::string& body) {
  httplib::Client c(url);
  c.set_read_timeout(30, 0);
  return c.Post(path.c_str(), {{"Authorization", "Bearer " + token}}, body, "application/x-peerobs");
}

// Waits (polling every millisecond, at most `limit`) until `landed` holds or `gave_up` does.
template <class Landed, class GaveUp>
bool wait_until(Landed landed, GaveUp gave_up, std::chrono::milliseconds limit = std::chrono::seconds(20)) {
  const auto until = std::chrono::steady_clock::now() + limit;
  while (!landed()) {
    if (gave_up() || std::chrono::steady_clock::now() > until) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return true;
}

// Lena's 3,000 notes go through a proxy in two batches: the first (the observation and 999
// notes, since a sync's first batch is at most 1,000) and the second (2,001). The hub is killed
// at a moment the proxy chooses; syncing again after a restart must deliver every note once.
struct KilledPush : Pair {
  FaultProxy proxy{hub.port()};
  std::thread pusher;
  std::atomic<bool> push_ended{false};
  bool push_failed = false;

  KilledPush() {
    enroll_lena("http://127.0.0.1:" + std::to_string(proxy.port()));
    lena.store->transaction([&] {
      for (int i = 0; i < 3000; ++i) lena.note(obs, "a long lesson, note " + std::to_string(i));
    });
    lena.options.batch_size = 3001;
  }
  ~KilledPush() {
    if (pusher.joinable()) pusher.join();
  }
  void start_push() {
    pusher = std::thread([this] {
      try {
        lena.sync();
      } catch (const SyncError&) {
        push_failed = true;
      }
      push_ended = true;
    });
  }
  // Kills the hub, lets the push end, restarts the hub behind the same proxy.
  void kill_and_restart() {
    hub.kill_hard();
    pusher.join();
    hub.start();
    proxy.set_target(hub.port());
    chidi.store->meta().set(core::MetaKey::SyncHubUrl, hub.url());
  }
  std::size_t notes_on_hub() {  // what Chidi, who receives all of them, can pull
    chidi.sync();
    return chidi.notes(obs);
  }
  void resend_and_check() {
    lena.sync();
    CHECK(lena.store->outbox().size() == 0);
    check_chidi_has(3000);
  }
};
}  // namespace

TEST_CASE("hub faults: the push answer is lost, the resend stores nothing twice", "[server][sync]") {
  Pair p;
  FaultProxy proxy(p.hub.port());
  p.enroll_lena("http://127.0.0.1:" + std::to_string(proxy.port()));
  for (int i = 0; i < 20; ++i) p.lena.note(p.obs, "note " + std::to_string(i));
  proxy.set_mode(FaultProxy::Mode::CutResponse, 0);
  CHECK_THROWS_AS(p.lena.sync(), SyncError);
  CHECK(p.lena.store->outbox().size() == 21);  // nothing acknowledged, so nothing removed
  p.check_chidi_has(20);                       // yet the hub did store the batch
  proxy.set_mode(FaultProxy::Mode::Drop);
  try {
    p.lena.sync();
    FAIL("a dropped connection was a success");
  } catch (const SyncError& e) {
    CHECK(std::string(e.what()).find("The hub is not reachable.") == 0);
  }
  proxy.set_mode(FaultProxy::Mode::Delay, 20);
  auto r = p.lena.sync();
  CHECK(r.pushed == 21);
  CHECK(p.lena.store->outbox().size() == 0);
  p.check_chidi_has(20);
}

TEST_CASE("hub faults: one push replayed ten times at once is applied once", "[server][sync]") {
  // "At once" is checked, not hoped for: the proxy must see at least two copies at the hub
  // together, unanswered. When the hub answered each before the next arrived, the attempt proves
  // nothing and runs again, at most five times.
  const int kAttempts = 5;
  int attempt = 0;
  bool together = false;
  while (!together && attempt < kAttempts) {
    ++attempt;
    Pair p;
    FaultProxy proxy(p.hub.port());
    p.enroll_lena(p.hub.url());
    for (int i = 0; i < 50; ++i) p.lena.note(p.obs, "note " + std::to_string(i));
    sync::PushRequest req;
    req.batch = Id::random();
    req.versions = p.lena.store->outbox().first(1000);
    std::string body = sync::pack(req);
    // Read once here: a store is used by one thread at a time (its connection caches statements).
    const std::string token = p.token(p.lena);
    const std::string via_proxy = "http://127.0.0.1:" + std::to_string(proxy.port());
    std::vector<std::thread> threads;
    std::vector<sync::PushResponse> answers(10);
    std::vector<int> statuses(10, 0);
    for (int i = 0; i < 10; ++i)
      threads.emplace_back([&, i] {
        auto res = raw_post(via_proxy, token, "/v1/push", body);
        if (!res) return;
        statuses[static_cast<std::size_t>(i)] = res->status;
        if (res->status == 200) answers[static_cast<std::size_t>(i)] = sync::unpack<sync::PushResponse>(res->body);
      });
    for (auto& t : threads) t.join();
    together = proxy.most_requests_at_hub() >= 2;
    if (!together) {
      UNSCOPED_INFO("attempt " << attempt << ": the hub answered each copy before the next arrived");
      continue;
    }
    int fresh = 0;
    for (int i = 0; i < 10; ++i) {
      CHECK(statuses[static_cast<std::size_t>(i)] == 200);
      CHECK(answers[static_cast<std::size_t>(i)].stored == 51);
      if (!answers[static_cast<std::size_t>(i)].replayed) ++fresh;
    }
    CHECK(fresh == 1);
    p.lena.sync();  // its own outbox resend: a no-op on the hub
    CHECK(p.lena.store->outbox().size() == 0);
    p.check_chidi_has(50);
  }
  INFO("in " << kAttempts << " attempts no two copies were at the hub together");
  REQUIRE(together);
}

TEST_CASE("hub faults: the hub killed while a batch is arriving loses nothing and duplicates nothing",
          "[server][sync]") {
  KilledPush k;
  // The first batch's first 2 KiB reach the hub, then the proxy holds the rest back.
  k.proxy.set_mode(FaultProxy::Mode::StallRequest, 2048);
  k.start_push();
  REQUIRE(wait_until([&] { return k.proxy.requests_stalled("/v1/push") == 1; }, [&] { return k.push_ended.load(); }));
  CHECK(k.proxy.requests_passed("/v1/push") == 0);  // the hub never had a batch whole
  k.kill_and_restart();
  CHECK(k.push_failed);
  CHECK(k.lena.store->outbox().size() == 3001);  // nothing was acknowledged
  CHECK(k.notes_on_hub() == 0);                  // nothing was stored
  k.proxy.set_mode(FaultProxy::Mode::Pass);
  k.resend_and_check();
}

TEST_CASE("hub faults: the hub killed while it applies a batch loses nothing and duplicates nothing",
          "[server][sync]") {
  // The kill must land after the second batch reached the hub whole and before the hub answered:
  // the window is the hub's decoding and transaction (tens of milliseconds). When the hub
  // finished first, the attempt proves nothing, so it is run again, at most five times.
  const int kAttempts = 5;
  int attempt = 0;
  bool landed = false;
  while (!landed && attempt < kAttempts) {
    ++attempt;
    KilledPush k;
    k.start_push();
    const bool arrived =
        wait_until([&] { return k.proxy.requests_passed("/v1/push") == 2; }, [&] { return k.push_ended.load(); });
    const bool unanswered = arrived && k.proxy.answers_started("/v1/push") == 1;
    k.kill_and_restart();
    // Landed: the second batch was at the hub, never answered, and is not stored; the first is.
    landed = unanswered && k.proxy.answers_started("/v1/push") == 1 && k.push_failed && k.notes_on_hub() == 999;
    if (!landed) {
      UNSCOPED_INFO("attempt " << attempt << ": the hub had finished the batch before the kill");
      continue;
    }
    CHECK(k.lena.store->outbox().size() == 2001);  // the acknowledged first batch left, the second waits
    k.resend_and_check();
  }
  INFO("in " << kAttempts << " attempts the kill never landed while the hub applied the batch");
  REQUIRE(landed);
}

TEST_CASE("hub faults: a crash after the hub acknowledged, before the local commit, resends harmlessly",
          "[server][sync]") {
  Pair p;
  p.enroll_lena(p.hub.url());
  for (int i = 0; i < 10; ++i) p.lena.note(p.obs, "note " + std::to_string(i));
  p.lena.options.fault = [](const char* point) {
    if (std::string(point) == "after_push_ack") throw std::runtime_error("simulated crash");
  };
  CHECK_THROWS(p.lena.sync());
  CHECK(p.lena.store->outbox().size() == 11);
  p.lena.options.fault = nullptr;
  p.lena.sync();
  CHECK(p.lena.store->outbox().size() == 0);
  p.check_chidi_has(10);
}

TEST_CASE("hub faults: a crash between storing pulled records and the cursor duplicates and loses nothing",
          "[server][sync]") {
  Pair p;
  p.enroll_lena(p.hub.url());
  for (int i = 0; i < 30; ++i) p.lena.note(p.obs, "note " + std::to_string(i));
  p.lena.sync();
  auto cursor_before = p.chidi.store->meta().get(core::MetaKey::SyncCursor);
  p.chidi.options.fault = [](const char* point) {
    if (std::string(point) == "after_pull_store_before_cursor") throw std::runtime_error("simulated crash");
  };
  CHECK_THROWS(p.chidi.sync());
  CHECK(p.chidi.notes() == 0);  // the page and the cursor roll back together
  CHECK(p.chidi.store->meta().get(core::MetaKey::SyncCursor) == cursor_before);
  p.chidi.options.fault = nullptr;
  p.check_chidi_has(30);
}

TEST_CASE("hub faults: two devices of one person edit one note offline, both versions survive", "[server][sync]") {
  Pair p;
  p.enroll_lena(p.hub.url());
  ClearDevice tablet;
  tablet.enroll(p.hub.url(), p.hub.issue_code(p.lena_id));
  Id note = p.lena.note(p.obs, "first words").record;
  p.lena.sync();
  tablet.sync();
  REQUIRE(tablet.sees(note));
  EvidenceNote a{p.obs, 0, "edited on the laptop", NoteKind::Noticing, {}};
  EvidenceNote b{p.obs, 0, "edited on the tablet", NoteKind::Noticing, {}};
  p.lena.store->update(note, a, p.lena.me());
  tablet.store->update(note, b, tablet.me());
  // Device clocks a day apart must decide nothing.
  p.lena.store->db().exec("UPDATE versions SET saved_at = saved_at + 86400000");
  tablet.store->db().exec("UPDATE versions SET saved_at = saved_at - 86400000");
  p.lena.sync();
  tablet.sync();
  p.lena.sync();
  for (Device* d : {&p.lena, static_cast<Device*>(&tablet)}) {
    CHECK(d->store->conflicted_records() == std::vector<Id>{note});
    auto heads = d->store->heads(note);
    REQUIRE(heads.size() == 2);
    std::set<std::string> texts;
    for (auto& h : heads) texts.insert(std::get<EvidenceNote>(h.body).text);
    CHECK(texts == std::set<std::string>{"edited on the laptop", "edited on the tablet"});
  }
  CHECK(p.lena.store->get(note)->version.version == tablet.store->get(note)->version.version);
  // Resolving on one device writes a version whose parents are both heads; it ends the conflict everywhere.
  p.lena.store->update(note, EvidenceNote{p.obs, 0, "both edits, merged", NoteKind::Noticing, {}}, p.lena.me());
  p.lena.sync();
  tablet.sync();
  CHECK(tablet.store->conflicted_records().empty());
  CHECK(std::get<EvidenceNote>(tablet.store->get(note)->body).text == "both edits, merged");
}

TEST_CASE("hub refusals: revoked, forged, foreign, malformed, truncated, oversized, the hub stays up",
          "[server][sync]") {
  Pair p;
  p.enroll_lena(p.hub.url());
  p.lena.sync();
  std::string token = p.token(p.lena);

  SECTION("a forged author: 403 names it; it is held back on the device and the honest note goes through") {
    p.lena.note(p.obs, "an honest note in the same batch");
    EvidenceNote forged{p.obs, 0, "pretending to be Chidi", NoteKind::Noticing, {}};
    Version v;
    v.version = Id::random();
    v.record = Id::random();
    v.type = RecordType::EvidenceNote;
    v.author = id(p.chidi_id);
    v.observation = p.obs;
    v.body = encode_body(forged);
    v.body_hash = body_hash(v.type, false, v.body);
    p.lena.store->apply_version(v, true);
    auto r = p.lena.sync();
    CHECK(r.held_back == 1);
    CHECK(r.pushed == 1);
    auto held = p.lena.store->outbox().held_back();
    REQUIRE(held.size() == 1);
    CHECK(held[0].version == v.version);
    CHECK(held[0].status == 403);
    CHECK(held[0].reason.find("only send what its own person wrote") != std::string::npos);
    CHECK(p.lena.store->has_version(v.version));  // kept on the device
    p.check_chidi_has(1);                         // the honest note, never the forged one
  }
  SECTION("a foreign observation: 403, held back on the writer's device, nothing reaches the participants") {
    ClearDevice sam;
    std::string sam_id = p.hub.add_person("Sam");
    sam.enroll(p.hub.url(), p.hub.issue_code(sam_id));
    Version foreign = sam.note(p.obs, "writing into someone else's observation");
    auto r = sam.sync();
    CHECK(r.held_back == 1);
    CHECK(sam.store->outbox().size() == 0);
    auto held = sam.store->outbox().held_back();
    REQUIRE(held.size() == 1);
    CHECK(held[0].version == foreign.version);
    CHECK(held[0].status == 403);
    p.check_chidi_has(0);
  }
  SECTION("a revoked device: 401 with the date and what to do") {
    std::string devices = p.hub.admin({"devices"});
    std::string lena_device = *p.lena.store->meta().get(core::MetaKey::SyncDevice);
    REQUIRE(devices.find(lena_device) != std::string::npos);
    p.hub.admin({"revoke", "--device", lena_device});
    try {
      p.lena.sync();
      FAIL("a revoked device synced");
    } catch (const SyncError& e) {
      CHECK(e.http_status == 401);
      CHECK(std::string(e.what()).find("This device was revoked on ") == 0);
      CHECK(std::string(e.what()).find("Ask your program lead for a new enrollment code.") != std::string::npos);
    }
  }
  SECTION("malformed, truncated, oversized and wrong-version payloads") {
    auto garbage = raw_post(p.hub.url(), token, "/v1/push", "this is not a sync message at all");
    REQUIRE(garbage);
    CHECK(garbage->status == 400);
    CHECK(garbage->body.find("not a peerobs sync message") != std::string::npos);
    sync::PushRequest req;
    req.batch = Id::random();
    req.versions = p.lena.store->outbox().first(10);
    for (int i = 0; i < 30; ++i) req.versions.push_back(p.lena.note(p.obs, "padding " + std::to_string(i)));
    std::string env = sync::pack(req);
    auto cut = raw_post(p.hub.url(), token, "/v1/push", env.substr(0, env.size() / 2));
    REQUIRE(cut);
    CHECK(cut->status == 400);
    CHECK(cut->body.find("truncated") != std::string::npos);
    auto huge = raw_post(p.hub.url(), token, "/v1/push", std::string(17u << 20, 'x'));
    REQUIRE(huge);
    CHECK(huge->status == 413);
    std::string bomb = env;
    bomb[12] = 0x7f;  // declares a 2 GiB inflated payload
    auto b = raw_post(p.hub.url(), token, "/v1/push", bomb);
    REQUIRE(b);
    CHECK(b->status == 413);
    std::string newer = env;
    newer[5] = static_cast<char>(newer[5] + 1);
    auto n = raw_post(p.hub.url(), token, "/v1/push", newer);
    REQUIRE(n);
    CHECK(n->status == 426);
    CHECK(n->body.find("newer than this one") != std::string::npos);
    p.check_chidi_has(0);
    // ...and the hub is still up and serving.
    p.lena.sync();
    p.check_chidi_has(30);
  }
}

TEST_CASE("sync worker: syncs at start and on demand, reports plain status, backs off", "[server][sync]") {
  Pair p;
  p.enroll_lena(p.hub.url());
  p.lena.note(p.obs, "for the worker");
  core::net::WorkerOptions o;
  o.interval = std::chrono::minutes(10);
  o.first_retry = std::chrono::milliseconds(100);
  o.max_retry = std::chrono::milliseconds(400);
  CHECK(core::net::SyncWorker::backoff(o, 1).count() == 100);
  CHECK(core::net::SyncWorker::backoff(o, 3).count() == 400);
  CHECK(core::net::SyncWorker::backoff(o, 30).count() == 400);
  core::net::SyncWorker worker(p.chidi.store->path(), o);
  auto wait_for = [&](auto pred) {
    for (int i = 0; i < 200 && !pred(worker.status()); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(25));
    return worker.status();
  };
  p.lena.sync();
  worker.start();
  auto s = wait_for([](const core::net::SyncStatus& st) { return st.runs >= 1; });
  CHECK(s.enrolled);
  CHECK(s.error.empty());
  CHECK(s.data_generation == 1);
  CHECK(s.last_success_ms > 0);
  p.lena.note(p.obs, "another one");
  p.lena.sync();
  worker.sync_now();
  s = wait_for([](const core::net::SyncStatus& st) { return st.data_generation >= 2; });
  CHECK(s.data_generation == 2);
  p.hub.kill_hard();
  worker.sync_now();
  s = wait_for([](const core::net::SyncStatus& st) { return st.failures_in_a_row >= 2; });
  CHECK(s.error.find("The hub is not reachable.") == 0);
  CHECK(s.failures_in_a_row >= 2);  // retried on its own, with backoff
  worker.stop();
}

TEST_CASE("pull: the next page is on its way while this one is stored, a crash between pages loses nothing",
          "[server][sync]") {
  Pair p;
  p.enroll_lena(p.hub.url());
  for (int i = 0; i < 350; ++i) p.lena.note(p.obs, "note " + std::to_string(i));
  p.lena.sync();
  FaultProxy proxy(p.hub.port());
  p.chidi.store->meta().set(core::MetaKey::SyncHubUrl, "http://127.0.0.1:" + std::to_string(proxy.port()));
  p.chidi.options.page_size = 100;  // the observation, its 350 notes and two people: 4 pages

  // While a page is being stored, the request for the next one has already reached the proxy.
  std::vector<bool> next_page_asked;
  p.chidi.options.fault = [&](const char* point) {
    if (std::string(point) != "after_pull_store_before_cursor") return;
    int before = static_cast<int>(next_page_asked.size()) + 1;  // one connection per page so far
    auto until = std::chrono::steady_clock::now() + std::chrono::seconds(2);
    while (proxy.connections() <= before && std::chrono::steady_clock::now() < until)
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    next_page_asked.push_back(proxy.connections() > before);
  };
  SECTION("all pages") {
    auto r = p.chidi.sync();
    CHECK(r.pulled_total == 353);
    REQUIRE(next_page_asked.size() == 4);
    CHECK(next_page_asked == std::vector<bool>{true, true, true, false});  // the last page had no next
    p.chidi.options.fault = nullptr;
    p.check_chidi_has(350);
  }
  SECTION("a crash while the second page is stored") {
    auto ahead = p.chidi.options.fault;
    p.chidi.options.fault = [&](const char* point) {
      ahead(point);
      if (next_page_asked.size() == 2) throw std::runtime_error("simulated crash");
    };
    CHECK_THROWS(p.chidi.sync());
    CHECK(p.chidi.notes(p.obs) < 350);  // the first page is stored with its cursor, the rest not
    p.chidi.options.fault = nullptr;
    p.check_chidi_has(350);  // the page asked ahead was dropped; asked again, nothing twice
  }
}

TEST_CASE("push: batches reach the hub in outbox order, and a crash between them loses nothing", "[server][sync]") {
  Pair p;
  p.enroll_lena(p.hub.url());
  std::vector<Id> written;
  for (int i = 0; i < 350; ++i) written.push_back(p.lena.note(p.obs, "note " + std::to_string(i)).version);
  p.lena.options.batch_size = 100;  // the observation and 350 notes: 4 batches

  SECTION("all batches") {
    auto r = p.lena.sync();
    CHECK(r.pushed == 351);
    CHECK(p.lena.store->outbox().size() == 0);
  }
  SECTION("a crash after the hub acknowledged the second batch") {
    int acks = 0;
    p.lena.options.fault = [&](const char* point) {
      if (std::string(point) == "after_push_ack" && ++acks == 2) throw std::runtime_error("simulated crash");
    };
    CHECK_THROWS(p.lena.sync());
    CHECK(p.lena.store->outbox().size() == 251);  // the first batch left; the second waits to be resent
    p.lena.options.fault = nullptr;
    p.lena.sync();
    CHECK(p.lena.store->outbox().size() == 0);
  }
  // The hub fed them in the order they were written: chidi receives them in that order.
  p.check_chidi_has(350);
  std::vector<Id> received;
  for (const auto& [record, head] : p.chidi.store->live(RecordType::EvidenceNote, p.obs))
    received.push_back(head.version.version);  // live() lists records in arrival order
  CHECK(received == written);
}
