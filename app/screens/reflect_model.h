// The Reflect screen's state and actions, plain C++: the observed teacher reads the evidence the
// observers shared, the data summaries (counts, timer totals and shares, marks per seat) and the
// SHARED prompts only, and answers each prompt.
// Guarantees: unshared prompts never enter the view; an answer is committed (durably, its draft
// cleared in the same transaction) before the view shows it as saved; a second save of an answer
// is a new version of the same Reflection, never a second record; typed answers are autosaved.
#pragma once
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "app/screens/prompt_draft.h"
#include "app/screens/prompt_evidence.h"
#include "core/records.h"
#include "core/store.h"

namespace app {

struct ReflectPrompt {
  core::Id id;
  std::string text;
  std::string from;                     // the observer who wrote it
  std::vector<EvidenceItem> evidence;   // the items it points at
  core::Id reflection;                  // my saved answer's record, empty = none yet
  std::string answer;                   // the saved answer ("" = none)
  std::string answered_by;              // who answered, for people who read but do not answer
  TextDraft draft;                      // what is being typed, autosaved
};

struct ReflectAction {
  enum class Kind { EditAnswer, SaveAnswer };
  Kind kind = Kind::EditAnswer;
  core::Id prompt;
  std::string text;
};

class ReflectModel {
 public:
  ReflectModel(core::Store& store, core::Id me, std::function<std::int64_t()> now_ms);

  bool load(core::Id observation);
  bool loaded() const { return !observation_.empty(); }
  bool apply(const ReflectAction& action);
  void autosave(bool force);

  // ---- the view ----
  core::Id observation() const { return observation_; }
  const core::Observation& plan() const { return plan_; }
  const DataSummary& summary() const { return summary_; }
  const std::vector<ReflectPrompt>& prompts() const { return prompts_; }  // shared ones only, oldest first
  int unanswered() const;
  bool can_answer() const { return can_answer_; }   // I am the observed teacher
  bool any_dirty() const;
  const std::string& error() const { return error_; }
  std::string title() const;
  static std::string draft_key(core::Id prompt) { return "reflect/" + prompt.hex(); }

 private:
  bool save_answer(core::Id prompt);
  ReflectPrompt* find(core::Id prompt);

  core::Store& store_;
  core::Id me_;
  std::function<std::int64_t()> now_ms_;
  core::Id observation_;
  core::Observation plan_;
  DataSummary summary_;
  std::vector<ReflectPrompt> prompts_;
  bool can_answer_ = false;
  std::string error_;
};

}  // namespace app
