// Facts for the privacy rules, read from a Store. See facts.h.
#include "core/sync/facts.h"

#include "core/crypto/sealed_body.h"

namespace core::sync {

std::optional<RecordBody> last_live_body(const Store& store, Id record) {
  auto versions = store.versions_of(record);
  for (auto it = versions.rbegin(); it != versions.rend(); ++it)
    if (!it->tombstone) return crypto::decode_stored_body(*it);
  return std::nullopt;
}

ObservationFacts observation_facts(const Store& store, Id observation) {
  if (observation.empty()) return {};
  auto heads = store.heads(observation);
  std::vector<const Observation*> bodies;
  for (const auto& h : heads)
    if (!h.version.tombstone && h.version.type == RecordType::Observation)
      bodies.push_back(std::get_if<Observation>(&h.body));
  if (!bodies.empty()) return facts_from_heads(bodies);
  if (heads.empty()) return {};
  auto last = last_live_body(store, observation);
  ObservationFacts f;
  f.known = true;
  if (last)
    if (const auto* o = std::get_if<Observation>(&*last)) f.participants = o->participants;
  return f;
}

}  // namespace core::sync
