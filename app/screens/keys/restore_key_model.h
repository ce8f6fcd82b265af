// A second device, or one restored after a loss (docs/encryption.md, Several devices), plain C++:
// the phrase as typed (spaces, dashes and case do not matter) opens the person's KeyBackup off the
// UI thread (core::sync::restore_key_pair: an Argon2id derivation). The sentence it returns is
// shown either way; a wrong phrase changes nothing. Once restored, the phrase counts as kept on
// this device (Home does not offer a new one) and the screen asks for a sync.
#pragma once
#include <string>

#include "app/screens/common/background_job.h"
#include "core/store.h"
#include "core/sync/key_recovery.h"

namespace app {

struct RestoreKeyAction {
  std::string typed;  // the phrase as the person typed it
};

class RestoreKeyModel {
 public:
  RestoreKeyModel(core::Store& store, core::Id me);

  // Starts opening the backup with `typed`; false while an earlier try still runs.
  bool apply(const RestoreKeyAction& action);
  // Takes the finished try once; true when one arrived (restored() and message() say how it went).
  bool poll();

  bool trying() const { return job_.running(); }
  bool restored() const { return restored_; }
  const std::string& message() const { return message_; }  // the last try's sentence, "" before one

 private:
  core::Store& store_;
  core::Id me_;
  BackgroundJob<core::sync::RestoreOutcome> job_;
  bool restored_ = false;
  std::string message_;
};

}  // namespace app
