// Edits made on two devices before either synced: the client shows both versions side by side and
// keeping one writes a version whose parents are both heads, losing nothing.
#include <catch2/catch.hpp>

#include <algorithm>

#include "app/screens/conflicts/conflicts_model.h"
#include "core/serialization.h"
#include "support/temp_dir.h"
#include "ui_harness.h"

using namespace core;

namespace {
// What another device of `author` would have saved from the same starting version: a sibling of
// the local edit, arriving through sync or import.
Version edit_elsewhere(const Version& base, const RecordBody& body, Id author, std::int64_t saved_at_ms) {
  Version v;
  v.version = Id::random();
  v.record = base.record;
  v.type = type_of(body);
  v.parents = {base.version};
  v.author = author;
  v.observation = observation_of(body);
  v.saved_at_ms = saved_at_ms;
  v.body = encode_body(body);
  v.body_hash = body_hash(v.type, false, v.body);
  return v;
}

Version delete_elsewhere(const Version& base, Id author) {
  Version v;
  v.version = Id::random();
  v.record = base.record;
  v.type = base.type;
  v.parents = {base.version};
  v.author = author;
  v.observation = base.observation;
  v.tombstone = true;
  v.body_hash = body_hash(v.type, true, v.body);
  return v;
}

struct TwoDeviceNote {
  Id me, colleague, observation, note;
  Version base, here, there;
};

// A note I wrote, then edited here and (offline) on my other device.
TwoDeviceNote conflicted_note(Store& store) {
  TwoDeviceNote t;
  t.me = store.create(Person{"Sam Okafor", ""}, Id{}).record;
  store.meta().set_local_person(t.me);
  t.colleague = store.create(Person{"Amira Haddad", ""}, Id{}).record;
  Observation o;
  o.class_name = "8B science";
  o.date = "2026-12-03";
  o.participants = {{t.colleague, Role::ObservedTeacher}, {t.me, Role::TeacherLeader}};
  t.observation = store.create(o, t.me).record;
  t.base = store.create(EvidenceNote{t.observation, 61000, "Ali answers", NoteKind::Noticing, {}}, t.me);
  t.note = t.base.record;
  t.here = store.update(t.note, EvidenceNote{t.observation, 61000, "Ali answers first", NoteKind::Noticing, {}}, t.me);
  t.there = edit_elsewhere(t.base,
                           EvidenceNote{t.observation, 61000, "Ali answers after a long pause", NoteKind::Noticing, {}},
                           t.me, t.here.saved_at_ms + 1000);
  REQUIRE(store.apply_version(t.there));
  REQUIRE(store.heads(t.note).size() == 2);
  return t;
}

const std::string& text_of(const app::ConflictVersionView& v) {
  auto it = std::find_if(v.lines.begin(), v.lines.end(), [](const app::SummaryLine& l) { return l.label == "Text"; });
  REQUIRE(it != v.lines.end());
  return it->value;
}
}  // namespace

TEST_CASE("conflicts: a note edited on two devices shows both versions, the differing line marked",
          "[app][conflicts]") {
  testing_support::TempDir dir;
  Store store(dir.file("s.sqlite"));
  auto t = conflicted_note(store);
  app::ConflictsModel m(store, t.me);
  m.load();
  REQUIRE(m.conflicts().size() == 1);
  const auto& c = m.conflicts().front();
  CHECK(c.kind == "Evidence note");
  CHECK(c.where == "8B science \xC2\xB7 2026-12-03");
  REQUIRE(c.versions.size() == 2);
  std::vector<std::string> texts{text_of(c.versions[0]), text_of(c.versions[1])};
  CHECK(std::count(texts.begin(), texts.end(), "Ali answers first") == 1);
  CHECK(std::count(texts.begin(), texts.end(), "Ali answers after a long pause") == 1);
  for (const auto& v : c.versions) {
    CHECK(v.who == "You");
    REQUIRE(v.differs.size() == v.lines.size());
    for (std::size_t i = 0; i < v.lines.size(); ++i) CHECK(v.differs[i] == (v.lines[i].label == "Text"));
  }
}

TEST_CASE("conflicts: keeping one version resolves the conflict and loses no version", "[app][conflicts]") {
  testing_support::TempDir dir;
  Store store(dir.file("s.sqlite"));
  auto t = conflicted_note(store);
  const auto outbox_before = store.outbox().size();
  app::ConflictsModel m(store, t.me);
  m.load();
  REQUIRE(m.keep(t.note, t.there.version));
  CHECK_FALSE(m.message_is_error());
  CHECK(m.conflicts().empty());

  auto heads = store.heads(t.note);
  REQUIRE(heads.size() == 1);
  const Version& resolved = heads.front().version;
  CHECK(std::get<EvidenceNote>(heads.front().body).text == "Ali answers after a long pause");
  CHECK(resolved.author == t.me);
  std::vector<Id> parents = resolved.parents;
  std::sort(parents.begin(), parents.end());
  std::vector<Id> both{t.here.version, t.there.version};
  std::sort(both.begin(), both.end());
  CHECK(parents == both);                        // settles the conflict on every device that holds either head
  CHECK(store.versions_of(t.note).size() == 4);  // base, both edits, the choice: none dropped
  CHECK(store.outbox().size() == outbox_before + 1);
  CHECK(store.conflicted_records().empty());
}

