// enroll_crash_trials: a device enrolling with a real peerobs-hub on loopback, killed with SIGKILL
// at a random moment around its request: at a moment drawn from its start, just after its request
// left, or after the hub's answer arrived and before the device stored it (the hole a lost answer
// used to leave: the code used on the hub, no token on the device). In a quarter of the trials the
// hub is killed instead, and in another quarter both; a killed hub restarts on the same port.
// After each trial, with the hub running again:
//  - integrity_check is "ok" on the device's store and on hub.sqlite;
//  - the device never holds both a token and a pending enrollment (they change in one commit);
//  - a device left without a token enrolls with the SAME code (no new code is issued), and the hub
//    answers with the device its code enrolled, if it enrolled one;
//  - it then syncs: what it wrote offline (an observation and a note) reaches the hub;
//  - the hub holds exactly one enrolled device for the person.
// Trial t runs with seed SEED+t, which draws its plan; a failure names it: `enroll_crash_trials 1
// SEED+t` replays the plan (the kill lands at the same time, not necessarily the same instruction).
// Usage: enroll_crash_trials [N=300] [SEED] [--no-pending]
// --no-pending runs a broken device, to show the checks can fail: it forgets its pending
// enrollment before each attempt (as a device from before it did), so an answer lost after the
// hub used the code leaves a code that no longer enrolls anything.
#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "bench/child_process.h"
#include "bench/crash_checks.h"
#include "bench/hub_file.h"
#include "core/net/sync_client.h"
#include "core/store.h"
#include "tests/server/hub_process.h"

namespace fs = std::filesystem;
using testing_support::HubProcess;

