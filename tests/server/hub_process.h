// A real peerobs-hub for tests and bench programs: started as a child process on 127.0.0.1,
// port 0 unless `listen` says otherwise (the port is read from its "listening on" line), killed
// (SIGKILL, to test crashes) or stopped (SIGTERM) at the end. Admin verbs run as separate
// processes on the same data directory, as an admin would.
#pragma once
#include <string>
#include <vector>

namespace testing_support {

std::string hub_binary();
std::string temp_dir(const std::string& prefix);  // fresh directory under /tmp

struct CommandResult {
  int exit_code = -1;
  std::string out;  // stdout and stderr together
};
CommandResult run_command(const std::vector<std::string>& argv);

class HubProcess {
 public:
  explicit HubProcess(std::string data_dir);
  ~HubProcess();
  HubProcess(const HubProcess&) = delete;
  HubProcess& operator=(const HubProcess&) = delete;

  // Before start(): more `serve` options ("--free-guesses", "3"), and whether the hub's stderr goes
  // to log_file() (read it after stop(), which flushes it) instead of the test's own output.
  std::vector<std::string> serve_options;
  // Before start(): the address to listen on. Port 0 picks a free one; a restart after
  // kill_hard() may name port() to come back where devices already look for it.
  std::string listen = "127.0.0.1:0";
  bool capture_log = false;
  std::string log_file() const { return data_dir_ + "/serve.log"; }
  std::string log() const;

  void start();
  void kill_hard();  // SIGKILL, no chance to clean up
  void stop();       // SIGTERM and wait
  bool running() const { return pid_ > 0; }
  int port() const { return port_; }
  std::string url() const;  // https:// when serve_options name a --cert
  const std::string& data_dir() const { return data_dir_; }

  // Admin verbs (peerobs-hub VERB --data DIR ARGS...); throws if the verb fails.
  std::string admin(const std::vector<std::string>& args) const;
  std::string add_person(const std::string& name) const;  // returns the id
  std::string issue_code(const std::string& person) const;

 private:
  std::string data_dir_;
  int pid_ = -1;
  int port_ = 0;
};

}  // namespace testing_support
