// peerobs-cli commands on the local store: init, stats, export (JSON, or one visit or cycle as CSV), import.
#include <iostream>
#include <memory>

#include "core/cli/arguments.h"
#include "core/cli/command.h"
#include "core/cli/report_target.h"
#include "core/demo_data.h"
#include "core/export_json.h"
#include "core/file_write.h"
#include "core/paths.h"
#include "core/report/csv_export.h"
#include "core/store.h"

namespace cli {
namespace {

int run_init(Context& ctx, const std::string& name, bool demo) {
  if (name.empty()) {
    ctx.err << "init needs your name: peerobs-cli init --name \"Your Name\"\n";
    return 2;
  }
  core::Store store = open_store(ctx);
  if (auto me = store.meta().local_person()) {
    auto person = store.get(*me);
    std::string existing = person ? std::get<core::Person>(person->body).name : me->hex();
    ctx.err << "This data directory is already set up for " << existing << " (" << ctx.data_dir << ").\n";
    return 1;
  }
  core::Id me = core::Id::random();
  store.transaction([&] {
    store.create_with_id(me, core::Person{name, ""}, me);
    store.meta().set_local_person(me);
  });
  ctx.out << "Set up " << ctx.data_dir << " for " << name << " (person " << me.hex() << ").\n";
  if (demo) {
    const core::DemoData d = core::seed_demo_data(store, me);
    ctx.out << "Added the demo data (it stays on this device):\n"
            << "  cycle " << d.cycle.hex() << "  the questioning cycle you lead\n"
            << "  visit " << d.observed_visit.hex() << "  its debriefed visit\n"
            << "  visit " << d.follow_up_visit.hex() << "  its planned follow-up\n"
            << "  cycle " << d.my_cycle.hex() << "  the cycle where a colleague observed you\n"
            << "  visit " << d.my_visit.hex() << "  its visit\n"
            << "  person " << d.observed_teacher.hex() << "  the teacher you observed\n"
            << "  person " << d.coach.hex() << "  the coach\n";
  }
  return 0;
}

int run_stats(Context& ctx) {
  core::Store store = open_store(ctx);
  auto counts = store.live_counts();
  for (int t = 1; t <= core::kRecordTypeCount; ++t) {
    auto type = static_cast<core::RecordType>(t);
    ctx.out << core::type_name(type) << " " << (counts.count(type) ? counts[type] : 0) << "\n";
  }
  ctx.out << "versions " << store.all_versions().size() << "\n";
  ctx.out << "outbox " << store.outbox().size() << "\n";
  ctx.out << "conflicts " << store.conflicted_records().size() << "\n";
  return 0;
}

// --csv: one visit's or one cycle's data points for a spreadsheet (core/report/csv_export.h).
int run_export_csv(Context& ctx, const ReportTarget& target, const std::string& out) {
  if (!target.given()) {
    ctx.err << "export --csv: say which: --visit ID or --cycle ID (peerobs-cli visits lists them).\n";
    return 2;
  }
  core::Store store = open_store(ctx);
  try {
    const core::report::Audience audience = target.audience(store);
    const std::string csv = target.visit().empty() ? core::report::cycle_csv(store, target.cycle(), audience)
                                                   : core::report::visit_csv(store, target.visit(), audience);
    core::write_file_whole(out, csv);
    ctx.out << "Wrote " << out << ".\n";
    return 0;
  } catch (const core::report::ReportError& e) {
    ctx.err << "export: " << e.what() << "\n";
    return 1;
  }
}

int run_export(Context& ctx, const std::string& out) {
  core::Store store = open_store(ctx);
  core::export_json_file(store, out);
  ctx.out << "Exported " << store.all_versions().size() << " versions to " << out << "\n";
  return 0;
}

int run_import(Context& ctx, const std::string& file) {
  core::Store store = open_store(ctx);
  try {
    auto summary = core::import_json_file(store, file);
    ctx.out << "Imported " << summary.versions_added << " new versions (" << summary.versions_in_file
            << " in the file; the rest were already here).\n";
    return 0;
  } catch (const core::ImportError& e) {
    ctx.err << "import failed: " << e.what() << "\nNothing in " << ctx.data_dir << " was changed.\n";
    return 1;
  }
}

// Each command's one value lives in a string the returned Run shares with the parser.
Run declare_init(CLI::App& command) {
  auto name = std::make_shared<std::string>();
  auto demo = std::make_shared<bool>(false);
  command.add_option("--name", *name, "your name as colleagues know it")->required();
  command.add_flag("--demo", *demo, "add the demo data: a questioning cycle you lead, and one where you were observed");
  return [name, demo](Context& ctx) { return run_init(ctx, *name, *demo); };
}

Run declare_stats(CLI::App&) { return run_stats; }  // takes no arguments

Run declare_export(CLI::App& command) {
  auto out = std::make_shared<std::string>();
  auto csv = std::make_shared<bool>(false);
  auto target = std::make_shared<ReportTarget>();
  command.add_option("--out", *out, "the file to write")->required()->type_name("FILE");
  command.add_flag("--csv", *csv, "one visit's or cycle's data points as CSV (with --visit or --cycle)");
  target->declare(command);
  return [out, csv, target](Context& ctx) {
    if (*csv) return run_export_csv(ctx, *target, *out);
    if (target->given()) {
      ctx.err << "export: --visit and --cycle go with --csv; without it, export writes everything as JSON.\n";
      return 2;
    }
    return run_export(ctx, *out);
  };
}

Run declare_import(CLI::App& command) {
  auto file = std::make_shared<std::string>();
  command.add_option("FILE.json", *file, "an export file (peerobs-cli export, or the app's Settings)")
      ->required()
      ->type_name("FILE.json");
  return [file](Context& ctx) { return run_import(ctx, *file); };
}

}  // namespace

PEEROBS_CLI_COMMAND("init", "set up this data directory for you", declare_init);
PEEROBS_CLI_COMMAND("stats", "count the records of each type, versions, outbox and conflicts", declare_stats);
PEEROBS_CLI_COMMAND("export", "write everything you may see to a JSON file, or one visit or cycle as CSV (--csv)",
                    declare_export);
PEEROBS_CLI_COMMAND("import", "add the versions in an export file (importing twice changes nothing)", declare_import);

}  // namespace cli
