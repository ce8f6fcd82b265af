// The raw data of a visit or a cycle for a spreadsheet: one row per data point (a note, a tap, a
// timer span, a seat mark) with the visit, its date and class, who captured it, when in the
// lesson, its kind, key and label, and its text. RFC 4180: fields with a comma, a quote or a line
// break are quoted, quotes doubled, rows end with CRLF; UTF-8 with a byte-order mark, which is
// what makes Excel read non-ASCII names right (LibreOffice and Python's csv take it too).
// The same privacy as the reports (audience.h): only visits the reader takes part in; evidence
// rows only (prompts, reflections and notes between people are in the reports, not here).
// Texts are written exactly as typed, never altered: a spreadsheet that treats a leading "=" as
// a formula is warned about in docs/reports.md.
#pragma once
#include <string>
#include <vector>

#include "core/report/audience.h"
#include "core/store.h"

namespace core::report {

// The header row's names, in order.
const std::vector<std::string>& csv_columns();

// One field or one row as RFC 4180 has it (a row ends with CRLF).
std::string csv_field(const std::string& text);
std::string csv_row(const std::vector<std::string>& fields);

// Throw ReportError as visit_report and cycle_report do.
std::string visit_csv(const Store& store, Id visit, const Audience& audience);
std::string cycle_csv(const Store& store, Id cycle, const Audience& audience);

}  // namespace core::report
