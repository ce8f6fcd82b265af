// VersionLog::for_each_first_save: the hub's activity figures for visits whose bodies it cannot
// read (server/hub_activity.h), from save times and types, which every version carries in clear.
#include <string>

#include "core/store/version_log.h"

namespace core {

void VersionLog::for_each_first_save(
    const std::vector<RecordType>& types,
    const std::function<void(Id observation, RecordType type, std::int64_t saved_at_ms)>& on_first_save) const {
  if (types.empty()) return;
  std::string in;
  for (RecordType t : types) in += (in.empty() ? "" : ",") + std::to_string(static_cast<int>(t));
  // The types are our own enum's numbers, never input: they are written into the statement.
  // An Observation's own versions name no observation (observation_of): they count for the
  // record itself.
  const std::string obs = std::to_string(static_cast<int>(RecordType::Observation));
  const std::string sql = "SELECT CASE WHEN type = " + obs +
                          " THEN record_id ELSE observation END AS visit, type, min(saved_at) FROM versions"
                          " WHERE tombstone = 0 AND type IN (" +
                          in + ") GROUP BY visit, type";
  Stmt st(c_.db(), sql.c_str());  // keeps the pointer for its messages: `sql` outlives it
  while (st.step()) on_first_save(st.col_id(0), static_cast<RecordType>(st.col_int(1)), st.col_int(2));
}

}  // namespace core
