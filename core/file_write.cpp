// See file_write.h.
#include "core/file_write.h"

#include <cstdio>
#include <fstream>
#include <stdexcept>

namespace core {

void write_file_whole(const std::string& path, const std::string& bytes) {
  const std::string tmp = path + ".partial";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) throw std::runtime_error("Cannot write " + path + ": the folder does not exist or is not writable.");
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.flush();
    if (!out) {
      out.close();
      std::remove(tmp.c_str());
      throw std::runtime_error("Writing " + path + " failed (is the disk full?). Nothing was written.");
    }
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::remove(tmp.c_str());
    throw std::runtime_error("Cannot move the finished file into place at " + path + ".");
  }
}

}  // namespace core
