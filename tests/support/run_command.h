// Runs a command line through the shell and captures its exit code, stdout and stderr.
#pragma once
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

namespace testing_support {

struct CommandResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

inline CommandResult run_command(const std::string& command, const std::string& err_file) {
  CommandResult r;
  FILE* p = popen((command + " 2>" + err_file).c_str(), "r");
  if (!p) return r;
  std::array<char, 4096> buf{};
  std::size_t n;
  while ((n = std::fread(buf.data(), 1, buf.size(), p)) > 0) r.out.append(buf.data(), n);
  int status = pclose(p);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::ifstream e(err_file);
  std::ostringstream s;
  s << e.rdbuf();
  r.err = s.str();
  return r;
}

inline std::string cli_path() { return std::string(PEEROBS_BINARY_DIR) + "/core/peerobs-cli"; }

}  // namespace testing_support
