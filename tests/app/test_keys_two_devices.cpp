// The recovery phrase and a second device, end to end through a real hub with sealing on: Lena
// makes her phrase on her first device (off the UI thread) and says she wrote it down; her tablet
// asks for it, refuses a wrong one with a sentence, takes the right one typed loosely, and then
// reads the note her first device sealed. And Settings' keys: a colleague's changed key is marked
// (also beside his name in a visit on Home) until it is accepted.
#include <catch2/catch.hpp>

#include <cctype>
#include <chrono>
#include <thread>

#include "app/screens/first_run/first_run_screen.h"
#include "app/screens/home/home_model.h"
#include "app/screens/keys/keys_model.h"
#include "app/screens/keys/recovery_phrase_model.h"
#include "app/screens/keys/restore_key_model.h"
#include "app/screens/settings/settings_model.h"
#include "core/sync/key_grants.h"
#include "server/sync_fixture.h"

namespace {
struct KeysColleagues : testing_support::TwoColleagues {
  KeysColleagues() {
    lena.options.seal_bodies = true;
    chidi.options.seal_bodies = true;
    enroll();
  }
};

// Polls a model's background work the way the screen's tick does, for at most ten seconds.
template <class Model>
void keys_wait_for(Model& model, bool (Model::*busy)() const) {
  for (int i = 0; i < 1000 && (model.*busy)(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    model.poll();
  }
  model.poll();
}

std::string keys_joined(const app::RecoveryPhraseModel& m) {
  std::string out;
  for (auto g : m.groups()) out += std::string(g) + " ";
  return out;
}
}  // namespace

TEST_CASE("keys: a phrase made on the first device opens the second, which then reads what the first sealed",
          "[app][keys][recovery]") {
  KeysColleagues t;
  const core::Version note = t.lena.note(t.obs, "Four pupils explained their method to the table");
  t.lena.sync();  // her key pair made and published, the note sealed
  REQUIRE(app::build_keys(*t.lena.store, t.lena.me()).phrase_wanted);

  app::RecoveryPhraseModel made(*t.lena.store, t.lena.me());
  made.make();
  CHECK(made.making());  // the derivation runs off this thread
  keys_wait_for(made, &app::RecoveryPhraseModel::making);
  REQUIRE(made.shown());
  CHECK(made.problem().empty());
  REQUIRE(made.groups().size() == 6);
  for (auto g : made.groups()) CHECK(g.size() == 4);
  const std::string phrase = keys_joined(made);
  CHECK(app::build_keys(*t.lena.store, t.lena.me()).phrase_wanted);  // not yet written down
  REQUIRE(made.written_down());
  CHECK_FALSE(made.shown());
  CHECK_FALSE(app::build_keys(*t.lena.store, t.lena.me()).phrase_wanted);
  t.lena.sync();  // the backup reaches the hub

  testing_support::Device tablet;
  tablet.options.seal_bodies = true;
  tablet.enroll(t.hub.url(), t.hub.issue_code(t.lena_id));
  CHECK(tablet.sync().needs_recovery_phrase);
  CHECK_FALSE(tablet.sees(note.record));
  auto keys = app::build_keys(*tablet.store, tablet.me());
  CHECK(keys.phrase_needed);
  CHECK_FALSE(keys.phrase_wanted);
  CHECK(app::build_home(*tablet.store, tablet.me()).recovery_phrase_needed);

  app::RestoreKeyModel restore(*tablet.store, tablet.me());
  std::string wrong = phrase;
  wrong[0] = wrong[0] == 'A' ? 'B' : 'A';
  REQUIRE(restore.apply({wrong}));
  keys_wait_for(restore, &app::RestoreKeyModel::trying);
  CHECK_FALSE(restore.restored());
  CHECK_THAT(restore.message(), Catch::Contains("recovery phrase does not open"));
  CHECK(app::build_keys(*tablet.store, tablet.me()).phrase_needed);  // nothing changed

  std::string typed = phrase;  // as a person types it: lower case, dashes
  for (char& c : typed) c = c == ' ' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  REQUIRE(restore.apply({typed}));
  keys_wait_for(restore, &app::RestoreKeyModel::trying);
  CHECK(restore.restored());
  CHECK_FALSE(restore.message().empty());
  keys = app::build_keys(*tablet.store, tablet.me());
  CHECK_FALSE(keys.phrase_needed);
  CHECK_FALSE(keys.phrase_wanted);  // the phrase typed here counts as kept
  CHECK(keys.my_fingerprint == app::build_keys(*t.lena.store, t.lena.me()).my_fingerprint);

  tablet.sync();
  const auto head = tablet.store->get(note.record);
  REQUIRE(head);
  CHECK(std::get<core::EvidenceNote>(head->body).text == "Four pupils explained their method to the table");
}

TEST_CASE(
    "keys: a second device that went through its first run before enrolling asks for the phrase, and the "
    "person's key stays the same everywhere",
    "[app][keys][recovery]") {
  KeysColleagues t;
  const core::Version note = t.lena.note(t.obs, "The exit ticket asked for one example of a fraction");
  t.lena.sync();  // her key pair made and published
  app::RecoveryPhraseModel made(*t.lena.store, t.lena.me());
  made.make();
  keys_wait_for(made, &app::RecoveryPhraseModel::making);
  REQUIRE(made.shown());
  const std::string phrase = keys_joined(made);
  REQUIRE(made.written_down());
  t.lena.sync();  // the backup reaches the hub
  t.chidi.sync();
  const auto lena_key = [](const testing_support::Device& d, core::Id lena) {
    const auto head = d.store->get(lena);
    return head ? std::get<core::Person>(head->body).public_key : std::string();
  };
  const std::string first_key = lena_key(t.lena, t.lena.me());
  REQUIRE_FALSE(first_key.empty());
  REQUIRE(lena_key(t.chidi, t.lena.me()) == first_key);

  // Her tablet, as the app sets it up: the first run makes a person of its own, typed offline,
  // and enrolling re-keys it onto Lena's record on the hub.
  testing_support::Device tablet;
  tablet.options.seal_bodies = true;
  app::FirstRunForm form;
  form.name = "Lena Okoye";
  form.demo = false;
  REQUIRE(app::complete_first_run(*tablet.store, form).ok);
  tablet.enroll(t.hub.url(), t.hub.issue_code(t.lena_id));
  REQUIRE(tablet.me() == t.lena.me());
  CHECK(tablet.sync().needs_recovery_phrase);  // not a key pair of its own
  CHECK(app::build_keys(*tablet.store, tablet.me()).phrase_needed);
  CHECK(lena_key(tablet, tablet.me()) == first_key);
  CHECK(std::get<core::Person>(tablet.store->get(tablet.me())->body).name == "Lena Okoye");  // the name typed

  // Nobody sees her key change: not her first device, not her colleague.
  t.lena.sync();
  CHECK(lena_key(t.lena, t.lena.me()) == first_key);
  const auto chidi_run = t.chidi.sync();
  CHECK(chidi_run.changed_keys.empty());
  CHECK(lena_key(t.chidi, t.lena.me()) == first_key);

  app::RestoreKeyModel restore(*tablet.store, tablet.me());
  REQUIRE(restore.apply({phrase}));
  keys_wait_for(restore, &app::RestoreKeyModel::trying);
  REQUIRE(restore.restored());
  tablet.sync();
  const auto head = tablet.store->get(note.record);
  REQUIRE(head);
  CHECK(std::get<core::EvidenceNote>(head->body).text == "The exit ticket asked for one example of a fraction");
}

TEST_CASE("keys: a colleague's changed key is marked in Settings and on Home's visit until it is accepted",
          "[app][keys][fingerprints]") {
  KeysColleagues t;
  t.lena.sync();
  t.chidi.sync();
  t.lena.sync();  // Chidi's first key: trusted on first use
  const std::string lena_dir = t.lena.dir;
  app::SettingsModel settings(*t.lena.store, t.lena.me(), lena_dir, [] { return std::int64_t{0}; });
  settings.load();
  REQUIRE(settings.keys().colleagues.size() == 1);
  const app::ColleagueKey before = settings.keys().colleagues[0];
  CHECK(before.name == "Chidi");
  CHECK_FALSE(before.changed);
  CHECK(before.fingerprint.size() == 14);  // "K7QM 3XWD 9PTA"
  CHECK(before.fingerprint[4] == ' ');
  CHECK(settings.keys().my_fingerprint.size() == 14);

  core::sync::keep_key_pair(*t.chidi.store, core::crypto::PersonKeys::make());
  t.chidi.sync();  // his new key is published
  CHECK(t.lena.sync().changed_keys.size() == 1);
  settings.load();
  REQUIRE(settings.keys().colleagues.size() == 1);
  CHECK(settings.keys().colleagues[0].changed);
  CHECK(settings.keys().colleagues[0].fingerprint != before.fingerprint);
  const auto home = app::build_home(*t.lena.store, t.lena.me());
  REQUIRE(home.changed_keys.size() == 1);
  CHECK(home.changed_keys[0] == "Chidi");
  REQUIRE(home.observing.size() == 1);
  CHECK_THAT(home.observing[0].with, Catch::Contains("Chidi (coach, key changed)"));

  app::SettingsAction accept;
  accept.kind = app::SettingsAction::Kind::AcceptKey;
  accept.person = t.chidi.me();
  REQUIRE(settings.apply(accept));
  CHECK_FALSE(settings.keys().colleagues[0].changed);
  CHECK_THAT(settings.message(), Catch::Contains("Chidi"));
  CHECK(app::build_home(*t.lena.store, t.lena.me()).changed_keys.empty());
  CHECK(t.lena.sync().changed_keys.empty());
}
