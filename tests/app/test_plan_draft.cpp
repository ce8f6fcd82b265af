// The Plan screen's unsaved form is kept as a draft: autosaved, restored when the same plan
// is opened again (also after the app was closed), and cleared once the plan is saved.
#include <catch2/catch.hpp>

#include "app/screens/plan_model.h"
#include "core/paths.h"
#include "ui_harness.h"

namespace {
struct PlanFixture {
  test::TempDir dir;
  std::string path = core::store_path_in(dir.path());
  core::TemplateLibrary lib;
  core::Id me;
  PlanFixture() {
    core::Store store(path);
    me = core::Id::random();
    store.create_with_id(me, core::Person{"Sam", ""}, me);
    store.set_local_person(me);
  }
};
}  // namespace

TEST_CASE("plan draft: a half-typed plan survives closing the app and comes back", "[app][plan]") {
  PlanFixture f;
  {
    core::Store store(f.path);
    app::PlanModel m(store, f.me, f.lib);
    m.start_new({}, core::Role::TeacherLeader);
    CHECK_FALSE(m.restore_draft());
    m.form().focus_question = "Do all groups get my attention?";
    m.form().class_name = "7C maths";
    REQUIRE(m.add_new_person("Amira", core::Role::ObservedTeacher));
    m.add_counter("Visits to a group");
    m.autosave(false);  // the change is fresh: not written yet
    CHECK(m.draft_pending());
    m.autosave(true);   // the app is going to the background
    CHECK_FALSE(m.draft_pending());
  }
  core::Store store(f.path);
  app::PlanModel again(store, f.me, f.lib);
  again.start_new({}, core::Role::TeacherLeader);
  REQUIRE(again.restore_draft());
  CHECK(again.form().focus_question == "Do all groups get my attention?");
  CHECK(again.form().class_name == "7C maths");
  REQUIRE(again.form().participants.size() == 2);
  CHECK(again.form().participants[1].name == "Amira");
  REQUIRE(again.form().counters.size() == 1);
  CHECK(again.form().counters[0].first.label == "Visits to a group");

  std::string key = again.draft_key();
  REQUIRE(again.save());
  store.clear_draft(key);
  again.clear_plan_draft();
  CHECK_FALSE(store.draft(key).has_value());
  CHECK_FALSE(store.draft(again.draft_key()).has_value());
}

TEST_CASE("plan draft: unsaved edits of an existing plan are kept under that plan", "[app][plan]") {
  PlanFixture f;
  core::Store store(f.path);
  core::Id obs;
  {
    app::PlanModel m(store, f.me, f.lib);
    m.start_new({}, core::Role::TeacherLeader);
    m.form().focus_question = "Who answers?";
    REQUIRE(m.add_new_person("Amira", core::Role::ObservedTeacher));
    REQUIRE(m.save());
    obs = m.saved();
  }
  {
    app::PlanModel m(store, f.me, f.lib);
    REQUIRE(m.load(obs));
    m.form().class_name = "8B";
    m.autosave(true);
  }
  app::PlanModel m(store, f.me, f.lib);
  REQUIRE(m.load(obs));
  CHECK(m.form().class_name.empty());  // the stored plan is unchanged
  REQUIRE(m.restore_draft());
  CHECK(m.form().class_name == "8B");
  CHECK(m.form().observation == obs);
  // A new plan does not pick up another plan's draft.
  app::PlanModel fresh(store, f.me, f.lib);
  fresh.start_new({}, core::Role::TeacherLeader);
  CHECK_FALSE(fresh.restore_draft());
}
