// peerobs-cli commands that give data away: `report` (a visit summary or a cycle report as PDF,
// or as printable HTML), `export --csv` (lives in cmd_store.cpp, shares the choice of reader
// below) and `visits` (the ids to ask for). Everything is made on this device, from what it holds.
#include <memory>

#include "core/cli/arguments.h"
#include "core/cli/command.h"
#include "core/cli/report_target.h"
#include "core/file_write.h"
#include "core/lesson/people.h"
#include "core/lesson/words.h"
#include "core/paths.h"
#include "core/report/cycle_report.h"
#include "core/report/pdf/render_pdf.h"
#include "core/report/render_html.h"
#include "core/report/visit_report.h"

namespace cli {

namespace {

bool ends_with(const std::string& text, const std::string& tail) {
  return text.size() >= tail.size() && text.compare(text.size() - tail.size(), tail.size(), tail) == 0;
}

struct ReportArgs {
  ReportTarget target;
  std::string out;
  std::string page = "a4";
};

int run_report(Context& ctx, const ReportArgs& args) {
  core::report::PageSize size;
  if (!core::report::page_size_from_name(args.page, size)) {
    ctx.err << "report: --page takes a4 or letter, not \"" << args.page << "\".\n";
    return 2;
  }
  const bool html = ends_with(args.out, ".html") || ends_with(args.out, ".htm");
  if (!html && !ends_with(args.out, ".pdf")) {
    ctx.err << "report: --out names the file to write, ending in .pdf (a PDF) or .html (a page to print).\n";
    return 2;
  }
  if (!args.target.given()) {
    ctx.err << "report: say which: --visit ID or --cycle ID (peerobs-cli visits lists them).\n";
    return 2;
  }
  core::Store store = open_store(ctx);
  try {
    const core::report::Audience audience = args.target.audience(store);
    const core::report::Document doc = args.target.visit().empty()
                                           ? core::report::cycle_report(store, args.target.cycle(), audience)
                                           : core::report::visit_report(store, args.target.visit(), audience);
    if (html)
      core::write_file_whole(args.out, core::report::render_html(doc, size));
    else
      core::report::write_pdf_file(doc, size, args.out);
    ctx.out << "Wrote " << args.out << ": " << doc.title << ". " << doc.made_for << "\n";
    return 0;
  } catch (const core::report::ReportError& e) {
    ctx.err << "report: " << e.what() << "\n";
    return 1;
  }
}

Run declare_report(CLI::App& command) {
  auto args = std::make_shared<ReportArgs>();
  args->target.declare(command);
  command.add_option("--out", args->out, "the file to write: .pdf, or .html to print from a browser")
      ->required()
      ->type_name("FILE");
  command.add_option("--page", args->page, "a4 (default) or letter")->type_name("SIZE");
  return [args](Context& ctx) { return run_report(ctx, *args); };
}

// Every cycle and visit on this device with its id, so a report can be asked for.
int run_visits(Context& ctx) {
  core::Store store = open_store(ctx);
  const auto names = core::person_names(store);
  for (const auto& [cycle_id, cycle] : store.live(core::RecordType::Cycle)) {
    const auto& c = std::get<core::Cycle>(cycle.body);
    ctx.out << "cycle " << cycle_id.hex() << "  " << c.title << " ("
            << core::name_or(names, c.observed_teacher, "someone") << ")\n";
    for (const auto& [visit_id, visit] : store.live(core::RecordType::Observation)) {
      const auto& o = std::get<core::Observation>(visit.body);
      if (o.cycle != cycle_id) continue;
      ctx.out << "  visit " << visit_id.hex() << "  " << (o.date.empty() ? "(no date)" : o.date) << "  " << o.class_name
              << "  " << core::observation_status_label(o.status) << "\n";
    }
  }
  return 0;
}

Run declare_visits(CLI::App&) { return run_visits; }

}  // namespace

PEEROBS_CLI_COMMAND("report", "write a visit summary or a cycle report (PDF, or HTML to print)", declare_report);
PEEROBS_CLI_COMMAND("visits", "list the cycles and visits on this device with their ids", declare_visits);

}  // namespace cli
