// SettingsModel against a real store, and the shell reading the same meta keys.
#include <catch2/catch.hpp>

#include <filesystem>

#include "app/screens/settings/settings_model.h"
#include "app/ui/theme.h"
#include "core/export_json.h"
#include "demo_store.h"

TEST_CASE("settings: a new name updates my Person record, an empty one is refused", "[app][settings]") {
  test::DemoStore s;
  app::SettingsModel m(s.store, s.me, s.dir.path(), s.clock());
  m.load();
  CHECK(m.name() == "Sam Okafor");
  REQUIRE(m.save_name("  Sam Okafor-Reyes "));
  CHECK(std::get<core::Person>(s.store.get(s.me)->body).name == "Sam Okafor-Reyes");
  CHECK(s.store.versions_of(s.me).size() == 2);
  CHECK_FALSE(m.save_name("   "));
  CHECK(m.message_is_error());
  CHECK(m.message().find("Type your name") == 0);
  CHECK(std::get<core::Person>(s.store.get(s.me)->body).name == "Sam Okafor-Reyes");
}

TEST_CASE("settings: text size and theme are stored where the shell reads them", "[app][settings]") {
  test::UiHarness h(1280, 800);
  core::Id me = h.store().create(core::Person{"Sam", ""}, core::Id{}).record;
  h.store().meta().set_local_person(me);
  app::SettingsModel m(h.store(), me, h.data_dir(), [] { return std::int64_t{0}; });
  m.load();
  CHECK_FALSE(m.dark());
  REQUIRE(m.set_text_size(1.3f));
  REQUIRE(m.set_dark(true));
  CHECK(h.store().meta().get(core::MetaKey::TextSize) == std::optional<std::string>("1.30"));
  CHECK(h.store().meta().get(core::MetaKey::Theme) == std::optional<std::string>("dark"));
  h.app().context().theme_changed = true;  // what the screen sets after a change
  REQUIRE(h.app().refresh_theme());
  CHECK(ui::theme_settings().dark);
  CHECK(ui::theme_settings().text_size == Approx(1.3f));
  CHECK_FALSE(m.set_dark(true));  // no change, nothing to rebuild
}

TEST_CASE("settings: export writes peerobs-export-DATE.json in the data folder and it imports back",
          "[app][settings]") {
  test::DemoStore s;
  app::SettingsModel m(s.store, s.me, s.dir.path(), s.clock());
  m.load();
  REQUIRE(m.export_all());
  const std::string name = app::SettingsModel::export_file_name(s.now);
  CHECK(name.rfind("peerobs-export-", 0) == 0);
  CHECK(name.size() == std::string("peerobs-export-2027-01-15.json").size());
  CHECK(m.export_path() == s.dir.path() + "/" + name);
  REQUIRE(std::filesystem::is_regular_file(m.export_path()));
  CHECK(m.message().find(m.export_path()) != std::string::npos);

  test::TempDir other;
  core::Store fresh(core::store_path_in(other.path()));
  auto summary = core::import_json_file(fresh, m.export_path());
  CHECK(summary.versions_added == s.store.all_versions().size());
}

TEST_CASE("settings: an export that cannot be written says so in plain words", "[app][settings]") {
  test::DemoStore s;
  app::SettingsModel m(s.store, s.me, s.dir.path() + "/no/such/folder", s.clock());
  m.load();
  CHECK_FALSE(m.export_all());
  CHECK(m.message_is_error());
  CHECK(m.message().find("The export did not work") == 0);
  CHECK(m.export_path().empty());
}
