// What the crash trials (crash_trials.cpp, sync_crash_trials.cpp) check after a SIGKILL, shared
// so both programs judge a store the same way: SQLite's integrity_check, and the captures a
// killed writer acknowledged (one hex record id per line on a pipe, "ready" lines aside).
// Each failure is one sentence appended to `failures`; nothing here throws for a failed check.
#pragma once
#include <unistd.h>

#include <string>
#include <vector>

#include "core/sqlite.h"
#include "core/store.h"

namespace crash_checks {

// Every complete line of `text` (complete lines read earlier), then of `fd` until EOF, except
// "ready"; a last line cut by the kill has no newline and is not returned (never acknowledged).
inline std::vector<std::string> read_acknowledged(int fd, std::string text = "") {
  char buf[4096];
  for (ssize_t n; (n = read(fd, buf, sizeof buf)) > 0;) text.append(buf, static_cast<std::size_t>(n));
  std::vector<std::string> lines;
  for (std::size_t at = 0, nl; (nl = text.find('\n', at)) != std::string::npos; at = nl + 1)
    if (text.compare(at, nl - at, "ready") != 0) lines.push_back(text.substr(at, nl - at));
  return lines;
}

// PRAGMA integrity_check on the file at `path` (opened, not created); `what` names it.
inline void check_integrity(const std::string& path, const std::string& what, std::vector<std::string>& failures) {
  core::Db db(path, false);
  core::Stmt check(db, "PRAGMA integrity_check");
  const std::string verdict = check.step() ? check.col_text(0) : "(no answer)";
  if (verdict != "ok") failures.push_back("integrity_check of " + what + ": " + verdict);
}

// Every acknowledged capture is in `store` exactly once: one version of that record, live.
inline void check_acknowledged(const core::Store& store, const std::vector<std::string>& acked,
                               std::vector<std::string>& failures) {
  for (const std::string& hex : acked) {
    const auto id = core::Id::from_hex(hex);
    const auto versions = id ? store.versions_of(*id) : std::vector<core::Version>{};
    if (versions.size() != 1 || !store.get(*id))
      failures.push_back("acknowledged capture " + hex + ": " + std::to_string(versions.size()) +
                         " versions on the device after the kill (expected 1, live)");
  }
}

}  // namespace crash_checks
