#include "core/sync/sealing.h"

#include <map>
#include <optional>
#include <set>
#include <tuple>

#include "core/crypto/sealed_body.h"
#include "core/crypto/sealed_bundle.h"
#include "core/crypto/sealing_scope.h"
#include "core/serialization.h"

namespace core::sync {

namespace {
using ScopeOrder = std::tuple<int, Id, Id, Id>;
ScopeOrder seal_scope_order(const crypto::SealingScope& s) {
  return {static_cast<int>(s.kind), s.scope, s.coach, s.teacher_leader};
}

// One pulled version sealed alone: opened, set aside to wait, or refused.
std::optional<Version> open_alone(const HeldKeys& keys, Version v, OpenedPage& page) {
  Id key_id;
  try {
    key_id = crypto::sealed_key_id(v);
  } catch (const std::exception& e) {
    page.refused.push_back("The hub sent version " + v.version.hex() + " with a sealed body that is damaged (" +
                           e.what() + "); it was not stored.");
    return std::nullopt;
  }
  const crypto::ContentKey* key = keys.find(key_id);
  if (!key) {
    page.waiting.push_back(std::move(v));
    ++page.waiting_for_key;
    return std::nullopt;
  }
  // open_version makes VersionLog::check's checks of the plain version itself (a known type, a
  // body that decodes, its hash computed from it): they are not made twice.
  auto opened = crypto::open_version(v, *key);
  if (!opened.plain) {
    page.refused.push_back(opened.refusal);
    return std::nullopt;
  }
  ++page.opened;
  return std::move(opened.plain);
}

// One part of a bundle in a page: where it sits in the page, and what its clear bytes say.
struct PagedPart {
  std::size_t at;
  crypto::BundlePart part;
};

// Opens the bundle headed by `head`, whose parts in this page are `parts`, into their places in
// `ready`; or sets them all aside to wait (a part or the key is not here yet); or refuses them
// with one sentence.
void open_paged_bundle(const HeldKeys& keys, Id head, const std::vector<PagedPart>& parts, std::vector<Version>& page,
                       std::vector<std::optional<Version>>& ready, OpenedPage& out) {
  const PagedPart* head_part = nullptr;
  for (const PagedPart& p : parts)
    if (p.part.index == 0 && page[p.at].version == head) head_part = &p;
  auto wait_all = [&] {
    const bool for_key = keys.find(parts.front().part.key_id) == nullptr;
    for (const PagedPart& p : parts) out.waiting.push_back(std::move(page[p.at]));
    if (for_key) out.waiting_for_key += parts.size();
  };
  if (!head_part) return wait_all();
  const std::uint32_t count = head_part->part.count;
  std::vector<const PagedPart*> by_index(count, nullptr);
  for (const PagedPart& p : parts) {
    const bool taken = p.part.index < count && by_index[p.part.index] &&
                       page[by_index[p.part.index]->at].version != page[p.at].version;
    if (p.part.index >= count || taken) {
      out.refused.push_back("The hub sent version " + page[p.at].version.hex() + " as member " +
                            std::to_string(p.part.index) + " of the bundle headed by " + head.hex() +
                            ", which has no such place or another version in it; none of the bundle was stored.");
      return;
    }
    by_index[p.part.index] = &p;
  }
  for (const PagedPart* p : by_index)
    if (!p) return wait_all();
  const crypto::ContentKey* key = keys.find(head_part->part.key_id);
  if (!key) return wait_all();
  std::vector<Version> members;
  members.reserve(count);
  for (const PagedPart* p : by_index) members.push_back(page[p->at]);
  auto opened = crypto::open_bundle(members, *key);
  if (opened.plain.empty()) {
    out.refused.push_back(opened.refusal);
    return;
  }
  for (std::uint32_t i = 0; i < count; ++i) ready[by_index[i]->at] = std::move(opened.plain[i]);
  out.opened += count;
}

// The sentence for bundle parts whose bundle the hub's feed never brought whole.
std::string never_whole(const std::vector<Version>& parts) {
  std::string ids;
  for (std::size_t i = 0; i < parts.size() && i < 3; ++i) ids += (i ? ", " : "") + parts[i].version.short_hex();
  if (parts.size() > 3) ids += ", ...";
  return std::to_string(parts.size()) + (parts.size() == 1 ? " version" : " versions") + " (" + ids +
         ") came sealed together with others that the hub no longer holds as they were sealed (changed on " +
         "the hub?); " + (parts.size() == 1 ? "it was" : "they were") + " not stored. Tell your program lead.";
}
}  // namespace

std::vector<Version> seal_for_push(KeyRing& keys, const std::vector<Version>& plain, Bundles bundles) {
  std::map<ScopeOrder, crypto::ContentKey> current;  // a batch is mostly one scope: look it up once
  auto key_for = [&](const crypto::SealingScope& scope) -> const crypto::ContentKey& {
    auto found = current.find(seal_scope_order(scope));
    if (found == current.end()) {
      auto key = keys.current(scope);
      found = current.emplace(seal_scope_order(scope), key ? *key : keys.make(scope)).first;
    }
    return found->second;
  };
  // The open run of each key and author: positions in the batch, and its plain bytes past the first.
  struct Run {
    const crypto::ContentKey* key = nullptr;
    std::vector<std::size_t> at;
    std::size_t bytes = 0;
  };
  std::map<std::pair<ScopeOrder, Id>, Run> runs;
  std::vector<Version> out(plain.size());
  auto close = [&](Run& run) {
    if (run.at.size() == 1) out[run.at.front()] = crypto::seal_version(plain[run.at.front()], *run.key);
    if (run.at.size() > 1) {
      std::vector<Version> members;
      members.reserve(run.at.size());
      for (std::size_t at : run.at) members.push_back(plain[at]);
      auto sealed = crypto::seal_bundle(members, *run.key);
      for (std::size_t i = 0; i < run.at.size(); ++i) out[run.at[i]] = std::move(sealed[i]);
    }
    run.at.clear();
    run.bytes = 0;
  };
  for (std::size_t i = 0; i < plain.size(); ++i) {
    const Version& v = plain[i];
    if (v.tombstone || !crypto::travels_sealed(v.type)) {
      out[i] = v;
      continue;
    }
    const crypto::SealingScope scope = crypto::key_scope_of(v);
    const crypto::ContentKey& key = key_for(scope);
    if (bundles == Bundles::No || !crypto::bundles(v)) {
      out[i] = crypto::seal_version(v, key);
      continue;
    }
    Run& run = runs[{seal_scope_order(scope), v.author}];
    if (!run.at.empty() &&
        (run.at.size() == crypto::kMaxBundleMembers || run.bytes + v.body.size() > crypto::kMaxBundlePlainBytes))
      close(run);
    if (!run.at.empty()) run.bytes += v.body.size();
    run.key = &key;
    run.at.push_back(i);
  }
  for (auto& entry : runs) close(entry.second);
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
  std::vector<std::optional<Version>> ready(page.size());
  std::map<Id, std::vector<PagedPart>> bundles;  // by head
  for (std::size_t i = 0; i < page.size(); ++i) {
    Version& v = page[i];
    if (v.tombstone || !core::is_sealed_body(v.body)) {
      ready[i] = std::move(v);
      continue;
    }
    std::optional<crypto::BundlePart> part;
    try {
      part = crypto::bundle_part(v.body);
    } catch (const std::exception& e) {
      out.refused.push_back("The hub sent version " + v.version.hex() + " with a sealed body that is damaged (" +
                            e.what() + "); it was not stored.");
      continue;
    }
    if (!part) {
      ready[i] = open_alone(keys, std::move(v), out);
      continue;
    }
    bundles[part->index == 0 ? v.version : part->head].push_back({i, *part});
  }
  for (const auto& entry : bundles) open_paged_bundle(keys, entry.first, entry.second, page, ready, out);
  out.versions.reserve(page.size());
  for (auto& v : ready)
    if (v) out.versions.push_back(std::move(*v));
  return out;
}

OpenedWaiting open_waiting(Store& store, PulledToTheEnd pulled_to_the_end) {
  OpenedWaiting out;
  store.transaction([&] {
    std::vector<Version> ready = store.keys().openable();
    if (ready.empty()) return;
    std::vector<Id> ids;
    for (const Version& v : ready) ids.push_back(v.version);
    OpenedPage page = open_pulled(HeldKeys(store.keys()), std::move(ready));
    // Bundles still missing a part keep waiting for it, until the feed has nothing more to bring.
    std::set<Id> still_waiting;
    out.refused = std::move(page.refused);
    if (pulled_to_the_end == PulledToTheEnd::Yes) {
      if (!page.waiting.empty()) out.refused.push_back(never_whole(page.waiting));
    } else {
      for (const Version& v : page.waiting) still_waiting.insert(v.version);
    }
    for (const Version& v : page.versions) {
      try {
        store.apply_version(v);
        ++out.opened;
      } catch (const std::exception& e) {
        out.refused.push_back("Version " + v.version.hex() +
                              ", opened once its key arrived, was not stored: " + e.what());
      }
    }
    for (Id id : ids)
      if (!still_waiting.count(id)) store.keys().stop_waiting(id);
  });
  return out;
}

}  // namespace core::sync
