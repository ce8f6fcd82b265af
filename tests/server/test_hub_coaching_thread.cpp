// Hub tests: a coaching thread through a real hub process. The coach's note and the teacher
// leader's reply reach each other's devices; the observed teacher, a second coach of the same
// visit and a colleague outside it receive neither; a note the rules refuse is held back.
// Devices send bodies in clear (ClearDevice, TwoColleagues::Sealed::No in sync_fixture.h): the cases count
// pushed versions and read a note after one sync of its writer.
#include <catch2/catch.hpp>

#include <set>

#include "core/serialization.h"
#include "sync_fixture.h"

using namespace core;
using namespace testing_support;

namespace {
struct CoachedVisit {
  HubProcess hub{temp_dir("peerobs-hub")};
  ClearDevice teacher, leader, coach, other_coach, stranger;
  Id obs;

  CoachedVisit() {
    hub.start();
    enroll(teacher, "Tomás (observed)");
    enroll(leader, "Lena (teacher leader)");
    enroll(coach, "Chidi (coach)");
    enroll(other_coach, "Ana (second coach)");
    enroll(stranger, "Sam (not in it)");
    Observation o;
    o.focus_question = "Who answers my questions?";
    o.participants = {{teacher.me(), Role::ObservedTeacher},
                      {leader.me(), Role::TeacherLeader},
                      {coach.me(), Role::Coach},
                      {other_coach.me(), Role::Coach}};
    obs = leader.store->create(o, leader.me()).record;
    leader.sync();
  }
  ~CoachedVisit() {
    hub.stop();
    std::filesystem::remove_all(hub.data_dir());
  }
  void enroll(Device& d, const std::string& name) { d.enroll(hub.url(), hub.issue_code(hub.add_person(name))); }
  void sync_all() {
    for (Device* d : {&teacher, &leader, &coach, &other_coach, &stranger}) d->sync();
  }
  // The texts of the coaching notes a device holds.
  static std::set<std::string> thread(const Device& d) {
    std::set<std::string> out;
    for (const auto& [r, h] : d.store->live(RecordType::CoachingNote)) out.insert(std::get<CoachingNote>(h.body).text);
    return out;
  }
};
}  // namespace

TEST_CASE("hub coaching thread: the coach's note and the teacher leader's reply reach only those two devices",
          "[server][sync][coaching]") {
  CoachedVisit v;
  v.sync_all();
  REQUIRE(v.teacher.sees(v.obs));
  REQUIRE(v.other_coach.sees(v.obs));

  v.coach.store->create(CoachingNote{v.obs, v.leader.me(), "You waited after each question.", v.coach.me()},
                        v.coach.me());
  v.coach.sync();
  v.leader.sync();
  CHECK(CoachedVisit::thread(v.leader) == std::set<std::string>{"You waited after each question."});

  v.leader.store->create(CoachingNote{v.obs, v.leader.me(), "The quiet felt long. How long is enough?", v.coach.me()},
                         v.leader.me());
  auto pushed = v.leader.sync();
  CHECK(pushed.pushed == 1);
  CHECK(pushed.held_back == 0);
  v.sync_all();

  const std::set<std::string> both{"You waited after each question.", "The quiet felt long. How long is enough?"};
  CHECK(CoachedVisit::thread(v.coach) == both);
  CHECK(CoachedVisit::thread(v.leader) == both);
  CHECK(CoachedVisit::thread(v.teacher).empty());
  CHECK(CoachedVisit::thread(v.other_coach).empty());
  CHECK(CoachedVisit::thread(v.stranger).empty());
  CHECK(v.teacher.sees(v.obs));  // the visit itself still reaches the observed teacher

  SECTION("the second coach's own thread with the teacher leader stays between them") {
    v.leader.store->create(CoachingNote{v.obs, v.leader.me(), "Ana, a question about pacing.", v.other_coach.me()},
                           v.leader.me());
    v.leader.sync();
    v.sync_all();
    CHECK(CoachedVisit::thread(v.other_coach) == std::set<std::string>{"Ana, a question about pacing."});
    CHECK(CoachedVisit::thread(v.coach) == both);
    CHECK(CoachedVisit::thread(v.teacher).empty());
  }
}

TEST_CASE("hub coaching thread: a coaching note from the observed teacher is held back and reaches nobody",
          "[server][sync][coaching]") {
  CoachedVisit v;
  v.sync_all();
  v.teacher.store->create(CoachingNote{v.obs, v.leader.me(), "Can I join the thread?", v.coach.me()}, v.teacher.me());
  v.teacher.note(v.obs, "A note of my own about my class.");
  auto r = v.teacher.sync();
  CHECK(r.held_back == 1);
  CHECK(r.pushed == 1);
  v.sync_all();
  CHECK(CoachedVisit::thread(v.leader).empty());
  CHECK(CoachedVisit::thread(v.coach).empty());
  CHECK(v.leader.notes(v.obs) == 1);  // the rest of the teacher's push arrived
}

TEST_CASE("hub coaching thread: a teacher leader's reply naming a colleague outside the visit is held back",
          "[server][sync][coaching]") {
  CoachedVisit v;
  v.sync_all();
  v.leader.store->create(CoachingNote{v.obs, v.leader.me(), "Sam, what do you think?", v.stranger.me()}, v.leader.me());
  auto r = v.leader.sync();
  CHECK(r.held_back == 1);
  v.sync_all();
  CHECK(CoachedVisit::thread(v.stranger).empty());
  CHECK_FALSE(v.stranger.sees(v.obs));
}
