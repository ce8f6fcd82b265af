// Observation templates: focus areas a school uses as-is or copies, loaded from JSON files.
//
// Built-in templates ship in assets/templates/*.json; a school adds or overrides them by
// dropping *.json files into <data dir>/templates/ (same key = override). A bad file is
// reported (file, line, field) and skipped; the other templates still load. The file format
// is described in docs/templates.md.
#pragma once
#include <string>
#include <vector>

#include "core/records.h"

namespace core {

// Timers of a template gathered by exclusive group, for a Plan screen that shows pairs together.
struct TimerGroupTemplate {
  std::string key;                // e.g. "talk"; "" = timers are independent
  std::vector<TimerTool> timers;  // each timer's exclusive_group equals key
};

struct ObservationTemplate {
  std::string key;                       // stable id, e.g. "questioning"; file name need not match
  std::string title;                     // "Questioning"
  std::string description;               // one or two sentences for the Plan screen
  std::vector<std::string> look_fors;    // suggested look-fors the teacher picks from
  std::vector<CounterTool> counters;     // suggested counters
  std::vector<TimerTool> timers;         // suggested timers (exclusive_group set where they pair)
  bool seating_chart = false;            // suggest a participation map
  std::vector<std::string> prompt_bank;  // reflective question stems
  bool conversation = false;             // true for the post-observation conversation template
  std::string source_file;               // where it was loaded from
};

struct TemplateLoadError {
  std::string file;     // path of the bad file
  int line = 0;         // 1-based line of the problem (0 if not known)
  std::string field;    // JSON field at fault, e.g. "counters[2].label" ("" if syntax)
  std::string message;  // plain words
};

// "FILE:LINE: FIELD: MESSAGE" (line and field left out when unknown), for logs and the CLI.
std::string describe(const TemplateLoadError& error);

struct TemplateLibrary {
  std::vector<ObservationTemplate> templates;  // sorted by title; conversation template included
  std::vector<TemplateLoadError> errors;
  const ObservationTemplate* find(const std::string& key) const;
  const ObservationTemplate* conversation() const;  // the post-observation conversation template
};

// Loads every *.json in each directory in order (files by name within a directory); a template
// in a later directory replaces one with the same key from an earlier one. A directory that does
// not exist is skipped (a school that has added nothing has no templates folder).
TemplateLibrary load_templates(const std::vector<std::string>& directories);

// The directories to read for a data directory: the built-ins, then <data dir>/templates.
std::vector<std::string> template_dirs_for(const std::string& data_dir);

// The template's timers grouped by exclusive_group, groups in first-appearance order.
std::vector<TimerGroupTemplate> timer_groups(const ObservationTemplate& t);

// Parses one template file's text; on failure returns false and fills `error`.
bool parse_template(const std::string& json_text, const std::string& file_name, ObservationTemplate& out,
                    TemplateLoadError& error);

// The built-in template directory (assets/templates next to the binary, or the build tree).
std::string builtin_template_dir();

}  // namespace core
