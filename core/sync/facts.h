// Gathers, from a Store, facts the privacy rules need (privacy.h): the latest known
// participants of an observation and the newest live body of a record (what a tombstone's
// visibility follows). Only the hub decides visibility, on its own store; a cycle's people it
// reads from its participants index (HubStore::cycle_facts). Devices apply what they pull.
#pragma once
#include <optional>

#include "core/store.h"
#include "core/sync/privacy.h"

namespace core::sync {

// Participants of the current heads of the observation; when every head is a tombstone, those
// of its newest live version (a deleted observation keeps its audience).
ObservationFacts observation_facts(const Store& store, Id observation);

// The newest non-tombstone body of a record, if any.
std::optional<RecordBody> last_live_body(const Store& store, Id record);

// The observation whose participants decide who sees `v`: v.observation, or the record itself
// for an Observation version.
inline Id scope_of(const Version& v) { return v.type == RecordType::Observation ? v.record : v.observation; }

// The cycle whose facts (CycleFacts) decide whether `v` may be written: the record itself for a
// Cycle version, the scope of a key grant for a cycle; empty for everything else.
inline Id cycle_scope_of(const Version& v, const RecordBody* body) {
  if (v.type == RecordType::Cycle) return v.record;
  if (body)
    if (const auto* g = std::get_if<KeyGrant>(body); g && g->scope_kind == KeyScope::Cycle) return g->scope;
  return Id{};
}

}  // namespace core::sync
