// Re-keying person ids in stored versions. See rekey.h.
#include "core/sync/rekey.h"

#include <algorithm>
#include <functional>
#include <set>

#include "core/serialization.h"

namespace core::sync {

void for_each_person_field(RecordBody& body, const std::function<void(Id&)>& visit) {
  std::visit(
      [&](auto& b) {
        using T = std::decay_t<decltype(b)>;
        if constexpr (std::is_same_v<T, Observation>) {
          for (auto& p : b.participants) visit(p.person);
          visit(b.proposed_by);  // who proposed another time (empty when none)
        }
        if constexpr (std::is_same_v<T, Cycle>) visit(b.observed_teacher);
        if constexpr (std::is_same_v<T, NextStep>) visit(b.owner);
        if constexpr (std::is_same_v<T, CoachingNote>) {
          visit(b.teacher_leader);
          visit(b.coach);  // empty in notes from before coaching threads (the author is the coach)
        }
        if constexpr (std::is_same_v<T, KeyGrant>) {
          visit(b.recipient);
          visit(b.coach);  // empty unless the scope is a coaching thread
          visit(b.teacher_leader);
        }
        if constexpr (std::is_same_v<T, KeyBackup>) visit(b.person);
      },
      body);
}

bool rekey_body(RecordBody& body, const std::map<Id, Id>& people) {
  bool changed = false;
  for_each_person_field(body, [&](Id& field) {
    auto it = people.find(field);
    if (it == people.end()) return;
    field = it->second;
    changed = true;
  });
  // A colleague typed offline may also have been added by their roster id later: one entry.
  if (auto* o = std::get_if<Observation>(&body); o && changed) {
    std::vector<Participant> unique;
    for (const auto& p : o->participants)
      if (std::none_of(unique.begin(), unique.end(),
                       [&](const Participant& u) { return u.person == p.person && u.role == p.role; }))
        unique.push_back(p);
    o->participants = std::move(unique);
  }
  return changed;
}

namespace {
// Applies `change` to every stored version; every version of a record any change touched is
// removed and re-applied in the original arrival order, so heads and the outbox are rebuilt by
// the store's own rules (local-only records stay out of the outbox: that table is untouched), and
// each queued version keeps its outbox position.
// `change` may move a version to another record id; touched records are the original ids.
std::size_t rewrite_versions(Store& store, const std::function<bool(Version&)>& change) {
  auto all = store.all_versions();
  const std::map<Id, std::int64_t> in_outbox = store.outbox().positions();  // version -> its outbox position
  std::set<Id> records;
  std::vector<Id> original(all.size());
  std::size_t rewritten = 0;
  for (std::size_t i = 0; i < all.size(); ++i) {
    auto& v = all[i];
    original[i] = v.record;
    if (!change(v)) continue;
    v.body_hash = body_hash(v.type, v.tombstone, v.body);
    records.insert(original[i]);
    ++rewritten;
  }
  for (const auto& r : records) {
    store.outbox().remove_record(r);
    store.versions().erase_record(r);
  }
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (!records.count(original[i])) continue;
    auto queued = in_outbox.find(all[i].version);
    store.apply_version(all[i], queued != in_outbox.end());
    // Back to its place in the outbox: the hub must still receive an observation before what
    // is inside it, whichever of them a re-key touched.
    if (queued != in_outbox.end()) store.outbox().place(all[i].version, queued->second);
  }
  return rewritten;
}

bool rekey_version_body(Version& v, const std::map<Id, Id>& people) {
  if (v.tombstone) return false;
  RecordBody body = decode_body(v.type, v.body);
  if (!rekey_body(body, people)) return false;
  v.body = encode_body(body);
  return true;
}
}  // namespace

namespace {
// The public key another of the person's devices published on `person`'s record, "" if none.
std::string published_public_key(const Store& store, Id person) {
  for (const auto& head : store.heads(person))
    if (const auto* p = std::get_if<Person>(&head.body); p && !p->public_key.empty()) return p->public_key;
  return {};
}

// Gives a Person version without a public key the one published: the name typed offline becomes
// the newest version of the record, and must not take the person's key away with it.
void keep_published_key(Version& v, const std::string& public_key) {
  if (public_key.empty() || v.tombstone || v.type != RecordType::Person) return;
  RecordBody body = decode_body(v.type, v.body);
  auto& person = std::get<Person>(body);
  if (!person.public_key.empty()) return;
  person.public_key = public_key;
  v.body = encode_body(body);
}
}  // namespace

std::size_t rekey_person(Store& store, Id from, Id to, const std::vector<Id>& person_parents) {
  std::size_t rewritten = 0;
  const std::map<Id, Id> people{{from, to}};
  store.transaction([&] {
    // A person enrolling a second device after its first run: their first device may have
    // published their key already. Without it on the newest version, this device would make a
    // key pair of its own instead of asking for the recovery phrase, and colleagues would see
    // the person's key change.
    const std::string public_key = published_public_key(store, to);
    rewritten = rewrite_versions(store, [&](Version& v) {
      bool changed = false;
      if (v.author == from) {
        v.author = to;
        changed = true;
      }
      if (v.record == from) {
        v.record = to;
        changed = true;
        if (v.parents.empty()) v.parents = person_parents;
        keep_published_key(v, public_key);
      }
      changed |= rekey_version_body(v, people);
      return changed;
    });
    store.meta().set_local_person(to);
  });
  return rewritten;
}

std::size_t rekey_references(Store& store, const std::map<Id, Id>& people) {
  std::size_t rewritten = 0;
  store.transaction(
      [&] { rewritten = rewrite_versions(store, [&](Version& v) { return rekey_version_body(v, people); }); });
  return rewritten;
}

}  // namespace core::sync
