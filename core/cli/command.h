// The peerobs-cli command table. Each command lives in its own cmd_*.cpp and registers
// itself with PEEROBS_CLI_COMMAND, so commands from different features never share a file.
// A command declares its arguments on its own CLI11 subcommand (core/cli/arguments.h), so
// anything it did not declare is refused before it runs.
#pragma once
#include <functional>
#include <iosfwd>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace cli {

struct Context {
  std::string data_dir;  // --data DIR, or core::default_data_dir()
  std::istream& in;
  std::ostream& out;
  std::ostream& err;
};

// Runs a command once its arguments are parsed; returns the process exit code.
using Run = std::function<int(Context&)>;

struct Command {
  const char* name;     // e.g. "export"
  const char* summary;  // one line
  // Declares the command's options and positionals on `command`, bound to state that the
  // returned Run shares (parsing fills it in before Run is called).
  Run (*declare)(CLI::App& command);
};

bool register_command(const Command& command);
const std::vector<Command>& commands();

}  // namespace cli

#define PEEROBS_CLI_CONCAT2(a, b) a##b
#define PEEROBS_CLI_CONCAT(a, b) PEEROBS_CLI_CONCAT2(a, b)
#define PEEROBS_CLI_COMMAND(...) \
  static const bool PEEROBS_CLI_CONCAT(registered_, __LINE__) = ::cli::register_command(::cli::Command{__VA_ARGS__})
