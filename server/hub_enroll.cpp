// Enrollment on the hub: a one-time code traded for a device, once, and the same answer again to
// the device that asks again with that code and the token it was enrolled with.
//
// Why the retry: a device killed or cut off after the hub used its code but before it stored
// its token lost the code, and its teacher waited for a new one. A device now makes its token
// itself and commits it before sending (core/net/sync_client.h), the hub keeps which device each
// code enrolled (hub_codes.device), and a used code with that device's token is answered as the
// first time. Any other token with a used code is refused as before, so a code still enrolls one
// device; a revoked device or a deactivated person gets no answer back.
// A format-1 request (no token, an older device) gets a token made here, as it always did.
#include "core/hash.h"
#include "server/hub_store.h"

namespace server {

using core::Id;
using core::Stmt;
namespace sync = core::sync;

namespace {
std::string enroll_hash_blob(const std::string& secret) {
  auto h = core::sha256(secret);
  return std::string(reinterpret_cast<const char*>(h.data()), h.size());
}

bool is_device_token(const std::string& token) {
  if (token.size() != 64) return false;
  for (char c : token)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}
}  // namespace

sync::EnrollResponse HubStore::enroll(const sync::EnrollRequest& req) {
  if (!req.token.empty() && !is_device_token(req.token))
    throw HubError(400, "The enrollment request's device token is not 64 hexadecimal digits.", "malformed token");
  const std::string h = enroll_hash_blob(sync::normalized_code(req.code));
  sync::EnrollResponse resp;
  store_.transaction([&] {
    Stmt st(store_.db(), "SELECT person, expires_at, used_at, device FROM hub_codes WHERE code_hash = ?");
    st.bind_blob(1, h.data(), h.size());
    if (!st.step())
      throw HubError(401,
                     "This enrollment code is not known to the hub. Check it for typos, or ask your program "
                     "lead for a new one.",
                     "unknown code", true);
    Id person = st.col_id(0);
    std::int64_t now = core::wall_clock_ms();
    // Deactivating expires a person's codes; this also covers a code issued in the same
    // moment, so nobody deactivated enrolls a device.
    if (person_row(person).deactivated_at)
      throw HubError(401,
                     "This enrollment code belongs to someone who is no longer active on this hub. Ask "
                     "your program lead.",
                     "code of a deactivated person");
    resp.person = person;
    resp.person_name = person_name(person).value_or("");
    if (!st.col_null(2)) {
      // The device this code enrolled asking again (its answer was lost): the same answer. Checked
      // before the expiry, since the code was used while it was valid.
      if (!req.token.empty() && !st.col_null(3)) {
        const std::string th = enroll_hash_blob(req.token);
        Stmt dev(store_.db(), "SELECT 1 FROM hub_devices WHERE id = ? AND token_hash = ? AND revoked_at IS NULL");
        dev.bind_id(1, st.col_id(3));
        dev.bind_blob(2, th.data(), th.size());
        if (dev.step()) {
          resp.device = st.col_id(3);
          resp.token = req.token;
          resp.person_versions = store_.versions_of(person);
          return;
        }
      }
      throw HubError(401,
                     "This enrollment code was already used on " + iso_date(st.col_int(2)) +
                         ". Each code enrolls one device; ask your program lead for a new one.",
                     "used code");
    }
    if (st.col_int(1) < now)
      throw HubError(
          401, "This enrollment code expired on " + iso_date(st.col_int(1)) + ". Ask your program lead for a new one.",
          "expired code");
    if (req.token.empty()) {
      std::uint8_t raw[32];
      core::random_bytes(raw, sizeof raw);
      resp.token = core::to_hex(raw, sizeof raw);
    } else {
      resp.token = req.token;
    }
    const std::string th = enroll_hash_blob(resp.token);
    {
      // Tokens are 256 random bits: one already here was copied from another device, not drawn.
      Stmt taken(store_.db(), "SELECT 1 FROM hub_devices WHERE token_hash = ?");
      taken.bind_blob(1, th.data(), th.size());
      if (taken.step())
        throw HubError(409, "This device's token is already in use on the hub; enroll from a fresh copy of peerobs.",
                       "token already in use");
    }
    resp.device = Id::random();
    Stmt use(store_.db(), "UPDATE hub_codes SET used_at = ?, device = ? WHERE code_hash = ?");
    use.bind(1, now).bind_id(2, resp.device).bind_blob(3, h.data(), h.size());
    use.run();
    Stmt dev(store_.db(),
             "INSERT INTO hub_devices(id, person, name, token_hash, enrolled_at, last_seen) "
             "VALUES(?,?,?,?,?,?)");
    dev.bind_id(1, resp.device);
    dev.bind_id(2, person);
    dev.bind(3, req.device_name.substr(0, 200)).bind_blob(4, th.data(), th.size()).bind(5, now).bind(6, now);
    dev.run();
    resp.person_versions = store_.versions_of(person);
  });
  return resp;
}

}  // namespace server
