// See record_summary.h.
#include "app/screens/common/record_summary.h"

#include "app/ui/widgets.h"
#include "core/dates.h"

namespace app {

namespace {
std::string name_of(const std::map<core::Id, std::string>& names, core::Id id) {
  if (id.empty()) return "nobody";
  auto it = names.find(id);
  return it == names.end() ? std::string("someone") : it->second;
}

// The label of the counter, timer or seat `key` among the plan's `tools`; the key itself when the
// plan does not name it.
template <typename Tools>
std::string label_of(const Tools& tools, const std::string& key) {
  for (const auto& t : tools)
    if (t.key == key) return t.label;
  return key;
}

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : ", ") + s;
  return out;
}

}  // namespace

const char* record_kind_name(core::RecordType type) {
  using T = core::RecordType;
  switch (type) {
    case T::Person:
      return "Profile";
    case T::Cycle:
      return "Cycle";
    case T::Observation:
      return "Observation plan";
    case T::LessonClock:
      return "Lesson clock";
    case T::EvidenceNote:
      return "Evidence note";
    case T::Tally:
      return "Counter tap";
    case T::TimerSpan:
      return "Timer stretch";
    case T::SeatMark:
      return "Seat mark";
    case T::Prompt:
      return "Prompt";
    case T::Reflection:
      return "Reflection";
    case T::DebriefNote:
      return "Debrief note";
    case T::NextStep:
      return "Next step";
    case T::CoachingNote:
      return "Coaching note";
    case T::KeyGrant:
      return "Key shared with a colleague";
    case T::KeyBackup:
      return "Key backup";
  }
  return "Record";
}

std::vector<SummaryLine> summarize(const core::RecordBody& body, const std::map<core::Id, std::string>& names,
                                   const core::Observation* plan) {
  static const core::DataTools kNoTools;  // without a plan, keys stay keys
  const core::DataTools& tools = plan ? plan->tools : kNoTools;
  std::vector<SummaryLine> out;
  if (auto* p = std::get_if<core::Person>(&body)) {
    out.push_back({"Name", p->name});
    out.push_back({"School", p->school});
  } else if (auto* c = std::get_if<core::Cycle>(&body)) {
    out.push_back({"Title", c->title});
    out.push_back({"Focus question", c->focus_question});
  } else if (auto* o = std::get_if<core::Observation>(&body)) {
    out.push_back({"Class", o->class_name});
    out.push_back({"Date", o->date + (o->time.empty() ? "" : " at " + o->time)});
    out.push_back({"Focus question", o->focus_question});
    out.push_back({"Look-fors", joined(o->look_fors)});
    std::vector<std::string> people;
    for (const auto& part : o->participants)
      people.push_back(name_of(names, part.person) + " (" + core::role_word(part.role) + ")");
    out.push_back({"Participants", joined(people)});
    out.push_back({"Status", core::observation_status_label(o->status)});
  } else if (auto* k = std::get_if<core::LessonClock>(&body)) {
    out.push_back({"Lesson time", core::format_lesson_time(k->elapsed_ms)});
    out.push_back({"State", k->ended ? "Ended" : k->running ? "Running" : "Paused"});
  } else if (auto* n = std::get_if<core::EvidenceNote>(&body)) {
    out.push_back({"Text", n->text});
    out.push_back({"Kind", core::note_kind_label(n->kind)});
    out.push_back({"Lesson time", core::format_lesson_time(n->lesson_ms)});
    out.push_back({"Look-fors", joined(n->look_for_tags)});
  } else if (auto* t = std::get_if<core::Tally>(&body)) {
    out.push_back({"Counter", label_of(tools.counters, t->counter_key)});
    out.push_back({"Lesson time", core::format_lesson_time(t->lesson_ms)});
  } else if (auto* s = std::get_if<core::TimerSpan>(&body)) {
    out.push_back({"Timer", label_of(tools.timers, s->timer_key)});
    out.push_back({"From", core::format_lesson_time(s->start_ms)});
    out.push_back({"To", s->end_ms < 0 ? std::string("still running") : core::format_lesson_time(s->end_ms)});
  } else if (auto* m = std::get_if<core::SeatMark>(&body)) {
    out.push_back({"Seat", label_of(tools.seating.seats, m->seat_key)});
    out.push_back({"Lesson time", core::format_lesson_time(m->lesson_ms)});
  } else if (auto* pr = std::get_if<core::Prompt>(&body)) {
    out.push_back({"Prompt", pr->text});
    out.push_back({"Evidence items", std::to_string(pr->evidence.size())});
    out.push_back({"Shared with the teacher", pr->shared ? "Yes" : "Not yet"});
  } else if (auto* r = std::get_if<core::Reflection>(&body)) {
    out.push_back({"Answer", r->text});
  } else if (auto* d = std::get_if<core::DebriefNote>(&body)) {
    out.push_back({"Note", d->text});
  } else if (auto* st = std::get_if<core::NextStep>(&body)) {
    out.push_back({"Next step", st->text});
    out.push_back({"Owner", name_of(names, st->owner)});
    out.push_back({"Support needed", st->support});
    out.push_back({"Follow-up date", st->follow_up_date});
    out.push_back({"Status", core::next_step_status_label(st->status)});
  } else if (auto* cn = std::get_if<core::CoachingNote>(&body)) {
    // A thread between a coach and a teacher leader: either may have written this one. A note from
    // before threads names no coach; its author is the coach.
    const std::string coach = cn->coach.empty() ? std::string("the coach who wrote it") : name_of(names, cn->coach);
    out.push_back({"Between", coach + " and " + name_of(names, cn->teacher_leader)});
    out.push_back({"Note", cn->text});
  }
  return out;
}

}  // namespace app
