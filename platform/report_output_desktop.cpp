// The desktop's report: a PDF (core/report/pdf, cairo + pango) written whole into the person's
// documents folder, under a name no older report has (report_files.h). See report_output.h.
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

#include "core/report/pdf/render_pdf.h"
#include "platform/report_files.h"
#include "platform/report_output.h"

namespace platform {

namespace {
std::string env(const char* name) {
  const char* v = std::getenv(name);
  return v ? v : "";
}

// $XDG_DOCUMENTS_DIR, else what xdg-user-dirs wrote in ~/.config/user-dirs.dirs (where desktops keep it).
std::string documents_dir(const std::string& home) {
  if (std::string d = env("XDG_DOCUMENTS_DIR"); !d.empty()) return d;
  std::string config = env("XDG_CONFIG_HOME");
  if (config.empty() && !home.empty()) config = home + "/.config";
  if (config.empty()) return {};
  std::ifstream in(config + "/user-dirs.dirs");
  if (!in) return {};
  std::ostringstream text;
  text << in.rdbuf();
  return documents_dir_from_user_dirs(text.str(), home);
}

bool is_directory(const std::string& path) {
  std::error_code ec;
  return std::filesystem::is_directory(path, ec);
}
}  // namespace

ReportOutcome offer_report(const core::report::Document& document, const std::string& file_stem,
                           core::report::PageSize size, const std::string& data_dir) {
  try {
    ReportFolderPlaces places;
    places.home = env("HOME");
    places.xdg_documents_dir = documents_dir(places.home);
    places.data_dir = data_dir;
    return save_report_file(choose_report_folder(places, is_directory), file_stem, ".pdf",
                            [&](const std::string& path) { core::report::write_pdf_file(document, size, path); });
  } catch (const std::exception& e) {  // reading the environment or the settings file
    return {false, std::string("The summary was not saved: ") + e.what(), ""};
  }
}

}  // namespace platform
