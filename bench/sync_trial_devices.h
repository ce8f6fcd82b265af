// The two devices of sync_crash_trials: the teacher's device, a child process that captures and
// syncs until it is killed (capture_and_sync), and the colleague's, a thread of the trial that
// writes and syncs notes in the same observation meanwhile (Colleague). What each writes starts
// with kHeard, so a hub file holding it holds a clear text.
#pragma once
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <random>
#include <string>
#include <thread>

#include "bench/broken_sync_devices.h"
#include "bench/sync_trial_plan.h"
#include "core/net/sync_client.h"
#include "core/store.h"

namespace sync_trial_devices {

using sync_trial_plan::options_for;
using sync_trial_plan::TrialPlan;

// Which device runs: the real one, or a broken one (see Usage).
enum class Device { Sound, ForgetBeforeAck, CursorBeforeData };

// Every text written in the trials starts so: a hub file holding it holds a clear text.
inline const std::string kHeard = "heard in class: ";

// The device's capture number `i` (from 0, acknowledged in that order): a note, then two taps.
inline core::RecordBody captured(core::Id obs, std::int64_t i) {
  if (i % 3 == 0)
    return core::EvidenceNote{obs, i * 1000, kHeard + "note " + std::to_string(i), core::NoteKind::Noticing, {}};
  return core::Tally{obs, "open-q", i * 1000};
}

inline void write_line(int fd, const std::string& text) {
  const std::string line = text + "\n";
  if (write(fd, line.data(), line.size()) != static_cast<ssize_t>(line.size())) _exit(3);
}

inline bool stop_requested(int fd) {
  char c;
  return read(fd, &c, 1) == 1;  // non-blocking: -1 (EAGAIN) until the parent writes
}

// The child: the device of a teacher observing. A few captures (each acknowledged on `ack` once
// saved), then a sync, again and again until killed or asked to stop on `stop`. A failed sync is
// reported on `ack` as "error KIND CUT what" and the device carries on, as the app's worker does.
[[noreturn]] inline void capture_and_sync(const std::string& path, core::Id obs, const TrialPlan& p, bool sealed,
                                          int ack, int stop, Device kind) {
  try {
    core::Store store(path);
    const core::Id me = *store.meta().local_person();
    const auto options = options_for(p, sealed);
    std::mt19937 rng(p.device_seed);
    std::uniform_int_distribution<int> captures(1, 12);
    write_line(ack, "ready");
    for (std::int64_t i = 0; !stop_requested(stop);) {
      for (int n = captures(rng); n > 0; --n, ++i) {
        const core::Id record = core::Id::random();
        store.create_with_id(record, captured(obs, i), me);
        write_line(ack, record.hex());
      }
      // "sync" marks a sync's start, where the parent aims half the kills and by which it tells
      // a kill that landed mid-sync.
      bool announced = false;
      auto announce = [&] {
        if (!announced) write_line(ack, "sync");
        announced = true;
      };
      try {
        if (kind == Device::CursorBeforeData) broken_sync_devices::pull_cursor_first(store, options, announce);
        announce();
        if (kind == Device::ForgetBeforeAck) broken_sync_devices::push_forgetting(store, options);
        const auto result = core::net::SyncClient(store, options).sync();
        // A sealed version refused is reported as a failure that is no SyncError ("-").
        for (const auto& refusal : result.unopened) write_line(ack, "error - - " + refusal);
      } catch (const core::net::SyncError& e) {
        announce();
        write_line(ack, "error " + std::to_string(static_cast<int>(e.kind)) + " " + (e.cut ? "cut" : "whole") + " " +
                            e.what());
      }
      write_line(ack, "synced");
    }
  } catch (const std::exception& e) {
    write_line(ack, std::string("error - - ") + e.what());
    _exit(4);
  }
  _exit(0);
}

// With the hub killed, a sync may find it gone (Unreachable) or lose it mid-request (cut);
// anything else, or any failure with the hub up, fails the trial.
inline bool expected_failure(int kind, bool cut, bool hub_killed) {
  return hub_killed && (kind == static_cast<int>(core::net::SyncError::Kind::Unreachable) || cut);
}

// The colleague's device, on a thread of the trial while Ana's runs: a note and a sync every few
// milliseconds, so each of Ana's pulls brings versions she does not have yet (a cursor stored
// ahead of them would lose them). Started after the fork, stopped and joined before the checks.
class Colleague {
 public:
  Colleague(const std::string& path, core::Id obs, core::net::SyncOptions options, bool hub_killed)
      : thread_([this, path, obs, options, hub_killed] {
          core::Store ben(path);
          const core::Id me = *ben.meta().local_person();
          for (int i = 0; !stop_; ++i) {
            ben.create(
                core::EvidenceNote{obs, i * 700, kHeard + "live " + std::to_string(i), core::NoteKind::Noticing, {}},
                me);
            try {
              const auto result = core::net::SyncClient(ben, options).sync();
              if (!result.unopened.empty()) unexpected_ = "refused: " + result.unopened.front();
            } catch (const core::net::SyncError& e) {
              ++failed_syncs_;
              if (!expected_failure(static_cast<int>(e.kind), e.cut, hub_killed)) unexpected_ = e.what();
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
          }
        }) {}
  ~Colleague() { stop(); }
  Colleague(const Colleague&) = delete;
  Colleague& operator=(const Colleague&) = delete;

  void stop() {
    stop_ = true;
    if (thread_.joinable()) thread_.join();
  }
  // After stop(): how many syncs failed, and the last failure that should not have.
  int failed_syncs() const { return failed_syncs_; }
  const std::string& unexpected() const { return unexpected_; }

 private:
  std::atomic<bool> stop_{false};
  int failed_syncs_ = 0;
  std::string unexpected_;
  std::thread thread_;  // last: starts once the members above exist
};

}  // namespace sync_trial_devices
