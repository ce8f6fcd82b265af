// This device's settings and sync state: the `meta` table, and the only place that reads or
// writes it. Every key is a MetaKey and its stored name is spelled once, in device_meta.cpp,
// so a mistyped key does not compile and no two files can disagree about a name.
#pragma once
#include <optional>
#include <string>

#include "core/ids.h"
#include "core/store/connection.h"

namespace core {

enum class MetaKey {
  LocalPerson,                 // the person using this device (hex id; first run or `peerobs-cli init`)
  SyncHubUrl,                  // the hub this device is enrolled with (written by enrollment)
  SyncToken,                   // the device's bearer token (the hub keeps only its hash)
  SyncDevice,                  // the device id the hub gave (hex)
  SyncPerson,                  // the roster person the hub enrolled this device as (hex)
  SyncCursor,                  // the feed cursor pulled up to
  SyncLastSuccessMs,           // device clock of the last complete sync, ms since epoch
  SyncPushBatch,               // the adapted push batch size (versions), when it changed
  SyncPullPage,                // the adapted pull page size (versions), when it changed
  SyncPushWaitsForColleagues,  // "1" while enrollment holds sending until colleagues are matched
  SyncEnrollPending,           // "CODEHASH TOKEN": an enrollment sent, its answer not yet stored
                               // (SHA-256 hex of the normalized code, the device's own token)
  SyncClearUpTo,               // local seq: versions up to it may have reached the hub in clear (set
                               // at the first push with sealing on; core/sync/reseal.h)
  SyncResealedUpTo,            // local seq: this person's versions up to it were re-sent sealed
  SyncPushSentUpTo,            // outbox position: a batch sent up to it may be on the hub though not
                               // acknowledged; no batch reaches past it until one is (core/net/sync_client.cpp)
  PersonKeyPair,               // this person's X25519 key pair (crypto::PersonKeys::serialise, hex)
  RecoveryPhraseKept,          // the fingerprint of the key pair whose recovery phrase the person wrote
                               // down on this device (or typed here to restore it); unset = none
  TextSize,                    // the user's text size factor, "1.00".."2.00"
  Theme,                       // "light" (default) or "dark"
  RoleHint,                    // the role picked on first run ("teacher_leader", ...)
  ReportPaper,                 // the paper reports are laid out for: "a4" (default) or "letter"
  HubFeedCursor,               // on the hub: the last feed cursor handed out
};

// The name a key is stored under (the names data files already hold).
const char* meta_key_name(MetaKey key);

class DeviceMeta {
 public:
  explicit DeviceMeta(const Connection& connection) : c_(connection) {}

  std::optional<std::string> get(MetaKey key) const;
  void set(MetaKey key, const std::string& value);
  void erase(MetaKey key);  // no-op when the key is not set
  // The person using this device (MetaKey::LocalPerson as an id).
  std::optional<Id> local_person() const;
  void set_local_person(Id person);

 private:
  const Connection& c_;
};

}  // namespace core
