// Writing a whole file so that a reader never finds half of it: the bytes go to PATH.partial,
// are flushed, and the finished file is renamed over PATH. A full disk or a folder that does not
// exist leaves PATH as it was.
#pragma once
#include <string>

namespace core {

// Throws std::runtime_error with a sentence naming the path and what went wrong ("the folder
// does not exist or is not writable", "is the disk full?").
void write_file_whole(const std::string& path, const std::string& bytes);

}  // namespace core