TEST_CASE("conflicts: an edit that arrives while the person looks is never settled unseen", "[app][conflicts]") {
  testing_support::TempDir dir;
  Store store(dir.file("s.sqlite"));
  auto t = conflicted_note(store);
  app::ConflictsModel m(store, t.me);
  m.load();
  // A third device's edit is pulled before the tap.
  REQUIRE(store.apply_version(
      edit_elsewhere(t.base, EvidenceNote{t.observation, 61000, "Ali, then Bea", NoteKind::Quote, {}}, t.me, 5)));
  const auto versions_before = store.versions_of(t.note).size();
  CHECK_FALSE(m.keep(t.note, t.here.version));
  CHECK(m.message_is_error());
  CHECK_THAT(m.message(), Catch::Contains("changed again"));
  CHECK(store.versions_of(t.note).size() == versions_before);  // nothing written
  CHECK(store.heads(t.note).size() == 3);
  REQUIRE(m.conflicts().size() == 1);
  CHECK(m.conflicts().front().versions.size() == 3);  // reloaded: the new edit is shown
}

TEST_CASE("conflicts: keeping a delete removes the item, keeping the edit brings it back", "[app][conflicts]") {
  testing_support::TempDir dir;
  Store store(dir.file("s.sqlite"));
  auto t = conflicted_note(store);
  // Instead of editing, the other device deleted the note: a delete is a version too.
  auto removed = delete_elsewhere(t.base, t.me);
  REQUIRE(store.apply_version(removed));
  app::ConflictsModel m(store, t.me);
  m.load();
  REQUIRE(m.conflicts().size() == 1);
  const auto& versions = m.conflicts().front().versions;
  REQUIRE(versions.size() == 3);
  auto del =
      std::find_if(versions.begin(), versions.end(), [](const app::ConflictVersionView& v) { return v.deleted; });
  REQUIRE(del != versions.end());
  CHECK(del->lines.empty());

  SECTION("keep the delete") {
    REQUIRE(m.keep(t.note, removed.version));
    CHECK_FALSE(store.get(t.note).has_value());
    REQUIRE(store.heads(t.note).size() == 1);
    CHECK(store.heads(t.note).front().version.tombstone);
  }
  SECTION("keep an edit") {
    REQUIRE(m.keep(t.note, t.here.version));
    REQUIRE(store.get(t.note).has_value());
    CHECK(std::get<EvidenceNote>(store.get(t.note)->body).text == "Ali answers first");
  }
}

TEST_CASE("conflicts: only conflicts with a version of mine are mine to settle", "[app][conflicts]") {
  testing_support::TempDir dir;
  Store store(dir.file("s.sqlite"));
  auto t = conflicted_note(store);
  // Amira's reflection, edited on her two devices: she chooses, not me.
  auto base = store.create(Reflection{t.observation, Id::random(), "Quiet start"}, t.colleague);
  REQUIRE(store.apply_version(
      edit_elsewhere(base, Reflection{t.observation, base.record, "A quiet start"}, t.colleague, 1)));
  REQUIRE(
      store.apply_version(edit_elsewhere(base, Reflection{t.observation, base.record, "Too quiet"}, t.colleague, 2)));
  REQUIRE(store.conflicted_records().size() == 2);
  app::ConflictsModel m(store, t.me);
  m.load();
  CHECK(m.conflicts().size() == 1);
  CHECK(m.others() == 1);
  CHECK_FALSE(m.keep(base.record, base.version));
  CHECK(store.heads(base.record).size() == 2);
}

TEST_CASE("conflicts: from Home's sync card to a kept version, with a finger", "[app][conflicts][ui]") {
  test::UiHarness h(768, 1024);
  h.tap("##name");
  h.type("Sam Okafor");
  h.tap("Start");
  const Id me = *h.store().meta().local_person();
  Observation o;
  o.class_name = "7A maths";
  o.participants = {{me, Role::TeacherLeader}};
  Id obs = h.store().create(o, me).record;
  auto base = h.store().create(DebriefNote{obs, "Try mini whiteboards"}, me);
  auto here = h.store().update(base.record, DebriefNote{obs, "Try mini whiteboards on Monday"}, me);
  auto there = edit_elsewhere(base, DebriefNote{obs, "Try mini whiteboards in every lesson"}, me, here.saved_at_ms + 1);
  REQUIRE(h.store().apply_version(there));
  // The sync worker counts conflicts off the frame and reports them, as HubLink passes them on.
  app::SyncState reported;
  reported.conflicts = 1;
  h.app().set_sync(reported, true);
  h.frames(3);
  REQUIRE(h.has("Choose between versions"));
  h.tap("Choose between versions");
  h.frames(2);
  REQUIRE(h.app().route().screen == app::ScreenId::Conflicts);
  REQUIRE(h.has("Keep this version##0.0"));
  REQUIRE(h.has("Keep this version##0.1"));
  // Portrait 768 px still fits two readable columns: the versions side by side, buttons on one row.
  CHECK(h.center_of("Keep this version##0.1").x > h.center_of("Keep this version##0.0").x);
  CHECK(h.center_of("Keep this version##0.1").y == h.center_of("Keep this version##0.0").y);
  // Versions are listed mine first, then by save time: the other device's edit is second.
  h.tap("Keep this version##0.1");
  h.frames(2);
  auto heads = h.store().heads(base.record);
  REQUIRE(heads.size() == 1);
  CHECK(std::get<DebriefNote>(heads.front().body).text == "Try mini whiteboards in every lesson");
  CHECK_FALSE(h.has("Keep this version##0.0"));
}
