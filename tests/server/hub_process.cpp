// Starting and stopping a real hub process for tests. See hub_process.h.
#include "hub_process.h"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fcntl.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

namespace testing_support {

std::string hub_binary() { return std::string(PEEROBS_BINARY_DIR) + "/server/peerobs-hub"; }

std::string temp_dir(const std::string& prefix) {
  std::random_device rd;
  auto dir = std::filesystem::temp_directory_path() / (prefix + "-" + std::to_string(rd()) + std::to_string(rd()));
  std::filesystem::create_directories(dir);
  return dir.string();
}

namespace {
std::vector<char*> c_args(std::vector<std::string>& args) {
  std::vector<char*> out;
  for (auto& a : args) out.push_back(a.data());
  out.push_back(nullptr);
  return out;
}
}  // namespace

CommandResult run_command(const std::vector<std::string>& argv) {
  int fds[2];
  if (pipe(fds) != 0) throw std::runtime_error("pipe failed");
  std::vector<std::string> args = argv;
  pid_t pid = fork();
  if (pid == 0) {
    dup2(fds[1], 1);
    dup2(fds[1], 2);
    close(fds[0]);
    close(fds[1]);
    auto cargs = c_args(args);
    execv(cargs[0], cargs.data());
    _exit(127);
  }
  close(fds[1]);
  CommandResult r;
  char buf[4096];
  ssize_t n;
  while ((n = read(fds[0], buf, sizeof buf)) > 0) r.out.append(buf, static_cast<std::size_t>(n));
  close(fds[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return r;
}

HubProcess::HubProcess(std::string data_dir) : data_dir_(std::move(data_dir)) {}

HubProcess::~HubProcess() {
  if (pid_ > 0) kill_hard();
}

void HubProcess::start() {
  int fds[2];
  if (pipe(fds) != 0) throw std::runtime_error("pipe failed");
  std::vector<std::string> args = {hub_binary(), "serve", "--data", data_dir_, "--listen", listen};
  args.insert(args.end(), serve_options.begin(), serve_options.end());
  pid_t pid = fork();
  if (pid == 0) {
    dup2(fds[1], 1);
    if (capture_log) {
      int log = open(log_file().c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
      if (log >= 0) dup2(log, 2);
    }
    close(fds[0]);
    close(fds[1]);
    auto cargs = c_args(args);
    execv(cargs[0], cargs.data());
    _exit(127);
  }
  close(fds[1]);
  pid_ = pid;
  std::string line;
  char c;
  while (read(fds[0], &c, 1) == 1 && c != '\n') line.push_back(c);
  close(fds[0]);  // the hub prints nothing else on stdout
  const std::string prefix = "listening on 127.0.0.1:";
  if (line.rfind(prefix, 0) != 0) {
    kill_hard();
    throw std::runtime_error("peerobs-hub did not start: \"" + line + "\"");
  }
  port_ = std::stoi(line.substr(prefix.size()));
}

std::string HubProcess::url() const {
  const bool https = std::find(serve_options.begin(), serve_options.end(), "--cert") != serve_options.end();
  return (https ? "https://127.0.0.1:" : "http://127.0.0.1:") + std::to_string(port_);
}

std::string HubProcess::log() const {
  std::ifstream in(log_file());
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

void HubProcess::kill_hard() {
  if (pid_ <= 0) return;
  ::kill(pid_, SIGKILL);
  waitpid(pid_, nullptr, 0);
  pid_ = -1;
}

void HubProcess::stop() {
  if (pid_ <= 0) return;
  ::kill(pid_, SIGTERM);
  waitpid(pid_, nullptr, 0);
  pid_ = -1;
}

std::string HubProcess::admin(const std::vector<std::string>& args) const {
  std::vector<std::string> argv = {hub_binary(), args.at(0), "--data", data_dir_};
  argv.insert(argv.end(), args.begin() + 1, args.end());
  auto r = run_command(argv);
  if (r.exit_code != 0) throw std::runtime_error("peerobs-hub " + args.at(0) + " failed: " + r.out);
  return r.out;
}

std::string HubProcess::add_person(const std::string& name) const {
  std::string out = admin({"add-person", "--name", name});
  return out.substr(0, 32);
}

std::string HubProcess::issue_code(const std::string& person) const {
  std::string out = admin({"issue-code", "--person", person});
  return out.substr(0, out.find('\n'));
}

}  // namespace testing_support
