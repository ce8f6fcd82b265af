// Hub tests: an enrollment whose answer never reached the device's store (killed, cut off) is
// asked again with the same code and the device's own token, and the hub answers it as the first
// time; any other token with a used code is still refused. Real hub, real stores.
// Devices send bodies in clear (ClearDevice, TwoColleagues::Sealed::No in sync_fixture.h): the cases count
// the versions each push carries.
#include <httplib.h>
#include <catch2/catch.hpp>

#include <filesystem>
#include <sstream>
#include <thread>

#include "core/serialization.h"
#include "core/sqlite.h"
#include "core/sync/messages.h"
#include "sync_fixture.h"

using namespace testing_support;
using core::net::SyncError;

namespace {
// Thrown by the device's fault hook: the process "dies" at that point.
struct EnrollKilled {};

// A hub with Ana on its roster and one code for her.
struct EnrollHub {
  HubProcess hub{temp_dir("peerobs-hub")};
  std::string ana_id, code;
  EnrollHub() {
    hub.start();
    ana_id = hub.add_person("Ana");
    code = hub.issue_code(ana_id);
  }
  ~EnrollHub() {
    hub.kill_hard();
    std::filesystem::remove_all(hub.data_dir());
  }
  // Devices of `person` the hub holds, enrolled and not revoked (read from its file, beside it).
  std::int64_t enrolled_devices(const std::string& person) const {
    core::Db db(hub.data_dir() + "/hub.sqlite", false);
    core::Stmt st(db, "SELECT count(*) FROM hub_devices WHERE person = ? AND revoked_at IS NULL");
    st.bind_id(1, *core::Id::from_hex(person));
    REQUIRE(st.step());
    return st.col_int(0);
  }
  // The id of the one device on the hub, as `peerobs-hub revoke --device` takes it.
  std::string only_device() const {
    core::Db db(hub.data_dir() + "/hub.sqlite", false);
    core::Stmt st(db, "SELECT id FROM hub_devices");
    REQUIRE(st.step());
    return st.col_id(0).hex();
  }
};

// Enrolls `device`, "killed" at `point` (its fault hook throws there).
void enroll_killed_at(Device& device, const std::string& url, const std::string& code, const std::string& point) {
  core::net::SyncOptions o = device.options;
  o.fault = [point](const char* at) {
    if (point == at) throw EnrollKilled{};
  };
  CHECK_THROWS_AS(core::net::SyncClient(*device.store, o).enroll(url, code, "Ana's tablet"), EnrollKilled);
}

// An enroll request as a device from before the token wrote it.
std::string format_one_request(const std::string& code) {
  std::ostringstream out(std::ios::binary);
  {
    cereal::PortableBinaryOutputArchive ar(out);
    ar(code, std::string("old tablet"));
  }
  return core::sync::seal(core::sync::MessageType::EnrollRequest, std::move(out).str());
}
}  // namespace

TEST_CASE("enroll retry: an answer lost after the hub used the code is asked again and the device is enrolled once",
          "[server][enroll]") {
  EnrollHub h;
  ClearDevice ana;
  enroll_killed_at(ana, h.hub.url(), h.code, "enroll_answered");
  REQUIRE(h.enrolled_devices(h.ana_id) == 1);  // the hub used the code: the hole this closes
  CHECK_FALSE(core::net::SyncClient(*ana.store).enrolled());
  CHECK(core::net::SyncClient(*ana.store).enrollment_pending());

  ana.enroll(h.hub.url(), h.code);
  core::net::SyncClient client(*ana.store);
  CHECK(client.enrolled());
  CHECK_FALSE(client.enrollment_pending());
  CHECK(h.enrolled_devices(h.ana_id) == 1);
  CHECK(ana.store->meta().get(core::MetaKey::SyncPerson) == h.ana_id);
  core::Observation o;
  o.participants = {{*core::Id::from_hex(h.ana_id), core::Role::TeacherLeader}};
  ana.store->create(o, ana.me());
  CHECK(ana.sync().pushed == 1);  // the stored token is the one the hub holds
}

TEST_CASE("enroll retry: a used code with another token is refused with the usual sentence", "[server][enroll]") {
  EnrollHub h;
  ClearDevice ana;
  SECTION("another device") {
    ana.enroll(h.hub.url(), h.code);
    ClearDevice other;
    try {
      other.enroll(h.hub.url(), h.code);
      FAIL("a second device enrolled with a used code");
    } catch (const SyncError& e) {
      CHECK(e.http_status == 401);
      CHECK_THAT(e.what(), Catch::Contains("was already used on") && Catch::Contains("Each code enrolls one device"));
    }
    CHECK(h.enrolled_devices(h.ana_id) == 1);
  }
  SECTION("the same device after its pending token was lost") {
    enroll_killed_at(ana, h.hub.url(), h.code, "enroll_answered");
    ana.store->meta().erase(core::MetaKey::SyncEnrollPending);  // as a device without the pending state
    CHECK_THROWS_WITH(ana.enroll(h.hub.url(), h.code), Catch::Contains("was already used on"));
    CHECK(h.enrolled_devices(h.ana_id) == 1);
  }
  SECTION("the device's token, once the admin revoked its device") {
    enroll_killed_at(ana, h.hub.url(), h.code, "enroll_answered");
    h.hub.admin({"revoke", "--device", h.only_device()});
    REQUIRE(h.enrolled_devices(h.ana_id) == 0);
    CHECK_THROWS_WITH(ana.enroll(h.hub.url(), h.code), Catch::Contains("was already used on"));
    CHECK(h.enrolled_devices(h.ana_id) == 0);
  }
}

