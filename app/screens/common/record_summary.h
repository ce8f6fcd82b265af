// One saved version of a record as lines a teacher reads ("Kind: Quote", "Text: ..."), so two
// versions can be compared side by side without knowing the data model; and the words for
// roles, note kinds, statuses and record kinds that every screen uses.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "core/lesson/words.h"
#include "core/records.h"

namespace app {

struct SummaryLine {
  std::string label;  // "Text", "Lesson time", "Shared with the teacher"
  std::string value;  // "" shows as "(empty)"
};

// What a person calls a record of this type: "Evidence note", "Next step".
const char* record_kind_name(core::RecordType type);

// The fields of `body` that a person wrote or chose, in reading order. `names` turns person ids
// into names (unknown ids read "someone"); `plan` (may be null) turns counter, timer and seat
// keys into their labels.
std::vector<SummaryLine> summarize(const core::RecordBody& body, const std::map<core::Id, std::string>& names,
                                   const core::Observation* plan);

}  // namespace app
