// Coaching notes as stored: see coaching_facts.h.
#include "core/sync/coaching_facts.h"

#include "core/crypto/sealed_body.h"

namespace core::sync {

std::optional<RecordBody> last_live_body_with_coach(const Store& store, Id record) {
  auto versions = store.versions_of(record);
  for (auto it = versions.rbegin(); it != versions.rend(); ++it) {
    if (it->tombstone) continue;
    RecordBody body = crypto::decode_stored_body(*it);
    if (auto* note = std::get_if<CoachingNote>(&body)) note->coach = coaching_pair(*note, it->author).coach;
    return body;
  }
  return std::nullopt;
}

std::optional<CoachingPair> stored_coaching_pair(const Store& store, Id record) {
  auto body = last_live_body_with_coach(store, record);
  if (!body) return std::nullopt;
  const auto* note = std::get_if<CoachingNote>(&*body);
  if (!note) return std::nullopt;
  return CoachingPair{note->coach, note->teacher_leader};
}

}  // namespace core::sync
