// peerobs-cli: the same core as the client, headless. `peerobs-cli help` lists the commands.
#include <algorithm>
#include <iostream>

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

std::string take_option(std::vector<std::string>& args, const std::string& flag) {
  for (std::size_t i = 0; i + 1 < args.size(); ++i)
    if (args[i] == flag) {
      std::string value = args[i + 1];
      args.erase(args.begin() + static_cast<long>(i), args.begin() + static_cast<long>(i) + 2);
      return value;
    }
  return "";
}

}  // namespace cli

static void print_usage(std::ostream& out) {
  out << "usage: peerobs-cli [--data DIR] COMMAND [ARGS]\n\ncommands:\n";
  auto cmds = cli::commands();
  std::sort(cmds.begin(), cmds.end(), [](const auto& a, const auto& b) { return std::string(a.name) < b.name; });
  for (const auto& c : cmds) out << "  " << c.usage << "\n      " << c.summary << "\n";
  out << "\nDIR defaults to $PEEROBS_DATA, else ~/.local/share/peerobs.\n";
}

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  std::string data_dir = cli::take_option(args, "--data");
  if (data_dir.empty()) data_dir = core::default_data_dir();
  if (args.empty() || args[0] == "help" || args[0] == "--help" || args[0] == "-h") {
    print_usage(args.empty() ? std::cerr : std::cout);
    return args.empty() ? 2 : 0;
  }
  for (const auto& c : cli::commands()) {
    if (args[0] != c.name) continue;
    cli::Context ctx{data_dir, std::vector<std::string>(args.begin() + 1, args.end()), std::cin, std::cout, std::cerr};
    try {
      return c.run(ctx);
    } catch (const std::exception& e) {
      std::cerr << "peerobs-cli " << c.name << ": " << e.what() << "\n";
      return 1;
    }
  }
  std::cerr << "peerobs-cli: unknown command '" << args[0] << "'\n\n";
  print_usage(std::cerr);
  return 2;
}
