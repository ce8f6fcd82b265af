// peerobs-cli: the same core as the client, headless. `peerobs-cli help` lists the commands.
// Arguments are parsed with CLI11 (core/cli/arguments.h says why): each command declares its
// own; --data DIR may come before or after the command.
#include <algorithm>
#include <iostream>
#include <memory>

#include "core/cli/arguments.h"
#include "core/cli/command.h"
#include "core/paths.h"

namespace cli {

std::vector<Command>& command_table() {
  static std::vector<Command> table;
  return table;
}

bool register_command(const Command& command) {
  command_table().push_back(command);
  return true;
}

const std::vector<Command>& commands() { return command_table(); }

}  // namespace cli

int main(int argc, char** argv) {
  CLI::App program("peerobs-cli: the peerobs store, headless.", "peerobs-cli");
  std::string data_dir;
  program.add_option("--data", data_dir, "the data directory (default $PEEROBS_DATA, else ~/.local/share/peerobs)")
      ->type_name("DIR");
  program.require_subcommand(1);
  program.fallthrough();  // inherited: an option a command does not know goes to --data, or is refused
  program.footer("Each command's options: peerobs-cli COMMAND --help");
  auto cmds = cli::commands();
  std::sort(cmds.begin(), cmds.end(), [](const auto& a, const auto& b) { return std::string(a.name) < b.name; });
  std::vector<std::pair<CLI::App*, cli::Run>> runs;
  for (const auto& c : cmds) {
    CLI::App* sub = program.add_subcommand(c.name, c.summary);
    runs.emplace_back(sub, c.declare(*sub));
  }

  const std::string verb = cli::find_verb(argc, argv, {"--data"});
  CLI::App* chosen = cli::named_verb(program, argc, argv);
  if (argc == 1) {
    std::cerr << program.help();
    return 2;
  }
  if (verb == "help") {
    std::cout << program.help();
    return 0;
  }
  if (!verb.empty() && !chosen) {
    std::cerr << "peerobs-cli: unknown command '" << verb << "'\n\n" << program.help();
    return 2;
  }
  try {
    program.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return cli::report_parse_error(program, chosen, e, std::cout, std::cerr);
  }
  if (data_dir.empty()) data_dir = core::default_data_dir();
  cli::Context ctx{data_dir, std::cin, std::cout, std::cerr};
  const CLI::App* parsed = program.get_subcommands().front();  // parse() requires exactly one
  for (auto& [sub, run] : runs) {
    if (sub != parsed) continue;
    try {
      return run(ctx);
    } catch (const std::exception& e) {
      std::cerr << "peerobs-cli " << sub->get_name() << ": " << e.what() << "\n";
      return 1;
    }
  }
  return 2;  // not reached: parse() requires one command
}
