// A rename that keeps the rest of the Person record. See person_rename.h.
#include "core/lesson/person_rename.h"

#include <stdexcept>

namespace core {

Version rename_person(Store& store, Id person, const std::string& name, Id author) {
  auto live = store.get(person);
  const auto* stored = live ? std::get_if<Person>(&live->body) : nullptr;
  if (!stored) throw std::runtime_error("No person " + person.short_hex() + " on this device to rename.");
  Person renamed = *stored;
  renamed.name = name;
  return store.update(person, renamed, author);
}

}  // namespace core
