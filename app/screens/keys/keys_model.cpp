// The keys' view and its two writes. See keys_model.h.
#include "app/screens/keys/keys_model.h"

#include <algorithm>

#include "core/crypto/fingerprint.h"
#include "core/lesson/people.h"
#include "core/sync/key_grants.h"
#include "core/sync/key_recovery.h"

namespace app {

namespace {
// The fingerprint of a published key, "" when the record holds none a device could use.
std::string keys_fingerprint_of(const std::string& published, core::Id person) {
  auto key = core::crypto::public_key_from(published);
  return key ? core::crypto::fingerprint(*key, person) : std::string();
}

std::string keys_own_fingerprint(const core::Store& store, core::Id me) {
  auto pair = core::sync::stored_key_pair(store);
  return pair ? core::crypto::fingerprint(pair->public_key(), me) : std::string();
}
}  // namespace

std::set<core::Id> colleagues_with_changed_keys(const core::Store& store, core::Id me) {
  std::set<core::Id> changed;
  for (const auto& [id, head] : store.live(core::RecordType::Person)) {
    const auto* p = std::get_if<core::Person>(&head.body);
    if (!p || id == me || p->public_key.empty()) continue;
    auto trusted = store.keys().trusted_key(id);
    if (trusted && *trusted != p->public_key) changed.insert(id);
  }
  return changed;
}

KeysView build_keys(const core::Store& store, core::Id me) {
  KeysView v;
  try {
    v.my_fingerprint = keys_own_fingerprint(store, me);
    v.phrase_wanted = !me.empty() && !v.my_fingerprint.empty() &&
                      store.meta().get(core::MetaKey::RecoveryPhraseKept).value_or("") != v.my_fingerprint;
    v.phrase_needed = !me.empty() && core::sync::needs_recovery_phrase(store, me);
    const auto changed = colleagues_with_changed_keys(store, me);
    for (const auto& [id, head] : store.live(core::RecordType::Person)) {
      const auto* p = std::get_if<core::Person>(&head.body);
      if (!p || id == me || p->public_key.empty()) continue;
      const std::string fingerprint = keys_fingerprint_of(p->public_key, id);
      if (fingerprint.empty()) continue;
      v.colleagues.push_back(
          {id, p->name.empty() ? std::string("A colleague") : p->name, fingerprint, changed.count(id) > 0});
    }
    std::sort(v.colleagues.begin(), v.colleagues.end(),
              [](const ColleagueKey& a, const ColleagueKey& b) { return a.name < b.name; });
  } catch (const std::exception& e) {
    v.error = std::string("Could not read the keys on this device: ") + e.what();
  }
  return v;
}

void keep_recovery_phrase(core::Store& store) {
  auto pair = core::sync::stored_key_pair(store);
  auto me = store.meta().local_person();
  if (!pair || !me) return;
  store.meta().set(core::MetaKey::RecoveryPhraseKept, core::crypto::fingerprint(pair->public_key(), *me));
}

KeyOutcome accept_new_key(core::Store& store, core::Id person, const std::string& name) {
  try {
    core::sync::accept_changed_key(store, person);
  } catch (const std::exception& e) {
    return {false, std::string("The new key was not accepted: ") + e.what()};
  }
  return {true, "You accepted " + name + "'s new key. The next sync shares your visits with it."};
}

}  // namespace app
