// Script fonts in the browser: fetched from the hub's fonts/ folder (copied there from Debian's
// Noto packages at build time, never in the first download) when a script first appears, with
// emscripten's asynchronous request, so the page's thread never waits. sw.js keeps each file in
// a cache of its own, so a script seen once is there offline. See font_files.h.
#include <emscripten/emscripten.h>

#include <cstring>
#include <map>

#include "platform/font_files.h"

namespace platform {

namespace {
std::map<std::string, FontFile>& files() {
  static std::map<std::string, FontFile> f;
  return f;
}

// `arg` is a heap copy of the name, freed here.
void arrived(void* arg, void* data, int size) {
  auto* name = static_cast<std::string*>(arg);
  FontFile& f = files()[*name];
  if (size > 0) {
    const auto* bytes = static_cast<const unsigned char*>(data);
    f.bytes = std::make_shared<std::vector<unsigned char>>(bytes, bytes + size);
    f.state = FontFile::State::Ready;
  } else {
    f.state = FontFile::State::Missing;
  }
  delete name;
}

void failed(void* arg) {
  auto* name = static_cast<std::string*>(arg);
  files()[*name].state = FontFile::State::Missing;
  delete name;
}
}  // namespace

FontFile font_file(const std::string& name) {
  auto it = files().find(name);
  if (it != files().end()) return it->second;
  files()[name] = FontFile{};
  // Relative to the page: the hub that served the app serves its fonts.
  const std::string url = "fonts/" + name;
  emscripten_async_wget_data(url.c_str(), new std::string(name), arrived, failed);
  return FontFile{};
}

}  // namespace platform
