// The Debrief screen's state and actions, plain C++: notes from the conversation by any
// participant; next steps with an owner (a participant), the support needed and a follow-up date;
// and one tap that schedules the follow-up visit.
// Guarantees: every save is durable before the view shows it; scheduling the follow-up writes the
// new observation (same cycle, focus question, look-fors and data tools; follows = this one;
// Planned; dated the follow-up date), links it in the next step and marks this observation
// Debriefed, all in ONE transaction: either all of it is on disk or none of it. The typed note and
// the typed next step are autosaved as drafts.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "app/screens/common/observation_model.h"
#include "app/screens/common/record_summary.h"
#include "app/screens/common/report_share.h"
#include "app/screens/common/text_draft.h"
#include "app/screens/reflect/reflect_model.h"
#include "core/lesson/lesson_data.h"
#include "core/records.h"
#include "core/store.h"

namespace app {

struct DebriefNoteView {
  core::Id id;
  std::string text;
  std::string author;  // "You" for mine
  bool mine = false;
};

struct NextStepView {
  core::Id id;
  core::NextStep step;
  std::string owner_name;
  std::string follow_up_label;  // "Follow-up visit planned for 2026-12-03", "" if none
};

// The next step being typed (one form, kept as one draft).
struct NextStepForm {
  std::string text;            // what will be tried
  core::Id owner;              // a participant; default the observed teacher
  std::string support;         // support needed
  std::string follow_up_date;  // "YYYY-MM-DD" or ""
};

struct DebriefAction {
  enum class Kind {
    EditNote,
    SaveNote,
    EditStep,
    SaveStep,
    ScheduleFollowUp,
    MarkDebriefed,
    ShareSummary,
    ChoosePaper
  };
  Kind kind = Kind::EditNote;
  std::string text;   // EditNote
  NextStepForm step;  // EditStep
  core::Id record;    // ScheduleFollowUp: the next step; ShareSummary: whom the copy is for
  core::report::PageSize paper = core::report::PageSize::A4;  // ChoosePaper
};

class DebriefModel : public ObservationModel {
 public:
  DebriefModel(core::Store& store, core::Id me, std::function<std::int64_t()> now_ms);

  bool load(core::Id observation);
  bool apply(const DebriefAction& action);
  void autosave(bool force);

  // ---- the view ----
  const std::vector<DebriefNoteView>& notes() const { return notes_; }  // oldest first
  const std::vector<NextStepView>& steps() const { return steps_; }     // oldest first
  const std::vector<std::pair<core::Id, std::string>>& participants() const {
    return participants_;
  }  // id, "Name (role)"
  // What each observer collected, kept apart; shown once that observer ended the lesson.
  const core::LessonData& lesson() const { return lesson_; }
  std::vector<const core::ObserverData*> shown_observers() const { return lesson_.ended_observers(); }
  std::vector<const core::ObserverData*> still_observing() const { return lesson_.still_observing(); }
  // The observed teacher's reflections that answer no prompt (read here, written in Reflect).
  const std::vector<OwnReflection>& own_reflections() const { return own_reflections_; }
  const std::string& teacher_name() const { return teacher_name_; }  // the observed teacher, "" if unknown
  const std::string& note_draft() const { return note_draft_.text(); }
  const NextStepForm& step_form() const { return step_form_; }
  bool can_write() const { return can_write_; }  // I take part in this observation
  bool drafts_dirty() const { return note_draft_.dirty() || step_draft_.dirty(); }
  core::Id last_follow_up() const { return last_follow_up_; }  // the visit the last ScheduleFollowUp made
  // "Share a summary": whom a copy can be for, the paper, and the report the last ShareSummary made.
  const ReportShare& share() const { return share_; }
  ReportShare& share() { return share_; }
  static std::string note_draft_key(core::Id observation) { return "debrief/" + observation.hex(); }
  static std::string step_draft_key(core::Id observation) { return "debrief-step/" + observation.hex(); }

 private:
  bool save_note();
  bool save_step();
  bool schedule(core::Id step);
  bool mark_debriefed();
  void edit_step(const NextStepForm& form);
  void reload_lists();
  core::Id default_owner() const;

  std::vector<DebriefNoteView> notes_;
  std::vector<NextStepView> steps_;
  std::vector<std::pair<core::Id, std::string>> participants_;
  core::LessonData lesson_;
  std::vector<OwnReflection> own_reflections_;
  std::string teacher_name_;
  NextStepForm step_form_;
  TextDraft note_draft_, step_draft_;
  bool can_write_ = false;
  core::Id last_follow_up_;
  ReportShare share_;
};

}  // namespace app
