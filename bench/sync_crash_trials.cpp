// sync_crash_trials: a device that captures (each capture durable before it is acknowledged) and
// syncs, push then pull, with a real peerobs-hub on loopback, and a SIGKILL at a random moment:
// of the device (half the trials), of the hub (a quarter: it restarts on the same port while the
// device goes on, then the device is stopped), or of both (the device a moment after the hub);
// half the trials aim the kills at the start of one of the device's first syncs. Meanwhile a
// colleague's device (a thread, not killed) saves and syncs notes in the same observation, so
// the device's pulls bring what it lacks. After each trial, with the hub running again:
//  - integrity_check is "ok" on the device's store, and on hub.sqlite after its kill and at the end;
//  - every capture acknowledged as saved is on the device exactly once;
//  - nothing fell between device and hub: each version the device saved is on the hub or in its
//    outbox; the outbox holds only the device's own versions, and of those the hub already has
//    at most two batches (acknowledged, or stored with the answer lost); nothing is held back;
//  - the cursor is not ahead of the data: every feed row up to it is on the device (or, sealed,
//    kept apart waiting for its key);
//  - clear (the default): a final sync empties the outbox, and the observation's versions are then
//    the same set on the hub, on the device and on the colleague's device, one version per record;
//    a further sync of either device sends and receives nothing (nothing new, nothing twice);
//  - --sealed (both devices seal, as by default in the app; the set-up exchanges keys first): the
//    two devices sync in turn until a round sends and receives nothing and no version waits for
//    its key, none refused or held back on the way; then each version of each device is on the hub
//    with the same id and routing fields, sealed when its type travels sealed and opening with the
//    device's key into the device's own body; each device holds exactly the observation's versions
//    the hub routes to its person (a key grant reaches only its author and its recipient), one
//    version per record; both read the same notes and taps; no file of the hub's holds the text
//    every note starts with (sealed_crash_checks.h);
//  - either way, the colleague's device reads every acknowledged capture as it was captured.
// Trial t runs with seed SEED+t, which draws its plan (who is killed, when, batch and page
// sizes) and the device's captures; a failure names it: `sync_crash_trials 1 SEED+t [flags]`
// replays the plan (the kill lands at the same time, not necessarily at the same instruction).
// Usage: sync_crash_trials [N=1000] [SEED] [--sealed] [--forget-before-ack | --cursor-before-data]
// Two broken devices, to show the checks can fail (sealing too, with --sealed): --forget-before-ack
// takes a batch out of its outbox as it sends it, before the hub acknowledged it (versions lost on
// the way); --cursor-before-data stores a pulled page's cursor, then its versions, in two commits
// (versions skipped for good).
#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "bench/child_process.h"
#include "bench/crash_checks.h"
#include "bench/hub_file.h"
#include "bench/sealed_crash_checks.h"
#include "bench/sync_trial_devices.h"
#include "bench/sync_trial_plan.h"
#include "core/net/sync_client.h"
#include "core/store.h"
#include "tests/server/hub_process.h"

namespace fs = std::filesystem;
using sync_trial_plan::options_for;
using sync_trial_plan::plan_for;
using sync_trial_plan::trial_base_options;
using sync_trial_plan::TrialPlan;
using testing_support::HubProcess;

