// Script fonts by file name, delivered without blocking the frame. Desktop (font_files_desktop.cpp):
// read on a thread from <assets>/fonts, else from where Debian's fonts-noto-core and
// fonts-noto-cjk install them. Browser (web/font_files_web.cpp): fetched from the hub's
// fonts/ folder the first time a script appears, kept by the service worker for offline use.
// Guarantees: a file is read or fetched at most once per run; the caller polls, never waits.
#pragma once
#include <memory>
#include <string>
#include <vector>

namespace platform {

struct FontFile {
  enum class State { Loading, Ready, Missing };
  State state = State::Loading;
  std::shared_ptr<const std::vector<unsigned char>> bytes;  // the whole file, once Ready
};

// The first call for a name starts loading it; later calls report how it stands.
FontFile font_file(const std::string& name);

}  // namespace platform
