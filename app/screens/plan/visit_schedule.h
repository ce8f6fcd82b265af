// When a planned visit happens, and whether it does. The teacher leader cancels a visit or moves
// it; another participant (the observed teacher, usually) proposes another time, which the
// teacher leader accepts (the date and time move) or declines by keeping the planned time.
// Guarantees: each action is one new Observation version, durable before it returns; dates and
// times pass the one shared check (core/dates.h); a visit with two heads (edited on two devices)
// is never written over: the person chooses between the versions first, so no edit is lost.
// Each returns "" when done, else what stopped it in plain words.
#pragma once
#include <string>

#include "core/records.h"
#include "core/store.h"

namespace app {

// Sets the visit's status to Cancelled (it leaves the upcoming lists); a waiting proposal goes
// with it. Teacher leader only; only a planned visit.
std::string cancel_visit(core::Store& store, core::Id me, core::Id visit);
// Moves the visit to `date` (required) at `time` ("" = no time); answers a waiting proposal.
// Teacher leader only; only a planned visit.
std::string move_visit(core::Store& store, core::Id me, core::Id visit, const std::string& date,
                       const std::string& time);
// Proposes another date (required) and time ("" = the planned time) for the teacher leader to
// answer; replaces my earlier proposal. Any participant but a teacher leader, who moves it instead.
std::string propose_time(core::Store& store, core::Id me, core::Id visit, const std::string& date,
                         const std::string& time);
// The teacher leader's answers to a waiting proposal: move to it, or keep the planned time.
std::string accept_proposal(core::Store& store, core::Id me, core::Id visit);
std::string keep_planned_time(core::Store& store, core::Id me, core::Id visit);

// "2026-12-03 at 10:40", "2026-12-03", or "" (no date).
std::string visit_when(const std::string& date, const std::string& time);

}  // namespace app
