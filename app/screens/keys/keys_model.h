// What the app shows about this person's keys (docs/encryption.md), plain C++ over the store:
// whether Home offers to make a recovery phrase (this device holds the key pair and no phrase for
// it was kept here) or asks for one (the key is published and this device lacks the pair), each
// fingerprint, and colleagues whose published key is not the one this device trusts.
// Guarantees: reading changes nothing; accepting a key and keeping a phrase are one durable write
// each, done before the view shows them.
#pragma once
#include <set>
#include <string>
#include <vector>

#include "core/store.h"

namespace app {

struct ColleagueKey {
  core::Id person;
  std::string name;
  std::string fingerprint;  // of the key they publish now, "K7QM 3XWD 9PTA"
  bool changed = false;     // not the key this device trusts: granted nothing until accepted
};

struct KeysView {
  std::string my_fingerprint;            // "" when this device holds no key pair
  bool phrase_wanted = false;            // a key pair here, and no recovery phrase kept for it on this device
  bool phrase_needed = false;            // the key is on another device: this one needs the phrase
  std::vector<ColleagueKey> colleagues;  // every colleague with a published key, by name
  std::string error;                     // a store problem in plain words, "" = none
};

KeysView build_keys(const core::Store& store, core::Id me);

// Colleagues whose published key differs from the one this device trusts.
std::set<core::Id> colleagues_with_changed_keys(const core::Store& store, core::Id me);

// The person wrote the phrase of this device's key pair down (or typed it here to restore the
// pair): Home stops offering a new one until the pair changes.
void keep_recovery_phrase(core::Store& store);

struct KeyOutcome {
  bool done = false;
  std::string message;  // done: the confirmation; else what stopped it
};
// Trusts `person`'s key as now published (they compared fingerprints in person first).
KeyOutcome accept_new_key(core::Store& store, core::Id person, const std::string& name);

}  // namespace app
