// Where the desktop keeps reports and what it names them, as pure functions over what the caller
// found (environment, folders, existing files), so the rules are tested without touching HOME;
// and save_report_file, the one step that touches the disk, with the writer passed in.
// Guarantees: a report never replaces an older one (a free name gets -2, -3, ...), and a file
// name never carries a folder separator or a control character, whatever the class is called.
#pragma once
#include <functional>
#include <string>

#include "platform/report_output.h"

namespace platform {

// What the desktop looks at to choose the reports' folder; "" = not set / not known.
struct ReportFolderPlaces {
  std::string xdg_documents_dir;  // $XDG_DOCUMENTS_DIR, else the one in ~/.config/user-dirs.dirs
  std::string home;               // $HOME
  std::string data_dir;           // the client's data folder (host.h default_data_dir)
};

// <documents>/peerobs when a documents folder exists ($XDG_DOCUMENTS_DIR, else ~/Documents),
// else <data dir>/reports. `is_directory` says whether a path is an existing folder.
std::string choose_report_folder(const ReportFolderPlaces& places,
                                 const std::function<bool(const std::string&)>& is_directory);

// The documents folder named in the text of an xdg user-dirs.dirs file (XDG_DOCUMENTS_DIR="$HOME/Documents"),
// with $HOME expanded; "" when the file does not name one.
std::string documents_dir_from_user_dirs(const std::string& user_dirs_text, const std::string& home);

// `stem` made safe as a file name: folder separators, control characters and characters Windows or
// a USB stick's FAT refuse (<>:"/\|?*) become '-'; leading dots and spaces go; "report" if nothing is left.
std::string safe_file_stem(const std::string& stem);

// folder/stem.ext, or folder/stem-2.ext, stem-3.ext, ... : the first for which `exists` is false.
// `extension` includes the dot (".pdf"). Throws std::runtime_error if 9,999 names are all taken.
std::string unused_file_name(const std::string& folder, const std::string& stem, const std::string& extension,
                             const std::function<bool(const std::string&)>& exists);

// Makes `folder` (and its parents), picks an unused name for stem + extension in it and calls
// `write(path)`, which writes the file whole or throws. Never throws: ok with "Saved as <path>",
// or ok=false with a sentence saying what failed (a folder that cannot be made, a full disk).
ReportOutcome save_report_file(const std::string& folder, const std::string& stem, const std::string& extension,
                               const std::function<void(const std::string& path)>& write);

}  // namespace platform
