// What `sync_crash_trials --sealed` checks once the device and its colleague's have settled: the
// sealed truth, where the clear trials compare raw version sets. The hub holds each version a
// device holds, with the same id and routing fields, and for each type that travels sealed a
// sealed body that opens with the device's key into the device's own plain body; each device
// holds exactly the observation's versions the hub routes to its person (a key grant reaches only
// its author and its recipient); both devices read the same notes and taps. Read directly (SQL on
// hub.sqlite, the store's API on devices); each failure is one sentence appended to `failures`.
#pragma once
#include <map>
#include <set>
#include <string>
#include <variant>
#include <vector>

#include "bench/crash_checks.h"
#include "core/crypto/sealed_body.h"
#include "core/net/sync_client.h"
#include "core/serialization.h"
#include "core/sqlite.h"
#include "core/store.h"
#include "core/sync/sealing.h"

namespace sealed_crash_checks {

// The versions a device keeps apart, sealed, until their key arrives (core/store/key_ring.h):
// stored, so a cursor past them skipped nothing. Read from the store's file, beside the open store.
inline std::set<core::Id> waiting_versions(const std::string& store_path) {
  core::Db db(store_path, false);
  std::set<core::Id> out;
  for (core::Stmt st(db, "SELECT version_id FROM sealed_waiting"); st.step();) out.insert(st.col_id(0));
  return out;
}

// Rounds of a sync of each device at most: two suffice when nothing is wrong (the first carries
// what is left, the second finds nothing); more leave room for a grant made on the way.
constexpr int kSettleRounds = 6;

// Syncs `device`, then `colleague`, round after round until a round sends and receives nothing
// and neither keeps a version waiting for its key. Any version refused (unopened, held back) or
// a sync failing, or no quiet round within kSettleRounds, is a failure. Returns the rounds it
// took, the quiet one included (0 when it did not settle).
inline int settle(core::Store& device, core::Store& colleague, const core::net::SyncOptions& options,
                  std::vector<std::string>& failures) {
  core::Store* const stores[] = {&device, &colleague};
  const char* const names[] = {"the device", "the colleague's device"};
  std::string last;
  try {
    for (int round = 1; round <= kSettleRounds; ++round) {
      bool quiet = true;
      last.clear();
      for (int i = 0; i < 2; ++i) {
        const auto r = core::net::SyncClient(*stores[i], options).sync();
        quiet = quiet && r.pushed == 0 && r.pulled_total == 0 && stores[i]->keys().waiting() == 0;
        for (const auto& refusal : r.unopened) failures.push_back(std::string(names[i]) + " refused: " + refusal);
        if (r.held_back != 0)
          failures.push_back(std::string(names[i]) + ": " + std::to_string(r.held_back) + " versions held back");
        last += std::string(i ? "; " : "") + names[i] + " pushed " + std::to_string(r.pushed) + ", pulled " +
                std::to_string(r.pulled_total) + ", " + std::to_string(stores[i]->keys().waiting()) + " waiting";
      }
      if (quiet) {
        for (int i = 0; i < 2; ++i)
          if (stores[i]->outbox().size() != 0)
            failures.push_back(std::string(names[i]) + ": " + std::to_string(stores[i]->outbox().size()) +
                               " still in the outbox once settled");
        return round;
      }
    }
  } catch (const std::exception& e) {
    failures.push_back(std::string("settling: a sync failed: ") + e.what());
    return 0;
  }
  failures.push_back("not settled after " + std::to_string(kSettleRounds) + " rounds of syncs (the last: " + last +
                     ")");
  return 0;
}

inline bool same_routing(const core::Version& a, const core::Version& b) {
  return a.record == b.record && a.type == b.type && a.author == b.author && a.observation == b.observation &&
         a.parents == b.parents && a.tombstone == b.tombstone && a.saved_at_ms == b.saved_at_ms;
}

// Each version on `store` is on the hub under its id with the same routing fields; of a type that
// travels sealed, its hub body is sealed and opens with this device's key into the device's plain
// body; of the others (people, key grants and backups), the hub body is the device's.
inline void check_hub_holds_sealed(const std::map<core::Id, core::Version>& on_hub, const core::Store& store,
                                   const std::string& who, std::vector<std::string>& failures) {
  std::vector<std::string> absent, rerouted, clear, unopened, changed;
  // Every sealed body on the hub opened as a device opens a pull (bundles whole, by their head).
  std::vector<core::Version> sealed_on_hub;
  for (const auto& entry : on_hub)
    if (!entry.second.tombstone && core::is_sealed_body(entry.second.body)) sealed_on_hub.push_back(entry.second);
  const auto opened = core::sync::open_pulled(core::sync::HeldKeys(store.keys()), std::move(sealed_on_hub));
  std::map<core::Id, const core::Version*> opened_by_id;
  for (const auto& o : opened.versions) opened_by_id[o.version] = &o;
  for (const auto& v : store.all_versions()) {
    const auto at = on_hub.find(v.version);
    if (at == on_hub.end()) {
      absent.push_back(v.version.short_hex());
      continue;
    }
    const core::Version& h = at->second;
    if (!same_routing(v, h)) rerouted.push_back(v.version.short_hex());
    if (v.tombstone || !core::crypto::travels_sealed(v.type)) {
      if (h.body != v.body) changed.push_back(v.version.short_hex());
      continue;
    }
    if (!core::is_sealed_body(h.body)) {
      clear.push_back(v.version.short_hex());
      continue;
    }
    const auto o = opened_by_id.find(v.version);
    if (o == opened_by_id.end() || o->second->body != v.body) unopened.push_back(v.version.short_hex());
  }
  auto report = [&](const std::vector<std::string>& ids, const std::string& what) {
    if (!ids.empty())
      failures.push_back(who + ": " + std::to_string(ids.size()) + " versions " + what + " (" +
                         crash_checks::first_few(ids) + ")");
  };
  report(absent, "absent from the hub");
  report(rerouted, "on the hub with other routing fields");
  report(clear, "on the hub with a clear body, which should travel sealed");
  report(unopened, "on the hub whose sealed body does not open with the device's key into its own body");
  report(changed, "on the hub with another clear body");
}

// The observation's versions the hub routes to `person` (core/sync/privacy.h): all of them but
// the key grants `person` neither made nor receives. Unreadable grants are failures.
inline std::set<core::Id> routed_to(const std::map<core::Id, core::Version>& on_hub, core::Id obs, core::Id person,
                                    std::vector<std::string>& failures) {
  std::set<core::Id> out;
  for (const auto& entry : on_hub) {
    const core::Version& v = entry.second;
    if (v.observation != obs && v.record != obs) continue;
    if (v.type == core::RecordType::KeyGrant && v.author != person && !v.tombstone) {
      try {
        if (std::get<core::KeyGrant>(core::decode_body(v.type, v.body)).recipient != person) continue;
      } catch (const std::exception& e) {
        failures.push_back("the hub's grant " + v.version.short_hex() + " does not read: " + e.what());
        continue;
      }
    }
    out.insert(v.version);
  }
  return out;
}

// The device holds exactly the observation's versions the hub routes to its person.
inline void check_routed_versions(const std::map<core::Id, core::Version>& on_hub, core::Id obs,
                                  const core::Store& store, const std::string& who,
                                  std::vector<std::string>& failures) {
  const auto expected = routed_to(on_hub, obs, *store.meta().local_person(), failures);
  std::set<core::Id> held;
  for (const auto& v : store.all_versions())
    if (v.observation == obs || v.record == obs) held.insert(v.version);
  crash_checks::check_same_versions(expected, held, who, "the versions the hub routes to it",
                                    "the hub does not route to it", failures);
}

// Both devices read the same notes and taps of the observation: the same records, each with the
// same head and the same plain body.
inline void check_same_readings(const core::Store& a, const core::Store& b, core::Id obs,
                                std::vector<std::string>& failures) {
  for (const auto type : {core::RecordType::EvidenceNote, core::RecordType::Tally}) {
    auto read = [&](const core::Store& s) {
      std::map<core::Id, std::pair<core::Id, std::string>> out;
      for (const auto& live : s.live(type, obs))
        out[live.first] = {live.second.version.version, live.second.version.body};
      return out;
    };
    const auto on_a = read(a), on_b = read(b);
    std::vector<std::string> only_a, only_b, differ;
    for (const auto& entry : on_a) {
      const auto at = on_b.find(entry.first);
      if (at == on_b.end())
        only_a.push_back(entry.first.short_hex());
      else if (at->second != entry.second)
        differ.push_back(entry.first.short_hex());
    }
    for (const auto& entry : on_b)
      if (!on_a.count(entry.first)) only_b.push_back(entry.first.short_hex());
    const std::string what = core::type_name(type);
    if (!only_a.empty())
      failures.push_back("the colleague's device does not read " + std::to_string(only_a.size()) + " " + what +
                         " records the device reads (" + crash_checks::first_few(only_a) + ")");
    if (!only_b.empty())
      failures.push_back("the device does not read " + std::to_string(only_b.size()) + " " + what +
                         " records the colleague's device reads (" + crash_checks::first_few(only_b) + ")");
    if (!differ.empty())
      failures.push_back(std::to_string(differ.size()) + " " + what + " records read differently on the two devices (" +
                         crash_checks::first_few(differ) + ")");
  }
}

}  // namespace sealed_crash_checks