namespace {

using sync_trial_devices::capture_and_sync;
using sync_trial_devices::captured;
using sync_trial_devices::Colleague;
using sync_trial_devices::Device;
using sync_trial_devices::expected_failure;
using sync_trial_devices::kHeard;
using sync_trial_devices::write_line;

struct Totals {
  std::size_t acked = 0, device_kills = 0, device_kills_mid_sync = 0, hub_kills = 0, resent = 0, sync_errors = 0;
  std::map<int, int> settle_rounds;  // sealed: trials settled in so many rounds of syncs (0: not settled)
};

// Syncs `store` to the end, then once more: the second must send and receive nothing.
void final_sync(core::Store& store, const core::net::SyncOptions& options, const std::string& who,
                std::vector<std::string>& failures) {
  try {
    core::net::SyncClient(store, options).sync();
    if (store.outbox().size() != 0)
      failures.push_back(who + ": " + std::to_string(store.outbox().size()) +
                         " still in the outbox after a final sync");
    const auto again = core::net::SyncClient(store, options).sync();
    if (again.pushed != 0 || again.pulled_total != 0)
      failures.push_back(who + ": a further sync pushed " + std::to_string(again.pushed) + " and pulled " +
                         std::to_string(again.pulled_total) + " (cursor or outbox out of step)");
  } catch (const std::exception& e) {
    failures.push_back(who + ": the final sync failed: " + e.what());
  }
}

std::set<core::Id> observation_versions(const core::Store& store, core::Id obs) {
  std::set<core::Id> out;
  for (const auto& v : store.all_versions())
    if (v.observation == obs || v.record == obs) out.insert(v.version);
  return out;
}

// What every trial starts from, made once per run (setting it up per trial took most of a
// trial's time): a stopped hub with Ana and Ben on its roster, Ana's device enrolled, holding the
// observation she leads with Ben as coach, pushed; Ben's device enrolled, with that observation
// and kColleagueNotes notes of his own pushed after it, which Ana's device pulls in the trial.
constexpr int kColleagueNotes = 150;
const char* const kAnaFile = "ana.sqlite";
const char* const kBenFile = "ben.sqlite";

struct Template {
  std::string dir = testing_support::temp_dir("peerobs-sync-crash-template");
  core::Id obs;
  ~Template() { fs::remove_all(dir); }
};

void make_template(Template& t, bool sealed) {
  HubProcess hub(t.dir + "/hub");
  hub.capture_log = true;
  hub.start();
  const auto options = trial_base_options(sealed);
  auto sync = [&options](core::Store& store) { return core::net::SyncClient(store, options).sync(); };
  const std::string ana_id = hub.add_person("Ana"), ben_id = hub.add_person("Ben");
  core::Store ana(t.dir + "/" + kAnaFile);
  core::net::SyncClient(ana, options).enroll(hub.url(), hub.issue_code(ana_id), "Ana's tablet");
  core::Observation o;
  o.participants = {{*core::Id::from_hex(ana_id), core::Role::TeacherLeader},
                    {*core::Id::from_hex(ben_id), core::Role::Coach}};
  t.obs = ana.create(o, *ana.meta().local_person()).record;
  sync(ana);  // sealed: Ana's key published, the visit's key made, the visit sealed with it
  core::Store ben(t.dir + "/" + kBenFile);
  core::net::SyncClient(ben, options).enroll(hub.url(), hub.issue_code(ben_id), "Ben's laptop");
  sync(ben);  // sealed: Ben's key published; the visit waits for its key
  if (sealed) {
    sync(ana);  // Ben's key arrives: Ana's device grants him the visit's key
    sync(ben);  // the grant arrives, the visit opens
    if (ben.keys().waiting() != 0 || !ben.get(t.obs))
      throw std::runtime_error("Ben's device did not receive the visit's key from Ana's grant");
  }
  const core::Id me = *ben.meta().local_person();
  ben.transaction([&] {
    for (int i = 0; i < kColleagueNotes; ++i)
      ben.create(
          core::EvidenceNote{t.obs, i * 500, kHeard + "coach " + std::to_string(i), core::NoteKind::Noticing, {}}, me);
  });
  sync(ben);
  hub.stop();
}

void run_trial(const Template& from, unsigned seed, Device kind, bool sealed, Totals& totals,
               std::vector<std::string>& failures) {
  const TrialPlan p = plan_for(seed);
  const auto options = options_for(p, sealed);
  crash_checks::TrialFolder dir(testing_support::temp_dir("peerobs-sync-crash"));
  fs::copy(from.dir, dir.path, fs::copy_options::recursive | fs::copy_options::overwrite_existing);
  const std::string ana_path = dir.path + "/" + kAnaFile, ben_path = dir.path + "/" + kBenFile;
  const core::Id obs = from.obs;
  HubProcess hub(dir.path + "/hub");
  hub.capture_log = true;  // its request log, in the trial's directory
  hub.start();
  for (const auto& path : {ana_path, ben_path})  // this trial's hub listens elsewhere
    core::Store(path).meta().set(core::MetaKey::SyncHubUrl, hub.url());

  int ack[2], stop[2];
  if (pipe(ack) != 0 || pipe(stop) != 0) throw std::runtime_error("pipe failed");
  crash_checks::ChildProcess device_process(fork());
  const pid_t device = device_process.pid();
  if (device < 0) throw std::runtime_error("fork failed");
  if (device == 0) {
    prctl(PR_SET_PDEATHSIG, SIGKILL);  // a run stopped midway leaves no device behind
    close(ack[0]);
    close(stop[1]);
    fcntl(stop[0], F_SETFL, O_NONBLOCK);
    capture_and_sync(ana_path, obs, p, sealed, ack[1], stop[0], kind);
  }
  close(ack[1]);
  close(stop[0]);
  Colleague colleague(ben_path, obs, options, p.kill_hub);
  // Lines up to "ready", then up to the start of sync number p.after_sync (kept: they hold
  // acknowledgements); a device that dies before it gets there is caught below.
  std::string early, current;
  for (int syncs = -1; syncs < p.after_sync;) {
    char c = 0;
    if (read(ack[0], &c, 1) != 1) break;
    early.push_back(c);
    if (c != '\n') {
      current.push_back(c);
      continue;
    }
    if (current == "ready" || current == "sync") ++syncs;
    current.clear();
  }
  const auto ready = std::chrono::steady_clock::now();
  auto at = [&](int us) { std::this_thread::sleep_until(ready + std::chrono::microseconds(us)); };
  const bool hub_first = p.kill_hub && p.hub_kill_us <= p.device_end_us;
  auto kill_and_restart_hub = [&] {
    at(p.hub_kill_us);
    const int port = hub.port();
    hub.kill_hard();
    ++totals.hub_kills;
    crash_checks::check_integrity(hub.data_dir() + "/hub.sqlite", "hub.sqlite after its kill", failures);
    hub.listen = "127.0.0.1:" + std::to_string(port);  // where the device looks for it
    hub.start();
  };
  if (hub_first) kill_and_restart_hub();
  at(p.device_end_us);
  if (p.kill_device) {
    kill(device, SIGKILL);
    ++totals.device_kills;
  } else {
    if (write(stop[1], "s", 1) != 1) throw std::runtime_error("cannot stop the device");
  }
  const int status = device_process.wait();
  close(stop[1]);
  if (p.kill_hub && !hub_first) kill_and_restart_hub();
  colleague.stop();
  totals.sync_errors += static_cast<std::size_t>(colleague.failed_syncs());
  if (!colleague.unexpected().empty()) failures.push_back("the colleague's sync failed: " + colleague.unexpected());
  const auto lines = crash_checks::read_acknowledged(ack[0], early);
  close(ack[0]);
  if (p.kill_device ? !(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL)
                    : !(WIFEXITED(status) && WEXITSTATUS(status) == 0))
    failures.push_back("the device ended on its own (wait status " + std::to_string(status) + ")");

  std::vector<std::string> acked;
  bool mid_sync = false;
  for (const auto& line : lines) {
    if (line == "sync" || line == "synced") {
      mid_sync = line == "sync";
      continue;
    }
    if (line.rfind("error ", 0) != 0) {
      acked.push_back(line);
      continue;
    }
    ++totals.sync_errors;
    // "error KIND CUT what" (KIND "-" for a failure that is not a SyncError)
    const auto kind_end = line.find(' ', 6);
    const std::string kind = line.substr(6, kind_end - 6);
    const bool expected =
        kind != "-" && expected_failure(std::stoi(kind), line.compare(kind_end + 1, 4, "cut ") == 0, p.kill_hub);
    if (!expected) failures.push_back("the device's sync failed: " + line.substr(6));
  }
  totals.acked += acked.size();
  if (p.kill_device && mid_sync) ++totals.device_kills_mid_sync;

  // The device as the kill left it.
  crash_checks::check_integrity(ana_path, "the device's store", failures);
  core::Store ana(ana_path);
  crash_checks::check_acknowledged(ana, acked, failures);
  const core::Id me = *ana.meta().local_person();
  if (ana.outbox().held_back_size() != 0)
    failures.push_back(std::to_string(ana.outbox().held_back_size()) + " versions held back by the hub");
  {
    crash_checks::HubFile on_hub(hub.data_dir() + "/hub.sqlite");
    const auto hub_versions = on_hub.versions();
    const auto all = ana.all_versions();
    std::set<core::Id> queued, on_device;
    for (const auto& v : ana.outbox().first(static_cast<int>(all.size()) + 10)) {
      queued.insert(v.version);
      if (v.author != me) failures.push_back("the outbox holds " + v.version.short_hex() + ", pulled, not saved here");
    }
    std::size_t on_hub_queued = 0;
    for (const auto& id : queued) on_hub_queued += hub_versions.count(id);
    totals.resent += on_hub_queued;
    if (on_hub_queued > 2 * static_cast<std::size_t>(p.batch_size))
      failures.push_back("the outbox holds " + std::to_string(on_hub_queued) +
                         " versions the hub already has (more than two batches of " + std::to_string(p.batch_size) +
                         ")");
    std::vector<std::string> lost;
    for (const auto& v : all) {
      on_device.insert(v.version);
      if (v.author == me && !hub_versions.count(v.version) && !queued.count(v.version))
        lost.push_back(v.version.short_hex());
    }
    if (!lost.empty())
      failures.push_back(std::to_string(lost.size()) +
                         " versions saved on the device are neither on the hub nor in its outbox (" +
                         crash_checks::first_few(lost) + ")");
    const auto cursor = std::stoll(ana.meta().get(core::MetaKey::SyncCursor).value_or("0"));
    std::vector<std::string> skipped;
    for (const auto& id : sealed_crash_checks::waiting_versions(ana_path)) on_device.insert(id);  // stored apart
    for (const auto& id : on_hub.feed_up_to(me, cursor))
      if (!on_device.count(id)) skipped.push_back(id.short_hex());
    if (!skipped.empty())
      failures.push_back("the cursor (" + std::to_string(cursor) +
                         ") is ahead of the data: " + std::to_string(skipped.size()) +
                         " version(s) before it not on the device (" + crash_checks::first_few(skipped) + ")");
  }

  // Both devices sync to the end and must hold what the hub holds (clear) or routes to them
  // (sealed), one version per record. The colleague first pushes what it saved while the hub was
  // down (it may have stopped before the hub came back), else the device's final sync could not
  // bring it.
  core::Store ben(ben_path);
  try {
    core::net::SyncResult pushed;
    core::net::SyncClient(ben, options).push(pushed);
  } catch (const std::exception& e) {
    failures.push_back(std::string("the colleague's device: its last push failed: ") + e.what());
  }
  if (sealed) {
    ++totals.settle_rounds[sealed_crash_checks::settle(ana, ben, options, failures)];
  } else {
    final_sync(ana, options, "the device", failures);
    final_sync(ben, options, "the colleague's device", failures);
  }
  {
    crash_checks::HubFile on_hub(hub.data_dir() + "/hub.sqlite");
    const auto records = on_hub.observation_records(obs);
    std::set<core::Id> at_hub;
    for (const auto& [record, versions] : records) {
      at_hub.insert(versions.begin(), versions.end());
      if (versions.size() != 1)
        failures.push_back("record " + record.short_hex() + " has " + std::to_string(versions.size()) +
                           " versions on the hub");
    }
    if (sealed) {
      const auto stored = on_hub.stored_versions();
      sealed_crash_checks::check_hub_holds_sealed(stored, ana, "the device", failures);
      sealed_crash_checks::check_hub_holds_sealed(stored, ben, "the colleague's device", failures);
      sealed_crash_checks::check_routed_versions(stored, obs, ana, "after settling, the device", failures);
      sealed_crash_checks::check_routed_versions(stored, obs, ben, "after settling, the colleague's device", failures);
      sealed_crash_checks::check_same_readings(ana, ben, obs, failures);
    } else {
      const auto at_ana = observation_versions(ana, obs), at_ben = observation_versions(ben, obs);
      auto compare = [&](const std::set<core::Id>& device, const std::string& who) {
        crash_checks::check_same_versions(at_hub, device, who, "the hub's versions", "the hub lacks", failures);
      };
      compare(at_ana, "after the final sync, the device");
      compare(at_ben, "after the final sync, the colleague's device");
    }
  }
  // Every capture acknowledged reads as captured on both devices (sealed: the colleague's opened it).
  auto capture = [obs](std::size_t i) { return captured(obs, static_cast<std::int64_t>(i)); };
  crash_checks::check_captured_bodies(ana, acked, capture, "the device", failures);
  crash_checks::check_captured_bodies(ben, acked, capture, "the colleague's device", failures);
  hub.stop();
  crash_checks::check_integrity(hub.data_dir() + "/hub.sqlite", "hub.sqlite at the end", failures);
  if (sealed) {
    const auto holding = crash_checks::hub_files_containing(hub.data_dir(), kHeard);
    if (!holding.empty())
      failures.push_back("the hub's files hold clear text of the visit's notes (" + crash_checks::first_few(holding) +
                         ")");
  }
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args;
  Device kind = Device::Sound;
  bool sealed = false;
  std::string flags, mode;  // the flags given, to replay with; and in words, for the summary
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--sealed") {
      sealed = true;
      mode += ", sealed";
    } else if (arg == "--forget-before-ack" || arg == "--cursor-before-data") {
      kind = arg == "--forget-before-ack" ? Device::ForgetBeforeAck : Device::CursorBeforeData;
      mode += ", a broken device: " + arg;
    } else if (arg.rfind("--", 0) == 0) {
      std::printf("sync_crash_trials: unknown flag %s (see the Usage line of sync_crash_trials.cpp)\n", arg.c_str());
      return 2;
    } else {
      args.push_back(arg);
      continue;
    }
    flags += " " + arg;
  }
  const int trials = args.size() > 0 ? std::atoi(args[0].c_str()) : 1000;
  const unsigned seed =
      args.size() > 1 ? static_cast<unsigned>(std::stoul(args[1])) : static_cast<unsigned>(std::random_device{}());
  Template from;
  try {
    make_template(from, sealed);
  } catch (const std::exception& e) {
    std::printf("sync_crash_trials: setting up the hub and the devices failed: %s\n", e.what());
    return 2;
  }
  Totals totals;
  int failed_trials = 0;
  const auto start = std::chrono::steady_clock::now();
  for (int t = 0; t < trials; ++t) {
    const unsigned trial_seed = seed + static_cast<unsigned>(t);
    std::vector<std::string> failures;
    try {
      run_trial(from, trial_seed, kind, sealed, totals, failures);
    } catch (const std::exception& e) {
      failures.push_back(std::string("the trial could not run: ") + e.what());
    }
    for (const auto& f : failures)
      std::printf("trial %d (replay: sync_crash_trials 1 %u%s): %s\n", t, trial_seed, flags.c_str(), f.c_str());
    if (!failures.empty()) ++failed_trials;
    std::fflush(stdout);
  }
  const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf(
      "sync_crash_trials: %d trials (seed %u%s): %zu device kills (%zu mid-sync), %zu hub kills; %zu captures "
      "acknowledged; "
      "%zu failed syncs (the hub down); %zu outbox entries the hub already had, resent; %d trials failed; "
      "%.1f s\n",
      trials, seed, mode.c_str(), totals.device_kills, totals.device_kills_mid_sync, totals.hub_kills, totals.acked,
      totals.sync_errors, totals.resent, failed_trials, s);
  if (sealed) {
    std::printf("settled (rounds: trials):");
    for (const auto& [rounds, count] : totals.settle_rounds) std::printf(" %d: %d", rounds, count);
    std::printf("\n");
  }
  return failed_trials == 0 ? 0 : 1;
}
