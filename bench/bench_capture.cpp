// bench_capture: how long one durable capture takes (a note plus its outbox entry, committed
// with synchronous=FULL), as p50/p99 over 10,000 captures, and how long importing an export
// of 10,000 notes takes. Target: p99 <= 1 ms on the reference machine (close to one fsync).
// Usage: bench_capture [DIR]   (DIR defaults to a fresh directory under /tmp; use a real disk)
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <vector>

#include <unistd.h>

#include "core/export_json.h"
#include "core/store.h"

using Clock = std::chrono::steady_clock;

static double ms_since(Clock::time_point t) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}

int main(int argc, char** argv) {
  namespace fs = std::filesystem;
  fs::path dir =
      argc > 1 ? fs::path(argv[1]) : fs::temp_directory_path() / ("peerobs-bench-" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  constexpr int kCaptures = 10000;
  std::vector<double> latencies;
  latencies.reserve(kCaptures);
  {
    core::Store store((dir / "capture.sqlite").string());
    core::Id me = core::Id::random(), obs = core::Id::random();
    store.meta().set_local_person(me);
    for (int i = 0; i < kCaptures; ++i) {
      auto t = Clock::now();
      store.create(core::EvidenceNote{obs,
                                      i * 1000LL,
                                      "Student at table 3 asked why the chain rusted first",
                                      core::NoteKind::Noticing,
                                      {"Open questions"}},
                   me);
      latencies.push_back(ms_since(t));
    }
    std::sort(latencies.begin(), latencies.end());
    auto pct = [&](double p) { return latencies[static_cast<std::size_t>(p * (latencies.size() - 1))]; };
    std::printf("durable capture (note + outbox, synchronous=FULL), %d captures:\n", kCaptures);
    std::printf("  p50 %.3f ms   p90 %.3f ms   p99 %.3f ms   max %.3f ms\n", pct(0.5), pct(0.9), pct(0.99),
                latencies.back());
    auto t = Clock::now();
    core::export_json_file(store, (dir / "notes.json").string());
    std::printf("export of %d notes: %.0f ms (%.1f MB)\n", kCaptures, ms_since(t),
                static_cast<double>(fs::file_size(dir / "notes.json")) / 1e6);
  }
  {
    core::Store target((dir / "import.sqlite").string());
    auto t = Clock::now();
    auto summary = core::import_json_file(target, (dir / "notes.json").string());
    std::printf("import of %zu notes into an empty store: %.0f ms\n", summary.versions_added, ms_since(t));
    t = Clock::now();
    core::import_json_file(target, (dir / "notes.json").string());
    std::printf("re-import of the same file (no-op): %.0f ms\n", ms_since(t));
  }
  if (argc <= 1) fs::remove_all(dir);
  return 0;
}
