// The Coaching notes screen's state and actions, plain C++: a coach who co-observed writes notes
// to the teacher leader about their observing and debrief moves.
// Guarantees: a note enters the view only when I am its author or its teacher leader (the hub
// enforces the same rule across devices); only a coach of the observation can write one, to one
// of its teacher leaders; a saved note is durable before it shows; the typed note is autosaved.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "app/screens/prompt_draft.h"
#include "core/records.h"
#include "core/store.h"

namespace app {

struct CoachingNoteView {
  core::Id id;
  std::string text;
  std::string from;   // "You" or the coach's name
  std::string to;     // "you" or the teacher leader's name
};

struct CoachingAction {
  enum class Kind { EditDraft, PickLeader, Save };
  Kind kind = Kind::EditDraft;
  std::string text;
  core::Id person;    // PickLeader
};

class CoachingModel {
 public:
  CoachingModel(core::Store& store, core::Id me, std::function<std::int64_t()> now_ms);

  bool load(core::Id observation);
  bool loaded() const { return !observation_.empty(); }
  bool apply(const CoachingAction& action);
  void autosave(bool force);

  core::Id observation() const { return observation_; }
  const core::Observation& plan() const { return plan_; }
  const std::vector<CoachingNoteView>& notes() const { return notes_; }     // visible to me only, oldest first
  const std::vector<std::pair<core::Id, std::string>>& leaders() const { return leaders_; }  // teacher leaders
  core::Id leader() const { return leader_; }                              // the one the next note goes to
  bool can_write() const { return can_write_; }     // I am a coach of this observation
  bool can_read() const { return can_write_ || is_leader_; }
  const std::string& draft() const { return draft_text_; }
  bool draft_dirty() const { return draft_.dirty(); }
  const std::string& error() const { return error_; }
  std::string title() const;
  static std::string draft_key(core::Id observation) { return "coaching/" + observation.hex(); }

 private:
  bool save();
  void reload_notes();

  core::Store& store_;
  core::Id me_;
  std::function<std::int64_t()> now_ms_;
  core::Id observation_;
  core::Observation plan_;
  std::vector<CoachingNoteView> notes_;
  std::vector<std::pair<core::Id, std::string>> leaders_;
  core::Id leader_;
  bool can_write_ = false, is_leader_ = false;
  std::string draft_text_;
  TextDraft draft_;
  std::string error_;
};

}  // namespace app
