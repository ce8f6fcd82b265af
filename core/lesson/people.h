// Who is who on this device, in the words the screens use: every person's name by id, a name
// with the words a screen shows for someone not on this device (yet), and the observed teacher
// of a visit. Names come from the live Person records; nothing here writes.
#pragma once
#include <map>
#include <string>

#include "core/records.h"
#include "core/store.h"

namespace core {

// The name of every person on this device, by id.
std::map<core::Id, std::string> person_names(const core::Store& store);
// `names`' name for `person`, or `fallback` ("someone", "a co-observer") when it has none.
std::string name_or(const std::map<core::Id, std::string>& names, core::Id person, const std::string& fallback);
// The name of the plan's first observed teacher whose name is known; "" when none is.
std::string observed_teacher_name(const core::Observation& plan, const std::map<core::Id, std::string>& names);

}  // namespace core
