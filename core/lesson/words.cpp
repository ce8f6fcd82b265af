// See words.h.
#include "core/lesson/words.h"

namespace core {

const char* role_word(Role role) {
  switch (role) {
    case Role::ObservedTeacher:
      return "observed";
    case Role::TeacherLeader:
      return "observer";
    case Role::Coach:
      return "coach";
  }
  return "";
}

const char* note_kind_label(NoteKind kind) {
  switch (kind) {
    case NoteKind::Noticing:
      return "Noticed";
    case NoteKind::Quote:
      return "Quote";
    case NoteKind::Wondering:
      return "Wondering";
  }
  return "Noticed";
}

const char* next_step_status_label(NextStepStatus status) {
  switch (status) {
    case NextStepStatus::Open:
      return "Open";
    case NextStepStatus::Done:
      return "Done";
    case NextStepStatus::Dropped:
      return "Dropped";
  }
  return "Open";
}

const char* observation_status_label(ObservationStatus s) {
  switch (s) {
    case ObservationStatus::Planned:
      return "Planned";
    case ObservationStatus::Observed:
      return "Observed";
    case ObservationStatus::Debriefed:
      return "Debriefed";
    case ObservationStatus::Cancelled:
      return "Cancelled";
  }
  return "";
}

}  // namespace core
