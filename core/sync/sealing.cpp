#include "core/sync/sealing.h"

#include <map>
#include <tuple>

#include "core/crypto/sealed_body.h"
#include "core/crypto/sealing_scope.h"
#include "core/serialization.h"

namespace core::sync {

namespace {
using ScopeOrder = std::tuple<int, Id, Id, Id>;
ScopeOrder seal_scope_order(const crypto::SealingScope& s) {
  return {static_cast<int>(s.kind), s.scope, s.coach, s.teacher_leader};
}

// One pulled sealed version: opened into `page`, set aside to wait, or refused.
void open_one(const HeldKeys& keys, Version v, OpenedPage& page) {
  Id key_id;
  try {
    key_id = crypto::sealed_key_id(v);
  } catch (const std::exception& e) {
    page.refused.push_back("The hub sent version " + v.version.hex() + " with a sealed body that is damaged (" +
                           e.what() + "); it was not stored.");
    return;
  }
  const crypto::ContentKey* key = keys.find(key_id);
  if (!key) {
    page.waiting.push_back(std::move(v));
    return;
  }
  // open_version makes VersionLog::check's checks of the plain version itself (a known type, a
  // body that decodes, its hash computed from it): they are not made twice.
  auto opened = crypto::open_version(v, *key);
  if (!opened.plain) {
    page.refused.push_back(opened.refusal);
    return;
  }
  page.versions.push_back(std::move(*opened.plain));
  ++page.opened;
}
}  // namespace

std::vector<Version> seal_for_push(KeyRing& keys, const std::vector<Version>& plain) {
  std::map<ScopeOrder, crypto::ContentKey> current;  // a batch is mostly one scope: look it up once
  std::vector<Version> out;
  out.reserve(plain.size());
  for (const Version& v : plain) {
    if (v.tombstone || !crypto::travels_sealed(v.type)) {
      out.push_back(v);
      continue;
    }
    const crypto::SealingScope scope = crypto::key_scope_of(v);
    auto found = current.find(seal_scope_order(scope));
    if (found == current.end()) {
      auto key = keys.current(scope);
      found = current.emplace(seal_scope_order(scope), key ? *key : keys.make(scope)).first;
    }
    out.push_back(crypto::seal_version(v, found->second));
  }
  return out;
}

HeldKeys::HeldKeys(const KeyRing& ring) {
  for (auto& [key, scope] : ring.all()) keys_.emplace(key.id(), key);
}

const crypto::ContentKey* HeldKeys::find(Id key_id) const {
  auto found = keys_.find(key_id);
  return found == keys_.end() ? nullptr : &found->second;
}

OpenedPage open_pulled(const HeldKeys& keys, std::vector<Version> page) {
  OpenedPage out;
  out.versions.reserve(page.size());
  for (Version& v : page) {
    if (v.tombstone || !core::is_sealed_body(v.body)) {
      out.versions.push_back(std::move(v));
      continue;
    }
    open_one(keys, std::move(v), out);
  }
  return out;
}

OpenedWaiting open_waiting(Store& store) {
  OpenedWaiting out;
  store.transaction([&] {
    std::vector<Version> ready = store.keys().openable();
    if (ready.empty()) return;
    std::vector<Id> ids;
    for (const Version& v : ready) ids.push_back(v.version);
    OpenedPage page = open_pulled(HeldKeys(store.keys()), std::move(ready));
    out.refused = std::move(page.refused);
    for (const Version& v : page.versions) {
      try {
        store.apply_version(v);
        ++out.opened;
      } catch (const std::exception& e) {
        out.refused.push_back("Version " + v.version.hex() +
                              ", opened once its key arrived, was not stored: " + e.what());
      }
    }
    for (Id id : ids) store.keys().stop_waiting(id);
  });
  return out;
}

}  // namespace core::sync
