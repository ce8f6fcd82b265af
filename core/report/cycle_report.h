// The cycle report: the teacher's focus and, visit by visit, the same data side by side (the
// Cycle screen's comparisons as pictures, one observer at a time, never summed), then the next
// steps and where they stand. A copy holds only the visits its reader takes part in.
#pragma once
#include "core/lesson/cycle_data.h"
#include "core/report/audience.h"
#include "core/report/document.h"
#include "core/store.h"

namespace core::report {

// The cycle as `audience.reader` may see it: the visits they take part in (all of them for the
// cycle's observed teacher's own visits). Throws ReportError when the cycle is not on this device
// or the reader takes part in none of its visits.
CycleData readable_cycle(const Store& store, Id cycle, Id reader);

Document cycle_report(const Store& store, Id cycle, const Audience& audience);

}  // namespace core::report
