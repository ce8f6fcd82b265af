// The Plan screen's state and actions (the pre-conference), plain C++: the observed teacher's
// focus question, look-fors and data tools picked from a template or added by hand, the lesson's
// class, date and time, and the participants with their roles.
// Guarantees: save() validates first and names what is missing in plain words (dates and times
// through core/dates.h); a valid plan is written (new people, a new cycle if needed, the
// observation) in one durable transaction; a new date or time answers a waiting proposal. Every
// change to the form goes through a method below (or apply), which also keeps the unsaved form as
// a draft (plan_draft.cpp): encoded once per change, never per frame.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "app/screens/common/text_draft.h"
#include "core/records.h"
#include "core/store.h"
#include "core/templates.h"

namespace app {

struct PlanPerson {
  core::Id person;  // empty = a new person, created when the plan is saved
  std::string name;
  core::Role role = core::Role::TeacherLeader;
};

struct PlanForm {
  core::Id observation;      // empty = a new observation
  core::Id cycle;            // empty = a new cycle is made on save
  std::string template_key;  // "" = none
  std::string focus_question;
  std::vector<std::pair<std::string, bool>> look_fors;  // text, picked
  bool evidence_notes = true;
  std::vector<std::pair<core::CounterTool, bool>> counters;  // tool, picked
  std::vector<std::pair<core::TimerTool, bool>> timers;      // tool, picked
  bool seating = false;
  int rows = 4;                          // seating rows, 1..10
  int cols = 6;                          // seating columns, 1..10
  std::vector<std::string> seat_labels;  // rows*cols, row-major; front row first
  std::string class_name;
  std::string date;  // "YYYY-MM-DD" or ""
  std::string time;  // "HH:MM" or ""
  std::vector<PlanPerson> participants;
  core::ObservationStatus status = core::ObservationStatus::Planned;
  core::Id follows;
};

// The form's text fields.
enum class PlanField { FocusQuestion, ClassName, Date, Time, SeatLabel };

// What a tap or a keystroke on the Plan screen asks for.
struct PlanAction {
  enum class Kind {
    ApplyTemplate,        // text: the template's key
    SetText,              // field (SeatLabel: index is the seat, row-major), text
    SetRole,              // index: the participant; role
    RemoveParticipant,    // index
    AddPerson,            // person, role
    AddNewPerson,         // text: the name as typed; role
    ToggleLookFor,        // index
    AddLookFor,           // text
    ToggleEvidenceNotes,  //
    ToggleCounter,        // index
    AddCounter,           // text: the label
    ToggleTimer,          // index
    AddTimer,             // text: the label
    SetSeating,           // on, rows, cols
    DiscardDraft,         //
    CancelVisit,          //
    Save,                 //
  };
  Kind kind = Kind::Save;
  PlanField field = PlanField::FocusQuestion;
  std::string text;
  std::size_t index = 0;
  core::Role role = core::Role::TeacherLeader;
  core::Id person;
  bool on = false;
  int rows = 4, cols = 6;
};

class PlanModel {
 public:
  // `now_ms` is the wall clock the draft's autosave rhythm follows (AppContext::now_ms).
  PlanModel(core::Store& store, core::Id me, const core::TemplateLibrary& templates,
            std::function<std::int64_t()> now_ms);

  // A new plan in `cycle` (empty = new cycle) with me as a participant in `my_role`.
  void start_new(core::Id cycle, core::Role my_role);
  // Edits an existing observation; false (and error()) if it is not here.
  bool load(core::Id observation);

  // Applies one action; false when it was refused or failed (error() says why).
  bool apply(const PlanAction& action);

  void apply_template(const std::string& key);
  void set_text(PlanField field, const std::string& text, std::size_t seat = 0);
  void set_role(std::size_t participant, core::Role role);
  void toggle_evidence_notes();
  void add_look_for(const std::string& text);
  void add_counter(const std::string& label);
  void add_timer(const std::string& label);
  void set_seating(bool on, int rows, int cols);
  void add_person(core::Id person, core::Role role);
  bool add_new_person(const std::string& name, core::Role role);
  void remove_participant(std::size_t index);

  // "" when the plan can be saved, else what to fix.
  std::string validate() const;
  // A saved, planned visit that I lead can be cancelled (app/screens/plan/visit_schedule.h).
  bool can_cancel() const;
  // Cancels the stored visit (durably) and drops this plan's draft; false with error() set
  // when it could not. Reschedule by changing the date or time and saving.
  bool cancel();
  // Validates and writes; false with error() set when it could not.
  bool save();

  const PlanForm& form() const { return form_; }
  const std::vector<std::pair<core::Id, std::string>>& people() const { return people_; }  // sorted by name
  const core::TemplateLibrary& templates() const { return templates_; }
  const std::string& error() const { return error_; }
  core::Id saved() const { return form_.observation; }

  // ---- the unsaved form as a draft (plan_draft.cpp) ----
  // Saves the form to the store's drafts within a second of a change (TextDraft's rhythm), or at
  // once if `now`.
  void autosave(bool now);
  bool draft_pending() const { return draft_.dirty(); }  // a change waits to be autosaved
  // Replaces the form with the draft kept for this plan, if any; true if one was restored.
  bool restore_draft();
  void clear_plan_draft();
  std::string draft_key() const;
  // True while the form shows a restored draft, until it is saved or discarded.
  bool from_draft() const { return from_draft_; }
  // Throws the restored draft away: deletes its row from the store's drafts (durably) and puts
  // the form back to the stored plan, or to a fresh new plan. Touches no record and no other
  // draft. False with error() set if the store refused; the form is then left as it was.
  bool discard_draft();

 private:
  std::string unique_key(const std::string& label, bool counter) const;
  // Picks or unpicks item `index` of a look-for, counter or timer list; false if there is none.
  template <class List>
  bool toggle(List& list, std::size_t index);
  void resize_seats(bool on, int rows, int cols);  // keeps labels of seats that stay
  void form_changed();  // keeps the changed form as the draft (encoded here, once per change)
  void open_draft();    // points the draft at this plan's key

  core::Store& store_;
  core::Id me_;
  const core::TemplateLibrary& templates_;
  PlanForm form_;
  std::vector<std::pair<core::Id, std::string>> people_;
  std::string error_;
  std::function<std::int64_t()> now_ms_;
  TextDraft draft_;                                  // the form as JSON, under draft_key()
  bool from_draft_ = false;                          // the form came from restore_draft()
  core::Role new_role_ = core::Role::TeacherLeader;  // my role in a new plan, for a reset
};

}  // namespace app
