// The Settings screen's model. See settings_model.h for the guarantees.
#include "app/screens/settings/settings_model.h"
#include "app/screens/common/model_text.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>

#include "core/export_json.h"
#include "core/lesson/person_rename.h"
#include "core/sync/colleague_match.h"

namespace app {

const TextSizeOption kTextSizeOptions[4] = {{"Small", 0.9f}, {"Medium", 1.0f}, {"Large", 1.15f}, {"Extra large", 1.3f}};

SettingsModel::SettingsModel(core::Store& store, core::Id me, std::string data_dir,
                             std::function<std::int64_t()> now_ms)
    : store_(store), me_(me), data_dir_(std::move(data_dir)), now_ms_(std::move(now_ms)) {}

void SettingsModel::fail(std::string message) {
  message_ = std::move(message);
  message_error_ = true;
}

void SettingsModel::load() {
  message_.clear();
  message_error_ = false;
  try {
    if (auto p = store_.get(me_); p && std::holds_alternative<core::Person>(p->body)) {
      name_ = std::get<core::Person>(p->body).name;
      school_ = std::get<core::Person>(p->body).school;
    }
    // The same keys and formats as the shell (App::wanted_theme) and the first-run screen.
    if (auto s = store_.meta().get(core::MetaKey::TextSize)) text_size_ = std::strtof(s->c_str(), nullptr);
    if (!(text_size_ > 0.0f)) text_size_ = 1.0f;
    dark_ = store_.meta().get(core::MetaKey::Theme).value_or("light") == "dark";
    colleagues_only_here_ = static_cast<int>(core::sync::device_only_colleagues(store_, me_).size());
    keys_ = build_keys(store_, me_);
  } catch (const std::exception& e) {
    fail(std::string("Could not read the settings: ") + e.what());
  }
}

bool SettingsModel::apply(const SettingsAction& a) {
  switch (a.kind) {
    case SettingsAction::Kind::SaveName:
      return save_name(a.text);
    case SettingsAction::Kind::SetTextSize:
      return set_text_size(a.text_size);
    case SettingsAction::Kind::SetDark:
      return set_dark(a.dark);
    case SettingsAction::Kind::Export:
      return export_all();
    case SettingsAction::Kind::Connect:
      return false;  // not the model's: the screen hands it to the shell
    case SettingsAction::Kind::AcceptKey:
      return accept_key(a.person);
  }
  return false;
}

bool SettingsModel::save_name(const std::string& typed) {
  std::string name = trim(typed);
  if (me_.empty()) {
    fail("This device has no profile yet; finish the welcome screen first.");
    return false;
  }
  if (name.empty()) {
    fail("Type your name: colleagues see it on the observations you share.");
    return false;
  }
  if (name.size() > 120) {
    fail("That name is longer than 120 characters; use a shorter one.");
    return false;
  }
  if (name == name_) return true;
  try {
    core::rename_person(store_, me_, name, me_);  // keeps the school and the public key
  } catch (const std::exception& e) {
    fail(std::string("Could not save your name: ") + e.what());
    return false;
  }
  name_ = name;
  message_ = "Your name is now " + name + ".";
  message_error_ = false;
  return true;
}

bool SettingsModel::set_text_size(float size) {
  size = std::clamp(size, 0.85f, 1.4f);
  if (std::fabs(size - text_size_) < 0.005f) return false;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.2f", static_cast<double>(size));
  try {
    store_.meta().set(core::MetaKey::TextSize, buf);
  } catch (const std::exception& e) {
    fail(std::string("Could not save the text size: ") + e.what());
    return false;
  }
  text_size_ = size;
  return true;
}

bool SettingsModel::set_dark(bool dark) {
  if (dark == dark_) return false;
  try {
    store_.meta().set(core::MetaKey::Theme, dark ? "dark" : "light");
  } catch (const std::exception& e) {
    fail(std::string("Could not save the theme: ") + e.what());
    return false;
  }
  dark_ = dark;
  return true;
}

std::string SettingsModel::export_file_name(std::int64_t now_ms) {
  std::time_t t = static_cast<std::time_t>(now_ms / 1000);
  std::tm tm{};
  localtime_r(&t, &tm);
  char buf[64];
  std::snprintf(buf, sizeof buf, "peerobs-export-%04d-%02d-%02d.json", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
  return buf;
}

bool SettingsModel::export_all() {
  if (data_dir_.empty()) {
    fail("There is no data folder to export into.");
    return false;
  }
  std::string path = data_dir_ + "/" + export_file_name(now_ms_());
  try {
    core::export_json_file(store_, path);
  } catch (const std::exception& e) {
    fail(std::string("The export did not work: ") + e.what() + ". Nothing on this device was changed.");
    return false;
  }
  export_path_ = path;
  message_ = "Exported everything on this device to " + path;
  message_error_ = false;
  return true;
}

bool SettingsModel::accept_key(core::Id person) {
  std::string name = "this colleague";
  for (const auto& c : keys_.colleagues)
    if (c.person == person) name = c.name;
  KeyOutcome outcome = accept_new_key(store_, person, name);
  if (!outcome.done) {
    fail(outcome.message);
    return false;
  }
  keys_ = build_keys(store_, me_);
  message_ = outcome.message;
  message_error_ = false;
  return true;
}

}  // namespace app
