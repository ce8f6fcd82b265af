// Home: my upcoming observations by my role in them, what waits for me (prompts to answer, next
// steps due, debriefs to hold), my cycles and the sync state. build_home reads the store once per visit.
#pragma once
#include <string>
#include <vector>

#include "app/screen.h"

namespace app {

struct HomeObservation {
  core::Id id;
  core::Id cycle;
  core::Role role = core::Role::TeacherLeader;  // my role in it
  core::ObservationStatus status = core::ObservationStatus::Planned;
  std::string title;   // class, else the cycle title
  std::string when;    // "2026-12-03 at 10:40", "" if no date
  std::string focus;   // the focus question
  std::string with;    // "with Amira Haddad (observed), Jonas Berg (coach)"
  bool follow_up = false;
};

struct WaitingItem {
  enum class Kind { AnswerPrompts, NextStep, HoldDebrief, WritePrompts };
  Kind kind = Kind::AnswerPrompts;
  core::Id observation;
  core::Id record;        // the next step (NextStep), else empty
  std::string text;       // what waits, in plain words
  std::string detail;     // class/date or the follow-up date
  std::string due;        // "YYYY-MM-DD" for ordering ("" = no date)
};

// A cycle I take part in, so its visits and next steps stay one tap away after the last planned
// visit has happened.
struct HomeCycle {
  core::Id id;
  core::Id latest;        // the most recent visit (by date), opened with the cycle
  std::string title;      // the cycle's title
  std::string detail;     // "3 visits · latest 2026-12-03"
};

struct HomeView {
  std::string my_name;
  std::vector<HomeObservation> observing, being_observed, co_observing;  // planned, soonest first
  std::vector<WaitingItem> waiting;
  std::vector<HomeCycle> cycles;  // latest visit first
  std::string error;      // a store problem in plain words, "" = none
};

HomeView build_home(const core::Store& store, core::Id me);

class HomeScreen : public Screen {
 public:
  ScreenId id() const override { return ScreenId::Home; }
  std::string title() const override { return "Home"; }
  void enter(const Route& route, AppContext& ctx) override;
  void draw(AppContext& ctx) override;
  const HomeView& view() const { return view_; }

 private:
  HomeView view_;
};

}  // namespace app
