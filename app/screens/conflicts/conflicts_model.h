// The "Edited on two devices" screen's state and actions, plain C++: records that have more than
// one head (edited on two devices, or by two people, before either saw the other's save) shown
// version beside version, and the choice of which one to keep.
// Guarantees: both versions stay stored until a person chooses; choosing writes one new version
// whose parents are every head (so the conflict is resolved on every device once it syncs) and
// whose body is the chosen one — nothing is overwritten, the other version stays in the history;
// if another edit arrived while the person was looking, nothing is written and the view reloads.
// No device clock decides anything: the save times shown are for recognising one's own edits.
#pragma once
#include <string>
#include <vector>

#include "app/screens/common/record_summary.h"
#include "core/store.h"

namespace app {

struct ConflictVersionView {
  core::Id version;
  bool deleted = false;  // this head is a delete
  std::string who;       // "You" or the author's name
  std::string when;      // "26 Nov at 10:41" (that device's clock), "" if unknown
  std::vector<SummaryLine> lines;
  std::vector<bool> differs;  // per line: the versions disagree on it
};

struct ConflictView {
  core::Id record;
  std::string kind;   // "Evidence note"
  std::string where;  // "8B science · 2026-12-03", "" when not inside an observation
  std::vector<ConflictVersionView> versions;
};

class ConflictsModel {
 public:
  ConflictsModel(core::Store& store, core::Id me);

  // Reads every conflicted record that I edited (one of its heads is mine) from the store.
  void load();
  // Keeps `version` of `record`: true when saved. False, with message(), when the record changed
  // since load() (the view is then reloaded) or the save failed.
  bool keep(core::Id record, core::Id version);

  const std::vector<ConflictView>& conflicts() const { return conflicts_; }
  // Conflicted records in which none of the versions is mine: their authors choose.
  int others() const { return others_; }
  const std::string& message() const { return message_; }
  bool message_is_error() const { return message_error_; }

 private:
  core::Store& store_;
  core::Id me_;
  std::vector<ConflictView> conflicts_;
  int others_ = 0;
  std::string message_;
  bool message_error_ = false;
};

}  // namespace app
