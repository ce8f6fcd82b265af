// Reading a roster CSV ("name,email" per line) for `peerobs-hub import-roster`.
// Accepts an optional header line, blank lines, CRLF endings and double-quoted fields
// ("Smith, Ana"); refuses anything else with a message naming the line.
#pragma once
#include <string>
#include <vector>

namespace server {

struct RosterRow {
  std::string name;
  std::string email;  // may be empty
};

// Throws std::runtime_error("line N: ...") for the first bad row.
std::vector<RosterRow> parse_roster_csv(const std::string& text);

}  // namespace server
