// The Observe composer's draft: paced and stored through TextDraft, in the form Observe kept
// before it did ("<lesson ms>\t<kind>\t<tags>\t<text>"), so drafts already on devices still load.
#include <catch2/catch.hpp>

#include "app/screens/common/text_draft.h"
#include "app/screens/observe/observe_model.h"
#include "core/paths.h"
#include "ui_harness.h"

namespace {
struct Fixture {
  test::TempDir dir;
  core::Store store{core::store_path_in(dir.path())};
  std::int64_t now = 1'000'000;
  core::Id me;
  core::Id obs;

  Fixture() {
    me = store.create(core::Person{"Sam", ""}, core::Id{}).record;
    store.meta().set_local_person(me);
    core::Observation o;
    o.focus_question = "Who talks?";
    o.look_fors = {"Wait time", "Questions"};
    o.participants = {{me, core::Role::TeacherLeader}};
    obs = store.create(o, me).record;
  }
  app::ObserveModel model() {
    return app::ObserveModel(store, me, [this] { return now; });
  }
  std::string key() const { return app::ObserveModel::draft_key(obs); }
};

app::ObserveAction typed(std::string text) {
  app::ObserveAction a;
  a.kind = app::ObserveAction::Kind::EditDraft;
  a.text = std::move(text);
  return a;
}
}  // namespace

TEST_CASE("observe draft: a draft saved by the earlier encoding loads with its kind, tags and time",
          "[app][observe][drafts]") {
  Fixture f;
  SECTION("all four fields, a tab inside the text") {
    f.store.drafts().save(f.key(), "65000\t1\tWait time\x1fQuestions\tShe asked \"why?\"\tthen waited");
    auto m = f.model();
    REQUIRE(m.load(f.obs));
    CHECK(m.draft() == "She asked \"why?\"\tthen waited");
    CHECK(m.draft_kind() == core::NoteKind::Quote);
    CHECK(m.draft_tags() == std::vector<std::string>{"Wait time", "Questions"});
    CHECK(m.draft_started_ms() == 65000);
    CHECK_FALSE(m.draft_dirty());
  }
  SECTION("no tags") {
    f.store.drafts().save(f.key(), "1200\t2\t\tI wonder");
    auto m = f.model();
    REQUIRE(m.load(f.obs));
    CHECK(m.draft() == "I wonder");
    CHECK(m.draft_kind() == core::NoteKind::Wondering);
    CHECK(m.draft_tags().empty());
    CHECK(m.draft_started_ms() == 1200);
  }
  SECTION("plain words from an older or foreign form are kept as the text") {
    f.store.drafts().save(f.key(), "Just words\twith one tab");
    auto m = f.model();
    REQUIRE(m.load(f.obs));
    CHECK(m.draft() == "Just words\twith one tab");
    CHECK(m.draft_kind() == core::NoteKind::Noticing);
    CHECK(m.draft_started_ms() == 0);
  }
}

TEST_CASE("observe draft: what is typed is stored in the same form and comes back after a restart",
          "[app][observe][drafts]") {
  Fixture f;
  {
    auto m = f.model();
    REQUIRE(m.load(f.obs));
    REQUIRE(m.apply(typed("Half a thought")));
    app::ObserveAction kind;
    kind.kind = app::ObserveAction::Kind::SetNoteKind;
    kind.note_kind = core::NoteKind::Wondering;
    REQUIRE(m.apply(kind));
    app::ObserveAction tag;
    tag.kind = app::ObserveAction::Kind::ToggleTag;
    tag.key = "Wait time";
    REQUIRE(m.apply(tag));
    CHECK(m.draft_dirty());
    m.autosave(true);
    CHECK_FALSE(m.draft_dirty());
  }
  // Typed before the lesson clock started: lesson time 0. An older app reads this form too.
  CHECK(f.store.drafts().get(f.key()) == std::string("0\t2\tWait time\tHalf a thought"));
  auto again = f.model();
  REQUIRE(again.load(f.obs));
  CHECK(again.draft() == "Half a thought");
  CHECK(again.draft_kind() == core::NoteKind::Wondering);
  CHECK(again.draft_tags() == std::vector<std::string>{"Wait time"});
}

TEST_CASE("observe draft: saved once typing pauses, at the latest after kDraftLatestMs, as every draft",
          "[app][observe][drafts]") {
  Fixture f;
  auto m = f.model();
  REQUIRE(m.load(f.obs));
  SECTION("a pause") {
    REQUIRE(m.apply(typed("Wai")));
    f.now += app::kDraftQuietMs - 1;
    m.autosave(false);
    CHECK_FALSE(f.store.drafts().get(f.key()));
    f.now += 1;
    m.autosave(false);
    CHECK(f.store.drafts().get(f.key()));
  }
  SECTION("steady typing") {
    std::string text;
    for (std::int64_t t = 0; t < app::kDraftLatestMs; t += 100) {
      text += "a";
      REQUIRE(m.apply(typed(text)));
      m.autosave(false);
      CHECK_FALSE(f.store.drafts().get(f.key()));
      f.now += 100;
    }
    m.autosave(false);
    CHECK(f.store.drafts().get(f.key()));
  }
  SECTION("emptying the composer clears the stored draft") {
    REQUIRE(m.apply(typed("abc")));
    m.autosave(true);
    REQUIRE(f.store.drafts().get(f.key()));
    REQUIRE(m.apply(typed("")));
    m.autosave(true);
    CHECK_FALSE(f.store.drafts().get(f.key()));
  }
}
