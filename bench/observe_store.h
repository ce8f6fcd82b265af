// The store both Observe benches measure (bench_observe_frame natively, bench/web in the browser
// through make_observe_store): 1,000 observations; the last, planned, holds 2,000 captured items
// (notes, tallies, timer spans, seat marks) from two observers. One definition, so the native
// and the browser figures describe the same work.
#pragma once
#include "core/store.h"

namespace bench {

// Fills an empty store (the first run done: "Sam Okafor" is the local person); returns the
// planned observation that holds the 2,000 items.
core::Id seed_observe_store(core::Store& store);

}  // namespace bench
