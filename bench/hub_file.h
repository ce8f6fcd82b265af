// The hub's database as the crash trials check it: read directly, not through the hub's answers.
#pragma once
#include <sqlite3.h>

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/records.h"
#include "core/sqlite.h"

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

}  // namespace crash_checks
