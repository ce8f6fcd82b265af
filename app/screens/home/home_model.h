// Home's view and actions, plain C++: my upcoming visits by my role in them (the ones planned in
// my classroom first), what waits for me (prompts to answer or write, debriefs to hold, next steps,
// another time a colleague proposed for a visit I lead), the teacher leaders I coach and what waits
// on their visits, visits cancelled, my cycles. build_home reads the store once per visit of Home;
// apply_home_action makes each change one durable write (visit_schedule.h) before Home shows it.
#pragma once
#include <string>
#include <vector>

#include "core/records.h"
#include "core/store.h"

namespace app {

struct HomeObservation {
  core::Id id;
  core::Id cycle;
  core::Role role = core::Role::TeacherLeader;  // my role in it
  core::ObservationStatus status = core::ObservationStatus::Planned;
  std::string title;  // class, else the cycle title
  std::string when;   // "2026-12-03 at 10:40", "" if no date
  std::string date;   // as planned, "YYYY-MM-DD" or ""
  std::string time;   // as planned, "HH:MM" or ""
  std::string focus;  // the focus question
  std::string with;   // "with Amira Haddad (observed teacher), Jonas Berg (coach)"; in my
                      // classroom: "Observers: Sam Okafor (teacher leader), Jonas Berg (coach)";
                      // "Jonas Berg (coach, key changed)" when that colleague's key changed
  bool follow_up = false;
  bool can_reschedule = false;  // I lead it and it is planned: I move or cancel it
  bool can_propose = false;     // planned, I take part but do not lead it: I propose another time
  // Another time proposed and not yet answered, in words: "Amira Haddad proposes 2026-12-05 at
  // 09:00", or "You proposed ...; Sam Okafor has not answered yet". "" = none.
  std::string proposal;
};

struct WaitingItem {
  enum class Kind { AnswerPrompts, NextStep, HoldDebrief, WritePrompts, ProposedTime };
  Kind kind = Kind::AnswerPrompts;
  core::Id observation;
  core::Id record;     // the next step (NextStep), else empty
  std::string text;    // what waits, in plain words
  std::string detail;  // class/date or the follow-up date
  std::string due;     // "YYYY-MM-DD" for ordering ("" = no date)
};

// A cycle I take part in, so its visits and next steps stay one tap away after the last planned
// visit has happened.
struct HomeCycle {
  core::Id id;
  core::Id latest;     // the most recent visit (by date), opened with the cycle
  std::string title;   // the cycle's title
  std::string detail;  // "3 visits · latest 2026-12-03"
};

// For a coach: one visit of a teacher leader I coach that waits for something.
struct CoachingWait {
  enum class Kind { Debrief, CoachingNote };
  Kind kind = Kind::Debrief;
  core::Id observation;
  core::Id cycle;
  std::string text;    // "Waits for the debrief" / "No coaching note from you yet"
  std::string detail;  // "8B science · 2026-11-19"
  std::string due;     // the visit's date, for ordering
};

// A teacher leader I coached on at least one visit, with what waits on those visits.
struct CoachedLeader {
  core::Id person;
  std::string name;
  std::vector<CoachingWait> waiting;  // oldest visit first; empty = nothing waits
};

struct HomeView {
  std::string my_name;
  std::vector<HomeObservation> observing, being_observed, co_observing;  // planned, soonest first
  std::vector<HomeObservation> cancelled;  // cancelled, dated today or later (or undated), soonest first
  std::vector<WaitingItem> waiting;
  std::vector<CoachedLeader> coached;  // by name
  std::vector<HomeCycle> cycles;       // latest visit first
  // End-to-end encryption (keys_model.h): offer a recovery phrase, ask for one, name changed keys.
  bool recovery_phrase_wanted = false;
  bool recovery_phrase_needed = false;
  std::vector<std::string> changed_keys;  // names of colleagues whose key changed, by name
  std::string error;                      // a store problem in plain words, "" = none
};

// `today` ("YYYY-MM-DD") keeps cancelled visits of past days off Home; "" keeps them all.
HomeView build_home(const core::Store& store, core::Id me, const std::string& today = "");

// What a tap on Home asks for.
struct HomeAction {
  enum class Kind { CancelVisit, MoveVisit, ProposeTime, AcceptProposal, KeepPlannedTime, SendRefusedAgain };
  Kind kind = Kind::CancelVisit;
  core::Id visit;
  std::string date, time;  // MoveVisit, ProposeTime: as typed
};

struct HomeOutcome {
  bool done = false;
  std::string message;  // done: the confirmation to show; else what stopped it, in plain words
};

HomeOutcome apply_home_action(core::Store& store, core::Id me, const HomeAction& action);

}  // namespace app
