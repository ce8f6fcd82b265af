// Export and import of a store as JSON (cereal's JSON archive over the record structs).
// Export writes every version this device holds, so history and tombstones survive a
// round trip. Import is all-or-nothing and idempotent: it validates the whole file first,
// then applies every version in one transaction; a version already stored is a no-op.
// Errors name the file, the position (line:column for syntax, versions[i] for content)
// and the field. The format is described in docs/export_format.md.
#pragma once
#include <iosfwd>
#include <string>

#include "core/store.h"

namespace core {

constexpr int kExportFormatVersion = 1;

struct ImportError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct ImportSummary {
  std::size_t versions_in_file = 0;
  std::size_t versions_added = 0;  // the rest were already stored
};

void export_json(const Store& store, std::ostream& out);
// Writes to `path` through a temporary file renamed into place, so a full disk never leaves
// half a file under the real name. Throws std::runtime_error naming the path.
void export_json_file(const Store& store, const std::string& path);
// Throws ImportError ("FILE: line 3, column 7: ..." / "FILE: versions[12].body: ...").
ImportSummary import_json_file(Store& store, const std::string& path);
ImportSummary import_json_text(Store& store, const std::string& text, const std::string& name);

}  // namespace core
