// What an observation holds after the lesson as evidence items a prompt can point at: every note,
// and one summary per observer per counter, timer and seat (each observer's taps are their own
// measurement, so two observers' counts are two items, never one sum). Shared by Prompt and Reflect.
// Everything is descriptive: counts and durations, never a judgement.
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/lesson/lesson_data.h"
#include "core/records.h"
#include "core/store.h"

namespace app {

struct EvidenceItem {
  core::EvidenceKind kind = core::EvidenceKind::Note;
  // Stable: a note's record hex; "counter:<key>@<observer hex>", "timer:…", "seat:…" for summaries.
  std::string key;
  std::vector<core::Id> records;  // the note, or every tally/span/mark the summary counts
  std::int64_t lesson_ms = 0;     // notes: when it was noted; summaries: 0
  core::NoteKind note_kind = core::NoteKind::Noticing;
  // The note, or "Open questions: 7"; with several observers a summary names whose it is:
  // "Open questions: 7, counted by Jonas Berg".
  std::string text;
  std::string author_name;  // who noted or counted it; "" for a summary when one observer captured data
  core::Id author;
};

// Notes in lesson order, then each observer's counter, timer and seat summaries (those with data).
std::vector<EvidenceItem> evidence_items(const core::Store& store, core::Id observation, const core::LessonData& lesson,
                                         const std::map<core::Id, std::string>& names);

}  // namespace app
