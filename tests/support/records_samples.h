// One filled-in sample of every record type, with distinct non-default values, for round trips.
#pragma once
#include <vector>

#include "core/records.h"

namespace testing_support {

inline std::vector<core::RecordBody> sample_bodies() {
  using namespace core;
  Id a = Id::random(), b = Id::random(), obs = Id::random();
  Observation o;
  o.cycle = a;
  o.focus_question = "Who answers?";
  o.look_fors = {"Wait time", "Who answers"};
  o.tools.counters = {{"open-q", "Open questions"}};
  o.tools.timers = {{"tt", "Teacher talk", "talk"}, {"st", "Student talk", "talk"}};
  o.tools.seating = {true, 2, 3, {{"r0c0", "Ali", 0, 0}, {"r1c2", "Zoë", 1, 2}}};
  o.template_key = "questioning";
  o.class_name = "8B";
  o.date = "2026-11-19";
  o.time = "10:40";
  o.participants = {{a, Role::ObservedTeacher}, {b, Role::Coach}};
  o.status = ObservationStatus::Observed;
  o.follows = b;
  return {
      Person{"Amira Haddad", "Northfield"},
      Cycle{"Questioning", a, "Who gets to answer?"},
      o,
      LessonClock{obs, 123456, true, false},
      EvidenceNote{obs, 65000, "Dara: \"Is it the water?\" — ünïcode", NoteKind::Quote, {"Who answers"}},
      Tally{obs, "open-q", 7000},
      TimerSpan{obs, "tt", 1000, 61000},
      SeatMark{obs, "r1c2", 90000},
      Prompt{obs, "Is this what you expected?", {a, b}, true},
      Reflection{obs, a, "Not quite."},
      DebriefNote{obs, "We agreed to try whiteboards."},
      NextStep{obs, "Whiteboards", a, "A class set", "2026-12-03", NextStepStatus::Done, b},
      CoachingNote{obs, b, "Your first question opened the talk."},
      KeyGrant{Id::random(), KeyScope::CoachingThread, obs, a, b, a, std::string("\x00\x01wrapped\xff", 10)},
      KeyBackup{a, std::string("sealed\x00\x80pair", 12)},
  };
}

}  // namespace testing_support
