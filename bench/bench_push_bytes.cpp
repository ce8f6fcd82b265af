// bench_push_bytes: what a real cycle's push weighs on the wire, in clear, sealed one by one and
// sealed in bundles (docs/encryption.md, "What sealing costs a sync"). The demo data of
// `peerobs-cli init --demo` (two cycles, three visits: notes, tallies, timers, seat marks, prompts,
// reflections, debrief notes and next steps, by three colleagues) packed as one push request, each
// author's versions as that author's device would send them.
// Usage: bench_push_bytes [DIR]   (a scratch directory, removed; default under /tmp)
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "core/demo_data.h"
#include "core/paths.h"
#include "core/serialization.h"
#include "core/store.h"
#include "core/sync/messages.h"
#include "core/sync/sealing.h"

namespace {
std::size_t bodies_of(const std::vector<core::Version>& vs) {
  std::size_t n = 0;
  for (const auto& v : vs) n += v.body.size();
  return n;
}

struct Packed {
  std::size_t bodies = 0, envelope = 0;
};

// Each author's versions as one push, as their device packs it; the sums over the authors.
Packed pack_by_author(core::KeyRing& keys, const std::map<core::Id, std::vector<core::Version>>& by_author,
                      const char* how) {
  Packed total;
  for (const auto& entry : by_author) {
    core::sync::PushRequest req;
    req.batch = core::Id::random();
    if (std::string(how) == "clear")
      req.versions = entry.second;
    else
      req.versions = core::sync::seal_for_push(
          keys, entry.second, std::string(how) == "bundles" ? core::sync::Bundles::Yes : core::sync::Bundles::No);
    total.bodies += bodies_of(req.versions);
    total.envelope += core::sync::pack(req).size();
  }
  return total;
}
}  // namespace

int main(int argc, char** argv) {
  namespace fs = std::filesystem;
  const fs::path dir =
      argc > 1 ? fs::path(argv[1]) : fs::temp_directory_path() / ("peerobs-bench-push-" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  {
    core::Store store(core::store_path_in(dir.string()));
    const core::Id me = store.create(core::Person{"Sam Okafor", ""}, core::Id{}).record;
    store.meta().set_local_person(me);
    core::seed_demo_data(store, me);
    std::map<core::Id, std::vector<core::Version>> by_author;
    std::size_t versions = 0;
    for (auto& v : store.all_versions()) {
      if (v.type == core::RecordType::Person) continue;  // the roster's, not the cycle's
      by_author[v.author].push_back(std::move(v));
      ++versions;
    }
    std::printf("demo data: %zu versions by %zu authors\n", versions, by_author.size());
    for (const char* how : {"clear", "alone", "bundles"}) {
      const Packed p = pack_by_author(store.keys(), by_author, how);
      std::printf("  %-8s bodies %6zu bytes   push envelopes %6zu bytes\n", how, p.bodies, p.envelope);
    }
  }
  fs::remove_all(dir);
  return 0;
}
