// What the client knows about sync, in one struct: the sync worker fills it, the UI reads it
// (app::SyncState is this type), and a store-only reading fills the same fields before the
// worker's first report. Equality compares every field, so "did anything change?" is `!=`.
#pragma once
#include <cstdint>
#include <string>
#include <tuple>
#include <vector>

#include "core/ids.h"

namespace core::net {

struct SyncStatus {
  bool enrolled = false;              // this device has a hub to sync with; default false
  std::string hub_url;                // the hub's address, "" when not enrolled
  bool syncing = false;               // a sync is running right now
  std::int64_t last_success_ms = 0;   // device clock, for display only; 0 = never
  std::int64_t outbox = 0;            // versions saved here and not yet sent
  std::int64_t held_back = 0;         // versions the hub refused; kept on this device, not resent
  std::string held_back_note;         // held_back_message() for them, "" when none
  std::int64_t conflicts = 0;         // records with more than one head, waiting for a choice
  std::string error;                  // the last sync problem in plain words; "" after a success
  std::uint64_t data_generation = 0;  // +1 each time pulled data changed the store
  int failures_in_a_row = 0;          // failed syncs since the last success; 0 = none
  std::int64_t runs = 0;              // syncs attempted since start
  // End-to-end encryption (docs/encryption.md), as the last sync that got an answer found it:
  bool needs_recovery_phrase = false;  // this person's key is on another device: type the phrase here
  std::int64_t sealed_waiting = 0;     // versions on this device that wait for a key; 0 = none
  std::int64_t unopened = 0;           // sealed versions and grants the last sync refused
  std::string first_unopened;          // the sentence for the first of them, "" when none
  std::vector<core::Id> changed_keys;  // colleagues whose key changed, not trusted until accepted

  // Every field, in declaration order (add a new field here too).
  auto fields() const {
    return std::tie(enrolled, hub_url, syncing, last_success_ms, outbox, held_back, held_back_note, conflicts, error,
                    data_generation, failures_in_a_row, runs, needs_recovery_phrase, sealed_waiting, unopened,
                    first_unopened, changed_keys);
  }
};

inline bool operator==(const SyncStatus& a, const SyncStatus& b) { return a.fields() == b.fields(); }
inline bool operator!=(const SyncStatus& a, const SyncStatus& b) { return !(a == b); }

// What to tell the user about held-back versions, e.g. "2 items could not be sent: <reason>
// They stay on this device." ("" when none are held back).
std::string held_back_message(std::int64_t held_back, const std::string& reason);

}  // namespace core::net
