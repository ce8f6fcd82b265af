// peerobs-cli commands on the local store: init, stats, export, import.
#include <iostream>
#include <memory>

#include "core/cli/arguments.h"
#include "core/cli/command.h"
#include "core/export_json.h"
#include "core/paths.h"
#include "core/store.h"

namespace cli {
namespace {

core::Store open_store(const Context& ctx) {
  core::ensure_directory(ctx.data_dir);
  return core::Store(core::store_path_in(ctx.data_dir));
}

int run_init(Context& ctx, const std::string& name) {
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
  command.add_option("--name", *name, "your name as colleagues know it")->required();
  return [name](Context& ctx) { return run_init(ctx, *name); };
}

Run declare_stats(CLI::App&) { return run_stats; }  // takes no arguments

Run declare_export(CLI::App& command) {
  auto out = std::make_shared<std::string>();
  command.add_option("--out", *out, "the JSON file to write")->required()->type_name("FILE.json");
  return [out](Context& ctx) { return run_export(ctx, *out); };
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
PEEROBS_CLI_COMMAND("export", "write everything you may see to a JSON file", declare_export);
PEEROBS_CLI_COMMAND("import", "add the versions in an export file (importing twice changes nothing)", declare_import);

}  // namespace cli
