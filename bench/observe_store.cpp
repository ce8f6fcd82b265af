// See observe_store.h.
#include "bench/observe_store.h"

#include <string>

namespace bench {

core::Id seed_observe_store(core::Store& store) {
  core::Id me = store.create(core::Person{"Sam Okafor", ""}, core::Id{}).record;
  store.meta().set_local_person(me);
  core::Id coach = store.create(core::Person{"Jonas Berg", ""}, me).record;
  core::Id teacher = store.create(core::Person{"Amira Haddad", ""}, me).record;
  core::Observation o;
  o.focus_question = "Who gets to answer my questions, and how long do I wait before I take an answer?";
  o.look_fors = {"Open questions", "Wait time", "Who answers"};
  o.tools.counters = {
      {"open-q", "Open questions"}, {"closed-q", "Closed questions"}, {"student-q", "Student questions"}};
  o.tools.timers = {
      {"teacher", "Teacher talk", "talk"}, {"student", "Student talk", "talk"}, {"wait", "Wait time", ""}};
  o.tools.seating.enabled = true;
  o.tools.seating.rows = 4;
  o.tools.seating.cols = 6;
  for (int r = 0; r < 4; ++r)
    for (int c = 0; c < 6; ++c)
      o.tools.seating.seats.push_back(
          {"r" + std::to_string(r) + "c" + std::to_string(c), "S" + std::to_string(r * 6 + c), r, c});
  o.participants = {
      {teacher, core::Role::ObservedTeacher}, {me, core::Role::TeacherLeader}, {coach, core::Role::Coach}};
  core::Id target;
  store.transaction([&] {
    for (int i = 0; i < 1000; ++i) {
      core::Observation x = o;
      x.class_name = "Class " + std::to_string(i);
      x.date =
          "2026-" + std::string(i % 12 < 9 ? "0" : "") + std::to_string(i % 12 + 1) + "-1" + std::to_string(i % 10);
      x.status = i == 999 ? core::ObservationStatus::Planned : core::ObservationStatus::Debriefed;
      core::Id id = store.create(x, me).record;
      if (i == 999) target = id;
    }
    for (int i = 0; i < 2000; ++i) {
      core::Id author = i % 3 == 0 ? coach : me;
      std::int64_t t = static_cast<std::int64_t>(i) * 1500;
      switch (i % 4) {
        case 0:
          store.create(core::EvidenceNote{target,
                                          t,
                                          "Note " + std::to_string(i) + ": students compare predictions in pairs",
                                          core::NoteKind::Noticing,
                                          {"Who answers"}},
                       author);
          break;
        case 1:
          store.create(core::Tally{target, i % 8 == 1 ? "open-q" : "closed-q", t}, author);
          break;
        case 2:
          store.create(core::TimerSpan{target, i % 8 == 2 ? "teacher" : "student", t, t + 1000}, author);
          break;
        default:
          store.create(core::SeatMark{target, "r" + std::to_string(i % 4) + "c" + std::to_string(i % 6), t}, author);
          break;
      }
    }
  });
  return target;
}

}  // namespace bench
