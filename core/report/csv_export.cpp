// See csv_export.h.
#include "core/report/csv_export.h"

#include "core/dates.h"
#include "core/lesson/cycle_data.h"
#include "core/lesson/lesson_data.h"
#include "core/lesson/people.h"
#include "core/report/cycle_report.h"

namespace core::report {

const std::vector<std::string>& csv_columns() {
  static const std::vector<std::string> columns = {
      "visit", "date", "class", "observer", "observer_role", "lesson_time",     "lesson_seconds",
      "kind",  "key",  "label", "text",     "look_fors",     "duration_seconds"};
  return columns;
}

std::string csv_field(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string csv_row(const std::vector<std::string>& fields) {
  std::string out;
  for (std::size_t i = 0; i < fields.size(); ++i) out += (i ? "," : "") + csv_field(fields[i]);
  return out + "\r\n";
}

namespace {

const char* kind_word(EvidenceKind kind) {
  switch (kind) {
    case EvidenceKind::Note:
      return "note";
    case EvidenceKind::Counter:
      return "count";
    case EvidenceKind::Timer:
      return "timer";
    case EvidenceKind::Seat:
      return "seat";
  }
  return "";
}

const char* note_kind_key(NoteKind kind) {
  switch (kind) {
    case NoteKind::Noticing:
      return "noticing";
    case NoteKind::Quote:
      return "quote";
    case NoteKind::Wondering:
      return "wondering";
  }
  return "";
}

std::string seconds(std::int64_t ms) { return std::to_string(ms / 1000) + "." + std::to_string(ms % 1000 / 100); }

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : "; ") + s;
  return out;
}

// Every data point of one visit, observer by observer (never merged), each in lesson order.
void add_visit_rows(const Store& store, Id visit, const Observation& plan, const std::map<Id, std::string>& names,
                    std::string& out) {
  const LessonData lesson = summarize_by_observer(store, visit, plan, names);
  for (const auto& o : lesson.observers)
    for (const auto& item : o.timeline) {
      const bool note = item.kind == EvidenceKind::Note;
      const bool timer = item.kind == EvidenceKind::Timer;
      out += csv_row({visit.hex(), plan.date, plan.class_name, o.name, o.in_plan ? role_name(o.role) : "",
                      format_lesson_time(item.lesson_ms), seconds(item.lesson_ms), kind_word(item.kind),
                      note ? note_kind_key(item.note_kind) : item.key,
                      note ? evidence_kind_label(item.kind, item.note_kind) : item.text, note ? item.text : "",
                      joined(item.look_fors),
                      timer && item.end_ms >= item.lesson_ms ? seconds(item.end_ms - item.lesson_ms) : ""});
    }
}

std::string with_header() { return "\xEF\xBB\xBF" + csv_row(csv_columns()); }

}  // namespace

std::string visit_csv(const Store& store, Id visit, const Audience& audience) {
  const auto names = person_names(store);
  const ReadableVisit readable = readable_visit(store, visit, audience.reader, names);
  std::string out = with_header();
  add_visit_rows(store, visit, readable.plan, names, out);
  return out;
}

std::string cycle_csv(const Store& store, Id cycle, const Audience& audience) {
  const CycleData data = readable_cycle(store, cycle, audience.reader);
  const auto names = person_names(store);
  std::string out = with_header();
  for (const auto& v : data.visits)
    if (auto head = store.get(v.id); head && std::holds_alternative<Observation>(head->body))
      add_visit_rows(store, v.id, std::get<Observation>(head->body), names, out);
  return out;
}

}  // namespace core::report
