// What each crash-trial program (sync_crash_trials.cpp, enroll_crash_trials.cpp) holds per trial:
// the forked device process, killed and reaped if the trial ends before it waited for it, and
// the trial's folder, removed at its end.
#pragma once
#include <signal.h>
#include <sys/wait.h>

#include <filesystem>
#include <string>

namespace crash_checks {

class ChildProcess {
 public:
  explicit ChildProcess(pid_t pid) : pid_(pid) {}
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;
  ~ChildProcess() {
    if (pid_ <= 0) return;
    kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
  }
  pid_t pid() const { return pid_; }
  // Waits for it to end; its wait status.
  int wait() {
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = -1;
    return status;
  }

 private:
  pid_t pid_ = -1;
};

struct TrialFolder {
  std::string path;
  explicit TrialFolder(std::string p) : path(std::move(p)) {}
  TrialFolder(const TrialFolder&) = delete;
  TrialFolder& operator=(const TrialFolder&) = delete;
  ~TrialFolder() { std::filesystem::remove_all(path); }
};

}  // namespace crash_checks
