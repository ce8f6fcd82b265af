// Clear text left on the hub. See hub_plaintext.h.
#include "server/hub_plaintext.h"

#include <cstdio>
#include <map>
#include <set>

#include "core/crypto/sealed_body.h"

namespace server {

std::vector<PlaintextRow> hub_plaintext(HubStore& hub) {
  std::map<core::RecordType, PlaintextRow> by_type;
  for (const auto& b : hub.store().versions().stored_bodies()) {
    PlaintextRow& row = by_type[b.type];
    row.type = b.type;
    row.clear_by_design = !core::crypto::travels_sealed(b.type);
    if (b.sealed) {
      row.sealed_versions += b.versions;
    } else {
      row.clear_versions += b.versions;
      row.clear_bytes += b.bytes;
    }
  }
  std::vector<PlaintextRow> out;
  for (const auto& [type, row] : by_type) out.push_back(row);
  return out;
}

std::int64_t clear_writing_without_device(HubStore& hub) {
  std::set<core::Id> with_device;
  for (const auto& d : hub.devices())
    if (d.revoked_at == 0) with_device.insert(d.person);
  std::int64_t out = 0;
  for (const auto& [author, versions] : hub.store().versions().clear_sealable_by_author())
    if (!with_device.count(author)) out += versions;
  return out;
}

namespace {
std::string plaintext_size(std::int64_t bytes) {
  char text[32];
  if (bytes < 1024)
    std::snprintf(text, sizeof text, "%lld B", static_cast<long long>(bytes));
  else if (bytes < 1024 * 1024)
    std::snprintf(text, sizeof text, "%.1f KiB", bytes / 1024.0);
  else
    std::snprintf(text, sizeof text, "%.1f MiB", bytes / (1024.0 * 1024.0));
  return text;
}
}  // namespace

std::string format_plaintext(const std::vector<PlaintextRow>& rows, std::int64_t without_device) {
  std::string out = "Bodies stored on this hub, by record type (no body is shown):\n";
  char line[160];
  std::snprintf(line, sizeof line, "%-15s %10s %12s %10s\n", "type", "clear", "clear size", "sealed");
  out += line;
  std::int64_t writing = 0, writing_bytes = 0;
  for (const auto& r : rows) {
    std::snprintf(line, sizeof line, "%-15s %10lld %12s %10lld%s\n", core::type_name(r.type),
                  static_cast<long long>(r.clear_versions), plaintext_size(r.clear_bytes).c_str(),
                  static_cast<long long>(r.sealed_versions), r.clear_by_design ? "  (clear by design)" : "");
    out += line;
    if (!r.clear_by_design) {
      writing += r.clear_versions;
      writing_bytes += r.clear_bytes;
    }
  }
  std::int64_t sealed_writing = 0;
  for (const auto& r : rows)
    if (!r.clear_by_design) sealed_writing += r.sealed_versions;
  if (writing == 0) {
    out += "No teacher's writing is stored in clear text here: whoever holds this database reads none of it.\n";
    if (sealed_writing > 0) out += "Backups made while it held clear text still hold it.\n";
  } else {
    out += std::to_string(writing) + (writing == 1 ? " version" : " versions") + " of teachers' writing (" +
           plaintext_size(writing_bytes) + (writing == 1 ? ") remains" : ") remain") +
           " clear text: whoever holds this database, its WAL or a backup can read them. "
           "People's names, published keys and key grants are clear by design (docs/encryption.md).\n";
    out +=
        "Each author's devices re-send their own versions sealed on their next syncs with sealing on, and this "
        "number falls as they do.";
    if (without_device > 0)
      out += " " + std::to_string(without_device) + " of them " + (without_device == 1 ? "was" : "were") +
             " written by people with no enrolled device: " + (without_device == 1 ? "it stays" : "they stay") +
             " clear until the author enrolls a device again.";
    out += "\n";
  }
  return out;
}

}  // namespace server