namespace {

// Where a trial's kill times count from: the device's "ready" (store open, about to enroll), its
// "request" (pending enrollment committed, the request about to leave), or its "answered" (the
// hub's answer read, not yet stored: the device waits there until it is killed or released).
enum class Aim { Start, Request, Answered };

struct EnrollPlan {
  bool kill_device = true;
  bool kill_hub = false;
  Aim aim = Aim::Start;
  int device_end_us = 0;  // after the aim: the device's SIGKILL, or (hub-only) its release
  int hub_kill_us = 0;    // after the aim
};

EnrollPlan enroll_plan_for(unsigned seed) {
  std::mt19937 rng(seed);
  auto uniform = [&rng](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  EnrollPlan p;
  const int who = uniform(0, 3);  // 0, 1: the device; 2: the hub; 3: both
  p.kill_device = who != 2;
  p.kill_hub = who >= 2;
  p.aim = static_cast<Aim>(uniform(0, 2));
  // An enrollment takes a few milliseconds on loopback (the hub's commit syncs to disk).
  const int span_us = p.aim == Aim::Start ? 30000 : p.aim == Aim::Request ? 8000 : 2000;
  p.hub_kill_us = uniform(0, span_us);
  p.device_end_us = who != 2 ? uniform(0, span_us) : p.hub_kill_us + uniform(0, 20000);
  return p;
}

core::net::SyncOptions enroll_trial_options() {
  core::net::SyncOptions o;
  o.connect_timeout_s = 2;  // a dead hub refuses at once on loopback; these bound a hung one
  o.read_timeout_s = 10;
  return o;
}

const char* const kDeviceName = "Ana's tablet";

void write_line(int fd, const std::string& text) {
  const std::string line = text + "\n";
  if (write(fd, line.data(), line.size()) != static_cast<ssize_t>(line.size())) _exit(3);
}

// The child: the device enrolling once, announcing each point it passes on `out`; at "answered"
// it waits for a byte on `hold` when the plan aims there. Reports "enrolled" or
// "error KIND CUT what", then exits.
[[noreturn]] void enroll_device(const std::string& path, const std::string& url, const std::string& code,
                                const EnrollPlan& p, int out, int hold, bool no_pending) {
  try {
    core::Store store(path);
    auto options = enroll_trial_options();
    options.fault = [&](const char* point) {
      const std::string at = point;
      if (at == "enroll_before_request") write_line(out, "request");
      if (at != "enroll_answered") return;
      write_line(out, "answered");
      char c;
      if (p.aim == Aim::Answered && read(hold, &c, 1) != 1) _exit(5);
    };
    if (no_pending) store.meta().erase(core::MetaKey::SyncEnrollPending);
    write_line(out, "ready");
    try {
      core::net::SyncClient(store, options).enroll(url, code, kDeviceName);
      write_line(out, "enrolled");
    } catch (const core::net::SyncError& e) {
      write_line(
          out, "error " + std::to_string(static_cast<int>(e.kind)) + " " + (e.cut ? "cut" : "whole") + " " + e.what());
    }
  } catch (const std::exception& e) {
    write_line(out, std::string("error - - ") + e.what());
    _exit(4);
  }
  _exit(0);
}

struct EnrollTotals {
  std::size_t device_kills = 0, hub_kills = 0, in_the_hole = 0, before_the_hub = 0, enrolled_before = 0,
              failed_enrollments = 0, retried = 0;
};

// What every trial starts from, made once per run: a stopped hub with Ana on its roster and one
// code for her, unused; Ana's device, never enrolled, with her name, an observation and a note
// written offline (so the enrollment re-keys them, and the sync after it has something to carry).
struct EnrollTemplate {
  std::string dir = testing_support::temp_dir("peerobs-enroll-crash-template");
  std::string ana, code;
  std::set<core::Id> offline;  // the versions written offline
  ~EnrollTemplate() { fs::remove_all(dir); }
};
const char* const kEnrollDeviceFile = "device.sqlite";

void make_enroll_template(EnrollTemplate& t) {
  HubProcess hub(t.dir + "/hub");
  hub.capture_log = true;
  hub.start();
  t.ana = hub.add_person("Ana");
  t.code = hub.issue_code(t.ana);
  hub.stop();
  core::Store device(t.dir + "/" + kEnrollDeviceFile);
  const core::Id me = core::Id::random();  // the person first run makes, before any hub
  core::Version person;
  device.transaction([&] {
    device.meta().set_local_person(me);
    person = device.create_with_id(me, core::Person{"Ana", ""}, me);
  });
  core::Observation o;
  o.participants = {{me, core::Role::TeacherLeader}};
  const auto obs = device.create(o, me);
  const auto note =
      device.create(core::EvidenceNote{obs.record, 61000, "wrote this offline", core::NoteKind::Noticing, {}}, me);
  t.offline = {person.version, obs.version, note.version};
}

// The code's state on the hub: used or not, and the device it enrolled.
struct CodeOnHub {
  bool used = false;
  std::string device;  // hex, "" when none
};
CodeOnHub code_on_hub(const std::string& hub_file) {
  core::Db db(hub_file, false);
  core::Stmt st(db, "SELECT used_at IS NOT NULL, device FROM hub_codes");
  CodeOnHub c;
  if (st.step()) {
    c.used = st.col_int(0) != 0;
    if (!st.col_null(1)) c.device = st.col_id(1).hex();
  }
  return c;
}

std::int64_t enrolled_devices(const std::string& hub_file, const std::string& person) {
  core::Db db(hub_file, false);
  core::Stmt st(db, "SELECT count(*) FROM hub_devices WHERE person = ? AND revoked_at IS NULL");
  st.bind_id(1, *core::Id::from_hex(person));
  return st.step() ? st.col_int(0) : -1;
}

// Reads lines from `fd` until one equal to `wanted`, "enrolled", an error, or EOF; keeps them.
void read_until(int fd, const std::string& wanted, std::string& text) {
  std::string line;
  for (char c = 0; read(fd, &c, 1) == 1;) {
    text.push_back(c);
    if (c != '\n') {
      line.push_back(c);
      continue;
    }
    if (line == wanted || line == "enrolled" || line.rfind("error ", 0) == 0) return;
    line.clear();
  }
}

void run_enroll_trial(const EnrollTemplate& from, unsigned seed, bool no_pending, EnrollTotals& totals,
                      std::vector<std::string>& failures) {
  const EnrollPlan p = enroll_plan_for(seed);
  const auto options = enroll_trial_options();
  crash_checks::TrialFolder dir(testing_support::temp_dir("peerobs-enroll-crash"));
  fs::copy(from.dir, dir.path, fs::copy_options::recursive | fs::copy_options::overwrite_existing);
  const std::string device_path = dir.path + "/" + kEnrollDeviceFile;
  HubProcess hub(dir.path + "/hub");
  hub.capture_log = true;
  hub.start();
  const std::string hub_file = hub.data_dir() + "/hub.sqlite";

  int out[2], hold[2];
  if (pipe(out) != 0 || pipe(hold) != 0) throw std::runtime_error("pipe failed");
  crash_checks::ChildProcess device_process(fork());
  const pid_t device = device_process.pid();
  if (device < 0) throw std::runtime_error("fork failed");
  if (device == 0) {
    prctl(PR_SET_PDEATHSIG, SIGKILL);  // a run stopped midway leaves no device behind
    close(out[0]);
    close(hold[1]);
    enroll_device(device_path, hub.url(), from.code, p, out[1], hold[0], no_pending);
  }
  close(out[1]);
  close(hold[0]);
  std::string text;
  read_until(out[0], "ready", text);
  if (p.aim != Aim::Start) read_until(out[0], p.aim == Aim::Request ? "request" : "answered", text);
  const auto aimed = std::chrono::steady_clock::now();
  auto at = [&](int us) { std::this_thread::sleep_until(aimed + std::chrono::microseconds(us)); };
  const bool hub_first = p.kill_hub && p.hub_kill_us <= p.device_end_us;
  auto kill_and_restart_hub = [&] {
    at(p.hub_kill_us);
    const int port = hub.port();
    hub.kill_hard();
    ++totals.hub_kills;
    crash_checks::check_integrity(hub_file, "hub.sqlite after its kill", failures);
    hub.listen = "127.0.0.1:" + std::to_string(port);
    hub.start();
  };
  if (hub_first) kill_and_restart_hub();
  at(p.device_end_us);
  if (p.kill_device) {
    kill(device, SIGKILL);
  } else if (write(hold[1], "g", 1) != 1 && errno != EPIPE) {  // one waiting at "answered" goes on;
    throw std::runtime_error("cannot release the device");     // EPIPE: it had ended already
  }
  const int status = device_process.wait();
  close(hold[1]);
  if (p.kill_hub && !hub_first) kill_and_restart_hub();
  const auto lines = crash_checks::read_acknowledged(out[0], text);
  close(out[0]);
  // A device may finish enrolling before its kill comes; it may not end any other way.
  const bool killed = WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
  if (killed) ++totals.device_kills;
  if (!(killed && p.kill_device) && !(WIFEXITED(status) && WEXITSTATUS(status) == 0))
    failures.push_back("the device ended on its own (wait status " + std::to_string(status) + ")");
  for (const auto& line : lines) {
    if (line.rfind("error ", 0) != 0) continue;
    ++totals.failed_enrollments;
    // With the hub killed, the request may find it gone or be cut; nothing else is expected.
    const auto kind_end = line.find(' ', 6);
    const std::string kind = line.substr(6, kind_end - 6);
    const bool cut = line.compare(kind_end + 1, 4, "cut ") == 0;
    const bool expected = p.kill_hub && kind != "-" &&
                          (std::stoi(kind) == static_cast<int>(core::net::SyncError::Kind::Unreachable) || cut);
    if (!expected) failures.push_back("the device's enrollment failed: " + line.substr(6));
  }

  // As the kills left them.
  crash_checks::check_integrity(device_path, "the device's store", failures);
  crash_checks::check_integrity(hub_file, "hub.sqlite", failures);
  core::Store store(device_path);
  const bool had_token = store.meta().get(core::MetaKey::SyncToken).has_value();
  const bool pending = store.meta().get(core::MetaKey::SyncEnrollPending).has_value();
  if (had_token && pending) failures.push_back("the device holds a token and a pending enrollment");
  const CodeOnHub code = code_on_hub(hub_file);
  if (had_token) ++totals.enrolled_before;
  if (!had_token && code.used) ++totals.in_the_hole;
  if (!had_token && !code.used && pending) ++totals.before_the_hub;

  // The teacher types the same code again; then the device syncs.
  try {
    if (!had_token) {
      if (no_pending) store.meta().erase(core::MetaKey::SyncEnrollPending);
      core::net::SyncClient(store, options).enroll(hub.url(), from.code, kDeviceName);
      ++totals.retried;
      if (code.used && store.meta().get(core::MetaKey::SyncDevice) != code.device)
        failures.push_back("the retry was answered with another device than the code enrolled");
    }
    if (store.meta().get(core::MetaKey::SyncEnrollPending))
      failures.push_back("the pending enrollment outlived the enrollment");
    store.meta().set(core::MetaKey::SyncHubUrl, hub.url());  // a restarted hub listens on the same port
    const auto synced = core::net::SyncClient(store, options).sync();
    crash_checks::HubFile on_hub(hub_file);
    const auto at_hub = on_hub.versions();
    for (const auto& v : from.offline)
      if (!at_hub.count(v))
        failures.push_back("version " + v.short_hex() + " written offline is not on the hub (the sync pushed " +
                           std::to_string(synced.pushed) + ", held back " + std::to_string(synced.held_back) +
                           (synced.push_waits_for_colleagues ? ", waits for colleagues" : "") + ")" +
                           (store.outbox().held_back().empty() ? "" : ": " + store.outbox().held_back()[0].reason));
  } catch (const std::exception& e) {
    failures.push_back(std::string("enrolling again with the same code and syncing failed: ") + e.what());
  }
  const auto devices = enrolled_devices(hub_file, from.ana);
  if (devices != 1)
    failures.push_back("the hub holds " + std::to_string(devices) + " enrolled devices for Ana (expected 1)");
  hub.stop();
  crash_checks::check_integrity(hub_file, "hub.sqlite at the end", failures);
}

}  // namespace

int main(int argc, char** argv) {
  signal(SIGPIPE, SIG_IGN);  // releasing a device that already ended is not an error
  std::vector<std::string> args(argv + 1, argv + argc);
  const bool no_pending = !args.empty() && args.back() == "--no-pending";
  if (no_pending) args.pop_back();
  const int trials = args.size() > 0 ? std::atoi(args[0].c_str()) : 300;
  const unsigned seed =
      args.size() > 1 ? static_cast<unsigned>(std::stoul(args[1])) : static_cast<unsigned>(std::random_device{}());
  EnrollTemplate from;
  try {
    make_enroll_template(from);
  } catch (const std::exception& e) {
    std::printf("enroll_crash_trials: setting up the hub and the device failed: %s\n", e.what());
    return 2;
  }
  EnrollTotals totals;
  int failed_trials = 0;
  const auto start = std::chrono::steady_clock::now();
  for (int t = 0; t < trials; ++t) {
    const unsigned trial_seed = seed + static_cast<unsigned>(t);
    std::vector<std::string> failures;
    try {
      run_enroll_trial(from, trial_seed, no_pending, totals, failures);
    } catch (const std::exception& e) {
      failures.push_back(std::string("the trial could not run: ") + e.what());
    }
    for (const auto& f : failures)
      std::printf("trial %d (replay: enroll_crash_trials 1 %u%s): %s\n", t, trial_seed,
                  no_pending ? " --no-pending" : "", f.c_str());
    if (!failures.empty()) ++failed_trials;
    std::fflush(stdout);
  }
  const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf(
      "enroll_crash_trials: %d trials (seed %u%s): %zu device kills, %zu hub kills; %zu kills after the hub used "
      "the code and before the device stored its token, %zu with the enrollment pending and the code unused, %zu "
      "after it was stored; %zu enrollments failed (the hub down); %zu enrolled again with the same code; %d trials "
      "failed; %.1f s\n",
      trials, seed, no_pending ? ", a device without the pending enrollment" : "", totals.device_kills,
      totals.hub_kills, totals.in_the_hole, totals.before_the_hub, totals.enrolled_before, totals.failed_enrollments,
      totals.retried, failed_trials, s);
  return failed_trials == 0 ? 0 : 1;
}
