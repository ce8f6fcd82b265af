// What the privacy rules need to know about a coaching note already stored: the newest live
// body with its coach filled in, and the pair it is between. A version-1 body names no coach
// (its author was the coach), so resolving it against a later version's author (a tombstone's,
// say) could miss the coach; these read the author of the body itself.
#pragma once
#include <optional>

#include "core/store.h"
#include "core/sync/privacy.h"

namespace core::sync {

// As last_live_body (facts.h), except that a coaching note's `coach` is filled in.
std::optional<RecordBody> last_live_body_with_coach(const Store& store, Id record);

// The pair of the coaching note `record` as the store holds it; none when it holds no live body.
std::optional<CoachingPair> stored_coaching_pair(const Store& store, Id record);

}  // namespace core::sync
