// The Settings screen's state and actions, plain C++: the profile (my Person record's name), the
// text size and light/dark theme (the store's meta keys "text_size" and "theme" that the shell
// reads when it builds fonts and colours), the data location, and an export of everything this
// device holds to a JSON file in the data folder, and the keys of end-to-end encryption (my
// fingerprint, each colleague's, and accepting a colleague's changed key: keys_model.h).
// Guarantees: each change is durable before the view shows it; a bad name is refused with a
// reason; the export goes through core::export_json_file (temporary file renamed into place) and
// its path or failure is reported in plain words.
#pragma once
#include <cstdint>
#include <functional>
#include <string>

#include "app/screens/keys/keys_model.h"
#include "core/store.h"

namespace app {

struct TextSizeOption {
  const char* label;
  float value;  // factor for ui::ThemeSettings::text_size
};
// The same choices as the first-run screen offers.
extern const TextSizeOption kTextSizeOptions[4];

// What a tap on Settings asks for. Connect is the shell's (HubLink runs the enrollment), the
// rest the model's.
struct SettingsAction {
  enum class Kind { SaveName, SetTextSize, SetDark, Export, Connect, AcceptKey };
  Kind kind = Kind::SaveName;
  std::string text;        // SaveName: the name as typed; Connect: the hub's address
  float text_size = 1.0f;  // SetTextSize: one of kTextSizeOptions
  bool dark = false;       // SetDark
  std::string code;        // Connect: the one-time enrollment code
  core::Id person;         // AcceptKey: the colleague whose new key is accepted
};

class SettingsModel {
 public:
  SettingsModel(core::Store& store, core::Id me, std::string data_dir, std::function<std::int64_t()> now_ms);

  void load();
  // Applies one action; true when it changed something (a name saved, the look changed, a file
  // written), false when nothing changed or it failed (message() says why).
  bool apply(const SettingsAction& action);
  bool save_name(const std::string& name);
  // Writes the meta key; true when the look changed (the caller sets ctx.theme_changed).
  bool set_text_size(float size);
  bool set_dark(bool dark);
  // Exports to <data dir>/peerobs-export-YYYY-MM-DD.json (local date of now_ms).
  bool export_all();
  // Trusts the colleague's key as now published; the keys are read again.
  bool accept_key(core::Id person);

  const std::string& name() const { return name_; }
  float text_size() const { return text_size_; }
  bool dark() const { return dark_; }
  const std::string& data_dir() const { return data_dir_; }
  const std::string& store_path() const { return store_.path(); }
  const std::string& export_path() const { return export_path_; }  // the last successful export
  // Colleagues typed into plans who are only on this device (core/sync/colleague_match.h).
  int colleagues_only_here() const { return colleagues_only_here_; }
  const KeysView& keys() const { return keys_; }
  const std::string& message() const { return message_; }  // last result, plain words
  bool message_is_error() const { return message_error_; }
  static std::string export_file_name(std::int64_t now_ms);

 private:
  void fail(std::string message);

  core::Store& store_;
  core::Id me_;
  std::string data_dir_;
  std::function<std::int64_t()> now_ms_;
  std::string name_;
  std::string school_;
  float text_size_ = 1.0f;
  bool dark_ = false;
  std::string export_path_;
  int colleagues_only_here_ = 0;
  KeysView keys_;
  std::string message_;
  bool message_error_ = false;
};

}  // namespace app
