// When, and by whom, a record was first saved. Lists of notes, prompts and reflections are shown
// in the order things were written, whatever was edited later, and a record is credited to who
// wrote it even when a later version came from someone else. Save times are device clocks: the
// only time two devices' records share.
#pragma once
#include <algorithm>
#include <cstdint>
#include <utility>
#include <vector>

#include "core/records.h"
#include "core/store.h"

namespace app {

struct FirstSave {
  std::int64_t saved_at_ms = 0;  // device wall time of the earliest version
  core::Id author;               // who saved that version
};

// The earliest version of `record`, whose newest version is `head` (the answer when the store
// lists no versions).
FirstSave first_save(const core::Store& store, core::Id record, const core::RecordHead& head);

// The items of `rows`, ordered by the time paired with each; items saved at the same time keep
// the order they came in.
template <typename T>
std::vector<T> in_time_order(std::vector<std::pair<std::int64_t, T>> rows) {
  std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<T> out;
  out.reserve(rows.size());
  for (auto& r : rows) out.push_back(std::move(r.second));
  return out;
}

}  // namespace app
