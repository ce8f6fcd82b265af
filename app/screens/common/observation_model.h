// ObservationModel: what the models of the screens about one observation share (Observe, Prompt,
// Reflect, Debrief, Coaching notes): the store they write to, who I am, the wall clock that paces
// drafts, the observation and its plan, and the last failure in words.
// Guarantees: loaded() is true only once the plan and the screen's own records were read; a store
// failure while loading, applying an action or autosaving becomes error(), a sentence with the
// store's reason, never an exception out of the model.
#pragma once
#include <cstdint>
#include <functional>
#include <string>

#include "app/screens/common/text_draft.h"
#include "core/records.h"
#include "core/store.h"

namespace app {

class ObservationModel {
 public:
  bool loaded() const { return !observation_.empty(); }
  core::Id observation() const { return observation_; }
  const core::Observation& plan() const { return plan_; }
  core::Id me() const { return me_; }
  const std::string& error() const { return error_; }
  std::string title() const;  // "8B science · 2026-11-19"

 protected:
  ObservationModel(core::Store& store, core::Id me, std::function<std::int64_t()> now_ms);
  ~ObservationModel() = default;

  // Reads the plan of `observation`, then runs `read_rest` (the screen's own records). False, with
  // error() saying why and loaded() false, when the observation is not on this device or the store
  // failed.
  bool load_observation(core::Id observation, const std::function<void()>& read_rest);
  // Applies one action once loaded: error() is cleared first, and a store failure becomes
  // error() = `failure` + the store's reason; a full storage becomes the sentence that says
  // `unsaved` ("this note") was not saved and space must be freed (storage_full.h).
  bool run_action(const std::function<bool()>& action,
                  const char* failure = "Could not save: ", const char* unsaved = "this change");
  // The same, naming what was not saved ("this note") when the storage is full.
  bool run_action(const char* unsaved, const std::function<bool()>& action) {
    return run_action(action, "Could not save: ", unsaved);
  }
  // Writes `draft` when it is due (`force`: now); a refusal becomes error().
  void autosave_draft(TextDraft& draft, bool force);
  // An action that cannot be done: error() says `why`, and the action returns false.
  bool refuse(std::string why);

  core::Store& store_;
  core::Id me_;
  std::function<std::int64_t()> now_ms_;  // wall clock, ms
  core::Id observation_;                  // empty until loaded
  core::Observation plan_;
  std::string error_;  // "" after a success
};

}  // namespace app
