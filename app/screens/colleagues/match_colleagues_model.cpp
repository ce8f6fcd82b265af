// The "Colleagues on this device" screen's model. See match_colleagues_model.h.
#include "app/screens/colleagues/match_colleagues_model.h"

#include <algorithm>

namespace app {

MatchColleaguesModel::MatchColleaguesModel(core::Store& store, core::Id me) : store_(store), me_(me) {}

void MatchColleaguesModel::load() {
  roster_ = core::sync::roster_people(store_, me_);
  unmatched_.clear();
  for (const auto& c : core::sync::device_only_colleagues(store_, me_))
    unmatched_.push_back({c.person, c.name, c.visits, core::sync::likely_matches(c.name, roster_)});
  push_waits_ = core::sync::push_waits_for_colleagues(store_);
}

bool MatchColleaguesModel::confirm(core::Id colleague, core::Id roster_person) {
  auto who = std::find_if(unmatched_.begin(), unmatched_.end(), [&](const auto& c) { return c.person == colleague; });
  auto whom = std::find_if(roster_.begin(), roster_.end(), [&](const auto& r) { return r.person == roster_person; });
  const std::string typed = who == unmatched_.end() ? std::string() : who->typed_name;
  const std::string listed = whom == roster_.end() ? std::string() : whom->name;
  try {
    core::sync::match_colleague(store_, me_, colleague, roster_person);
  } catch (const std::exception& e) {
    message_ = std::string("Not matched: ") + e.what();
    message_error_ = true;
    load();
    return false;
  }
  matched_.push_back({typed, listed});
  message_ = "Matched: " + typed + " is " + listed + ". Your visits with them reach them at the next sync.";
  message_error_ = false;
  load();
  return true;
}

bool MatchColleaguesModel::finish() {
  try {
    if (push_waits_) core::sync::set_push_waits_for_colleagues(store_, false);
  } catch (const std::exception& e) {
    message_ = std::string("Could not save your choice: ") + e.what();
    message_error_ = true;
    return false;
  }
  push_waits_ = false;
  return true;
}

std::vector<core::sync::RosterPerson> MatchColleaguesModel::search(const std::string& text) const {
  return core::sync::search_roster(text, roster_);
}

std::string MatchColleaguesModel::unmatched_note() const {
  if (unmatched_.empty()) return {};
  std::string names;
  for (std::size_t i = 0; i < unmatched_.size(); ++i) {
    if (i > 0) names += i + 1 == unmatched_.size() ? " and " : ", ";
    names += unmatched_[i].typed_name;
  }
  return "Still only on this device: " + names +
         ". They do not receive the visits you planned with them: those visits stay on this device for them "
         "until you match them with the roster (from Home, once your program lead has added them).";
}

}  // namespace app
