#include "core/sync/sealing.h"

#include <map>
#include <tuple>

#include "core/crypto/sealed_body.h"
#include "core/crypto/sealing_scope.h"
#include "core/serialization.h"
#include "core/store/version_log.h"

namespace core::sync {

namespace {
using ScopeOrder = std::tuple<int, Id, Id, Id>;
ScopeOrder seal_scope_order(const crypto::SealingScope& s) {
  return {static_cast<int>(s.kind), s.scope, s.coach, s.teacher_leader};
}

// One pulled sealed version: opened into `page`, set aside to wait, or refused.
void open_one(const KeyRing& keys, Version v, OpenedPage& page) {
  Id key_id;
  try {
    key_id = crypto::sealed_key_id(v);
  } catch (const std::exception& e) {
    page.refused.push_back("The hub sent version " + v.version.hex() + " with a sealed body that is damaged (" +
                           e.what() + "); it was not stored.");
    return;
  }
  auto key = keys.find(key_id);
  if (!key) {
    page.waiting.push_back(std::move(v));
    return;
  }
  auto opened = crypto::open_version(v, *key);
  if (!opened.plain) {
    page.refused.push_back(opened.refusal);
    return;
  }
  try {
    VersionLog::check(*opened.plain);  // what the page's check did for clear bodies
  } catch (const std::exception& e) {
    page.refused.push_back(e.what());
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

OpenedPage open_pulled(const KeyRing& keys, std::vector<Version> page) {
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
    OpenedPage page = open_pulled(store.keys(), std::move(ready));
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
