// Names of the people on this device. See people.h.
#include "core/lesson/people.h"

namespace core {

std::map<core::Id, std::string> person_names(const core::Store& store) {
  std::map<core::Id, std::string> names;
  for (const auto& [id, h] : store.live(core::RecordType::Person)) names[id] = std::get<core::Person>(h.body).name;
  return names;
}

std::string name_or(const std::map<core::Id, std::string>& names, core::Id person, const std::string& fallback) {
  auto it = names.find(person);
  return it == names.end() ? fallback : it->second;
}

std::string observed_teacher_name(const core::Observation& plan, const std::map<core::Id, std::string>& names) {
  for (const auto& p : plan.participants)
    if (p.role == core::Role::ObservedTeacher)
      if (auto it = names.find(p.person); it != names.end()) return it->second;
  return "";
}

}  // namespace core
