// Drawing what each observer captured in a lesson (Reflect and Debrief): one observer's data
// summary (counts, timer shares, the seating chart shaded by number of marks), the per-observer
// sections that say whose data each is, and an observer's whole timeline. Charts are neutral: one
// accent colour, intensity = amount, never a verdict. Drawing only: no store, no actions.
#pragma once
#include <string>
#include <vector>

#include "core/lesson/lesson_data.h"

namespace app {

// The plan's focus question under a small capital caption ("FOCUS QUESTION"), in bold; says so
// when the plan has none. Prompt, Reflect and Debrief open with it.
void draw_focus_question(const char* caption, const std::string& question);

// One observer's data summary, inside the current card.
void draw_data_summary(const core::DataSummary& summary);

// Each shown observer's data under whose it is ("Your taps", "Jonas Berg (coach)"), and a line
// for each observer who has not ended the lesson yet. With one observer and nobody still
// observing, only a caption says whose data it is, so the card reads as it always did.
void draw_observers_data(const std::vector<const core::ObserverData*>& shown,
                         const std::vector<const core::ObserverData*>& waiting, core::Id me);

// Everything one observer captured, in lesson order: notes with their kind and lesson time, timer
// stretches, and (when `with_taps`) each counter tap and seat mark. `with_taps` is the caller's
// widget state, toggled by a chip.
void draw_observer_timeline(const core::ObserverData& observer, core::Id me, bool& with_taps);

}  // namespace app
