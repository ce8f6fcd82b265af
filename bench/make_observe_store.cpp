// Writes the store bench/web measures Observe's frames with: the same one bench_observe_frame
// builds (1,000 observations; the last, planned, holds 2,000 captured items from two observers),
// with the first run done (a local person), as one SQLite file in rollback-journal mode, ready to
// be put into the browser's IndexedDB as /data/peerobs.sqlite (the web build's SQLite has no WAL:
// it takes a file marked WAL for "not a database").
// Usage: make_observe_store OUT_FILE   (OUT_FILE must not exist; its folder is created)
#include <cstdio>
#include <exception>
#include <filesystem>
#include <string>

#include "bench/observe_store.h"
#include "core/sqlite.h"
#include "core/store.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: make_observe_store OUT_FILE\n");
    return 2;
  }
  const std::filesystem::path out = argv[1];
  std::error_code ec;
  if (std::filesystem::exists(out, ec)) {
    std::fprintf(stderr, "make_observe_store: %s already exists; give a new file name.\n", out.c_str());
    return 2;
  }
  try {
    if (out.has_parent_path()) std::filesystem::create_directories(out.parent_path());
    {
      core::Store store(out.string());  // WAL, as on the desktop
      bench::seed_observe_store(store);
    }  // closed: checkpointed, the WAL removed
    core::Db db(out.string(), false);
    db.exec("PRAGMA journal_mode=DELETE");
  } catch (const std::exception& e) {
    std::fprintf(stderr, "make_observe_store: %s\n", e.what());
    return 1;
  }
  for (const char* suffix : {"-wal", "-shm"}) {
    if (std::filesystem::exists(out.string() + suffix, ec)) {
      std::fprintf(stderr, "make_observe_store: %s%s is still there after closing the store.\n", out.c_str(), suffix);
      return 1;
    }
  }
  std::printf("%s: 1,000 observations, 2,000 items in the planned one, %ju bytes\n", out.c_str(),
              static_cast<std::uintmax_t>(std::filesystem::file_size(out)));
  return 0;
}
