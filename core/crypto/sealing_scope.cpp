#include "core/crypto/sealing_scope.h"

#include <stdexcept>

#include "core/crypto/sealed_body.h"
#include "core/serialization.h"

namespace core::crypto {

SealingScope key_scope_of(const Version& plain) {
  if (plain.tombstone || !travels_sealed(plain.type))
    throw std::invalid_argument("a " +
                                std::string(plain.tombstone ? "tombstone" : "record of a type that travels clear") +
                                " has no content key");
  SealingScope s;
  switch (plain.type) {
    case RecordType::Observation:
      s.scope = plain.record;
      break;
    case RecordType::Cycle:
      s.kind = KeyScope::Cycle;
      s.scope = plain.record;
      break;
    case RecordType::CoachingNote: {
      const auto note = std::get<CoachingNote>(decode_body(plain.type, plain.body));
      s.kind = KeyScope::CoachingThread;
      s.scope = plain.observation;
      s.coach = note.coach;
      s.teacher_leader = note.teacher_leader;
      break;
    }
    default:
      s.scope = plain.observation;
      break;
  }
  return s;
}

std::string describe(const SealingScope& scope) {
  switch (scope.kind) {
    case KeyScope::Cycle:
      return "the cycle " + scope.scope.hex();
    case KeyScope::CoachingThread:
      return "the coaching thread of the visit " + scope.scope.hex();
    case KeyScope::Observation:
      break;
  }
  return "the visit " + scope.scope.hex();
}

}  // namespace core::crypto
