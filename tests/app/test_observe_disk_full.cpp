// Observing when the device's storage fills up: on a real size-limited file system (a small
// tmpfs, support/small_disk.h), notes and taps are saved the way the Observe screen saves them
// until one does not fit. The one that did not fit is named in plain words and stays in the
// composer, everything acknowledged before is on disk and intact, and once space is freed the
// same save goes through.
#include <catch2/catch.hpp>

#include <set>

#include "app/screens/common/storage_full.h"
#include "app/screens/observe/observe_model.h"
#include "core/paths.h"
#include "core/sqlite.h"
#include "support/small_disk.h"

namespace {
using Kind = app::ObserveAction::Kind;

app::ObserveAction full_disk_act(Kind kind, std::string text = "") {
  app::ObserveAction a;
  a.kind = kind;
  if (kind == Kind::TapCounter)
    a.key = std::move(text);
  else
    a.text = std::move(text);
  return a;
}

// What a second connection finds in the file: its integrity check and every note's text, each
// note with exactly one version (none twice).
struct OnDisk {
  std::string integrity;
  std::multiset<std::string> notes;
  std::size_t taps = 0;
  bool one_version_each = true;
};
OnDisk read_on_disk(const std::string& path, core::Id obs) {
  OnDisk d;
  {
    core::Db db(path, false);
    core::Stmt st(db, "PRAGMA integrity_check");
    if (st.step()) d.integrity = st.col_text(0);
  }
  core::Store store(path);
  for (auto& [record, head] : store.live(core::RecordType::EvidenceNote, obs)) {
    d.notes.insert(std::get<core::EvidenceNote>(head.body).text);
    if (store.versions_of(record).size() != 1) d.one_version_each = false;
  }
  d.taps = store.live(core::RecordType::Tally, obs).size();
  return d;
}
}  // namespace

TEST_CASE(
    "observe on a full disk: the note that did not fit is named, stays in the composer, and saves once "
    "space returns",
    "[app][observe][disk_full]") {
  testing_support::SmallDisk disk(1 << 20);
  if (!disk.available()) {
    WARN("Skipped: no size-limited file system can be made on this machine: " + disk.why_not());
    return;
  }
  std::string path = core::store_path_in(disk.path());
  std::int64_t now = 1'000'000;
  std::multiset<std::string> acknowledged;  // notes whose save returned true: the screen said "saved"
  std::size_t taps = 0;
  core::Id obs;
  {
    core::Store store(path);
    core::Id me = store.create(core::Person{"Sam", ""}, core::Id{}).record;
    store.meta().set_local_person(me);
    core::Observation o;
    o.participants = {{me, core::Role::TeacherLeader}};
    o.tools.counters = {{"open-q", "Open questions"}};
    obs = store.create(o, me).record;
    app::ObserveModel m(store, me, [&] { return now; });
    REQUIRE(m.load(obs));
    for (int i = 0; i < 5; ++i) {
      std::string text = "Before the disk filled, note " + std::to_string(i);
      REQUIRE(m.apply(full_disk_act(Kind::EditDraft, text)));
      REQUIRE(m.apply(full_disk_act(Kind::SaveNote)));
      acknowledged.insert(text);
    }
    REQUIRE(m.apply(full_disk_act(Kind::TapCounter, "open-q")));
    ++taps;

    REQUIRE(disk.fill() > 0);
    // Save until one does not fit: a WAL page with room left may take a save or two first.
    std::string unsaved;
    for (int i = 0; i < 5000 && unsaved.empty(); ++i) {
      std::string text =
          "Third row, Amira explains her working to her partner " + std::to_string(i) + std::string(200, '.');
      now += 1000;
      REQUIRE(m.apply(full_disk_act(Kind::EditDraft, text)));
      if (m.apply(full_disk_act(Kind::SaveNote)))
        acknowledged.insert(text);
      else
        unsaved = text;
    }
    REQUIRE_FALSE(unsaved.empty());  // the disk really filled up
    CHECK(m.error() == app::storage_full_sentence("this note"));
    CHECK_THAT(m.error(), Catch::StartsWith("The device's storage is full: this note was not saved."));
    // The composer still holds the note, and the timeline shows only what was saved.
    CHECK(m.draft() == unsaved);
    CHECK(m.draft_dirty());
    std::size_t in_timeline = 0;
    for (const auto& item : m.timeline())
      if (item.kind == core::EvidenceKind::Note) ++in_timeline;
    CHECK(in_timeline == acknowledged.size());

    // A tap is refused the same way, and not counted.
    CHECK_FALSE(m.apply(full_disk_act(Kind::TapCounter, "open-q")));
    CHECK(m.error() == app::storage_full_sentence("this tap"));
    CHECK(m.counters().at(0).my_count == static_cast<int>(taps));
    // Keeping the draft fails too, in words, and the text stays on screen (dirty, retried).
    m.autosave(true);
    CHECK_THAT(m.error(), Catch::StartsWith("The device's storage is full: what you typed is still on the screen"));
    CHECK(m.draft() == unsaved);

    // Nothing acknowledged was lost, and the file is whole, while the disk is still full.
    OnDisk full = read_on_disk(path, obs);
    CHECK(full.integrity == "ok");
    CHECK(full.notes == acknowledged);
    CHECK(full.taps == taps);
    CHECK(full.one_version_each);

    // Space returns: the same save, from the same composer, goes through.
    disk.free_space();
    REQUIRE(m.apply(full_disk_act(Kind::SaveNote)));
    CHECK(m.error().empty());
    CHECK(m.draft().empty());
    acknowledged.insert(unsaved);
    REQUIRE(m.apply(full_disk_act(Kind::TapCounter, "open-q")));
    ++taps;
  }
  OnDisk after = read_on_disk(path, obs);
  CHECK(after.integrity == "ok");
  CHECK(after.notes == acknowledged);
  CHECK(after.taps == taps);
  CHECK(after.one_version_each);
}
