// What each trial of sync_crash_trials.cpp is, drawn from its seed alone (so `sync_crash_trials 1
// SEED` replays it): who is killed and when, the device's push batch and pull page, the seed of
// its captures; and the sync options both devices run with, clear or sealed.
#pragma once
#include <algorithm>
#include <random>

#include "core/net/sync_client.h"

namespace sync_trial_plan {

// What a trial's seed decides.
struct TrialPlan {
  bool kill_device = true;
  bool kill_hub = false;
  int after_sync = 0;        // kill times count from the start of the device's sync number
                             // `after_sync` (1-3), or from its "ready" when 0
  int device_end_us = 0;     // after that: its SIGKILL, or (hub-only) its stop
  int hub_kill_us = 0;       // after that
  int batch_size = 50;       // the device's push batch, in versions
  int page_size = 50;        // the device's pull page, in versions
  unsigned device_seed = 0;  // its captures between syncs
};

inline TrialPlan plan_for(unsigned seed) {
  std::mt19937 rng(seed);
  auto uniform = [&rng](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  TrialPlan p;
  const int who = uniform(0, 3);  // 0, 1: the device; 2: the hub; 3: both
  p.kill_device = who != 2;
  p.kill_hub = who >= 2;
  // Half the trials aim at a sync (a capture's commit takes longer than a sync's requests on
  // loopback, so a moment drawn from the whole run mostly lands between syncs).
  p.after_sync = uniform(0, 1) == 0 ? 0 : uniform(1, 3);
  const int span_us = p.after_sync == 0 ? 250000 : 15000;
  p.hub_kill_us = uniform(0, span_us);
  p.device_end_us = who == 0 || who == 1 ? uniform(0, span_us)
                    : who == 2           ? p.hub_kill_us + uniform(0, 150000)
                                         : std::max(0, p.hub_kill_us + uniform(-20000, 100000));
  // Small sizes (down to below kMinRequestVersions) so one sync is several requests, and a kill
  // can land between a batch's answer and its removal from the outbox, or between pull pages.
  p.batch_size = uniform(5, 120);
  p.page_size = uniform(5, 120);
  p.device_seed = static_cast<unsigned>(rng());
  return p;
}

// Clear (the default) or --sealed, for both devices and the set-up. Clear, the checks compare the
// sets of versions on the hub and on each device. Sealed, those sets differ without anything
// lost: a key grant reaches only its author and its recipient, and a version whose key has not
// reached a device waits apart (keys().waiting()); so the sealed checks settle both devices first,
// then compare what the hub routes to each, and read every body (sealed_crash_checks.h).
inline core::net::SyncOptions trial_base_options(bool sealed) {
  core::net::SyncOptions o;
  o.seal_bodies = sealed;
  return o;
}

inline core::net::SyncOptions options_for(const TrialPlan& p, bool sealed) {
  core::net::SyncOptions o = trial_base_options(sealed);
  o.batch_size = p.batch_size;
  o.page_size = p.page_size;
  o.connect_timeout_s = 2;  // a dead hub refuses at once on loopback; these bound a hung one
  o.read_timeout_s = 10;
  return o;
}

}  // namespace sync_trial_plan
