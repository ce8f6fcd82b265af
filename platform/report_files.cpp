// See report_files.h. No file system access except in save_report_file: callers pass what they found.
#include "platform/report_files.h"

#include <exception>
#include <filesystem>
#include <sstream>
#include <stdexcept>
#include <system_error>

namespace platform {

namespace {
std::string join(const std::string& folder, const std::string& name) {
  if (folder.empty()) return name;
  return folder.back() == '/' ? folder + name : folder + "/" + name;
}
}  // namespace

std::string choose_report_folder(const ReportFolderPlaces& places,
                                 const std::function<bool(const std::string&)>& is_directory) {
  if (!places.xdg_documents_dir.empty() && is_directory(places.xdg_documents_dir))
    return join(places.xdg_documents_dir, "peerobs");
  if (!places.home.empty() && is_directory(join(places.home, "Documents")))
    return join(join(places.home, "Documents"), "peerobs");
  return join(places.data_dir.empty() ? std::string("peerobs-data") : places.data_dir, "reports");
}

std::string documents_dir_from_user_dirs(const std::string& user_dirs_text, const std::string& home) {
  std::istringstream in(user_dirs_text);
  std::string line;
  const std::string key = "XDG_DOCUMENTS_DIR=";
  std::string found;
  while (std::getline(in, line)) {
    const auto start = line.find_first_not_of(" \t");
    if (start == std::string::npos || line.compare(start, key.size(), key) != 0) continue;
    std::string value = line.substr(start + key.size());
    while (!value.empty() && (value.back() == ' ' || value.back() == '\t' || value.back() == '\r')) value.pop_back();
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') value = value.substr(1, value.size() - 2);
    if (value.rfind("$HOME", 0) == 0) {
      if (home.empty()) continue;
      value = home + value.substr(5);
    }
    // The format allows only "$HOME/..." or an absolute path; "$HOME/" alone means no such folder.
    if (value.empty() || value.front() != '/' || value == home + "/" || value == home) continue;
    found = value;  // the last assignment wins, as in a shell
  }
  return found;
}

std::string safe_file_stem(const std::string& stem) {
  std::string out;
  for (char c : stem) {
    const auto u = static_cast<unsigned char>(c);
    const bool refused = u < 0x20 || u == 0x7f || std::string("<>:\"/\\|?*").find(c) != std::string::npos;
    out += refused ? '-' : c;
  }
  const auto first = out.find_first_not_of(". ");
  out = first == std::string::npos ? std::string() : out.substr(first);
  while (!out.empty() && (out.back() == ' ' || out.back() == '.')) out.pop_back();
  return out.empty() ? "report" : out;
}

std::string unused_file_name(const std::string& folder, const std::string& stem, const std::string& extension,
                             const std::function<bool(const std::string&)>& exists) {
  const std::string first = join(folder, stem + extension);
  if (!exists(first)) return first;
  for (int n = 2; n < 10000; ++n) {
    const std::string candidate = join(folder, stem + "-" + std::to_string(n) + extension);
    if (!exists(candidate)) return candidate;
  }
  throw std::runtime_error("There are already 9,999 reports named " + stem + " in " + folder +
                           ". Move some of them elsewhere and try again.");
}

ReportOutcome save_report_file(const std::string& folder, const std::string& stem, const std::string& extension,
                               const std::function<void(const std::string& path)>& write) {
  namespace fs = std::filesystem;
  try {
    std::error_code ec;
    fs::create_directories(folder, ec);
    if (ec || !fs::is_directory(folder, ec))
      return {false,
              "The summary was not saved: the folder " + folder + " cannot be made (" +
                  (ec ? ec.message() : std::string("a file is in the way")) + ").",
              ""};
    // Only a name known to be free is free: one that cannot be checked (permissions) counts as
    // taken, since a "-2" is better than overwriting a report.
    const auto taken = [](const std::string& path) {
      std::error_code e;
      return fs::symlink_status(path, e).type() != fs::file_type::not_found;
    };
    const std::string path = unused_file_name(folder, safe_file_stem(stem), extension, taken);
    write(path);
    return {true, "Saved as " + path, path};
  } catch (const std::exception& e) {
    return {false, std::string("The summary was not saved: ") + e.what(), ""};
  }
}

}  // namespace platform
