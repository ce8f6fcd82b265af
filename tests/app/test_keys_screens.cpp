// The keys on screen, headless: Home offers a recovery phrase once this device holds a key pair,
// the phrase screen shows it while the frame keeps running, and "I have written it down" ends the
// offer; a device whose key is published elsewhere is asked for the phrase instead.
#include <catch2/catch.hpp>

#include <chrono>
#include <thread>

#include "app/screens/keys/recovery_phrase_screen.h"
#include "app/screens/keys/restore_key_screen.h"
#include "core/records.h"
#include "core/sync/key_grants.h"
#include "ui_harness.h"

namespace {
core::Id keys_first_run(test::UiHarness& h) {
  h.tap("##name");
  h.type("Sam Okafor");
  h.tap("Start");
  REQUIRE(h.app().route().screen == app::ScreenId::Home);
  return *h.store().meta().local_person();
}
void keys_reenter_home(test::UiHarness& h) {
  h.app().context().go_home = true;
  h.frames(3);
}
}  // namespace

TEST_CASE("keys screens: Home offers a recovery phrase, shown without holding up frames, until it is written down",
          "[app][keys][ui]") {
  test::UiHarness h(768, 1024);
  keys_first_run(h);
  CHECK_FALSE(h.has("Make my phrase"));  // no key pair on this device: nothing to keep
  core::sync::keep_key_pair(h.store(), core::crypto::PersonKeys::make());
  keys_reenter_home(h);
  REQUIRE(h.has("Make my phrase"));
  h.tap("Make my phrase");
  h.frames(2);
  REQUIRE(h.app().route().screen == app::ScreenId::RecoveryPhrase);
  auto* screen = static_cast<app::RecoveryPhraseScreen*>(h.app().screen(app::ScreenId::RecoveryPhrase));
  CHECK(screen->model().making());  // frames go on while Argon2id runs
  for (int i = 0; i < 1000 && !h.has("I have written it down"); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    h.frame();
  }
  REQUIRE(h.has("I have written it down"));
  CHECK(screen->model().groups().size() == 6);
  CHECK(h.store().live(core::RecordType::KeyBackup).size() == 1);
  h.tap("I have written it down");
  h.frames(2);
  CHECK(h.store().meta().get(core::MetaKey::RecoveryPhraseKept));
  CHECK(screen->model().groups().empty());  // shown once: gone from memory
  keys_reenter_home(h);
  CHECK_FALSE(h.has("Make my phrase"));
}

TEST_CASE("keys screens: a device whose key is on another device asks for the phrase on Home", "[app][keys][ui]") {
  test::UiHarness h(1280, 800);
  const core::Id me = keys_first_run(h);
  auto person = std::get<core::Person>(h.store().get(me)->body);
  person.public_key = core::crypto::PersonKeys::make().public_key_text();  // published by another device
  h.store().update(me, person, me);
  keys_reenter_home(h);
  CHECK_FALSE(h.has("Make my phrase"));
  REQUIRE(h.has("Type the phrase"));
  h.tap("Type the phrase");
  h.frames(2);
  CHECK(h.app().route().screen == app::ScreenId::RestoreKey);
  h.tap("##phrase");
  h.type("ABCD");
  h.tap("Open my key");
  for (int i = 0; i < 500 && !h.has("Open my key"); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    h.frame();
  }
  h.frames(2);
  CHECK(h.app().route().screen == app::ScreenId::RestoreKey);
  auto* screen = static_cast<app::RestoreKeyScreen*>(h.app().screen(app::ScreenId::RestoreKey));
  CHECK_FALSE(screen->model().restored());
  CHECK_FALSE(screen->model().message().empty());                   // the sentence saying what is wrong with it
  CHECK_FALSE(h.store().meta().get(core::MetaKey::PersonKeyPair));  // nothing changed
  CHECK_FALSE(h.app().context().sync_now);
}
