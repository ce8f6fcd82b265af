// `peerobs-hub plaintext`: how much of what the hub stores is still readable by whoever holds its
// database (docs/encryption.md, Upgrading a hub that holds clear text). Counts and sizes per record
// type, clear and sealed; never a body, a name or an id.
#pragma once
#include <string>
#include <vector>

#include "server/hub_store.h"

namespace server {

struct PlaintextRow {
  core::RecordType type = core::RecordType::Person;
  std::int64_t clear_versions = 0;
  std::int64_t clear_bytes = 0;
  std::int64_t sealed_versions = 0;
  bool clear_by_design = false;  // people, key grants, key backups: the hub's to read (or wrapped already)
};

std::vector<PlaintextRow> hub_plaintext(HubStore& hub);

// The table as the admin reads it, then one sentence: how many versions of teachers' writing are
// still clear text on this hub.
std::string format_plaintext(const std::vector<PlaintextRow>& rows);

}  // namespace server
