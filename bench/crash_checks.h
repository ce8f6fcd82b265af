// What the crash trials (crash_trials.cpp, sync_crash_trials.cpp) check after a SIGKILL, shared
// so both programs judge a store the same way: SQLite's integrity_check, and the captures a
// killed writer acknowledged (one hex record id per line on a pipe, "ready" lines aside).
// Each failure is one sentence appended to `failures`; nothing here throws for a failed check.
#pragma once
#include <unistd.h>

#include <functional>
#include <set>
#include <string>
#include <vector>

#include "core/serialization.h"
#include "core/sqlite.h"
#include "core/store.h"

namespace crash_checks {

// The ids of `a` that `b` lacks, short.
inline std::vector<std::string> missing_from(const std::set<core::Id>& a, const std::set<core::Id>& b) {
  std::vector<std::string> missing;
  for (const auto& id : a)
    if (!b.count(id)) missing.push_back(id.short_hex());
  return missing;
}

// The first three names, for a failure's sentence.
inline std::string first_few(const std::vector<std::string>& names) {
  std::string out;
  for (std::size_t i = 0; i < names.size() && i < 3; ++i) out += (i ? ", " : "") + names[i];
  return out + (names.size() > 3 ? ", ..." : "");
}

// A failure for each side of a difference between the versions `who` holds and those it should:
// "`who` lacks N of <of_what> (ids)" and "`who` has N versions <beyond_what> (ids)".
inline void check_same_versions(const std::set<core::Id>& expected, const std::set<core::Id>& held,
                                const std::string& who, const std::string& of_what, const std::string& beyond_what,
                                std::vector<std::string>& failures) {
  const auto missing = missing_from(expected, held), extra = missing_from(held, expected);
  if (!missing.empty())
    failures.push_back(who + " lacks " + std::to_string(missing.size()) + " of " + of_what + " (" + first_few(missing) +
                       ")");
  if (!extra.empty())
    failures.push_back(who + " has " + std::to_string(extra.size()) + " versions " + beyond_what + " (" +
                       first_few(extra) + ")");
}

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

// Every acknowledged capture reads on `store` as it was captured: the live body of the i-th
// acknowledged record is `captured(i)`, byte for byte (a device that stores what it could not
// open, or opens it into something else, is caught here). `who` names the store.
inline void check_captured_bodies(const core::Store& store, const std::vector<std::string>& acked,
                                  const std::function<core::RecordBody(std::size_t)>& captured, const std::string& who,
                                  std::vector<std::string>& failures) {
  std::size_t wrong = 0;
  std::string first;
  for (std::size_t i = 0; i < acked.size(); ++i) {
    const auto id = core::Id::from_hex(acked[i]);
    const auto head = id ? store.get(*id) : std::nullopt;
    if (head && head->version.body == core::encode_body(captured(i))) continue;
    if (wrong++ == 0) first = acked[i] + (head ? " (another body)" : " (absent)");
  }
  if (wrong != 0)
    failures.push_back(who + ": " + std::to_string(wrong) + " of " + std::to_string(acked.size()) +
                       " acknowledged captures do not read as captured, first " + first);
}

}  // namespace crash_checks
