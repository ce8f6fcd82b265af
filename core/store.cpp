// The local store: opening, local saves and applying versions from elsewhere, over the owners
// of its tables (core/store/). See store.h for the invariants.
#include "core/store.h"

#include <chrono>
#include <cstdint>

#include "core/serialization.h"

namespace core {

std::int64_t wall_clock_ms() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

Store::Store(const std::string& path) : connection_(path, true) {
  Db& db = connection_.db();
  try {
    db.exec("PRAGMA journal_mode=WAL");
    db.exec("PRAGMA synchronous=FULL");
    db.exec("PRAGMA foreign_keys=ON");
  } catch (const DbError& e) {
    if ((e.code & 0xff) == SQLITE_NOTADB)
      throw DbError(e.code, "The file " + path + " is not a peerobs database (it is not SQLite at all).");
    throw;
  }
  migrate(db, kSchemaVersion);
}

Version Store::make_version(Id record, const RecordBody* body, bool tombstone, Id author, std::vector<Id> parents) {
  Version v;
  v.version = Id::clustered();
  v.record = record;
  v.parents = std::move(parents);
  v.author = author;
  v.tombstone = tombstone;
  v.saved_at_ms = wall_clock_ms();
  if (body) {
    v.type = type_of(*body);
    v.observation = observation_of(*body);
    v.body = encode_body(*body);
  }
  v.body_hash = body_hash(v.type, v.tombstone, v.body);
  return v;
}

Version Store::create(const RecordBody& body, Id author) { return create_with_id(Id::clustered(), body, author); }

Version Store::create_with_id(Id record, const RecordBody& body, Id author) {
  Version v = make_version(record, &body, false, author, {});
  transaction([&] {
    if (!versions_.head_ids(record).empty()) throw std::runtime_error("record " + record.hex() + " already exists");
    // A visit planned in a local-only cycle (a follow-up of the demo) stays local too.
    if (const auto* o = std::get_if<Observation>(&body))
      if ((!o->cycle.empty() && outbox_.is_local_only(o->cycle)) ||
          (!o->follows.empty() && outbox_.is_local_only(o->follows)))
        outbox_.mark_local_only(record);
    insert_version(v, true);
  });
  return v;
}

Version Store::update(Id record, const RecordBody& body, Id author) {
  Version v;
  transaction([&] {
    auto parents = versions_.head_ids(record);
    if (parents.empty()) throw std::runtime_error("cannot update unknown record " + record.hex());
    v = make_version(record, &body, false, author, parents);
    insert_version(v, true);
  });
  return v;
}

Version Store::remove(Id record, Id author) {
  Version v;
  transaction([&] {
    auto current = heads(record);
    if (current.empty()) throw std::runtime_error("cannot delete unknown record " + record.hex());
    std::vector<Id> parents;
    for (const auto& h : current) parents.push_back(h.version.version);
    // A tombstone keeps the type and scope of what it deletes so privacy rules still apply.
    v = make_version(record, nullptr, true, author, parents);
    v.type = current.front().version.type;
    v.observation = current.front().version.observation;
    v.body_hash = body_hash(v.type, true, v.body);
    insert_version(v, true);
  });
  return v;
}

bool Store::apply_version(const Version& v, bool to_outbox) {
  bool inserted = false;
  transaction([&] { inserted = insert_version(v, to_outbox); });
  return inserted;
}

std::size_t Store::apply_versions(const std::vector<Version>& versions, const MismatchHandler& on_mismatch,
                                  Checked checked) {
  std::size_t added = 0;
  transaction([&] { added = versions_.apply(versions, on_mismatch, checked == Checked::Yes); });
  return added;
}

bool Store::insert_version(const Version& v, bool to_outbox) {
  // Local saves are made here and need no check; versions from elsewhere are checked.
  if (!versions_.insert(v, false)) return false;
  if (to_outbox) outbox_.add(v);
  return true;
}

std::optional<RecordHead> Store::get(Id record) const {
  for (auto& h : heads(record))
    if (!h.version.tombstone) return std::move(h);
  return std::nullopt;
}

}  // namespace core
