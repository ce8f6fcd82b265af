// See document.h.
#include "core/report/document.h"

namespace core::report {

bool page_size_from_name(const std::string& name, PageSize& out) {
  if (name == "a4" || name == "A4") {
    out = PageSize::A4;
    return true;
  }
  if (name == "letter" || name == "Letter") {
    out = PageSize::Letter;
    return true;
  }
  return false;
}

}  // namespace core::report
