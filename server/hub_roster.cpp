// The hub admin's roster verbs beyond adding people: the roster listing, codes for everyone not
// yet enrolled, renaming, deactivating and reactivating (see hub_store.h for what each
// guarantees). A rename travels to devices as a Person version like the one add-person wrote;
// deactivation lives only in the hub's own table, because a device's Person record has no
// field for it (docs/hub_admin.md says what devices show).
#include <algorithm>

#include "core/serialization.h"
#include "server/hub_store.h"

namespace server {

using core::Id;
using core::Stmt;

void HubStore::upgrade_roster_tables() {
  bool has_column = false;
  {
    Stmt cols(store_.db(), "SELECT 1 FROM pragma_table_info('hub_people') WHERE name = 'deactivated_at'");
    has_column = cols.step();
  }
  if (!has_column) store_.db().exec("ALTER TABLE hub_people ADD COLUMN deactivated_at INTEGER");
  // The device a code enrolled, so a retry of a lost answer is recognized (hub_enroll.cpp). Codes
  // used before the column existed have none: a retry of those is refused, as it always was.
  {
    Stmt cols(store_.db(), "SELECT 1 FROM pragma_table_info('hub_codes') WHERE name = 'device'");
    has_column = cols.step();
  }
  if (!has_column) store_.db().exec("ALTER TABLE hub_codes ADD COLUMN device BLOB");
  // people() counts each person's devices: without this index, a scan of every device per person.
  store_.db().exec("CREATE INDEX IF NOT EXISTS hub_devices_by_person ON hub_devices(person)");
}

namespace {
const char* kPeopleQuery =
    "SELECT p.id, p.name, p.email, coalesce(p.deactivated_at, 0), "
    "(SELECT count(*) FROM hub_devices d WHERE d.person = p.id AND d.revoked_at IS NULL) "
    "FROM hub_people p";

PersonRow read_person(const Stmt& st) {
  return {st.col_id(0), st.col_text(1), st.col_text(2), st.col_int(3), static_cast<int>(st.col_int(4))};
}
}  // namespace

PersonRow HubStore::person_row(Id person) const {
  Stmt st(store_.db(), (std::string(kPeopleQuery) + " WHERE p.id = ?").c_str());
  st.bind_id(1, person);
  if (!st.step())
    throw std::runtime_error("No person " + person.hex() + " on this hub's roster (see `peerobs-hub people`).");
  return read_person(st);
}

std::vector<PersonRow> HubStore::people() const {
  Stmt st(store_.db(), (std::string(kPeopleQuery) + " ORDER BY p.name, p.added_at").c_str());
  std::vector<PersonRow> out;
  while (st.step()) out.push_back(read_person(st));
  return out;
}

std::vector<IssuedCode> HubStore::issue_codes_for_unenrolled(int valid_days) {
  if (valid_days < 1 || valid_days > 365) throw std::runtime_error("A code is valid for 1 to 365 days.");
  std::vector<IssuedCode> issued;
  std::int64_t expires_at = core::wall_clock_ms() + std::int64_t(valid_days) * 86400000;
  store_.transaction([&] {
    for (const auto& p : people())
      if (!p.deactivated_at && p.enrolled_devices == 0)
        issued.push_back({p, insert_code(p.id, expires_at), expires_at});
  });
  return issued;
}

void HubStore::rename_person(Id person, const std::string& name) {
  if (name.empty()) throw std::runtime_error("A person needs a name: --name must not be empty.");
  if (name.size() > 200) throw std::runtime_error("A name is at most 200 characters.");
  person_row(person);  // throws naming an unknown id
  store_.transaction([&] {
    Stmt st(store_.db(), "UPDATE hub_people SET name = ? WHERE id = ?");
    st.bind(1, name);
    st.bind_id(2, person);
    st.run();
    // Parents = every current head (add-person's version, the person's own edits from their
    // device, an earlier rename), so this version is the record's only head everywhere it
    // arrives and no conflict appears. What else the record holds (the school, the public key) is kept.
    core::Person body{name, ""};
    core::Version v;
    for (const auto& h : store_.heads(person)) {
      v.parents.push_back(h.version.version);
      if (const auto* live = std::get_if<core::Person>(&h.body)) {
        body.school = live->school;
        body.public_key = live->public_key;  // a rename must not unpublish the person's key
      }
    }
    std::sort(v.parents.begin(), v.parents.end());
    v.version = Id::random();
    v.record = person;
    v.type = core::RecordType::Person;
    v.saved_at_ms = core::wall_clock_ms();
    v.body = core::encode_body(body);
    v.body_hash = core::body_hash(v.type, false, v.body);
    store_.apply_version(v);
    feed_.append({{kEveryone, v.version}});
  });
}

int HubStore::deactivate_person(Id person) {
  PersonRow p = person_row(person);
  if (p.deactivated_at)
    throw std::runtime_error(p.name + " was already deactivated on " + iso_date(p.deactivated_at) + ".");
  int revoked = 0;
  store_.transaction([&] {
    std::int64_t now = core::wall_clock_ms();
    Stmt mark(store_.db(), "UPDATE hub_people SET deactivated_at = ? WHERE id = ?");
    mark.bind(1, now);
    mark.bind_id(2, person);
    mark.run();
    Stmt devices(store_.db(), "UPDATE hub_devices SET revoked_at = ? WHERE person = ? AND revoked_at IS NULL");
    devices.bind(1, now);
    devices.bind_id(2, person);
    devices.run();
    revoked = sqlite3_changes(store_.db().raw());
    // An unused code handed out before would otherwise still enroll a device after a
    // reactivation nobody meant for it.
    Stmt codes(store_.db(),
               "UPDATE hub_codes SET expires_at = min(expires_at, ?) WHERE person = ? AND used_at IS NULL");
    codes.bind(1, now);
    codes.bind_id(2, person);
    codes.run();
  });
  return revoked;
}

void HubStore::reactivate_person(Id person) {
  PersonRow p = person_row(person);
  if (!p.deactivated_at) throw std::runtime_error(p.name + " is active; there is nothing to reactivate.");
  Stmt st(store_.db(), "UPDATE hub_people SET deactivated_at = NULL WHERE id = ?");
  st.bind_id(1, person);
  st.run();
}

}  // namespace server
