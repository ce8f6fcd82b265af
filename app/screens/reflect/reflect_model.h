// The Reflect screen's state and actions, plain C++: the observed teacher reads the SHARED prompts
// with the evidence they point at, everything each observer captured in the lesson (each observer's
// counts, timers, seat marks and whole timeline, kept apart) once that observer has ended it, and
// answers each prompt or writes reflections of their own that answer no prompt.
// Guarantees: unshared prompts never enter the view; an observer's data shows only once their lesson
// clock ended (before, a line says they are still observing); an answer or own reflection is
// committed (durably, its draft cleared in the same transaction) before the view shows it as saved;
// a second save of an answer or of an own reflection is a new version of the same Reflection, never
// a second record; typed text is autosaved.
#pragma once
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "app/screens/common/observation_model.h"
#include "app/screens/common/text_draft.h"
#include "app/screens/prompt/prompt_evidence.h"
#include "core/lesson/lesson_data.h"
#include "core/records.h"
#include "core/store.h"

namespace app {

struct ReflectPrompt {
  core::Id id;
  std::string text;
  std::string from;                    // the observer who wrote it
  std::vector<EvidenceItem> evidence;  // the items it points at
  core::Id reflection;                 // my saved answer's record, empty = none yet
  std::string answer;                  // the saved answer ("" = none)
  std::string answered_by;             // who answered, for people who read but do not answer
  TextDraft draft;                     // what is being typed, autosaved
};

// A reflection the observed teacher wrote that answers no prompt (Reflection.prompt empty).
struct OwnReflection {
  core::Id id;
  std::string text;    // as saved
  std::string author;  // "You" for mine, else the name
  bool mine = false;   // only the author changes or removes it
  TextDraft draft;     // a change being typed, autosaved under own_draft_key(id)
};

struct ReflectAction {
  enum class Kind { EditAnswer, SaveAnswer, EditOwn, SaveOwn, RemoveOwn };
  ReflectAction() = default;
  // Answers name their prompt, own reflections their record: a constructor, so neither has to
  // spell out the other's field.
  ReflectAction(Kind k, core::Id p, std::string t = {}, core::Id r = {})
      : kind(k), prompt(p), text(std::move(t)), record(r) {}
  Kind kind = Kind::EditAnswer;
  core::Id prompt;   // EditAnswer, SaveAnswer
  std::string text;  // EditAnswer, EditOwn
  core::Id record;   // EditOwn, SaveOwn, RemoveOwn: the own reflection; empty = the new one being written
};

class ReflectModel : public ObservationModel {
 public:
  ReflectModel(core::Store& store, core::Id me, std::function<std::int64_t()> now_ms);

  bool load(core::Id observation);
  bool apply(const ReflectAction& action);
  void autosave(bool force);

  // ---- the view ----
  const core::LessonData& lesson() const { return lesson_; }  // every observer, ended or not
  std::vector<const core::ObserverData*> shown_observers() const { return lesson_.ended_observers(); }
  std::vector<const core::ObserverData*> still_observing() const { return lesson_.still_observing(); }
  const std::vector<ReflectPrompt>& prompts() const { return prompts_; }      // shared ones only, oldest first
  const std::vector<OwnReflection>& own_reflections() const { return own_; }  // oldest first
  const TextDraft& new_own_draft() const { return new_own_; }
  const std::string& teacher_name() const { return teacher_name_; }  // the observed teacher, "" if unknown
  int unanswered() const;
  bool can_answer() const { return can_answer_; }  // I am the observed teacher
  bool any_dirty() const;
  static std::string draft_key(core::Id prompt) { return "reflect/" + prompt.hex(); }
  static std::string own_draft_key(core::Id reflection) { return "reflect-own/" + reflection.hex(); }
  static std::string new_own_draft_key(core::Id observation) { return "reflect-own/new/" + observation.hex(); }

 private:
  bool save_answer(core::Id prompt);
  bool save_own(core::Id record);
  bool remove_own(core::Id record);
  void reload_own();
  ReflectPrompt* find(core::Id prompt);
  OwnReflection* find_own(core::Id record);

  core::LessonData lesson_;
  std::vector<ReflectPrompt> prompts_;
  std::vector<OwnReflection> own_;
  TextDraft new_own_;
  std::string teacher_name_;
  bool can_answer_ = false;
};

// The observed teacher's own reflections of an observation (those that answer no prompt), oldest
// first. Debrief shows them too.
std::vector<OwnReflection> own_reflections_of(const core::Store& store, core::Id observation, core::Id me,
                                              const std::map<core::Id, std::string>& names);

}  // namespace app
