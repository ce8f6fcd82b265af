// The parts the visit summary and the cycle report share, so a next step or an observer's counts
// read the same in both.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "core/lesson/lesson_data.h"
#include "core/report/document.h"

namespace core::report {

// The plain line at the top of every report.
extern const char* const kNotice;

// An observer's evidence as blocks: counts, timer shares and totals, the seating map, and
// (with_timeline) their notes in lesson order with their kinds.
void add_observer_evidence(const ObserverData& observer, bool with_timeline, std::vector<Block>& out);

// A next step with its owner, support, follow-up date and status.
Item next_step_item(const NextStep& step, const std::map<Id, std::string>& names);

// "Amira Haddad, Jonas Berg": the names of the plan's participants in `role`.
std::string names_in_role(const Observation& plan, Role role, const std::map<Id, std::string>& names);

}  // namespace core::report
