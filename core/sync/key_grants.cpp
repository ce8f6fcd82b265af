#include "core/sync/key_grants.h"

#include <sodium.h>

#include <algorithm>
#include <set>
#include <stdexcept>
#include <utility>

#include "core/crypto/key_wrap.h"
#include "core/crypto/sealing_scope.h"
#include "core/hash.h"

namespace core::sync {

namespace {
std::optional<crypto::PublicKey> grants_published_key(const Store& store, Id person) {
  auto head = store.get(person);
  if (!head) return std::nullopt;
  const auto* p = std::get_if<Person>(&head->body);
  if (!p) return std::nullopt;
  auto key = crypto::public_key_from(p->public_key);
  if (!key || !crypto::is_usable_public_key(*key)) return std::nullopt;
  return key;
}

// The published key of `person` if this device trusts it: the first one seen is trusted from
// then on; another one is noted in `changed_keys` and not returned.
std::optional<crypto::PublicKey> grants_trusted_key(Store& store, Id person, GrantWork& work) {
  auto published = grants_published_key(store, person);
  if (!published) return std::nullopt;
  const std::string text = crypto::public_key_text(*published);
  auto trusted = store.keys().trusted_key(person);
  if (!trusted) {
    store.keys().trust_key(person, text);
  } else if (*trusted != text) {
    work.changed_keys.insert(person);
    return std::nullopt;
  }
  return published;
}

struct GrantSeen {
  KeyGrant grant;
  Id sender;
};
std::vector<GrantSeen> grants_on_device(const Store& store) {
  std::vector<GrantSeen> out;
  for (const auto& [id, head] : store.live(RecordType::KeyGrant))
    if (const auto* g = std::get_if<KeyGrant>(&head.body)) out.push_back({*g, head.version.author});
  return out;
}

crypto::KeyBinding grants_binding(const KeyGrant& g, Id sender) {
  crypto::KeyBinding b;
  b.key_id = g.key_id;
  b.scope = g.scope_kind;
  b.scope_id = g.scope;
  b.recipient = g.recipient;
  b.sender = sender;
  b.coach = g.coach;
  b.teacher_leader = g.teacher_leader;
  return b;
}

crypto::ParsedKeyPair grants_stored_pair(const std::string& hex) {
  crypto::SecretBytes bytes(hex.size() / 2);
  std::size_t written = 0;
  if (sodium_hex2bin(bytes.data(), bytes.size(), hex.data(), hex.size(), nullptr, &written, nullptr) != 0 ||
      written != bytes.size())
    return {std::nullopt, "it is not written as hexadecimal"};
  return crypto::parse_key_pair(bytes.view());
}
}  // namespace

std::set<Id> scope_members(const Store& store, const crypto::SealingScope& s) {
  std::set<Id> out;
  auto participants_of = [&](const Observation& o) {
    for (const auto& p : o.participants) out.insert(p.person);
  };
  switch (s.kind) {
    case KeyScope::Observation:
      if (auto head = store.get(s.scope))
        if (const auto* o = std::get_if<Observation>(&head->body)) participants_of(*o);
      break;
    case KeyScope::CoachingThread:
      out = {s.coach, s.teacher_leader};
      break;
    case KeyScope::Cycle:
      if (auto head = store.get(s.scope))
        if (const auto* c = std::get_if<Cycle>(&head->body)) out.insert(c->observed_teacher);
      for (const auto& [id, head] : store.live(RecordType::Observation))
        if (const auto* o = std::get_if<Observation>(&head.body); o && o->cycle == s.scope) participants_of(*o);
      break;
  }
  out.erase(Id{});
  return out;
}

std::optional<crypto::PersonKeys> stored_key_pair(const Store& store) {
  auto stored = store.meta().get(MetaKey::PersonKeyPair);
  if (!stored) return std::nullopt;
  auto parsed = grants_stored_pair(*stored);
  if (!parsed.keys)
    throw std::runtime_error("This device's key for reading colleagues' observations is damaged (" + parsed.refusal +
                             "); it cannot open or grant anything.");
  return std::move(parsed.keys);
}

void keep_key_pair(Store& store, const crypto::PersonKeys& keys) {
  const crypto::SecretBytes pair = keys.serialise();
  std::string hex(pair.size() * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), pair.data(), pair.size());
  hex.pop_back();
  store.meta().set(MetaKey::PersonKeyPair, hex);
  sodium_memzero(hex.data(), hex.size());
}

