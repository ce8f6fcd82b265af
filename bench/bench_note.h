// The evidence note the sync benches write, the i-th of a lesson: bench_sync pushes and pulls
// them, bench_sealing seals and opens them, and their figures compare only while both use the
// same text.
#pragma once
#include <string>

#include "core/records.h"

namespace bench {

inline core::EvidenceNote bench_note(core::Id observation, int i) {
  core::EvidenceNote note;
  note.observation = observation;
  note.lesson_ms = i * 1500;
  note.text =
      "Student " + std::to_string(i % 28) + " asked why the plant leaned toward the window (" + std::to_string(i) + ")";
  return note;
}

}  // namespace bench
