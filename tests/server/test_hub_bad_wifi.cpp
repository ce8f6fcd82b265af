// Hub tests, part 3: sync over Wi-Fi that cuts connections. A request cut mid-transfer makes
// the next push batch or pull page half as large, so repeated syncs finish where resending the
// same large request never could; nothing arrives twice.
// Devices send bodies in clear (ClearDevice, TwoColleagues::Sealed::No in sync_fixture.h): the cases count
// versions, batches and outbox sizes exactly.
#include <catch2/catch.hpp>

#include <httplib.h>

#include <thread>

#include "fault_proxy.h"
#include "sync_fixture.h"

using namespace core;
using namespace testing_support;
using core::net::SyncError;

namespace {
struct Classroom : TwoColleagues {
  Classroom() : TwoColleagues(Sealed::No) {}
  void write_notes(int n) {
    lena.store->transaction([&] {
      for (int i = 0; i < n; ++i) lena.note(obs, "a long lesson, note " + std::to_string(i));
    });
  }
  // Syncs as the worker would after each failure, at most `attempts` times; true once one succeeds.
  static bool sync_until_done(Device& d, int attempts) {
    for (int i = 0; i < attempts; ++i) {
      try {
        d.sync();
        return true;
      } catch (const SyncError& e) {
        CHECK(e.kind == SyncError::Kind::Unreachable);
      }
    }
    return false;
  }
  static int saved(Device& d, core::MetaKey key) { return std::stoi(d.store->meta().get(key).value_or("0")); }
};
}  // namespace

TEST_CASE("bad wifi: pushes cut after 64 KiB of request shrink until 3000 notes get through", "[server][sync]") {
  Classroom c;
  FaultProxy proxy(c.hub.port());
  c.enroll("http://127.0.0.1:" + std::to_string(proxy.port()), c.hub.url());
  c.lena.options.batch_size = 10000;  // one batch would carry all 3000 (after a first of 1000)
  c.write_notes(3000);
  proxy.set_mode(FaultProxy::Mode::CutRequest, 64 * 1024);
  CHECK(Classroom::sync_until_done(c.lena, 30));
  CHECK(c.lena.store->outbox().size() == 0);
  int shrunk = Classroom::saved(c.lena, core::MetaKey::SyncPushBatch);
  CHECK(shrunk >= core::net::kMinRequestVersions);
  CHECK(shrunk < 10000);  // halved on each cut, doubled on each success since
  c.chidi.sync();
  c.check_notes(c.chidi, 3000);

  // On a good network each acknowledged batch doubles the size again.
  proxy.set_mode(FaultProxy::Mode::Pass);
  c.write_notes(4 * shrunk);
  auto r = c.lena.sync();
  CHECK(r.pushed == 4 * shrunk);
  CHECK(Classroom::saved(c.lena, core::MetaKey::SyncPushBatch) > shrunk);
  c.chidi.sync();
  c.check_notes(c.chidi, 3000 + 4 * static_cast<std::size_t>(shrunk));
}

TEST_CASE("bad wifi: pull answers cut after 64 KiB shrink the page until 3000 notes arrive", "[server][sync]") {
  Classroom c;
  FaultProxy proxy(c.hub.port());
  c.enroll(c.hub.url(), "http://127.0.0.1:" + std::to_string(proxy.port()));
  c.chidi.options.page_size = 10000;  // the hub's largest page: one page would carry all 3000
  c.write_notes(3000);
  c.lena.sync();
  proxy.set_mode(FaultProxy::Mode::CutResponse, 64 * 1024);
  CHECK(Classroom::sync_until_done(c.chidi, 30));
  // Below the configured page: it was halved until a page got through (each success then
  // doubles it, so its final value depends on how well the notes compress).
  int page = Classroom::saved(c.chidi, core::MetaKey::SyncPullPage);  // 0 when never adapted
  CHECK(page >= core::net::kMinRequestVersions);
  CHECK(page < 10000);
  c.check_notes(c.chidi, 3000);
  CHECK(c.chidi.sync().pulled_total == 0);  // the cursor moved with every stored page
}

