// crash_trials: a device capturing as the app does (a note, then taps, each durable before it is
// acknowledged), killed with SIGKILL at a random moment, N times. After each kill the store is
// opened again and checked: SQLite's integrity_check is "ok"; every capture acknowledged before
// the kill is there exactly once (one version of that record, live); the outbox holds every
// version the device saved, each once, and nothing else; and the store takes new captures. A
// capture that was not yet acknowledged may be there or not, but never half.
// Prints the trials, the captures acknowledged and checked, and every failure; exits 1 on any.
// Usage: crash_trials [N=1000] [SEED] [--ack-before-save]   (the test command runs 50)
// --ack-before-save acknowledges each capture before saving it, as a broken app would: the checks
// must then find lost captures (the test command runs it too, expecting failure).
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "bench/crash_checks.h"
#include "core/paths.h"
#include "core/sqlite.h"
#include "core/store.h"

namespace fs = std::filesystem;

namespace {

// The child: set up a device, then capture until killed, acknowledging each capture's record id
// on `ack` only once the save returned (the moment the app shows it as saved).
[[noreturn]] void capture_until_killed(const std::string& dir, int ack, bool ack_first) {
  core::Store store(core::store_path_in(dir));
  const core::Id me = store.create(core::Person{"Crash Trial", ""}, core::Id{}).record;
  store.meta().set_local_person(me);
  if (write(ack, "ready\n", 6) != 6) _exit(3);
  const core::Id visit = core::Id::random();
  auto acknowledge = [ack](core::Id record) {
    const std::string line = record.hex() + "\n";
    if (write(ack, line.data(), line.size()) != static_cast<ssize_t>(line.size())) _exit(3);
  };
  for (std::int64_t i = 0;; ++i) {
    const core::Id record = core::Id::random();
    if (ack_first) {  // shows "saved" and saves a moment later, as an app saving in the background would
      acknowledge(record);
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    if (i % 3 == 0)
      store.create_with_id(
          record, core::EvidenceNote{visit, i * 1000, "note " + std::to_string(i), core::NoteKind::Noticing, {}}, me);
    else
      store.create_with_id(record, core::Tally{visit, "open-q", i * 1000}, me);
    if (!ack_first) acknowledge(record);
  }
}

// The checks after one kill; each failure is one line in `failures`.
void check_store(const std::string& dir, const std::vector<std::string>& acked, std::vector<std::string>& failures) {
  const std::string path = core::store_path_in(dir);
  if (!fs::exists(path)) {
    if (!acked.empty()) failures.push_back("the store file is gone, with " + std::to_string(acked.size()) + " acked");
    return;
  }
  crash_checks::check_integrity(path, "the store", failures);
  core::Store store(path);
  crash_checks::check_acknowledged(store, acked, failures);
  // Nothing was pushed: every saved version is queued once, and the queue holds nothing else.
  const auto all = store.all_versions();
  std::set<core::Id> queued;
  for (const auto& v : store.outbox().first(static_cast<int>(all.size()) + 10)) queued.insert(v.version);
  if (static_cast<std::int64_t>(queued.size()) != store.outbox().size() || queued.size() != all.size())
    failures.push_back("outbox: " + std::to_string(store.outbox().size()) + " queued for " +
                       std::to_string(all.size()) + " versions saved");
  for (const auto& v : all)
    if (!queued.count(v.version)) failures.push_back("version " + v.version.hex() + " is saved but not queued");
  if (auto me = store.meta().local_person())  // and the device goes on capturing
    store.create(core::Tally{core::Id::random(), "open-q", 0}, *me);
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  const bool ack_first = !args.empty() && args.back() == "--ack-before-save";
  if (ack_first) args.pop_back();
  const int trials = args.size() > 0 ? std::atoi(args[0].c_str()) : 1000;
  const unsigned seed = args.size() > 1 ? static_cast<unsigned>(std::atoi(args[1].c_str())) : std::random_device{}();
  std::mt19937 rng(seed);
  // One trial in five kills while the device is set up (the store created and migrated, the
  // person saved); the others while it captures, a random time after it is ready.
  std::uniform_int_distribution<int> delay_us(0, 40000);
  std::uniform_int_distribution<int> phase(0, 4);
  const fs::path root = fs::temp_directory_path() / ("peerobs-crash-" + std::to_string(getpid()));
  std::size_t acked_total = 0;
  int failed_trials = 0;
  const auto start = std::chrono::steady_clock::now();
  for (int t = 0; t < trials; ++t) {
    const std::string dir = (root / std::to_string(t)).string();
    fs::create_directories(dir);
    int pipe_fds[2];
    if (pipe(pipe_fds) != 0) return 2;
    const pid_t child = fork();
    if (child < 0) return 2;
    if (child == 0) {
      close(pipe_fds[0]);
      capture_until_killed(dir, pipe_fds[1], ack_first);
    }
    close(pipe_fds[1]);
    if (phase(rng) != 0)  // wait for "ready"
      for (char c = 0; c != '\n' && read(pipe_fds[0], &c, 1) == 1;) {
      }
    std::this_thread::sleep_for(std::chrono::microseconds(delay_us(rng)));
    kill(child, SIGKILL);
    int status = 0;
    waitpid(child, &status, 0);
    const auto acked = crash_checks::read_acknowledged(pipe_fds[0]);
    close(pipe_fds[0]);
    acked_total += acked.size();
    std::vector<std::string> failures;
    if (!WIFSIGNALED(status)) failures.push_back("the writer ended on its own (status " + std::to_string(status) + ")");
    try {
      check_store(dir, acked, failures);
    } catch (const std::exception& e) {
      failures.push_back(std::string("opening the store after the kill: ") + e.what());
    }
    for (const auto& f : failures) std::printf("trial %d: %s\n", t, f.c_str());
    if (!failures.empty()) ++failed_trials;
    fs::remove_all(dir);
  }
  fs::remove_all(root);
  const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf(
      "crash_trials: %d trials (seed %u%s), %zu captures acknowledged before the kills; %d trials failed; "
      "%.1f s\n",
      trials, seed, ack_first ? ", acknowledged before saving" : "", acked_total, failed_trials, s);
  return failed_trials == 0 ? 0 : 1;
}
