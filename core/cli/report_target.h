// What `report` and `export --csv` are asked for: one visit or one cycle, and whom the copy is
// for (--for: a person's id or name; by default this device's person). Shared by both commands
// so they choose the same way.
#pragma once
#include <string>

#include "core/cli/arguments.h"
#include "core/cli/command.h"
#include "core/report/audience.h"
#include "core/store.h"

namespace cli {

// The store of --data, created if missing (every store command opens it this way).
core::Store open_store(const Context& ctx);

struct ReportTarget {
  std::string visit_hex, cycle_hex, reader;  // as typed (the ids are checked while parsing)
  // Adds --visit, --cycle (not both) and --for to `command`.
  void declare(CLI::App& command);
  core::Id visit() const;  // empty when --visit was not given
  core::Id cycle() const;
  bool given() const { return !visit_hex.empty() || !cycle_hex.empty(); }
  // This device's person makes it; the reader is --for's person or the maker. Throws
  // core::report::ReportError with a sentence (no person set up, no such person).
  core::report::Audience audience(const core::Store& store) const;
};

}  // namespace cli
