// Real versions to seed the sync harnesses: one of each record type, saved through a Store the
// way a device saves them (ids, parents, hashes all real).
#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include "core/crypto/sealed_body.h"
#include "core/crypto/sealed_bundle.h"
#include "core/records.h"
#include "core/store.h"
#include "support/records_samples.h"

namespace fuzz {

inline std::vector<core::Version> seed_versions() {
  const auto path = std::filesystem::temp_directory_path() / ("peerobs-fuzz-seed-" + core::Id::random().short_hex());
  std::vector<core::Version> out;
  {
    core::Store store(path.string());
    const core::Id me = store.create(core::Person{"Seed Person", "Seed School"}, core::Id{}).record;
    for (const auto& body : testing_support::sample_bodies()) out.push_back(store.create(body, me));
    out.push_back(store.remove(out.back().record, me));  // a tombstone too
  }

  for (const char* tail : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + tail);
  return out;
}

// The seeds, then each version that travels sealed once more, sealed under a version id of its own
// (docs/encryption.md): the hub reads the clear routing fields and a device the key id of bytes
// anyone could send. For the harnesses that read versions off the wire, not a store's import.
inline std::vector<core::Version> seed_versions_with_sealed() {
  std::vector<core::Version> out = seed_versions();
  const core::crypto::ContentKey key = core::crypto::ContentKey::make();
  const std::size_t plain = out.size();
  for (std::size_t i = 0; i < plain; ++i) {
    if (out[i].tombstone || !core::crypto::travels_sealed(out[i].type)) continue;
    core::Version copy = out[i];
    copy.version = core::Id::random();
    out.push_back(core::crypto::seal_version(copy, key));
  }
  // And the ones a push seals together (crypto/sealed_bundle.h), as one bundle of fresh copies:
  // a head carrying the ciphertext, members naming it.
  std::vector<core::Version> members;
  for (std::size_t i = 0; i < plain; ++i) {
    if (!core::crypto::bundles(out[i]) || (!members.empty() && (out[i].author != members.front().author ||
                                                                out[i].observation != members.front().observation)))
      continue;
    core::Version copy = out[i];
    copy.version = core::Id::random();
    members.push_back(copy);
  }
  if (members.size() >= 2)
    for (auto& v : core::crypto::seal_bundle(members, key)) out.push_back(std::move(v));
  return out;
}

}  // namespace fuzz
