// Hub tests: key grants and key backups through a real HubStore. A grant reaches its sender's and
// its recipient's devices and nobody else's, not even other participants of the observation; a
// backup reaches only its person's own devices (a second tablet too); grants from someone without
// the key, and a backup of someone else's key pair, are refused.
#include <catch2/catch.hpp>

#include <filesystem>
#include <set>

#include "core/serialization.h"
#include "hub_process.h"
#include "server/hub_store.h"

using namespace core;

namespace {
// Removed after the hub store that lives in it is closed (members are destroyed in reverse order).
struct KeyedHubDir {
  std::string path = testing_support::temp_dir("peerobs-hub-keys");
  ~KeyedHubDir() { std::filesystem::remove_all(path); }
};

struct KeyedVisit {
  KeyedHubDir dir;
  server::HubStore hub{dir.path};
  Id leader, coach, teacher, stranger;
  server::DeviceRow leader_tablet, leader_laptop, coach_tablet, teacher_tablet, stranger_tablet;
  Id obs = Id::random();
  Version plan;  // the observation's first version

  KeyedVisit() {
    leader = hub.add_person("Lena (teacher leader)", "");
    coach = hub.add_person("Chidi (coach)", "");
    teacher = hub.add_person("Tomás (observed)", "");
    stranger = hub.add_person("Sam (not in it)", "");
    leader_tablet = device_of(leader, "tablet");
    leader_laptop = device_of(leader, "laptop");
    coach_tablet = device_of(coach, "tablet");
    teacher_tablet = device_of(teacher, "tablet");
    stranger_tablet = device_of(stranger, "tablet");
    plan = observation_version({{teacher, Role::ObservedTeacher}, {leader, Role::TeacherLeader}, {coach, Role::Coach}});
    push(leader_tablet, {plan});
  }

  server::DeviceRow device_of(Id person, const std::string& name) {
    return hub.authenticate(hub.enroll({hub.issue_code(person, 7), name}).token);
  }
  Version observation_version(std::vector<Participant> participants, std::vector<Id> parents = {}) {
    Observation o;
    o.participants = std::move(participants);
    return version_of(o, leader, obs, std::move(parents));
  }
  static Version version_of(const RecordBody& body, Id author, Id record = Id::random(), std::vector<Id> parents = {}) {
    Version v;
    v.version = Id::random();
    v.record = record;
    v.type = type_of(body);
    v.author = author;
    v.observation = observation_of(body);
    v.parents = std::move(parents);
    v.saved_at_ms = 1795664719000;
    v.body = encode_body(body);
    v.body_hash = body_hash(v.type, false, v.body);
    return v;
  }
  Version grant(Id from, Id to, KeyScope kind = KeyScope::Observation) const {
    KeyGrant g{Id::random(), kind, obs, to, {}, {}, "wrapped for " + to.short_hex()};
    if (kind == KeyScope::CoachingThread) {
      g.coach = coach;
      g.teacher_leader = leader;
    }
    return version_of(g, from);
  }
  static Version backup(Id person, Id author) { return version_of(KeyBackup{person, "sealed pair"}, author); }

  void push(const server::DeviceRow& d, std::vector<Version> versions) { hub.push(d, {Id::random(), versions}); }
  // Every version id a device pulls from the start.
  std::set<Id> pulled(const server::DeviceRow& d) const {
    std::set<Id> out;
    sync::PullRequest req{0, 100};
    for (;;) {
      auto page = hub.pull(d, req);
      for (const auto& v : page.versions) out.insert(v.version);
      if (!page.more) return out;
      req.cursor = page.next_cursor;
    }
  }
  // Only the key records among them.
  std::set<Id> keys_pulled(const server::DeviceRow& d) const {
    std::set<Id> out;
    for (const auto& v : hub.pull(d, {0, 1000}).versions)
      if (v.type == RecordType::KeyGrant || v.type == RecordType::KeyBackup) out.insert(v.version);
    return out;
  }
};

int refused_status(KeyedVisit& k, const server::DeviceRow& d, const Version& v) {
  try {
    k.push(d, {v});
  } catch (const server::HubRefusal& e) {
    return e.status;
  }
  return 0;
}
}  // namespace

