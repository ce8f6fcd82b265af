// The words every screen and report uses for roles, note kinds and statuses, so a visit reads
// the same on the Debrief screen, in its PDF and in its CSV.
#pragma once
#include "core/records.h"

namespace core {

// "observed", "observer", "coach": a participant's role after their name.
const char* role_word(Role role);

// "Noticed", "Quote", "Wondering".
const char* note_kind_label(NoteKind kind);

// "Open", "Done", "Dropped".
const char* next_step_status_label(NextStepStatus status);

// "Planned", "Observed", "Debriefed", "Cancelled".
const char* observation_status_label(ObservationStatus status);

}  // namespace core