std::optional<crypto::PersonKeys> own_key_pair(Store& store, Id me) {
  std::optional<crypto::PersonKeys> keys;
  store.transaction([&] {
    keys = stored_key_pair(store);
    auto head = store.get(me);
    const auto* person = head ? std::get_if<Person>(&head->body) : nullptr;
    if (!keys) {
      if (person && !person->public_key.empty()) return;  // another device's: the phrase brings it here
      keys = crypto::PersonKeys::make();
      keep_key_pair(store, *keys);
    }
    // Published once: colleagues' devices grant keys to this public key.
    if (person && person->public_key != keys->public_key_text()) {
      Person published = *person;
      published.public_key = keys->public_key_text();
      store.update(me, published, me);
    }
  });
  return keys;
}

void accept_changed_key(Store& store, Id person) {
  auto published = grants_published_key(store, person);
  if (!published) throw std::runtime_error("This colleague has no key published on this device to accept.");
  store.transaction([&] { store.keys().trust_key(person, crypto::public_key_text(*published)); });
}

GrantWork receive_grants(Store& store, const crypto::PersonKeys& mine, Id me) {
  GrantWork work;
  store.transaction([&] {
    for (const GrantSeen& seen : grants_on_device(store)) {
      const KeyGrant& g = seen.grant;
      if (g.recipient != me || store.keys().find(g.key_id)) continue;
      // A grant is believed only from a sender whose key this device trusts: a hub that swapped
      // a colleague's key for its own cannot hand this device a key it also holds.
      auto sender_key = seen.sender == me ? std::optional<crypto::PublicKey>(mine.public_key())
                                          : grants_trusted_key(store, seen.sender, work);
      if (!sender_key) continue;  // not published yet (a later pull brings it), or changed
      auto opened = crypto::unwrap_key(g.wrapped, grants_binding(g, seen.sender), *sender_key, mine);
      if (!opened.key) {
        work.refused.push_back(opened.refusal);
        continue;
      }
      crypto::SealingScope scope{g.scope_kind, g.scope, g.coach, g.teacher_leader};
      if (store.keys().add(*opened.key, scope)) ++work.received;
    }
  });
  return work;
}

GrantWork make_grants(Store& store, const crypto::PersonKeys& mine, Id me) {
  GrantWork work;
  store.transaction([&] {
    const std::vector<GrantSeen> grants = grants_on_device(store);
    std::set<std::pair<Id, Id>> granted;  // (key id, recipient)
    for (const GrantSeen& seen : grants) granted.insert({seen.grant.key_id, seen.grant.recipient});
    // Every key of a scope, not only its newest: bodies name the key they were sealed with, and a
    // scope has several when two devices each made one (re-sealing an old hub's visit, say) or one
    // replaced another. A member reads the whole scope, so each key reaches each member.
    std::vector<std::pair<crypto::SealingScope, std::vector<crypto::ContentKey>>> scopes;
    for (auto& held : store.keys().all()) {
      const crypto::SealingScope& scope = held.second;  // a name, not a structured binding: lambdas capture it in C++17
      auto same = std::find_if(scopes.begin(), scopes.end(), [&](const auto& s) { return s.first == scope; });
      if (same == scopes.end()) same = scopes.insert(scopes.end(), {scope, {}});
      same->second.push_back(std::move(held.first));
    }
    for (auto& [scope, keys] : scopes) {
      const std::set<Id> members = scope_members(store, scope);
      if (!members.count(me)) continue;  // a scope this person left, or whose plan is not here yet
      // Someone holds the current key who is no longer a member: what is written from now on
      // gets a key they never receive.
      const Id current = store.keys().current(scope)->id();
      for (const auto& [key_id, recipient] : granted) {
        if (key_id != current || members.count(recipient)) continue;
        keys.push_back(store.keys().make(scope));
        ++work.replaced;
        break;
      }
      for (Id member : members) {
        // Checked for every member on every sync, granted or not, so a changed key is reported
        // as soon as this device sees it.
        auto public_key = member == me ? std::optional<crypto::PublicKey>(mine.public_key())
                                       : grants_trusted_key(store, member, work);
        if (!public_key) continue;  // granted once their device has published a key, or it is accepted
        for (const crypto::ContentKey& key : keys) {
          if (granted.count({key.id(), member})) continue;
          KeyGrant g{key.id(), scope.kind, scope.scope, member, scope.coach, scope.teacher_leader, ""};
          g.wrapped = crypto::wrap_key(key, grants_binding(g, me), *public_key, mine);
          store.create(g, me);
          granted.insert({key.id(), member});
          ++work.granted;
        }
      }
    }
  });
  return work;
}

}  // namespace core::sync
