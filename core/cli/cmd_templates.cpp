// `peerobs-cli templates`: lists the observation templates this device would offer (built-ins
// plus <data dir>/templates) and every file that failed to load, so a school can check a template
// it wrote before copying it to tablets. Exit code 1 when any file failed.
#include <ostream>

#include "core/cli/arguments.h"
#include "core/cli/command.h"
#include "core/templates.h"

namespace {

int run_templates(cli::Context& ctx) {
  const auto dirs = core::template_dirs_for(ctx.data_dir);
  const core::TemplateLibrary lib = core::load_templates(dirs);
  ctx.out << "Templates read from:\n";
  for (const auto& d : dirs) ctx.out << "  " << d << "\n";
  ctx.out << "\n";
  for (const auto& t : lib.templates) {
    ctx.out << t.key << "\t" << t.title << (t.conversation ? " (conversation)" : "") << "\n";
    ctx.out << "    " << t.look_fors.size() << " look-fors, " << t.counters.size() << " counters, " << t.timers.size()
            << " timers, seating chart " << (t.seating_chart ? "on" : "off") << ", " << t.prompt_bank.size()
            << " prompt stems\n    from " << t.source_file << "\n";
  }
  if (lib.templates.empty()) ctx.out << "(no templates found)\n";
  for (const auto& e : lib.errors) ctx.err << "error: " << core::describe(e) << "\n";
  if (lib.templates.empty() && lib.errors.empty()) {
    ctx.err << "error: no templates in " << dirs.front() << "; is the installation complete?\n";
    return 1;
  }
  return lib.errors.empty() ? 0 : 1;
}

cli::Run declare_templates(CLI::App&) { return run_templates; }  // takes no arguments

}  // namespace

PEEROBS_CLI_COMMAND(
    "templates", "lists the observation templates (built-in and <data dir>/templates) and any file that failed to load",
    declare_templates);
