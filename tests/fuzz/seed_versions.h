// Real versions to seed the sync harnesses: one of each record type, saved through a Store the
// way a device saves them (ids, parents, hashes all real).
#pragma once
#include <filesystem>
#include <string>
#include <vector>

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

}  // namespace fuzz
