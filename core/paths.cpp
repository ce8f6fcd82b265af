// Data and asset locations.
#include "core/paths.h"

#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <system_error>

namespace core {

namespace fs = std::filesystem;

std::string default_data_dir() {
  if (const char* d = std::getenv("PEEROBS_DATA"); d && *d) return d;
  if (const char* x = std::getenv("XDG_DATA_HOME"); x && *x) return std::string(x) + "/peerobs";
  if (const char* h = std::getenv("HOME"); h && *h) return std::string(h) + "/.local/share/peerobs";
  return "peerobs-data";
}

std::string store_path_in(const std::string& data_dir) { return (fs::path(data_dir) / "peerobs.sqlite").string(); }

void ensure_directory(const std::string& dir) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec || !fs::is_directory(dir))
    throw std::runtime_error("Cannot create the data directory " + dir + ": " +
                             (ec ? ec.message() : std::string("a file is in the way")));
}

std::string asset_dir() {
  if (const char* a = std::getenv("PEEROBS_ASSETS"); a && *a) return a;
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    for (fs::path dir = exe.parent_path(); !dir.empty() && dir != dir.root_path(); dir = dir.parent_path()) {
      if (fs::is_directory(dir / "assets" / "templates", ec)) return (dir / "assets").string();
    }
  }
  return PEEROBS_ASSET_DIR;
}

}  // namespace core
