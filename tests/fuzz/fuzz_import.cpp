// `import` of a JSON export file (peerobs-cli import, the app's Settings): all or nothing, so a
// damaged file changes nothing and says where it is damaged; never a crash.
#include <filesystem>
#include <sstream>

#include "core/export_json.h"
#include "core/store.h"
#include "harness.h"
#include "seed_versions.h"

namespace {
core::Store& store() {
  static const std::string path =
      (std::filesystem::temp_directory_path() / ("peerobs-fuzz-import-" + core::Id::random().short_hex())).string();
  static core::Store s(path);
  static const bool cleanup = [] {
    std::atexit([] {
      for (const char* tail : {"", "-wal", "-shm"}) std::filesystem::remove(path + tail);
    });
    return true;
  }();
  (void)cleanup;
  return s;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    core::import_json_text(store(), std::string(reinterpret_cast<const char*>(data), size), "fuzz.json");
  } catch (const std::exception&) {
  }
  return 0;
}

std::vector<std::string> fuzz_seeds() {
  const auto path = std::filesystem::temp_directory_path() / ("peerobs-fuzz-export-" + core::Id::random().short_hex());
  std::string json;
  {
    core::Store s(path.string());
    for (const auto& v : fuzz::seed_versions()) s.apply_version(v);
    std::ostringstream out;
    core::export_json(s, out);
    json = out.str();
  }
  for (const char* tail : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + tail);
  return {json, "{}", "{\"format\":\"peerobs-export\",\"versions\":[]}"};
}
