// The Coaching notes screen's state and actions, plain C++: a coaching thread, short notes
// between a coach who co-observed and a teacher leader about the leader's observing and debrief
// moves. Either of the two writes; the teacher leader replies in the same thread.
// Guarantees: a note enters the view only when I am one of the two it is between (the hub
// enforces the same rule across devices, core/sync/privacy.h); I write only in a thread with a
// current coach or teacher leader of the observation, never to the observed teacher; a saved
// note is durable before it shows; the typed note is autosaved.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "app/screens/common/observation_model.h"
#include "app/screens/common/text_draft.h"
#include "core/records.h"
#include "core/store.h"
#include "core/sync/privacy.h"

namespace app {

struct CoachingNoteView {
  core::Id id;
  std::string text;
  std::string from;   // "You" or the writer's name
  std::string when;   // "26 Nov at 03:45": the writer's device time of its first save
  bool mine = false;  // I wrote it
};

// One thread I take part in: me and one other person of the observation.
struct CoachingThreadView {
  core::sync::CoachingPair pair;
  core::Id other;         // the person I write to in this thread
  std::string name;       // their name ("your coach" / "the teacher leader" when unknown)
  std::string role;       // "coach" or "teacher leader": their part in the thread
  std::size_t notes = 0;  // notes in it so far
  bool open = true;       // both are still coach and teacher leader of the observation
};

struct CoachingAction {
  enum class Kind { EditDraft, PickThread, Save };
  Kind kind = Kind::EditDraft;
  std::string text;                 // EditDraft
  core::sync::CoachingPair thread;  // PickThread
};

class CoachingModel : public ObservationModel {
 public:
  CoachingModel(core::Store& store, core::Id me, std::function<std::int64_t()> now_ms);

  bool load(core::Id observation);
  bool apply(const CoachingAction& action);
  void autosave(bool force) { autosave_draft(draft_, force); }

  const std::vector<CoachingThreadView>& threads() const { return threads_; }  // mine here
  const CoachingThreadView* thread() const;                                    // the one shown, if any
  const std::vector<CoachingNoteView>& notes() const { return notes_; }        // of the shown thread, oldest first
  bool can_write() const;                                                      // the shown thread is open
  bool can_read() const { return is_coach_ || is_leader_; }
  bool is_coach() const { return is_coach_; }
  const std::string& draft() const { return draft_.text(); }
  bool draft_dirty() const { return draft_.dirty(); }
  static std::string draft_key(core::Id observation) { return "coaching/" + observation.hex(); }

 private:
  struct StoredNote {
    core::Id id;
    core::sync::CoachingPair pair;
    core::Id author;            // of its first version: who wrote it
    std::int64_t first_ms = 0;  // device time of its first version
    std::string text;
  };
  bool save();
  void reload_notes();
  void show(const core::sync::CoachingPair& pair);

  std::vector<StoredNote> mine_;  // every note I am one of the two of, oldest first
  std::vector<CoachingThreadView> threads_;
  int shown_ = -1;  // index into threads_
  std::vector<CoachingNoteView> notes_;
  bool is_coach_ = false, is_leader_ = false;
  TextDraft draft_;
};

}  // namespace app
