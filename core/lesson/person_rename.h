// Renaming a person on this device: a new version of their Person record that changes the name
// and keeps everything else it holds (the school, the published public key), so a rename never
// unpublishes a key that colleagues' devices grant content keys to (docs/encryption.md).
#pragma once
#include <string>

#include "core/records.h"
#include "core/store.h"

namespace core {

// Saves `person` under `name`, authored by `author`, from the record's live body. Throws
// std::runtime_error when the store holds no live Person record with that id.
Version rename_person(Store& store, Id person, const std::string& name, Id author);

}  // namespace core