TEST_CASE("bad wifi: a hub that cannot be reached at all leaves the batch size alone", "[server][sync]") {
  Classroom c;
  c.enroll(c.hub.url(), c.hub.url());
  c.write_notes(100);
  c.hub.kill_hard();  // nothing listens on its port now: the connection is refused
  try {
    c.lena.sync();
    FAIL("a sync with no hub succeeded");
  } catch (const SyncError& e) {
    CHECK(e.kind == SyncError::Kind::Unreachable);
    CHECK_FALSE(e.cut);
  }
  CHECK_FALSE(c.lena.store->meta().get(core::MetaKey::SyncPushBatch));
  c.hub.start();  // the fixture kills it at the end
}

namespace {
// An HTTP reverse proxy in front of the hub, as a school might run: it passes requests with
// bodies up to `max_body` bytes and answers larger ones with `status` and an HTML page, as
// nginx does for a body over client_max_body_size (413) or an upstream it gave up on (502/504).
class PickyProxy {
 public:
  PickyProxy(std::string hub_url, std::size_t max_body, int status) {
    server_.Post(".*", [hub_url, max_body, status](const httplib::Request& req, httplib::Response& res) {
      if (req.body.size() > max_body) {
        res.status = status;
        res.set_content("<html><head><title>" + std::to_string(status) + "</title></head></html>", "text/html");
        return;
      }
      httplib::Client hub(hub_url);
      auto r = hub.Post(req.path.c_str(), {{"Authorization", req.get_header_value("Authorization")}}, req.body,
                        "application/x-peerobs");
      if (!r) {
        res.status = 502;
        return;
      }
      res.status = r->status;
      res.set_content(r->body, r->get_header_value("Content-Type").c_str());
    });
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
  }
  ~PickyProxy() {
    server_.stop();
    thread_.join();
  }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }

 private:
  httplib::Server server_;
  int port_ = 0;
  std::thread thread_;
};
}  // namespace

TEST_CASE("bad wifi: a proxy that refuses large bodies (413) or gives up (502, 504) gets smaller batches",
          "[server][sync]") {
  int status = GENERATE(413, 502, 504);
  Classroom c;
  PickyProxy proxy(c.hub.url(), 64 * 1024, status);
  c.enroll(proxy.url(), c.hub.url());
  c.lena.options.batch_size = 10000;
  c.write_notes(3000);
  CHECK(Classroom::sync_until_done(c.lena, 30));
  CHECK(c.lena.store->outbox().size() == 0);
  int batch = Classroom::saved(c.lena, core::MetaKey::SyncPushBatch);
  CHECK(batch >= core::net::kMinRequestVersions);
  CHECK(batch < 10000);
  c.chidi.sync();
  c.check_notes(c.chidi, 3000);
}

TEST_CASE("bad wifi: a proxy refusing even the smallest batch gets a sentence, not its HTML", "[server][sync]") {
  Classroom c;
  PickyProxy proxy(c.hub.url(), 100, 413);  // no push fits in 100 bytes
  // Enrolled at school, then syncing from a network behind the proxy (an enroll request, with
  // the token the device made, does not fit in 100 bytes either).
  c.enroll();
  c.lena.store->meta().set(MetaKey::SyncHubUrl, proxy.url());
  c.write_notes(10);
  try {
    c.lena.sync();
    FAIL("a push through the proxy succeeded");
  } catch (const SyncError& e) {
    CHECK(e.http_status == 413);
    CHECK_THAT(e.what(), Catch::Contains("too large for the hub or a proxy in front of it"));
    CHECK_THAT(e.what(), !Catch::Contains("<html>"));
  }
  CHECK(c.lena.store->outbox().size() == 11);  // nothing lost: all of it waits for a better way in
}
