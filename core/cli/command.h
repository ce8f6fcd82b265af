// The peerobs-cli command table. Each command lives in its own cmd_*.cpp and registers
// itself with PEEROBS_CLI_COMMAND, so commands from different features never share a file.
#pragma once
#include <iosfwd>
#include <string>
#include <vector>

namespace cli {

struct Context {
  std::string data_dir;            // --data DIR, or core::default_data_dir()
  std::vector<std::string> args;   // arguments after the command name
  std::istream& in;
  std::ostream& out;
  std::ostream& err;
};

using CommandFn = int (*)(Context&);

struct Command {
  const char* name;     // e.g. "export"
  const char* usage;    // e.g. "export --out FILE.json"
  const char* summary;  // one line
  CommandFn run;        // returns the process exit code
};

bool register_command(const Command& command);
const std::vector<Command>& commands();

// Returns the value after `flag` in args (and removes both), or "" if absent.
std::string take_option(std::vector<std::string>& args, const std::string& flag);

}  // namespace cli

#define PEEROBS_CLI_CONCAT2(a, b) a##b
#define PEEROBS_CLI_CONCAT(a, b) PEEROBS_CLI_CONCAT2(a, b)
#define PEEROBS_CLI_COMMAND(...) \
  static const bool PEEROBS_CLI_CONCAT(registered_, __LINE__) = ::cli::register_command(::cli::Command{__VA_ARGS__})
