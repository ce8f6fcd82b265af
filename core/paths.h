// Where peerobs keeps its data and finds its assets, shared by the client, the CLI and tests.
// The data directory is --data DIR when given, else $PEEROBS_DATA, else
// $XDG_DATA_HOME/peerobs, else ~/.local/share/peerobs (the per-user data dir on Linux).
#pragma once
#include <string>

namespace core {

std::string default_data_dir();
// <data dir>/peerobs.sqlite: the one local store file.
std::string store_path_in(const std::string& data_dir);
// Creates the directory and its parents; throws std::runtime_error naming it if it cannot.
void ensure_directory(const std::string& dir);
// The assets directory: $PEEROBS_ASSETS, else ./assets next to the executable, else the build tree's.
std::string asset_dir();

}  // namespace core
