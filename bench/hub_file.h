// The hub's database as the crash trials check it: read directly, not through the hub's answers.
#pragma once
#include <sqlite3.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/records.h"
#include "core/sqlite.h"
#include "core/store/version_log.h"

namespace crash_checks {

// hub.sqlite read directly, in one read transaction beside the running hub (WAL), by the tables
// of core/migrations.cpp and server/hub_feed.cpp: what the hub holds, not what it answers.
class HubFile {
 public:
  explicit HubFile(const std::string& path) : db_(path, false) { db_.exec("BEGIN"); }
  ~HubFile() { sqlite3_exec(db_.raw(), "COMMIT", nullptr, nullptr, nullptr); }
  HubFile(const HubFile&) = delete;
  HubFile& operator=(const HubFile&) = delete;

  std::set<core::Id> versions() {
    std::set<core::Id> out;
    for (core::Stmt st(db_, "SELECT version_id FROM versions"); st.step();) out.insert(st.col_id(0));
    return out;
  }
  // Every version the hub stores, whole (its bodies as stored: sealed ones sealed), by id.
  std::map<core::Id, core::Version> stored_versions() {
    std::map<core::Id, core::Version> out;
    const std::string sql = std::string("SELECT ") + core::VersionLog::kColumns + " FROM versions";
    for (core::Stmt st(db_, sql.c_str()); st.step();) {
      core::Version v = core::VersionLog::read_row(st);
      out.emplace(v.version, std::move(v));
    }
    return out;
  }
  // The versions of `person`'s feed (theirs and everyone's rows) up to `cursor`.
  std::vector<core::Id> feed_up_to(core::Id person, std::int64_t cursor) {
    core::Stmt st(db_,
                  "SELECT v.version_id FROM hub_reader_feed f JOIN hub_readers r ON r.key = f.reader "
                  "JOIN versions v ON v.seq = f.version_seq WHERE r.person IN (?1, ?2) AND f.cursor <= ?3");
    st.bind_id(1, person).bind_id(2, core::Id{}).bind(3, cursor);
    std::vector<core::Id> out;
    while (st.step()) out.push_back(st.col_id(0));
    return out;
  }
  // Each record of the observation (and the observation itself) with its versions.
  std::map<core::Id, std::vector<core::Id>> observation_records(core::Id obs) {
    core::Stmt st(db_, "SELECT record_id, version_id FROM versions WHERE observation = ?1 OR record_id = ?1");
    st.bind_id(1, obs);
    std::map<core::Id, std::vector<core::Id>> out;
    while (st.step()) out[st.col_id(0)].push_back(st.col_id(1));
    return out;
  }

 private:
  core::Db db_;
};

// The files of the hub's data folder (its database, WAL, log) whose bytes contain `text`: where
// a clear text would be found by anyone who copies the folder.
inline std::vector<std::string> hub_files_containing(const std::string& data_dir, const std::string& text) {
  std::vector<std::string> out;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(data_dir)) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (bytes.find(text) != std::string::npos) out.push_back(entry.path().filename().string());
  }
  return out;
}

}  // namespace crash_checks
