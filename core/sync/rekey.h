// Re-keying person ids in stored versions: the teacher's own id on first enrollment, and
// colleagues typed in offline once the teacher matches them with the hub's roster.
//
// Rewriting a version in place is safe only while it has never left the device (the callers
// check: a store never enrolled, or one whose push waits for the colleague match since its
// enrollment). Versions nobody else has may be rewritten; version ids are kept so parent links
// stay intact. Everything happens in one transaction: either every version is re-keyed or none.
#pragma once
#include <cstddef>
#include <functional>
#include <map>
#include <vector>

#include "core/store.h"

namespace core::sync {

// Every field of a body that names a person: an observation's participants and who proposed
// another time, a cycle's observed teacher, a next step's owner, a coaching note's teacher leader
// and coach, a key grant's recipient and coaching pair, a key backup's person. The one list of them: re-keying and
// finding who a record names both read it, so a new person field is added here once. Empty ids are visited too.
void for_each_person_field(RecordBody& body, const std::function<void(Id&)>& visit);

// Replaces every person named in `body` that `people` maps (from -> to); an observation that
// would then list the same person twice in one role lists them once. True if anything changed.
bool rekey_body(RecordBody& body, const std::map<Id, Id>& people);

// Rewrites every version authored by `from`, whose record is `from`, or whose body names
// `from` (participants, observed teacher, next-step owner, coaching note's teacher leader) so
// that it says `to` instead; version ids are kept so parent links stay intact. The first
// version(s) of the local Person record get `person_parents` (the hub's head(s) of `to`) as
// parents, so the name typed offline becomes the newest version instead of a conflict.
// Outbox membership is preserved. Sets the store's local person to `to`. Returns the number
// of versions rewritten.
std::size_t rekey_person(Store& store, Id from, Id to, const std::vector<Id>& person_parents);

// Rewrites, in place, the bodies of every version that names a person `people` maps, so they
// name the mapped person instead (authors and records are left alone). Outbox membership is
// preserved. For versions that never left the device only. Returns the number rewritten.
std::size_t rekey_references(Store& store, const std::map<Id, Id>& people);

}  // namespace core::sync
