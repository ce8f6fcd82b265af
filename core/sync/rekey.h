// Enrolling a device that was used offline first: the teacher's local person id becomes the
// roster person id the hub assigned, without losing anything they wrote.
//
// Safe only because none of these versions ever left the device (the caller checks that the
// store was never enrolled): versions nobody else has may be rewritten. Everything happens in
// one transaction: either every version is re-keyed or none is.
#pragma once
#include <cstddef>
#include <vector>

#include "core/store.h"

namespace core::sync {

// Rewrites every version authored by `from`, whose record is `from`, or whose body names
// `from` (participants, observed teacher, next-step owner, coaching note's teacher leader) so
// that it says `to` instead; version ids are kept so parent links stay intact. The first
// version(s) of the local Person record get `person_parents` (the hub's head(s) of `to`) as
// parents, so the name typed offline becomes the newest version instead of a conflict.
// Outbox membership is preserved. Sets the store's local person to `to`. Returns the number
// of versions rewritten.
std::size_t rekey_person(Store& store, Id from, Id to, const std::vector<Id>& person_parents);

}  // namespace core::sync
