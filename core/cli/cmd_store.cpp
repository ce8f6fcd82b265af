// peerobs-cli commands on the local store: init, stats, export, import.
#include <iostream>

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

bool no_extra_args(Context& ctx, const char* usage) {
  if (ctx.args.empty()) return true;
  ctx.err << "unexpected argument '" << ctx.args.front() << "'\nusage: peerobs-cli " << usage << "\n";
  return false;
}

int run_init(Context& ctx) {
  std::string name = take_option(ctx.args, "--name");
  if (name.empty() || !no_extra_args(ctx, "init --name NAME")) {
    if (name.empty()) ctx.err << "init needs your name: peerobs-cli init --name \"Your Name\"\n";
    return 2;
  }
  core::Store store = open_store(ctx);
  if (auto me = store.local_person()) {
    auto person = store.get(*me);
    std::string existing = person ? std::get<core::Person>(person->body).name : me->hex();
    ctx.err << "This data directory is already set up for " << existing << " (" << ctx.data_dir << ").\n";
    return 1;
  }
  core::Id me = core::Id::random();
  store.transaction([&] {
    store.create_with_id(me, core::Person{name, ""}, me);
    store.set_local_person(me);
  });
  ctx.out << "Set up " << ctx.data_dir << " for " << name << " (person " << me.hex() << ").\n";
  return 0;
}

int run_stats(Context& ctx) {
  if (!no_extra_args(ctx, "stats")) return 2;
  core::Store store = open_store(ctx);
  auto counts = store.live_counts();
  for (int t = 1; t <= core::kRecordTypeCount; ++t) {
    auto type = static_cast<core::RecordType>(t);
    ctx.out << core::type_name(type) << " " << (counts.count(type) ? counts[type] : 0) << "\n";
  }
  ctx.out << "versions " << store.all_versions().size() << "\n";
  ctx.out << "outbox " << store.outbox_size() << "\n";
  ctx.out << "conflicts " << store.conflicted_records().size() << "\n";
  return 0;
}

int run_export(Context& ctx) {
  std::string out = take_option(ctx.args, "--out");
  if (out.empty() || !no_extra_args(ctx, "export --out FILE.json")) {
    if (out.empty()) ctx.err << "usage: peerobs-cli export --out FILE.json\n";
    return 2;
  }
  core::Store store = open_store(ctx);
  core::export_json_file(store, out);
  ctx.out << "Exported " << store.all_versions().size() << " versions to " << out << "\n";
  return 0;
}

int run_import(Context& ctx) {
  if (ctx.args.size() != 1) {
    ctx.err << "usage: peerobs-cli import FILE.json\n";
    return 2;
  }
  core::Store store = open_store(ctx);
  try {
    auto summary = core::import_json_file(store, ctx.args[0]);
    ctx.out << "Imported " << summary.versions_added << " new versions (" << summary.versions_in_file
            << " in the file; the rest were already here).\n";
    return 0;
  } catch (const core::ImportError& e) {
    ctx.err << "import failed: " << e.what() << "\nNothing in " << ctx.data_dir << " was changed.\n";
    return 1;
  }
}

}  // namespace

PEEROBS_CLI_COMMAND("init", "init --name NAME", "set up this data directory for you", run_init);
PEEROBS_CLI_COMMAND("stats", "stats", "count the records of each type, versions, outbox and conflicts", run_stats);
PEEROBS_CLI_COMMAND("export", "export --out FILE.json", "write everything you may see to a JSON file", run_export);
PEEROBS_CLI_COMMAND("import", "import FILE.json", "add the versions in an export file (importing twice changes nothing)",
                    run_import);

}  // namespace cli
