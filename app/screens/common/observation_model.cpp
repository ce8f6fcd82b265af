// The part every observation screen's model shares. See observation_model.h.
#include "app/screens/common/observation_model.h"

#include <exception>

#include "app/screens/common/model_text.h"
#include "app/screens/common/storage_full.h"

namespace app {

ObservationModel::ObservationModel(core::Store& store, core::Id me, std::function<std::int64_t()> now_ms)
    : store_(store), me_(me), now_ms_(std::move(now_ms)) {}

std::string ObservationModel::title() const { return visit_title(plan_); }

bool ObservationModel::load_observation(core::Id observation, const std::function<void()>& read_rest) {
  observation_ = core::Id{};
  plan_ = core::Observation{};
  error_.clear();
  try {
    auto head = store_.get(observation);
    if (!head || !std::holds_alternative<core::Observation>(head->body)) {
      error_ = "This observation is not on this device (it may have been deleted).";
      return false;
    }
    plan_ = std::get<core::Observation>(head->body);
    observation_ = observation;
    read_rest();
  } catch (const std::exception& e) {
    error_ = std::string("Could not read this observation: ") + e.what();
    observation_ = core::Id{};
    return false;
  }
  return true;
}

bool ObservationModel::run_action(const std::function<bool()>& action, const char* failure, const char* unsaved) {
  if (!loaded()) return false;
  error_.clear();
  try {
    return action();
  } catch (const core::DiskFull&) {
    // Not "Could not save: <the file's path>": the person can act on this one themselves.
    error_ = storage_full_sentence(unsaved);
    return false;
  } catch (const std::exception& e) {
    error_ = failure + std::string(e.what());
    return false;
  }
}

bool ObservationModel::refuse(std::string why) {
  error_ = std::move(why);
  return false;
}

void ObservationModel::autosave_draft(TextDraft& draft, bool force) {
  if (!loaded()) return;
  std::string error;
  if (!draft.autosave(store_, now_ms_(), force, error)) error_ = error;
}

}  // namespace app
