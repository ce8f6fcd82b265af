// Content keys reaching the people who may read a scope (docs/encryption.md, Grants): this
// person's key pair, made once on the device and its public half published in their Person
// record; grants made for every member of a scope this device holds a key of; grants received
// for this person unwrapped into the device's key ring; and a new key for a scope one of whose
// key holders is no longer a member, so that nothing written afterwards reaches them.
// Each step is one transaction; what it writes (Person, KeyGrant versions) goes out with the
// next push.
#pragma once
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/crypto/person_keys.h"
#include "core/crypto/sealing_scope.h"
#include "core/store.h"

namespace core::sync {

// This person's key pair on this device, made and published (an update of their Person record
// carrying the public key) the first time; nullopt when another device of theirs published it
// first, so this one needs the recovery phrase (key_recovery.h). Throws std::runtime_error with a
// sentence when the stored pair is damaged.
std::optional<crypto::PersonKeys> own_key_pair(Store& store, Id me);

// The pair this device keeps (nullopt: none; throws as above when damaged), and keeping one.
std::optional<crypto::PersonKeys> stored_key_pair(const Store& store);
void keep_key_pair(Store& store, const crypto::PersonKeys& keys);

struct GrantWork {
  std::size_t granted = 0;           // KeyGrant records made for colleagues (and this person)
  std::size_t received = 0;          // keys unwrapped from grants into the key ring
  std::size_t replaced = 0;          // scopes given a new key because someone left them
  std::vector<std::string> refused;  // grants that did not open: a sentence each
  std::set<Id> changed_keys;         // colleagues whose published key is not the one this device
                                     // trusts: nothing granted to or taken from them until accepted
};

// Trust on first use (docs/encryption.md): the first public key this device sees for a colleague
// is trusted; a different one later is reported in changed_keys and neither granted to nor
// believed as a sender, until the person using this device accepts it here (having compared
// fingerprints with the colleague). Throws std::runtime_error when the person has no published key.
void accept_changed_key(Store& store, Id person);

// Who may read what a scope's key seals (the rules of core/sync/privacy.h), from this device's
// records: the people make_grants grants its key to. Empty when the plan is not here.
std::set<Id> scope_members(const Store& store, const crypto::SealingScope& scope);

// Keys granted to `me` that the ring lacks: unwrapped (with the sender's published key) and kept.
GrantWork receive_grants(Store& store, const crypto::PersonKeys& mine, Id me);

// For each scope this person is a member of: a new key first when a person granted the scope's
// current key is no longer a member; then a grant of every key of the scope (bodies name the one
// they were sealed with) to every member with a published key who has none of it.
GrantWork make_grants(Store& store, const crypto::PersonKeys& mine, Id me);

}  // namespace core::sync
