// Colleagues a teacher typed into a plan before they were on the hub's roster ("device-only
// colleagues": local-only Person records the hub never receives, since only the program lead adds
// people), and matching each with the roster person they are, so the visits reach them.
//
// Nothing here decides a match: likely_matches() only suggests, and match_colleague() applies the
// one match the teacher confirmed. A match re-keys every reference (for_each_person_field in rekey.h):
//  - in place, while the store's push still waits for this decision since its first enrollment
//    (then nothing of theirs has left the device, and the hub never sees the typed id);
//  - otherwise as new versions naming the roster person, one per current head that names the
//    colleague (parent: that head, so a conflict stays a conflict for people to resolve), since
//    versions that reached the hub cannot be rewritten. The hub's backfill then gives the
//    colleague everything in the visit, as for anyone who joins one. A coaching note cannot move
//    to another person on the hub, so one addressed to the typed id is copied to a new note for
//    the roster person and deleted (its history stays).
// Then the typed person is deleted here (a local-only tombstone: its history stays on this device).
#pragma once
#include <string>
#include <vector>

#include "core/store.h"

namespace core::sync {

struct DeviceOnlyColleague {
  Id person;         // the id this device gave them when they were typed into a plan
  std::string name;  // as typed
  int visits = 0;    // live shareable visits (observations) that name them as a participant
};

struct RosterPerson {
  Id person;         // the hub's roster id
  std::string name;  // the roster's (or the person's own newest) name
};

// Local-only, live Person records other than `me` that a live record which can leave this device
// names (a participant, observed teacher, next-step owner or coaching note's teacher leader).
// Demo people, named only by demo (local-only) records, are not listed. Sorted by name.
std::vector<DeviceOnlyColleague> device_only_colleagues(const Store& store, Id me);

// People this device received from the hub (live Person records that are not local-only), except
// `me`. Sorted by name.
std::vector<RosterPerson> roster_people(const Store& store, Id me);

// A name as compared for suggestions: Latin letters lowercased with their accents removed
// ("José Núñez" -> "jose nunez"), runs of spaces as one, no spaces at the ends. Other scripts are
// kept as typed.
std::string comparable_name(const std::string& name);

// Roster people a typed name likely means, best first, at most 3: the same comparable name, then
// the same words in another order, then names containing every typed word ("Ana" -> "Ana López").
// Only suggestions: the teacher confirms each match.
std::vector<RosterPerson> likely_matches(const std::string& typed, const std::vector<RosterPerson>& roster);

// Roster people whose comparable name contains the comparable `text` (all of them for "").
std::vector<RosterPerson> search_roster(const std::string& text, const std::vector<RosterPerson>& roster);

// Set by the first enrollment of a store that holds device-only colleagues: its push waits until
// the teacher has matched them or chosen to keep them on this device, so what names them can
// still be re-keyed in place. Stored in meta (sync.push_waits_for_colleagues), so it survives a
// restart; SyncClient::push sends nothing while it is set (pulls go on).
bool push_waits_for_colleagues(const Store& store);
void set_push_waits_for_colleagues(Store& store, bool waits);

struct MatchOutcome {
  std::size_t rewritten = 0;     // versions re-keyed in place (never left the device)
  std::size_t new_versions = 0;  // versions saved naming the roster person
};

// Applies the match the teacher confirmed: `colleague` (a device-only colleague) is `roster` (a
// roster person), as described above, in one durable transaction. Throws std::runtime_error with a
// sentence when either is not what it should be (nothing is changed then).
MatchOutcome match_colleague(Store& store, Id me, Id colleague, Id roster);

}  // namespace core::sync
