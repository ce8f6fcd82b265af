// Script fonts on the desktop: a thread per file reads it whole (the CJK collection is 20 MB:
// about 0.1-0.3 s, which must not hold a frame). See font_files.h.
#include <cstdio>
#include <filesystem>
#include <map>
#include <mutex>
#include <thread>

#include "core/paths.h"
#include "platform/font_files.h"

namespace platform {

namespace {
// Never destroyed: a reading thread may still finish while the process exits.
std::mutex& g_mutex = *new std::mutex;
std::map<std::string, FontFile>& g_files = *new std::map<std::string, FontFile>;

// The bundle's own copy first (an install that ships fonts beside the program), then Debian's.
std::string find_font(const std::string& name) {
  const std::string places[] = {core::asset_dir() + "/fonts/", "/usr/share/fonts/truetype/noto/",
                                "/usr/share/fonts/opentype/noto/"};
  std::error_code ec;
  for (const std::string& dir : places)
    if (std::filesystem::is_regular_file(dir + name, ec)) return dir + name;
  return {};
}

FontFile read_whole(const std::string& path) {
  FontFile f;
  f.state = FontFile::State::Missing;
  if (path.empty()) return f;
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  FILE* in = ec ? nullptr : std::fopen(path.c_str(), "rb");
  if (!in) return f;
  auto bytes = std::make_shared<std::vector<unsigned char>>(static_cast<std::size_t>(size));
  const bool complete = std::fread(bytes->data(), 1, bytes->size(), in) == bytes->size();
  std::fclose(in);
  if (!complete || bytes->empty()) return f;
  f.state = FontFile::State::Ready;
  f.bytes = std::move(bytes);
  return f;
}
}  // namespace

FontFile font_file(const std::string& name) {
  std::lock_guard<std::mutex> lock(g_mutex);
  auto it = g_files.find(name);
  if (it != g_files.end()) return it->second;
  g_files[name] = FontFile{};
  // Detached: it only reads a file and stores the result; the map outlives every caller.
  std::thread([name] {
    FontFile f = read_whole(find_font(name));
    std::lock_guard<std::mutex> done(g_mutex);
    g_files[name] = std::move(f);
  }).detach();
  return FontFile{};
}

}  // namespace platform
