// Drafts: text typed in the client but not yet saved as a record, autosaved under a key the
// screen chooses. The only place that reads or writes the `drafts` table (schema 2). Drafts
// never leave this device.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/store/connection.h"

namespace core {

class Drafts {
 public:
  explicit Drafts(const Connection& connection) : c_(connection) {}

  void save(const std::string& key, const std::string& text);
  std::optional<std::string> get(const std::string& key) const;
  void clear(const std::string& key);
  std::vector<std::string> texts() const;  // every draft's text (the glyph feed reads them)

 private:
  const Connection& c_;
};

}  // namespace core
