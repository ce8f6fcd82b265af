// The visit summary. See visit_report.h.
#include "core/report/visit_report.h"

#include <algorithm>

#include "core/lesson/lesson_data.h"
#include "core/lesson/people.h"
#include "core/lesson/words.h"
#include "core/report/report_parts.h"

namespace core::report {
namespace {

struct Visit {
  const Store& store;
  Id id;
  Observation plan;
  sync::ObservationFacts facts;
  Audience audience;
  std::map<Id, std::string> names;

  // The live records of `type` in this visit that the reader may see, in the order they were saved.
  std::vector<RecordHead> visible(RecordType type) const {
    std::vector<RecordHead> out;
    for (auto& [record, head] : store.live(type, id))
      if (may_read(head, facts, audience.reader)) out.push_back(std::move(head));
    std::stable_sort(out.begin(), out.end(), [](const RecordHead& a, const RecordHead& b) {
      return a.version.saved_at_ms < b.version.saved_at_ms;
    });
    return out;
  }
  std::string name(Id person) const { return name_or(names, person, "someone"); }
};

void add_who_and_when(const Visit& v, Document& doc) {
  FactTable facts;
  facts.rows.push_back({"Class", v.plan.class_name.empty() ? "(not named)" : v.plan.class_name});
  std::string when = v.plan.date.empty() ? "(no date)" : report_date(v.plan.date);
  if (!v.plan.time.empty()) when += ", " + v.plan.time;
  facts.rows.push_back({"Lesson", when});
  if (auto cycle = v.store.get(v.plan.cycle); cycle && std::holds_alternative<Cycle>(cycle->body))
    facts.rows.push_back({"Learning cycle", std::get<Cycle>(cycle->body).title});
  const std::pair<Role, const char*> roles[] = {
      {Role::ObservedTeacher, "Observed teacher"}, {Role::TeacherLeader, "Observer"}, {Role::Coach, "Coach"}};
  for (const auto& [role, label] : roles)
    if (auto who = names_in_role(v.plan, role, v.names); !who.empty()) facts.rows.push_back({label, who});
  facts.rows.push_back({"Status", observation_status_label(v.plan.status)});
  doc.blocks.push_back(std::move(facts));

  doc.blocks.push_back(Heading{"The teacher's focus"});
  doc.blocks.push_back(v.plan.focus_question.empty()
                           ? Paragraph{"No focus question was written.", ParagraphStyle::Quiet}
                           : Paragraph{v.plan.focus_question, ParagraphStyle::Lead});
  if (!v.plan.look_fors.empty()) {
    doc.blocks.push_back(Subheading{"Look-fors"});
    doc.blocks.push_back(BulletList{v.plan.look_fors});
  }
}

void add_evidence(const Visit& v, Document& doc) {
  doc.blocks.push_back(Heading{"Evidence"});
  const LessonData lesson = summarize_by_observer(v.store, v.id, v.plan, v.names);
  const auto ended = lesson.ended_observers();
  if (ended.size() > 1)
    doc.blocks.push_back(Paragraph{std::to_string(ended.size()) +
                                       " people observed this lesson. Each one's data is shown on its own: two "
                                       "measurements of one lesson are never added together.",
                                   ParagraphStyle::Quiet});
  for (const ObserverData* o : ended) {
    doc.blocks.push_back(Subheading{"Captured by " + observer_label(*o)});
    add_observer_evidence(*o, true, doc.blocks);
  }
  for (const ObserverData* o : lesson.still_observing())
    doc.blocks.push_back(Paragraph{observer_label(*o) +
                                       " had not ended the lesson when this was made, so what they captured is "
                                       "not in it.",
                                   ParagraphStyle::Quiet});
  if (lesson.observers.empty())
    doc.blocks.push_back(Paragraph{"Nothing has been captured in this visit yet.", ParagraphStyle::Quiet});
}

void add_prompts(const Visit& v, Document& doc) {
  doc.blocks.push_back(Heading{"Prompts and reflections"});
  const auto reflections = v.visible(RecordType::Reflection);
  ItemList list;
  for (const auto& head : v.visible(RecordType::Prompt)) {
    const auto& prompt = std::get<Prompt>(head.body);
    Item item{prompt.text, {{"Asked by", v.name(head.version.author)}}};
    if (!prompt.shared) item.details.push_back({"Shared", "not yet shared with the observed teacher"});
    for (const auto& r : reflections) {
      const auto& reflection = std::get<Reflection>(r.body);
      if (reflection.prompt == head.version.record)
        item.details.push_back({"Reflection by " + v.name(r.version.author), reflection.text});
    }
    list.items.push_back(std::move(item));
  }
  if (list.items.empty())
    doc.blocks.push_back(Paragraph{"No prompts to show.", ParagraphStyle::Quiet});
  else
    doc.blocks.push_back(std::move(list));
}

void add_debrief(const Visit& v, Document& doc) {
  doc.blocks.push_back(Heading{"Debrief notes"});
  ItemList notes;
  for (const auto& head : v.visible(RecordType::DebriefNote))
    notes.items.push_back({std::get<DebriefNote>(head.body).text, {{"Written by", v.name(head.version.author)}}});
  if (notes.items.empty())
    doc.blocks.push_back(Paragraph{"No debrief notes yet.", ParagraphStyle::Quiet});
  else
    doc.blocks.push_back(std::move(notes));

  doc.blocks.push_back(Heading{"Next steps"});
  ItemList steps;
  for (const auto& head : v.visible(RecordType::NextStep))
    steps.items.push_back(next_step_item(std::get<NextStep>(head.body), v.names));
  if (steps.items.empty())
    doc.blocks.push_back(Paragraph{"No next steps agreed yet.", ParagraphStyle::Quiet});
  else
    doc.blocks.push_back(std::move(steps));
}

// Only in a copy for one of a coaching thread's two people.
void add_coaching(const Visit& v, Document& doc) {
  ItemList notes;
  for (const auto& head : v.visible(RecordType::CoachingNote))
    notes.items.push_back({std::get<CoachingNote>(head.body).text, {{"From", v.name(head.version.author)}}});
  if (notes.items.empty()) return;
  doc.blocks.push_back(Heading{"Coaching notes"});
  doc.blocks.push_back(Paragraph{"Between the coach and the teacher leader only: never in the observed teacher's copy.",
                                 ParagraphStyle::Quiet});
  doc.blocks.push_back(std::move(notes));
}

}  // namespace

Document visit_report(const Store& store, Id visit, const Audience& audience) {
  auto names = person_names(store);
  ReadableVisit readable = readable_visit(store, visit, audience.reader, names);
  Visit v{store, visit, std::move(readable.plan), std::move(readable.facts), audience, std::move(names)};

  Document doc;
  doc.title = "Visit summary: " + (v.plan.class_name.empty() ? std::string("a lesson") : v.plan.class_name);
  if (!v.plan.date.empty()) doc.title += ", " + report_date(v.plan.date);
  doc.notice = kNotice;
  doc.made_for = made_for_line(audience, v.names);
  add_who_and_when(v, doc);
  add_evidence(v, doc);
  add_prompts(v, doc);
  add_debrief(v, doc);
  add_coaching(v, doc);
  return doc;
}

}  // namespace core::report
