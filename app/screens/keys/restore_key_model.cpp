// Restoring the key pair from the recovery phrase. See restore_key_model.h.
#include "app/screens/keys/restore_key_model.h"

#include "app/screens/keys/keys_model.h"

namespace app {

RestoreKeyModel::RestoreKeyModel(core::Store& store, core::Id me) : store_(store), me_(me) {}

bool RestoreKeyModel::apply(const RestoreKeyAction& action) {
  if (restored_) return false;
  message_.clear();
  return job_.start([path = store_.path(), me = me_, typed = action.typed]() -> core::sync::RestoreOutcome {
    try {
      core::Store own(path);  // this thread's connection (background_job.h)
      auto outcome = core::sync::restore_key_pair(own, me, typed);
      if (outcome.restored) keep_recovery_phrase(own);
      return outcome;
    } catch (const std::exception& e) {
      return {false, std::string("Your key could not be restored on this device: ") + e.what()};
    }
  });
}

bool RestoreKeyModel::poll() {
  auto outcome = job_.take();
  if (!outcome) return false;
  restored_ = outcome->restored;
  message_ = outcome->message;
  return true;
}

}  // namespace app
