// The recovery phrase's model. See recovery_phrase_model.h.
#include "app/screens/keys/recovery_phrase_model.h"

#include "app/screens/keys/keys_model.h"
#include "core/sync/key_recovery.h"

namespace app {

RecoveryPhraseModel::RecoveryPhraseModel(core::Store& store, core::Id me) : store_(store), me_(me) {}

void RecoveryPhraseModel::make() {
  if (making() || shown() || kept_) return;
  problem_.clear();
  job_.start([path = store_.path(), me = me_]() -> Made {
    Made made;
    try {
      core::Store own(path);  // this thread's connection (background_job.h)
      made.shown = core::sync::back_up_key_pair(own, me).shown();
    } catch (const std::exception& e) {
      made.problem = std::string("No recovery phrase was made: ") + e.what();
    }
    return made;
  });
}

bool RecoveryPhraseModel::poll() {
  auto made = job_.take();
  if (!made) return false;
  phrase_ = std::move(made->shown);
  problem_ = made->problem;
  return true;
}

bool RecoveryPhraseModel::written_down() {
  if (!shown()) return false;
  try {
    keep_recovery_phrase(store_);
  } catch (const std::exception& e) {
    problem_ = std::string("Could not note that you wrote it down: ") + e.what();
    return false;
  }
  kept_ = true;
  phrase_.reset();  // shown once: nothing keeps it after this
  return true;
}

bool RecoveryPhraseModel::apply(const RecoveryPhraseAction& action) {
  switch (action.kind) {
    case RecoveryPhraseAction::Kind::Make:
      make();
      return true;
    case RecoveryPhraseAction::Kind::WrittenDown:
      return written_down();
  }
  return false;
}

std::vector<std::string_view> RecoveryPhraseModel::groups() const {
  std::vector<std::string_view> out;
  if (!phrase_) return out;
  std::string_view rest = phrase_->view();
  while (!rest.empty()) {
    const auto space = rest.find(' ');
    if (space != 0) out.push_back(rest.substr(0, space));
    if (space == std::string_view::npos) break;
    rest.remove_prefix(space + 1);
  }
  return out;
}

}  // namespace app