TEST_CASE("enroll retry: the pending enrollment survives a reopen of the store, whatever the code's spelling",
          "[server][enroll]") {
  EnrollHub h;
  ClearDevice ana;
  const std::string path = ana.dir + "/peerobs.sqlite";
  SECTION("killed before the request left") {
    enroll_killed_at(ana, h.hub.url(), h.code, "enroll_before_request");
    CHECK(h.enrolled_devices(h.ana_id) == 0);
  }
  SECTION("killed after the hub answered") {
    enroll_killed_at(ana, h.hub.url(), h.code, "enroll_answered");
    CHECK(h.enrolled_devices(h.ana_id) == 1);
  }
  const auto pending = ana.store->meta().get(core::MetaKey::SyncEnrollPending);
  REQUIRE(pending);
  ana.store = std::make_unique<core::Store>(path);
  CHECK(ana.store->meta().get(core::MetaKey::SyncEnrollPending) == pending);
  std::string typed = h.code;  // "ABCD-EFGH-JKMN" typed again as "abcd efgh jkmn"
  for (auto& c : typed) c = c == '-' ? ' ' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  ana.enroll(h.hub.url(), typed);
  CHECK(core::net::SyncClient(*ana.store).enrolled());
  CHECK_FALSE(ana.store->meta().get(core::MetaKey::SyncEnrollPending));
  CHECK(pending->substr(pending->find(' ') + 1) == ana.store->meta().get(core::MetaKey::SyncToken));
  CHECK(h.enrolled_devices(h.ana_id) == 1);
}

TEST_CASE("enroll retry: a device from before the token still enrolls once, and its code stays single-use",
          "[server][enroll]") {
  EnrollHub h;
  httplib::Client c(h.hub.url());
  auto first = c.Post("/v1/enroll", format_one_request(h.code), "application/x-peerobs");
  REQUIRE(first);
  REQUIRE(first->status == 200);
  const auto answer = core::sync::unpack<core::sync::EnrollResponse>(first->body);
  CHECK(answer.token.size() == 64);  // made by the hub, as before
  CHECK(answer.person.hex() == h.ana_id);
  auto status = c.Get("/v1/status", {{"Authorization", "Bearer " + answer.token}});
  REQUIRE(status);
  CHECK(status->status == 200);
  auto again = c.Post("/v1/enroll", format_one_request(h.code), "application/x-peerobs");
  REQUIRE(again);
  CHECK(again->status == 401);
  CHECK_THAT(again->body, Catch::Contains("was already used on"));
  CHECK(h.enrolled_devices(h.ana_id) == 1);
}

TEST_CASE("enroll retry: a hub database from before hub_codes.device gains it and answers a retry",
          "[server][enroll]") {
  EnrollHub h;
  h.hub.stop();
  {
    core::Db db(h.hub.data_dir() + "/hub.sqlite", false);
    db.exec("ALTER TABLE hub_codes DROP COLUMN device");
  }
  h.hub.start();
  ClearDevice ana;
  enroll_killed_at(ana, h.hub.url(), h.code, "enroll_answered");
  ana.enroll(h.hub.url(), h.code);
  CHECK(core::net::SyncClient(*ana.store).enrolled());
  CHECK(h.enrolled_devices(h.ana_id) == 1);
}

TEST_CASE("enroll retry: a hub from before the token is asked again without it and enrolls the device as before",
          "[server][enroll]") {
  // The old hub's enroll route: a request with bytes after the device name is malformed to it.
  const core::Id ana = core::Id::random();
  int requests = 0;
  httplib::Server old_hub;
  old_hub.Post("/v1/enroll", [&](const httplib::Request& req, httplib::Response& res) {
    ++requests;
    const auto request = core::sync::unpack<core::sync::EnrollRequest>(req.body);
    if (!request.token.empty()) {
      res.status = 400;
      res.set_content("the enroll request has trailing bytes after its content", "text/plain");
      return;
    }
    res.set_content(
        core::sync::pack(core::sync::EnrollResponse{core::Id::random(), std::string(64, 'b'), ana, "Ana", {}}),
        "application/x-peerobs");
  });
  const int port = old_hub.bind_to_any_port("127.0.0.1");
  REQUIRE(port > 0);
  std::thread serving([&] { old_hub.listen_after_bind(); });
  ClearDevice device;
  device.enroll("http://127.0.0.1:" + std::to_string(port), "ABCD-EFGH-JKMN");
  old_hub.stop();
  serving.join();
  CHECK(requests == 2);
  CHECK(device.store->meta().get(core::MetaKey::SyncToken) == std::string(64, 'b'));
  CHECK_FALSE(core::net::SyncClient(*device.store).enrollment_pending());
}
