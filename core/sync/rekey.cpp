// Re-keying the local person on first enrollment. See rekey.h.
#include "core/sync/rekey.h"

#include <set>

#include "core/serialization.h"

namespace core::sync {

namespace {
bool swap_id(Id& field, Id from, Id to) {
  if (field != from) return false;
  field = to;
  return true;
}

// Replaces `from` by `to` in every person-id field of a body; true if anything changed.
bool rekey_body(RecordBody& body, Id from, Id to) {
  return std::visit(
      [&](auto& b) -> bool {
        using T = std::decay_t<decltype(b)>;
        bool changed = false;
        if constexpr (std::is_same_v<T, Observation>)
          for (auto& p : b.participants) changed |= swap_id(p.person, from, to);
        if constexpr (std::is_same_v<T, Cycle>) changed |= swap_id(b.observed_teacher, from, to);
        if constexpr (std::is_same_v<T, NextStep>) changed |= swap_id(b.owner, from, to);
        if constexpr (std::is_same_v<T, CoachingNote>) changed |= swap_id(b.teacher_leader, from, to);
        return changed;
      },
      body);
}
}  // namespace

std::size_t rekey_person(Store& store, Id from, Id to, const std::vector<Id>& person_parents) {
  std::size_t rewritten = 0;
  store.transaction([&] {
    auto all = store.all_versions();
    std::set<Id> in_outbox;
    {
      Stmt st(store.db(), "SELECT version_id FROM outbox");
      while (st.step()) in_outbox.insert(st.col_id(0));
    }
    std::set<Id> records;  // original record ids touched by the re-key
    std::vector<Id> original(all.size());
    for (std::size_t i = 0; i < all.size(); ++i) {
      auto& v = all[i];
      original[i] = v.record;
      bool changed = swap_id(v.author, from, to);
      if (v.record == from) {
        v.record = to;
        changed = true;
        if (v.parents.empty()) v.parents = person_parents;
      }
      if (!v.tombstone) {
        RecordBody body = decode_body(v.type, v.body);
        if (rekey_body(body, from, to)) {
          v.body = encode_body(body);
          changed = true;
        }
      }
      if (!changed) continue;
      v.body_hash = body_hash(v.type, v.tombstone, v.body);
      records.insert(original[i]);
      ++rewritten;
    }
    if (records.empty()) {
      store.set_local_person(to);
      return;
    }
    // Remove every version of a touched record, then re-apply them all in their original
    // order so heads and the outbox are rebuilt by the store's own rules.
    for (const auto& r : records) {
      for (const char* sql : {"DELETE FROM outbox WHERE version_id IN (SELECT version_id FROM versions WHERE record_id = ?)",
                              "DELETE FROM heads WHERE record_id = ?", "DELETE FROM versions WHERE record_id = ?"}) {
        Stmt st(store.db(), sql);
        st.bind_id(1, r);
        st.run();
      }
    }
    for (std::size_t i = 0; i < all.size(); ++i)
      if (records.count(original[i])) store.apply_version(all[i], in_outbox.count(all[i].version) > 0);
    store.set_local_person(to);
  });
  return rewritten;
}

}  // namespace core::sync
