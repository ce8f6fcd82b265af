// Making the recovery phrase (docs/encryption.md, Several devices), plain C++: the phrase and the
// person's KeyBackup record are made off the UI thread (core::sync::back_up_key_pair: an Argon2id
// derivation), the phrase is kept in memory only while the screen shows it, and "I have written
// it down" is kept in the store's meta. Without that confirmation Home keeps offering a phrase,
// and a new one made later replaces this one's backup on the hub.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/screens/common/background_job.h"
#include "core/crypto/secret_bytes.h"
#include "core/store.h"

namespace app {

struct RecoveryPhraseAction {
  enum class Kind { Make, WrittenDown };
  Kind kind = Kind::Make;
};

class RecoveryPhraseModel {
 public:
  RecoveryPhraseModel(core::Store& store, core::Id me);

  // Starts making a phrase unless one is being made or shown.
  void make();
  // Takes the finished phrase (or the failure) once it is ready; true when something arrived.
  bool poll();
  // "I have written it down": kept in meta; false (problem() says why) when it could not be.
  bool written_down();
  bool apply(const RecoveryPhraseAction& action);

  bool making() const { return job_.running(); }
  bool shown() const { return phrase_.has_value(); }
  bool kept() const { return kept_; }
  // The phrase in groups of four characters ("ABCD", "EFGH", ...); empty until it is made.
  std::vector<std::string_view> groups() const;
  const std::string& problem() const { return problem_; }

 private:
  struct Made {
    std::optional<core::crypto::SecretBytes> shown;  // "ABCD EFGH ...", or nothing on failure
    std::string problem;
  };
  core::Store& store_;
  core::Id me_;
  BackgroundJob<Made> job_;
  std::optional<core::crypto::SecretBytes> phrase_;
  bool kept_ = false;
  std::string problem_;
};

}  // namespace app
