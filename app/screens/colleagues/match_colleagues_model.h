// The "Colleagues on this device" screen's state and actions, plain C++: the colleagues a teacher
// typed into plans before they were on the school's roster, what the roster suggests for each,
// and the matches the teacher confirms (core/sync/colleague_match.h does the re-keying).
// Guarantees: a suggestion is only shown, never applied; each match is one durable transaction
// applied when the teacher confirms that pair, before the screen shows it as matched; a colleague
// left unmatched is listed with what it means (their visits stay on this device for them).
#pragma once
#include <string>
#include <vector>

#include "core/store.h"
#include "core/sync/colleague_match.h"

namespace app {

struct UnmatchedColleague {
  core::Id person;                               // the id this device gave them
  std::string typed_name;                        // as typed into the plan
  int visits = 0;                                // shareable visits naming them
  std::vector<core::sync::RosterPerson> likely;  // suggestions, best first (at most 3)
};

struct MatchedColleague {
  std::string typed_name;
  std::string roster_name;
};

class MatchColleaguesModel {
 public:
  MatchColleaguesModel(core::Store& store, core::Id me);

  // Reads the device-only colleagues, the roster and the suggestions from the store.
  void load();

  // The teacher confirmed that `colleague` is `roster_person`: re-keys every reference, durably.
  // True when saved; false with message() when refused (the view is reloaded either way).
  bool confirm(core::Id colleague, core::Id roster_person);
  // The teacher is done here: sending to the hub no longer waits for this screen (durable), so the
  // visits go out, naming whoever is still unmatched by the id only this device knows.
  bool finish();

  const std::vector<UnmatchedColleague>& unmatched() const { return unmatched_; }
  const std::vector<MatchedColleague>& matched() const { return matched_; }  // this visit of the screen
  const std::vector<core::sync::RosterPerson>& roster() const { return roster_; }
  std::vector<core::sync::RosterPerson> search(const std::string& text) const;
  // Nothing has been sent to the hub since enrolling: it waits for this screen.
  bool push_waits() const { return push_waits_; }
  // "Still only on this device: Sam Lee and Jo Park. ..." or "" when every colleague is matched.
  std::string unmatched_note() const;
  const std::string& message() const { return message_; }
  bool message_is_error() const { return message_error_; }

 private:
  core::Store& store_;
  core::Id me_;
  std::vector<UnmatchedColleague> unmatched_;
  std::vector<MatchedColleague> matched_;
  std::vector<core::sync::RosterPerson> roster_;
  bool push_waits_ = false;
  std::string message_;
  bool message_error_ = false;
};

}  // namespace app
