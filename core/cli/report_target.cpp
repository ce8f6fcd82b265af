// See report_target.h.
#include "core/cli/report_target.h"

#include "core/cli/arguments.h"
#include "core/dates.h"
#include "core/lesson/people.h"
#include "core/paths.h"

namespace cli {

core::Store open_store(const Context& ctx) {
  core::ensure_directory(ctx.data_dir);
  return core::Store(core::store_path_in(ctx.data_dir));
}

void ReportTarget::declare(CLI::App& command) {
  auto* v = command.add_option("--visit", visit_hex, "the visit (its id, as `peerobs-cli visits` lists it)")
                ->type_name("ID")
                ->check(hex_id("visit"));
  auto* c = command.add_option("--cycle", cycle_hex, "the learning cycle (its id, as `peerobs-cli visits` lists it)")
                ->type_name("ID")
                ->check(hex_id("cycle"));
  v->excludes(c);
  command
      .add_option("--for", reader,
                  "whom the copy is for: a person's id or name (default: you); it holds only what they may see")
      ->type_name("PERSON");
}

core::Id ReportTarget::visit() const { return visit_hex.empty() ? core::Id{} : *core::Id::from_hex(visit_hex); }
core::Id ReportTarget::cycle() const { return cycle_hex.empty() ? core::Id{} : *core::Id::from_hex(cycle_hex); }

core::report::Audience ReportTarget::audience(const core::Store& store) const {
  auto me = store.meta().local_person();
  if (!me)
    throw core::report::ReportError(
        "this data directory is not set up for anyone yet: peerobs-cli init --name \"Your Name\"");
  core::report::Audience a{*me, *me, core::local_date(core::wall_clock_ms())};
  if (reader.empty()) return a;
  if (auto id = core::Id::from_hex(reader)) {
    a.reader = *id;
    return a;
  }
  int found = 0;
  for (const auto& [id, name] : core::person_names(store))
    if (name == reader) {
      a.reader = id;
      ++found;
    }
  if (found == 1) return a;
  throw core::report::ReportError(
      found == 0 ? "no one called \"" + reader + "\" is on this device (--for takes a name as it is written, or an id)"
                 : "more than one person is called \"" + reader + "\": give their id instead");
}

}  // namespace cli
