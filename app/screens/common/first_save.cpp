// The first version of a record. See first_save.h.
#include "app/screens/common/first_save.h"

namespace app {

FirstSave first_save(const core::Store& store, core::Id record, const core::RecordHead& head) {
  FirstSave first{head.version.saved_at_ms, head.version.author};
  // Versions saved in the same millisecond: the last one listed counts.
  for (const auto& v : store.versions_of(record))
    if (v.saved_at_ms <= first.saved_at_ms) first = {v.saved_at_ms, v.author};
  return first;
}

}  // namespace app
