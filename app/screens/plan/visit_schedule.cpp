// Cancelling, moving and proposing times for a planned visit. See visit_schedule.h.
#include "app/screens/plan/visit_schedule.h"

#include <algorithm>
#include <functional>
#include <stdexcept>

#include "core/dates.h"

namespace app {

namespace {

// A refusal the person can act on, as opposed to a store failure.
struct Refused : std::runtime_error {
  using std::runtime_error::runtime_error;
};

bool has_role(const core::Observation& o, core::Id me, core::Role role) {
  return std::any_of(o.participants.begin(), o.participants.end(),
                     [&](const core::Participant& p) { return p.person == me && p.role == role; });
}

bool takes_part(const core::Observation& o, core::Id me) {
  return std::any_of(o.participants.begin(), o.participants.end(),
                     [&](const core::Participant& p) { return p.person == me; });
}

// Reads the visit's one head, lets `change` edit it, and saves the result with that head as
// parent, all in one transaction, so a version that arrives meanwhile is either seen or waits.
std::string change_visit(core::Store& store, core::Id visit, core::Id me,
                         const std::function<void(core::Observation&)>& change) {
  try {
    store.transaction([&] {
      std::vector<core::RecordHead> heads = store.heads(visit);
      if (heads.empty() || heads.front().version.tombstone ||
          !std::holds_alternative<core::Observation>(heads.front().body))
        throw Refused("This visit is not on this device any more (it may have been deleted).");
      // Saving now would take one device's version and silently drop the other's edit.
      if (heads.size() > 1)
        throw Refused(
            "This visit was changed on two devices. Choose between the versions first (Home, Sync: "
            "\"Choose between versions\"), then try again.");
      core::Observation o = std::get<core::Observation>(heads.front().body);
      if (!takes_part(o, me)) throw Refused("Only the people in this visit can change when it happens.");
      if (o.status != core::ObservationStatus::Planned)
        throw Refused(o.status == core::ObservationStatus::Cancelled
                          ? "This visit is already cancelled."
                          : "This visit has happened; its time can no longer change.");
      change(o);
      store.update(visit, o, me);
    });
  } catch (const Refused& r) {
    return r.what();
  } catch (const std::exception& e) {
    return std::string("Could not save the change to this visit: ") + e.what();
  }
  return "";
}

// "" when date (required) and time (optional) are a day on the calendar and a clock time.
std::string check_when(const std::string& date, const std::string& time) {
  if (date.empty()) return "Write the new date, e.g. 2026-05-14.";
  if (std::string p = core::date_problem(date); !p.empty()) return p;
  if (!time.empty()) return core::time_problem(time);
  return "";
}

void clear_proposal(core::Observation& o) {
  o.proposed_date.clear();
  o.proposed_time.clear();
  o.proposed_by = core::Id{};
}

const char* const kLeaderOnly = "Only the teacher leader of this visit can do that.";
}  // namespace

std::string visit_when(const std::string& date, const std::string& time) {
  if (date.empty()) return "";
  return time.empty() ? date : date + " at " + time;
}

std::string cancel_visit(core::Store& store, core::Id me, core::Id visit) {
  return change_visit(store, visit, me, [&](core::Observation& o) {
    if (!has_role(o, me, core::Role::TeacherLeader)) throw Refused(kLeaderOnly);
    o.status = core::ObservationStatus::Cancelled;
    clear_proposal(o);
  });
}

std::string move_visit(core::Store& store, core::Id me, core::Id visit, const std::string& date,
                       const std::string& time) {
  if (std::string problem = check_when(date, time); !problem.empty()) return problem;
  return change_visit(store, visit, me, [&](core::Observation& o) {
    if (!has_role(o, me, core::Role::TeacherLeader)) throw Refused(kLeaderOnly);
    o.date = date;
    o.time = time;
    clear_proposal(o);  // the leader has chosen the time: a waiting proposal is answered
  });
}

std::string propose_time(core::Store& store, core::Id me, core::Id visit, const std::string& date,
                         const std::string& time) {
  if (std::string problem = check_when(date, time); !problem.empty()) return problem;
  return change_visit(store, visit, me, [&](core::Observation& o) {
    if (has_role(o, me, core::Role::TeacherLeader))
      throw Refused("You lead this visit: move it to the new time instead of proposing it.");
    if (date == o.date && (time.empty() || time == o.time)) throw Refused("That is the planned time already.");
    o.proposed_date = date;
    o.proposed_time = time;
    o.proposed_by = me;
  });
}

std::string accept_proposal(core::Store& store, core::Id me, core::Id visit) {
  return change_visit(store, visit, me, [&](core::Observation& o) {
    if (!has_role(o, me, core::Role::TeacherLeader)) throw Refused(kLeaderOnly);
    if (o.proposed_date.empty()) throw Refused("No other time is proposed for this visit any more.");
    o.date = o.proposed_date;
    if (!o.proposed_time.empty()) o.time = o.proposed_time;  // a proposal without a time keeps the hour
    clear_proposal(o);
  });
}

std::string keep_planned_time(core::Store& store, core::Id me, core::Id visit) {
  return change_visit(store, visit, me, [&](core::Observation& o) {
    if (!has_role(o, me, core::Role::TeacherLeader)) throw Refused(kLeaderOnly);
    if (o.proposed_date.empty()) throw Refused("No other time is proposed for this visit any more.");
    clear_proposal(o);
  });
}

}  // namespace app
