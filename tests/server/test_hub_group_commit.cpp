// Group commit (server/group_commit.h): pushes waiting at one moment share one commit; a refused
// push rolls back only itself; a group that fails as a whole fails every push of it.
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <thread>

#include "core/serialization.h"
#include "hub_process.h"
#include "server/group_commit.h"
#include "server/hub_store.h"

using namespace core;
using server::HubStore;

namespace {
struct GroupHub {
  std::string dir = testing_support::temp_dir("peerobs-hub-group");
  HubStore hub{dir};
  server::DeviceRow device;
  Id person;
  GroupHub() {
    person = hub.add_person("Lena", "");
    device = hub.authenticate(hub.enroll({hub.issue_code(person, 7), "tablet"}).token);
  }
  ~GroupHub() { std::filesystem::remove_all(dir); }
};

Version versioned(RecordType type, const RecordBody& body, Id author, Id observation = {}) {
  Version v;
  v.version = Id::random();
  v.record = Id::random();
  v.type = type;
  v.author = author;
  v.observation = observation;
  v.saved_at_ms = 1795664719000;
  v.body = encode_body(body);
  v.body_hash = body_hash(v.type, false, v.body);
  return v;
}

Version observation_led_by(Id person) {
  Observation o;
  o.participants = {{person, Role::TeacherLeader}};
  return versioned(RecordType::Observation, o, person);
}
}  // namespace

TEST_CASE("group commit: pushes in one commit are each stored or refused on their own", "[server][store]") {
  GroupHub h;
  const Version visit = observation_led_by(h.person);
  // A Person record of someone else: the rules refuse it (403), so that push stores nothing.
  const Version someone_else = versioned(RecordType::Person, Person{"Not Lena", ""}, h.person);
  const Version other_visit = observation_led_by(h.person);
  const sync::PushRequest good{Id::random(), {visit}}, refused{Id::random(), {someone_else}},
      also_good{Id::random(), {other_visit}};
  const std::size_t before = h.hub.store().all_versions().size();

  auto outcomes = h.hub.push_together({{&h.device, &good},
                                       {&h.device, &refused},
                                       {&h.device, &also_good},
                                       {&h.device, &good}});  // the first one sent again
  REQUIRE(outcomes.size() == 4);
  CHECK_FALSE(outcomes[0].error);
  CHECK(outcomes[0].response.stored == 1);
  CHECK_THROWS_AS(std::rethrow_exception(outcomes[1].error), server::HubRefusal);
  CHECK_FALSE(outcomes[2].error);
  CHECK(outcomes[2].response.stored == 1);
  CHECK(outcomes[3].response.replayed);  // the resend sees the first in the same transaction
  CHECK(h.hub.store().all_versions().size() == before + 2);
  CHECK(h.hub.store().has_version(visit.version));
  CHECK_FALSE(h.hub.store().has_version(someone_else.version));
  CHECK(h.hub.store().has_version(other_visit.version));
}

TEST_CASE("group commit: pushes waiting at once share a group, and each gets its own answer", "[server]") {
  std::atomic<int> groups{0}, largest{0};
  server::GroupCommit pushes([&](const std::vector<HubStore::Pushing>& group) {
    ++groups;
    largest = std::max(largest.load(), static_cast<int>(group.size()));
    std::this_thread::sleep_for(std::chrono::milliseconds(100));  // a slow commit
    std::vector<HubStore::Pushed> out(group.size());
    for (std::size_t i = 0; i < group.size(); ++i) {
      out[i].response.batch = group[i].request->batch;
      if (group[i].request->versions.size() == 1)  // stands for a refused push
        out[i].error = std::make_exception_ptr(server::HubError(403, "refused"));
    }
    return out;
  });
  const server::DeviceRow device;
  constexpr int kThreads = 8;
  std::vector<sync::PushRequest> requests(kThreads);
  for (auto& r : requests) r.batch = Id::random();
  requests[3].versions.resize(1);
  std::vector<Id> answered(kThreads);
  std::atomic<int> refusals{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t)
    threads.emplace_back([&, t] {
      try {
        answered[static_cast<std::size_t>(t)] = pushes.push(device, requests[static_cast<std::size_t>(t)]).batch;
      } catch (const server::HubError&) {
        ++refusals;
      }
    });
  for (auto& t : threads) t.join();
  CHECK(refusals == 1);
  for (int t = 0; t < kThreads; ++t)
    if (t != 3) CHECK(answered[static_cast<std::size_t>(t)] == requests[static_cast<std::size_t>(t)].batch);
  CHECK(groups < kThreads);  // 8 pushes arriving during a 100 ms commit do not take 8 commits
  CHECK(largest > 1);
}

TEST_CASE("group commit: a group whose commit fails fails every push of it", "[server]") {
  server::GroupCommit pushes(
      [](const std::vector<HubStore::Pushing>&) -> std::vector<HubStore::Pushed> { throw DbError(13, "disk full"); });
  const server::DeviceRow device;
  const sync::PushRequest request{Id::random(), {}};
  CHECK_THROWS_AS(pushes.push(device, request), DbError);
  CHECK_THROWS_AS(pushes.push(device, request), DbError);  // and the next group is led again
}