TEST_CASE("hub key grants: a grant reaches its sender and its recipient, a backup only its person's devices",
          "[server][sync][keys]") {
  KeyedVisit k;
  const Version to_teacher = k.grant(k.leader, k.teacher);
  const Version to_coach = k.grant(k.leader, k.coach);
  const Version thread_to_coach = k.grant(k.leader, k.coach, KeyScope::CoachingThread);
  const Version leader_backup = KeyedVisit::backup(k.leader, k.leader);
  k.push(k.leader_tablet, {to_teacher, to_coach, thread_to_coach, leader_backup});
  const Version thread_to_leader = k.grant(k.coach, k.leader, KeyScope::CoachingThread);
  k.push(k.coach_tablet, {thread_to_leader});

  const std::set<Id> leaders{to_teacher.version, to_coach.version, thread_to_coach.version, leader_backup.version,
                             thread_to_leader.version};
  CHECK(k.keys_pulled(k.leader_tablet) == leaders);
  CHECK(k.keys_pulled(k.leader_laptop) == leaders);  // the person's second device: the backup too
  CHECK(k.keys_pulled(k.coach_tablet) ==
        std::set<Id>{to_coach.version, thread_to_coach.version, thread_to_leader.version});
  CHECK(k.keys_pulled(k.teacher_tablet) == std::set<Id>{to_teacher.version});
  CHECK(k.keys_pulled(k.stranger_tablet).empty());
  CHECK(k.pulled(k.teacher_tablet).count(k.plan.version) == 1);  // the visit itself reaches every participant
  CHECK(k.pulled(k.stranger_tablet).count(k.plan.version) == 0);
}

TEST_CASE("hub key grants: a person added later receives the visit but none of the grants made for others",
          "[server][sync][keys]") {
  KeyedVisit k;
  const Version to_teacher = k.grant(k.leader, k.teacher);
  k.push(k.leader_tablet, {to_teacher, KeyedVisit::backup(k.leader, k.leader)});
  const Version added = k.observation_version({{k.teacher, Role::ObservedTeacher},
                                               {k.leader, Role::TeacherLeader},
                                               {k.coach, Role::Coach},
                                               {k.stranger, Role::Coach}},
                                              {k.plan.version});
  k.push(k.leader_tablet, {added});
  CHECK(k.pulled(k.stranger_tablet).count(added.version) == 1);  // the backfill ran
  CHECK(k.keys_pulled(k.stranger_tablet).empty());

  const Version to_newcomer = k.grant(k.coach, k.stranger);
  k.push(k.coach_tablet, {to_newcomer});
  CHECK(k.keys_pulled(k.stranger_tablet) == std::set<Id>{to_newcomer.version});
  CHECK(k.keys_pulled(k.teacher_tablet) == std::set<Id>{to_teacher.version});
}

TEST_CASE("hub key grants: grants from outside the scope and backups of another person are refused",
          "[server][sync][keys]") {
  KeyedVisit k;
  SECTION("a colleague outside the visit cannot hand out its key") {
    CHECK(refused_status(k, k.stranger_tablet, k.grant(k.stranger, k.teacher)) == 403);
  }
  SECTION("the observed teacher cannot grant the coaching thread's key") {
    CHECK(refused_status(k, k.teacher_tablet, k.grant(k.teacher, k.coach, KeyScope::CoachingThread)) == 403);
  }
  SECTION("a coaching thread's key is granted only within its pair") {
    CHECK(refused_status(k, k.coach_tablet, k.grant(k.coach, k.teacher, KeyScope::CoachingThread)) == 403);
  }
  SECTION("nobody backs up someone else's key pair") {
    CHECK(refused_status(k, k.coach_tablet, KeyedVisit::backup(k.leader, k.coach)) == 403);
  }
  SECTION("a key record is never deleted") {
    const Version g = k.grant(k.leader, k.teacher);
    k.push(k.leader_tablet, {g});
    Version gone = g;
    gone.version = Id::random();
    gone.parents = {g.version};
    gone.tombstone = true;
    gone.body.clear();
    gone.body_hash = body_hash(gone.type, true, gone.body);
    CHECK(refused_status(k, k.leader_tablet, gone) == 403);
  }
  // A refused push stores nothing, so nobody but the sender of the one accepted grant holds a key record.
  CHECK(k.keys_pulled(k.coach_tablet).empty());
  CHECK(k.keys_pulled(k.stranger_tablet).empty());
}
