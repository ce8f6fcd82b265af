// The Prompt screen's state and actions, plain C++: the observer picks evidence items and writes
// reflective prompts (a stem from the template's prompt bank or free text), then shares them with
// the observed teacher.
// Guarantees: a prompt is committed (durably, with its draft cleared in the same transaction)
// before the list shows it; sharing saves a new version with shared=true for each of my unshared
// prompts in one transaction; the typed prompt and its picked evidence are autosaved as a draft.
#pragma once
#include <cstdint>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "app/screens/common/observation_model.h"
#include "app/screens/common/text_draft.h"
#include "app/screens/prompt/prompt_evidence.h"
#include "core/records.h"
#include "core/store.h"
#include "core/templates.h"

namespace app {

struct PromptEntry {
  core::Id id;
  core::Prompt prompt;
  bool mine = false;
  std::string author_name;                  // "" for mine
  std::vector<std::string> evidence_texts;  // the items it points at, as shown to the teacher
};

struct PromptAction {
  enum class Kind { EditDraft, ToggleEvidence, UseStem, SavePrompt, DeletePrompt, Share };
  Kind kind = Kind::EditDraft;
  std::string text;  // EditDraft/UseStem: the text; ToggleEvidence: the item key
  core::Id record;   // DeletePrompt
};

class PromptModel : public ObservationModel {
 public:
  PromptModel(core::Store& store, core::Id me, const core::TemplateLibrary* templates,
              std::function<std::int64_t()> now_ms);

  // Builds the view of one observation and restores my draft. False (and error()) if unknown.
  bool load(core::Id observation);
  bool apply(const PromptAction& action);
  void autosave(bool force) { autosave_draft(draft_, force); }

  // ---- the view ----
  const std::vector<EvidenceItem>& evidence() const { return evidence_; }
  const std::vector<PromptEntry>& prompts() const { return prompts_; }  // oldest first
  const std::vector<std::string>& stems() const { return stems_; }      // template bank, then conversation bank
  const std::string& draft() const { return draft_text_; }
  const std::set<std::string>& picked() const { return picked_; }  // evidence item keys
  bool draft_dirty() const { return draft_.dirty(); }
  const std::string& teacher_name() const { return teacher_name_; }  // the observed teacher, "" if none
  bool can_write() const { return can_write_; }                      // I observed this lesson
  int unshared_mine() const;
  static std::string draft_key(core::Id observation) { return "prompt/" + observation.hex(); }

 private:
  bool save_prompt();
  bool delete_prompt(core::Id record);
  bool share();
  void store_draft_text();
  void reload_prompts();

  const core::TemplateLibrary* templates_;
  std::map<core::Id, std::string> names_;
  std::vector<EvidenceItem> evidence_;
  std::vector<PromptEntry> prompts_;
  std::vector<std::string> stems_;
  std::string teacher_name_;
  bool can_write_ = false;
  std::string draft_text_;
  std::set<std::string> picked_;
  TextDraft draft_;  // holds "<picked keys, \x1f-separated>\t<text>"
};

}  // namespace app
