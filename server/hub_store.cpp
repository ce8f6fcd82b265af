// The hub's database: roster, devices, codes, pushes, pulls. See hub_store.h for guarantees.
#include "server/hub_store.h"

#include <ctime>
#include <filesystem>
#include <set>

#include "core/crypto/sealed_body.h"
#include "core/crypto/sealed_bundle.h"
#include "core/hash.h"
#include "core/paths.h"
#include "core/serialization.h"
#include "core/sync/coaching_facts.h"
#include "core/sync/facts.h"
#include "server/hub_reader.h"
#include "server/roster_csv.h"

namespace server {

using core::Id;
using core::Stmt;
using core::Version;
namespace sync = core::sync;

namespace {
const char* kHubSchema = R"sql(
CREATE TABLE IF NOT EXISTS hub_people(id BLOB PRIMARY KEY, name TEXT NOT NULL, email TEXT NOT NULL,
  added_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS hub_devices(id BLOB PRIMARY KEY, person BLOB NOT NULL REFERENCES hub_people(id),
  name TEXT NOT NULL, token_hash BLOB NOT NULL UNIQUE, enrolled_at INTEGER NOT NULL, revoked_at INTEGER,
  last_seen INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS hub_codes(code_hash BLOB PRIMARY KEY, person BLOB NOT NULL REFERENCES hub_people(id),
  expires_at INTEGER NOT NULL, used_at INTEGER, device BLOB);
CREATE TABLE IF NOT EXISTS hub_batches(batch_id BLOB PRIMARY KEY, device BLOB NOT NULL, response BLOB NOT NULL,
  applied_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS hub_participants(observation BLOB NOT NULL, person BLOB NOT NULL,
  PRIMARY KEY(observation, person)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS hub_obs_cycle(observation BLOB PRIMARY KEY, cycle BLOB NOT NULL);
CREATE INDEX IF NOT EXISTS hub_obs_by_cycle ON hub_obs_cycle(cycle);
)sql";

std::string hash_blob(const std::string& secret) {
  auto h = core::sha256(secret);
  return std::string(reinterpret_cast<const char*>(h.data()), h.size());
}
std::string what(const Version& v) {
  return std::string(core::type_name(v.type)) + " version " + v.version.short_hex();
}

// Codes are typed by people: no 0/O, 1/I/L; dashes and case do not matter
// (core::sync::normalized_code, what the hub hashes).
constexpr char kCodeAlphabet[] = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
}  // namespace

std::string iso_date(std::int64_t ms) {
  std::time_t t = static_cast<std::time_t>(ms / 1000);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

// One push while it is applied: what the hub stores already, the first versions waiting to be
// written together, the refusals so far, and the feed rows to write at the end.
struct HubStore::BatchState {
  std::map<Id, sync::ObservationFacts> facts;
  std::vector<std::pair<Id, Id>> feed;           // (person, version) rows, written in this order at the end
  std::set<Id> stored_versions, stored_records;  // of the batch's ids, before it
  std::set<Id> batch_versions, batch_records;    // met so far in the batch
  // First versions of records the hub has never seen (most of a batch), written together at
  // the next version that is not one, or at the end (VersionLog::insert_first); until then
  // nothing of this batch reads them back: they are never Observations, Cycles or tombstones,
  // the only versions whose checks read other records' versions.
  std::vector<const Version*> first_versions;
  std::vector<std::pair<Id, std::int64_t>> seqs;  // of the first versions written: the feed names them so
  std::set<Id> new_bundle_heads;                  // heads of sealed bundles new to the hub, met so far
  sync::RefusalResponse refusal;
};

HubStore::HubStore(const std::string& data_dir)
    : store_((core::ensure_directory(data_dir), data_dir + "/hub.sqlite")), feed_(store_) {
  store_.db().exec(kHubSchema);
  upgrade_roster_tables();
  store_.versions().index_for_hub();
  // 64 MiB of page cache: a push touches random pages of several indexes (ids are random), and
  // re-reading them from the WAL on every statement dominated push time with the 2 MiB default.
  store_.db().exec("PRAGMA cache_size = -65536");
  // Checkpoint the WAL into the database file every 32 MiB instead of every 4 MiB: a large push
  // wrote past 4 MiB, so its commit also copied every page into the database file and synced
  // that. Durability is unchanged (each commit still syncs the WAL, synchronous=FULL).
  store_.db().exec("PRAGMA wal_autocheckpoint = 8192");
  // A body replaced by its sealed form (re-sealing, docs/encryption.md) leaves its clear bytes in
  // freed space of a page or in freed overflow pages unless SQLite zeroes them.
  store_.db().exec("PRAGMA secure_delete = ON");
}

// ---- roster and devices --------------------------------------------------------------

Id HubStore::add_person(const std::string& name, const std::string& email) {
  if (name.empty()) throw std::runtime_error("A person needs a name.");
  Id id = Id::random();
  store_.transaction([&] {
    Stmt st(store_.db(), "INSERT INTO hub_people(id, name, email, added_at) VALUES(?,?,?,?)");
    st.bind_id(1, id);
    st.bind(2, name).bind(3, email).bind(4, core::wall_clock_ms());
    st.run();
    // The roster's Person record, so every device can show the name. Written by the hub
    // (empty author), visible to everyone.
    Version v;
    v.version = Id::random();
    v.record = id;
    v.type = core::RecordType::Person;
    v.saved_at_ms = core::wall_clock_ms();
    v.body = core::encode_body(core::Person{name, ""});
    v.body_hash = core::body_hash(v.type, false, v.body);
    store_.apply_version(v);
    feed_.append({{kEveryone, v.version}});
  });
  return id;
}

std::vector<Id> HubStore::import_roster(const std::string& csv_text) {
  auto rows = parse_roster_csv(csv_text);  // throws naming the bad line
  std::vector<Id> ids;
  store_.transaction([&] {
    for (const auto& r : rows) ids.push_back(add_person(r.name, r.email));
  });
  return ids;
}

std::optional<std::string> HubStore::person_name(Id person) const {
  Stmt st(store_.db(), "SELECT name FROM hub_people WHERE id = ?");
  st.bind_id(1, person);
  if (!st.step()) return std::nullopt;
  return st.col_text(0);
}

std::string HubStore::issue_code(Id person, int valid_days) {
  PersonRow p = person_row(person);
  if (valid_days < 1 || valid_days > 365) throw std::runtime_error("A code is valid for 1 to 365 days.");
  if (p.deactivated_at)
    throw std::runtime_error(p.name + " was deactivated on " + iso_date(p.deactivated_at) +
                             ", so no enrollment code is issued for them. To let them enroll again: "
                             "peerobs-hub reactivate --person " +
                             person.hex());
  return insert_code(person, core::wall_clock_ms() + std::int64_t(valid_days) * 86400000);
}

std::string HubStore::insert_code(Id person, std::int64_t expires_at) {
  std::string code;
  while (code.size() < 12) {
    std::uint8_t b = 0;
    core::random_bytes(&b, 1);
    if (b >= 248) continue;  // 248 = 8 * 31: keeps every letter equally likely
    code.push_back(kCodeAlphabet[b % 31]);
  }
  Stmt st(store_.db(), "INSERT INTO hub_codes(code_hash, person, expires_at) VALUES(?,?,?)");
  std::string h = hash_blob(code);
  st.bind_blob(1, h.data(), h.size());
  st.bind_id(2, person);
  st.bind(3, expires_at);
  st.run();
  return code.substr(0, 4) + "-" + code.substr(4, 4) + "-" + code.substr(8, 4);
}

std::vector<DeviceRow> HubStore::devices() const {
  Stmt st(store_.db(),
          "SELECT d.id, d.person, p.name, d.name, d.enrolled_at, coalesce(d.revoked_at, 0), d.last_seen "
          "FROM hub_devices d JOIN hub_people p ON p.id = d.person ORDER BY p.name, d.enrolled_at");
  std::vector<DeviceRow> out;
  while (st.step())
    out.push_back(
        {st.col_id(0), st.col_id(1), st.col_text(2), st.col_text(3), st.col_int(4), st.col_int(5), st.col_int(6)});
  return out;
}

void HubStore::revoke(Id device) {
  Stmt st(store_.db(), "UPDATE hub_devices SET revoked_at = coalesce(revoked_at, ?) WHERE id = ?");
  st.bind(1, core::wall_clock_ms());
  st.bind_id(2, device);
  st.run();
  if (sqlite3_changes(store_.db().raw()) == 0)
    throw std::runtime_error("No device " + device.hex() + " on this hub (see `peerobs-hub devices`).");
}

DeviceRow HubStore::authenticate(const std::string& token) {
  DeviceRow d = find_device(store_, token);
  std::int64_t now = core::wall_clock_ms();
  if (last_seen_due(d, now)) record_seen({{d.id, now}});
  return d;
}

void HubStore::record_seen(const std::vector<std::pair<Id, std::int64_t>>& seen) {
  if (seen.empty()) return;
  store_.transaction([&] {
    // max(): a stamp left by a read request never moves last_seen back.
    core::StmtLease st = store_.cached("UPDATE hub_devices SET last_seen = max(last_seen, ?) WHERE id = ?");
    for (const auto& [device, at] : seen) {
      st->bind(1, at);
      st->bind_id(2, device);
      st->run();
      st->reset();
    }
  });
}

// ---- push ------------------------------------------------------------------------------

const sync::ObservationFacts& HubStore::facts(BatchState& batch, Id observation) {
  // Once per observation per batch (and again after an Observation version changes it).
  auto it = batch.facts.find(observation);
  if (it != batch.facts.end()) return it->second;
  return batch.facts[observation] = sync::observation_facts(store_, observation);
}

sync::CycleFacts HubStore::cycle_facts(Id cycle) const {
  sync::CycleFacts f;
  auto creator = store_.versions().creator(cycle);
  if (!creator) return f;
  f.known = true;
  f.creator = *creator;
  if (auto body = sync::last_live_body(store_, cycle))
    if (const auto* c = std::get_if<core::Cycle>(&*body)) f.observed_teacher = c->observed_teacher;
  Stmt st(store_.db(),
          "SELECT DISTINCT person FROM hub_participants JOIN hub_obs_cycle USING(observation) "
          "WHERE cycle = ?");
  st.bind_id(1, cycle);
  while (st.step()) f.participants.insert(st.col_id(0));
  return f;
}

void HubStore::feed(BatchState& batch, Id person, Id version) { batch.feed.emplace_back(person, version); }

void HubStore::distribute(BatchState& batch, const Version& v, const core::RecordBody* body) {
  std::optional<core::RecordBody> last_live;
  if (v.tombstone) {
    last_live = sync::last_live_body_with_coach(store_, v.record);  // a coaching note's pair, as written
    body = last_live ? &*last_live : nullptr;
  }
  sync::CycleFacts cf = v.type == core::RecordType::Cycle ? cycle_facts(v.record) : sync::CycleFacts{};
  auto audience = sync::readers_of(v, body, facts(batch, sync::scope_of(v)), cf);
  if (audience.everyone) {
    feed(batch, kEveryone, v.version);
    return;
  }
  for (const auto& p : audience.people)
    if (!p.empty()) feed(batch, p, v.version);
}

// Someone new to an observation receives all of it that the rules let them see, and its cycle.
void HubStore::backfill(BatchState& batch, Id observation, Id person) {
  auto obs_facts = facts(batch, observation);
  for (const Version& v : store_.versions().in_observation(observation)) {
    std::optional<core::RecordBody> body;
    if (v.tombstone)
      body = sync::last_live_body_with_coach(store_, v.record);
    else
      body = core::crypto::decode_stored_body(v);
    if (sync::readers_of(v, body ? &*body : nullptr, obs_facts, {}).includes(person)) feed(batch, person, v.version);
  }
  Stmt cyc(store_.db(), "SELECT cycle FROM hub_obs_cycle WHERE observation = ?");
  cyc.bind_id(1, observation);
  if (cyc.step())
    for (const Version& v : store_.versions_of(cyc.col_id(0))) feed(batch, person, v.version);
}

void HubStore::reindex_observation(BatchState& batch, Id observation) {
  batch.facts.erase(observation);
  auto now = facts(batch, observation);
  std::set<Id> before;
  {
    Stmt st(store_.db(), "SELECT person FROM hub_participants WHERE observation = ?");
    st.bind_id(1, observation);
    while (st.step()) before.insert(st.col_id(0));
    Stmt del(store_.db(), "DELETE FROM hub_participants WHERE observation = ?");
    del.bind_id(1, observation);
    del.run();
  }
  for (const auto& p : now.participants) {
    Stmt ins(store_.db(), "INSERT OR IGNORE INTO hub_participants(observation, person) VALUES(?, ?)");
    ins.bind_id(1, observation);
    ins.bind_id(2, p.person);
    ins.run();
  }
  if (auto body = sync::last_live_body(store_, observation))
    if (const auto* o = std::get_if<core::Observation>(&*body)) {
      Stmt up(store_.db(),
              "INSERT INTO hub_obs_cycle(observation, cycle) VALUES(?, ?) "
              "ON CONFLICT(observation) DO UPDATE SET cycle = excluded.cycle");
      up.bind_id(1, observation);
      up.bind_id(2, o->cycle);
      up.run();
    }
  for (const auto& p : now.participants)
    if (!before.count(p.person)) backfill(batch, observation, p.person);
}

sync::PushResponse HubStore::push(const DeviceRow& device, const sync::PushRequest& req) {
  if (req.batch.empty()) throw HubError(400, "The push has no batch id.");
  if (auto replayed = replayed_batch(device, req.batch)) return *replayed;
  sync::PushResponse resp;
  resp.batch = req.batch;
  store_.transaction([&] {
    BatchState batch;
    batch.refusal.batch = req.batch;
    find_stored(batch, req);
    for (const auto& v : req.versions) push_version(batch, device, v, resp);
    write_first_versions(batch);
    if (!batch.refusal.refused.empty()) refuse_batch(batch, req);  // rolls the whole batch back
    feed_.append(batch.feed, {batch.seqs.begin(), batch.seqs.end()});
    record_batch(device, req.batch, resp);
  });
  if (sqlite3_get_autocommit(store_.db().raw())) clear_freed_text();  // committed, not inside push_together
  return resp;
}

std::vector<HubStore::Pushed> HubStore::push_together(const std::vector<Pushing>& pushes) {
  std::vector<Pushed> out(pushes.size());
  store_.transaction([&] {
    for (std::size_t i = 0; i < pushes.size(); ++i) {
      store_.db().exec("SAVEPOINT one_push");
      try {
        out[i].response = push(*pushes[i].device, *pushes[i].request);
        store_.db().exec("RELEASE one_push");
      } catch (...) {
        // Some errors (a full disk, I/O) make SQLite roll back the whole transaction: then the
        // pushes before this one are gone too, and the group fails as one.
        if (sqlite3_get_autocommit(store_.db().raw())) throw;
        out[i].error = std::current_exception();
        store_.db().exec("ROLLBACK TO one_push");
        store_.db().exec("RELEASE one_push");
      }
    }
  });
  clear_freed_text();
  return out;
}

void HubStore::clear_freed_text() {
  if (!resealed_) return;
  // TRUNCATE: a checkpoint alone leaves old frames in the WAL file until they are overwritten.
  // Busy (a reader still on an older snapshot): tried again after the next push.
  Stmt st(store_.db(), "PRAGMA wal_checkpoint(TRUNCATE)");
  if (st.step() && st.col_int(0) == 0) resealed_ = false;
}

std::optional<sync::PushResponse> HubStore::replayed_batch(const DeviceRow& device, Id batch_id) const {
  Stmt st(store_.db(), "SELECT device, response FROM hub_batches WHERE batch_id = ?");
  st.bind_id(1, batch_id);
  if (!st.step()) return std::nullopt;
  if (st.col_id(0) != device.id)
    throw HubError(409, "Batch " + batch_id.short_hex() + " was already sent by another device.");
  auto resp = sync::unpack<sync::PushResponse>(st.col_blob(1));
  resp.replayed = true;
  return resp;
}

void HubStore::find_stored(BatchState& batch, const sync::PushRequest& req) const {
  std::vector<Id> version_ids, record_ids;
  for (const auto& v : req.versions) {
    version_ids.push_back(v.version);
    record_ids.push_back(v.record);
  }
  batch.stored_versions = store_.versions().stored_versions(version_ids);
  batch.stored_records = store_.versions().stored_records(record_ids);
}

void HubStore::write_first_versions(BatchState& batch) {
  store_.versions().insert_first(batch.first_versions, &batch.seqs);
  batch.first_versions.clear();
}

// One version of a push: checked, judged by the privacy rules, stored, and fed to its readers.
// A refusal is collected and the version skipped, so one answer names every refused version of
// the batch (later ones may depend on earlier ones).
void HubStore::push_version(BatchState& batch, const DeviceRow& device, const Version& v, sync::PushResponse& resp) {
  bool new_version = batch.batch_versions.insert(v.version).second && !batch.stored_versions.count(v.version);
  bool new_record = batch.batch_records.insert(v.record).second && !batch.stored_records.count(v.record);
  bool first = new_version && new_record && !v.tombstone && core::valid_record_type(static_cast<int>(v.type)) &&
               v.type != core::RecordType::Observation && v.type != core::RecordType::Cycle;
  if (!first) write_first_versions(batch);
  // A body that cannot be read or does not match its hash is damage, not a decision about
  // this version: the whole request is refused (400) and may be sent again as it is.
  std::optional<core::RecordBody> body;
  try {
    body = core::VersionLog::check_routing(v);
  } catch (const core::DamagedVersion& e) {
    throw HubError(400, "The " + what(v) + " " + e.reason + " (damaged in transit?).");
  }
  auto refuse = [&](std::uint16_t status, std::string reason) {
    batch.refusal.refused.push_back({v.version, status, std::move(reason)});
  };
  if (!new_version && body && core::is_sealed_body(v.body) && batch.stored_versions.count(v.version)) {
    // Re-sealing: neither a new version nor a write the privacy rules judge (nobody reads anything
    // new), so only its own checks apply.
    auto stored = store_.versions().by_id(v.version);
    if (stored && !stored->tombstone && !core::is_sealed_body(stored->body)) {
      if (auto reason = reseal_refusal(device, *stored, v, *body)) return refuse(403, *reason);
      store_.versions().replace_clear_body(v);
      resealed_ = true;
      // Its bundle's other members may be new to the hub: they come with their head's body.
      if (auto part = core::crypto::bundle_part(v.body); part && part->index == 0)
        batch.new_bundle_heads.insert(v.version);
      ++resp.stored;
      return;
    }
  }
  if (auto reason = write_refusal(batch, device, v, body ? &*body : nullptr, first)) return refuse(403, *reason);
  if (auto reason = bundle_refusal(batch, v, new_version)) return refuse(409, *reason);
  bool is_new = first;
  if (first) {
    batch.first_versions.push_back(&v);
  } else {
    try {
      is_new = store_.versions().insert(v, true);  // checked above
    } catch (const core::VersionMismatch&) {
      // A bundle's parts differ when a batch is sent again shorter (after a cut) and its last
      // bundle is sealed with fewer members: the hub keeps the whole bundle it holds.
      auto stored = !v.tombstone && core::is_bundle_part(v.body) ? store_.versions().by_id(v.version) : std::nullopt;
      if (stored && !stored->tombstone && core::is_bundle_part(stored->body)) {
        ++resp.already_known;
        return;
      }
      return refuse(409, "The " + what(v) + " is already on the hub with a different body; a version never changes.");
    } catch (const core::DbError&) {
      throw;
    } catch (const std::runtime_error&) {
      // The only other refusal of insert once the version is checked: a record whose versions
      // disagree about its type.
      return refuse(409, "The " + what(v) + " would change the type of record " + v.record.short_hex() +
                             ", which the hub holds as another kind of record.");
    }
  }
  if (!is_new) {
    ++resp.already_known;
    return;
  }
  ++resp.stored;
  if (v.type == core::RecordType::Observation) reindex_observation(batch, v.record);
  distribute(batch, v, body ? &*body : nullptr);
}

std::optional<std::string> HubStore::bundle_refusal(BatchState& batch, const Version& v, bool new_version) {
  // A tombstone's body is never read (whatever bytes it carries); a live part's was, by check_routing.
  if (v.tombstone || !new_version || !core::is_bundle_part(v.body)) return std::nullopt;
  const auto part = core::crypto::bundle_part(v.body);
  if (part->index == 0) {
    batch.new_bundle_heads.insert(v.version);
    return std::nullopt;
  }
  if (batch.new_bundle_heads.count(part->head)) return std::nullopt;
  // Stored, it could never be opened: no device would ever hold its whole bundle.
  return "The " + what(v) + " was sealed in a bundle whose first version, " + part->head.short_hex() +
         ", is not new in the same push; send it again to seal it anew.";
}

std::optional<std::string> HubStore::reseal_refusal(const DeviceRow& device, const Version& stored, const Version& v,
                                                    const core::RecordBody& body) const {
  if (device.person != stored.author)
    return "The " + what(v) +
           " is held here in clear and was written by someone else: only its author's devices "
           "may send it sealed.";
  if (v.record != stored.record || v.type != stored.type || v.author != stored.author ||
      v.observation != stored.observation || v.parents != stored.parents || v.tombstone != stored.tombstone ||
      v.saved_at_ms != stored.saved_at_ms)
    return "The " + what(v) +
           " sent sealed names another record, author, observation, parents or save time than "
           "the version held here in clear.";
  // The routing fields as the hub reads them for its rules: those of the stored body, whole, and
  // the clear fields of the sealed one.
  std::string stored_routing;
  try {
    stored_routing = core::crypto::encode_routing(core::crypto::decode_stored_body(stored));
  } catch (const std::exception& e) {
    return "The " + what(v) + " held here in clear could not be read (" + e.what() + "), so it stays as it is.";
  }
  if (core::crypto::encode_routing(body) != stored_routing)
    return "The " + what(v) +
           " sent sealed shows other participants, cycle, pair or sharing than the version held "
           "here in clear; the hub keeps the one it holds.";
  return std::nullopt;
}

std::optional<std::string> HubStore::write_refusal(BatchState& batch, const DeviceRow& device, const Version& v,
                                                   const core::RecordBody* body, bool first) {
  if (!first) {
    // A record keeps its observation for life: no version may move it into another scope.
    auto scope = store_.versions().scope_of_record(v.record);
    if (scope && *scope != v.observation)
      return "The " + what(v) + " moves record " + v.record.short_hex() + " into another observation.";
  }
  const Id cycle = sync::cycle_scope_of(v, body);
  sync::CycleFacts cf = cycle.empty() ? sync::CycleFacts{} : cycle_facts(cycle);
  // A coaching note already held keeps its pair: the rule needs the pair it was written for.
  std::optional<sync::CoachingPair> coaching_before;
  if (v.type == core::RecordType::CoachingNote && !first)
    coaching_before = sync::stored_coaching_pair(store_, v.record);
  auto verdict = sync::may_write(v, body, device.person, facts(batch, sync::scope_of(v)), cf, coaching_before);
  if (!verdict.allowed) return verdict.reason;
  return std::nullopt;
}

void HubStore::refuse_batch(BatchState& batch, const sync::PushRequest& req) {
  sync::RefusalResponse& refusal = batch.refusal;
  std::uint16_t status = 409;
  for (const auto& r : refusal.refused)
    if (r.status == 403) status = 403;
  refusal.message = "The hub refused " + std::to_string(refusal.refused.size()) + " of the " +
                    std::to_string(req.versions.size()) + " versions sent. " + refusal.refused.front().reason +
                    " Nothing from this push was stored; send it again without the refused versions.";
  throw HubRefusal(status, std::move(refusal));
}

void HubStore::record_batch(const DeviceRow& device, Id batch_id, const sync::PushResponse& resp) {
  std::string packed = sync::pack(resp);
  Stmt st(store_.db(), "INSERT INTO hub_batches(batch_id, device, response, applied_at) VALUES(?,?,?,?)");
  st.bind_id(1, batch_id);
  st.bind_id(2, device.id);
  st.bind_blob(3, packed.data(), packed.size()).bind(4, core::wall_clock_ms());
  st.run();
}

// ---- pull ------------------------------------------------------------------------------

sync::PullResponse HubStore::pull(const DeviceRow& device, const sync::PullRequest& req) const {
  return read_pull(store_, feed_, device, req);
}

sync::StatusResponse HubStore::status(const DeviceRow& device) const { return read_status(feed_, device); }

// ---- backup ----------------------------------------------------------------------------

void backup_database(const std::string& db_path, const std::string& out_path) {
  if (!std::filesystem::exists(db_path)) throw std::runtime_error("No hub database at " + db_path);
  core::Db src(db_path, false);
  std::string tmp = out_path + ".partial";
  std::filesystem::remove(tmp);
  {
    core::Db dst(tmp, true);
    sqlite3_backup* b = sqlite3_backup_init(dst.raw(), "main", src.raw(), "main");
    if (!b) dst.fail(sqlite3_errcode(dst.raw()), "starting the backup");
    int rc = sqlite3_backup_step(b, -1);
    sqlite3_backup_finish(b);
    if (rc != SQLITE_DONE) dst.fail(rc, "copying the hub database");
  }
  std::filesystem::rename(tmp, out_path);
}

}  // namespace server
