// Roster CSV parsing. See roster_csv.h.
#include "server/roster_csv.h"

#include <stdexcept>

namespace server {

namespace {
std::string trim(const std::string& s) {
  std::size_t a = s.find_first_not_of(" \t\r");
  if (a == std::string::npos) return "";
  std::size_t b = s.find_last_not_of(" \t\r");
  return s.substr(a, b - a + 1);
}

// Splits one line into fields, honouring double quotes ("" inside quotes is one quote).
std::vector<std::string> split_fields(const std::string& line, int line_no) {
  std::vector<std::string> fields(1);
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        fields.back().push_back('"');
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        fields.back().push_back(c);
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      fields.emplace_back();
    } else {
      fields.back().push_back(c);
    }
  }
  if (quoted) throw std::runtime_error("line " + std::to_string(line_no) + ": a quote is opened but never closed");
  for (auto& f : fields) f = trim(f);
  return fields;
}
}  // namespace

std::vector<RosterRow> parse_roster_csv(const std::string& text) {
  std::vector<RosterRow> rows;
  std::size_t start = 0;
  int line_no = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(start, end - start);
    start = end + 1;
    ++line_no;
    if (trim(line).empty()) continue;
    auto f = split_fields(line, line_no);
    std::string where = "line " + std::to_string(line_no) + ": ";
    if (f.size() != 2)
      throw std::runtime_error(where + "expected 2 fields (name,email), found " + std::to_string(f.size()) + " in \"" +
                               trim(line).substr(0, 80) + "\"");
    if (rows.empty() && line_no <= 1 && f[0] == "name" && f[1] == "email") continue;  // header
    if (f[0].empty()) throw std::runtime_error(where + "the name is empty");
    if (f[0].size() > 200) throw std::runtime_error(where + "the name is longer than 200 characters");
    if (!f[1].empty() && (f[1].find('@') == std::string::npos || f[1].find(' ') != std::string::npos))
      throw std::runtime_error(where + "\"" + f[1].substr(0, 80) + "\" is not an email address");
    rows.push_back({f[0], f[1]});
  }
  if (rows.empty()) throw std::runtime_error("the roster has no people in it (expected lines of name,email)");
  return rows;
}

}  // namespace server
