// The visit summary a teacher leader hands over at the debrief: who and when, the teacher's
// focus and look-fors, each observer's evidence (counts, timer shares, the seating map and the
// timeline; two observers are never added together), the shared prompts with the teacher's
// reflections, the debrief notes and the next steps; coaching notes only in a copy for the coach
// or the teacher leader (audience.h).
#pragma once
#include "core/report/audience.h"
#include "core/report/document.h"
#include "core/store.h"

namespace core::report {

// Throws ReportError when the visit is not on this device or the reader takes no part in it.
Document visit_report(const Store& store, Id visit, const Audience& audience);

}  // namespace core::report
