// Names and scopes of record types; the table here is the one place a type's name lives.
#include "core/records.h"

namespace core {

namespace {
const char* const kTypeNames[kRecordTypeCount] = {
    "person", "cycle",      "observation",  "lesson_clock", "evidence_note", "tally",     "timer_span", "seat_mark",
    "prompt", "reflection", "debrief_note", "next_step",    "coaching_note", "key_grant", "key_backup",
};
}  // namespace

RecordType type_of(const RecordBody& body) { return static_cast<RecordType>(body.index() + 1); }

bool valid_record_type(int value) { return value >= 1 && value <= kRecordTypeCount; }

const char* type_name(RecordType type) {
  int i = static_cast<int>(type);
  return valid_record_type(i) ? kTypeNames[i - 1] : "unknown";
}

bool type_from_name(const std::string& name, RecordType& out) {
  for (int i = 0; i < kRecordTypeCount; ++i)
    if (name == kTypeNames[i]) {
      out = static_cast<RecordType>(i + 1);
      return true;
    }
  return false;
}

const char* role_name(Role role) {
  switch (role) {
    case Role::ObservedTeacher:
      return "observed_teacher";
    case Role::TeacherLeader:
      return "teacher_leader";
    case Role::Coach:
      return "coach";
  }
  return "unknown";
}

Id observation_of(const RecordBody& body) {
  return std::visit(
      [](const auto& b) -> Id {
        using T = std::decay_t<decltype(b)>;
        if constexpr (std::is_same_v<T, Person> || std::is_same_v<T, Cycle> || std::is_same_v<T, Observation> ||
                      std::is_same_v<T, KeyBackup>)
          return Id{};
        else if constexpr (std::is_same_v<T, KeyGrant>)
          return b.scope_kind == KeyScope::Cycle ? Id{} : b.scope;
        else
          return b.observation;
      },
      body);
}

}  // namespace core
