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

// Of the clear versions of teachers' writing, those whose author has no enrolled, unrevoked device:
// nothing will re-seal them until that person enrolls a device again.
std::int64_t clear_writing_without_device(HubStore& hub);

// The table as the admin reads it, then what remains: how many versions of teachers' writing are
// still clear text on this hub, that their authors' devices re-seal them as they sync, and how
// many of them (`without_device`) wait for an author who has no device.
std::string format_plaintext(const std::vector<PlaintextRow>& rows, std::int64_t without_device = 0);

}  // namespace server
