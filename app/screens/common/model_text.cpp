// See model_text.h.
#include "app/screens/common/model_text.h"

namespace app {

std::string trim(const std::string& s) {
  std::size_t b = s.find_first_not_of(" \t\r\n"), e = s.find_last_not_of(" \t\r\n");
  return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

std::string visit_title(const core::Observation& plan) {
  std::string t = plan.class_name.empty() ? std::string("Observation") : plan.class_name;
  if (!plan.date.empty()) t += " \xC2\xB7 " + plan.date;
  return t;
}

std::string as_quote(const std::string& text) {
  if (text.find('"') != std::string::npos || text.find("\xE2\x80\x9C") != std::string::npos) return text;
  return "\xE2\x80\x9C" + text + "\xE2\x80\x9D";
}

}  // namespace app
