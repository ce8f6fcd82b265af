// This sync protocol against the one before it (docs/sync_protocol.md): a peer of protocol 3 knows
// nothing of sealed bundles (as protocol 2 knew nothing of sealed bodies, KeyGrant or KeyBackup
// records), so neither side lets the other exchange anything with it. Each turns the other away with a sentence that
// says which side to update, and nothing is stored or used up on either side (an enrollment code stays valid).
#include <httplib.h>
#include <catch2/catch.hpp>

#include <thread>

#include "core/sync/messages.h"
#include "sync_fixture.h"

using namespace core;
using namespace testing_support;
using core::net::SyncError;

namespace {
const std::string kOlderThanThis = "speaks sync protocol " + std::to_string(sync::kProtocolVersion - 1) +
                                   ", older than this one (" + std::to_string(sync::kProtocolVersion) + ")";
// What an older-protocol peerobs puts in the header of everything it sends (bytes 4-5, big-endian).
std::string protocol_as_previous(std::string envelope) {
  envelope[4] = 0;
  envelope[5] = static_cast<char>(sync::kProtocolVersion - 1);
  return envelope;
}

httplib::Result protocol_post(const std::string& url, const std::string& token, const std::string& path,
                              const std::string& body) {
  httplib::Client c(url);
  c.set_read_timeout(30, 0);
  return c.Post(path.c_str(), {{"Authorization", "Bearer " + token}}, body, "application/x-peerobs");
}

// A hub of the protocol before, as far as a device can tell: every answer is a well-formed
// envelope whose header says the protocol before this one.
struct ProtocolTwoHub {
  httplib::Server server;
  int port = 0;
  std::thread thread;
  ProtocolTwoHub() {
    server.Post("/v1/enroll", [](const httplib::Request&, httplib::Response& res) {
      sync::EnrollResponse answer;
      answer.person = Id::random();
      answer.person_name = "Lena";
      answer.token = "an old hub's token";
      res.set_content(protocol_as_previous(sync::pack(answer)), "application/x-peerobs");
    });
    server.Post("/v1/pull", [](const httplib::Request&, httplib::Response& res) {
      res.set_content(protocol_as_previous(sync::pack(sync::PullResponse{})), "application/x-peerobs");
    });
    port = server.bind_to_any_port("127.0.0.1");
    REQUIRE(port > 0);
    // Bound and listening already: a connection made before the thread accepts waits in the backlog.
    thread = std::thread([this] { server.listen_after_bind(); });
  }
  ~ProtocolTwoHub() {
    server.stop();
    thread.join();
  }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port); }
};
}  // namespace

TEST_CASE("sync protocol: the hub turns an older-protocol device away with a sentence, storing and using up nothing",
          "[server][sync][protocol]") {
  TwoColleagues t;
  t.enroll();
  const std::string token = *t.lena.store->meta().get(MetaKey::SyncToken);
  t.lena.note(t.obs, "written on a device that was never updated");
  sync::PushRequest push;
  push.batch = Id::random();
  push.versions = t.lena.store->outbox().first(10);
  REQUIRE(push.versions.size() == 2);

  auto pushed = protocol_post(t.hub.url(), token, "/v1/push", protocol_as_previous(sync::pack(push)));
  REQUIRE(pushed);
  CHECK(pushed->status == 426);
  CHECK_THAT(pushed->body, Catch::Contains(kOlderThanThis) &&
                               Catch::Contains("Update the older peerobs (app or hub) so both match."));
  auto pulled =
      protocol_post(t.hub.url(), token, "/v1/pull", protocol_as_previous(sync::pack(sync::PullRequest{0, 1000})));
  REQUIRE(pulled);
  CHECK(pulled->status == 426);
  CHECK_THAT(pulled->body, Catch::Contains("Update the older peerobs"));
  t.chidi.sync();
  CHECK_FALSE(t.chidi.sees(t.obs));  // nothing of the refused push was stored

  // An enrollment from an older-protocol device is refused before its code is looked at: the code
  // enrolls an up-to-date device afterwards.
  const std::string omar = t.hub.add_person("Omar");
  const std::string code = t.hub.issue_code(omar);
  auto enrolled = protocol_post(t.hub.url(), "", "/v1/enroll",
                                protocol_as_previous(sync::pack(sync::EnrollRequest{code, "old tablet", ""})));
  REQUIRE(enrolled);
  CHECK(enrolled->status == 426);
  CHECK_THAT(enrolled->body, Catch::Contains("Update the older peerobs"));
  Device updated;
  updated.enroll(t.hub.url(), code);
  CHECK(updated.me() == *Id::from_hex(omar));
}

TEST_CASE("sync protocol: a device turns an older-protocol hub away with a sentence and stores nothing of its answer",
          "[server][sync][protocol]") {
  ProtocolTwoHub old_hub;
  Device tablet;
  try {
    tablet.enroll(old_hub.url(), "ABCD-EFGH-JKMN");
    FAIL("a device enrolled with an older-protocol hub");
  } catch (const SyncError& e) {
    CHECK(e.kind == SyncError::Kind::Protocol);
    CHECK_THAT(e.what(), Catch::Contains(kOlderThanThis) &&
                             Catch::Contains("Update the older peerobs (app or hub) so both match."));
  }
  CHECK_FALSE(core::net::SyncClient(*tablet.store).enrolled());
  CHECK_FALSE(tablet.store->meta().local_person().has_value());
}
