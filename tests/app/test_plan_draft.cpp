// The Plan screen's unsaved form is kept as a draft: autosaved, restored when the same plan
// is opened again (also after the app was closed), cleared once the plan is saved, and thrown
// away (after a confirmation) when the teacher discards it.
#include <catch2/catch.hpp>

#include <map>
#include <optional>

#include "app/screens/plan/plan_model.h"
#include "app/screens/plan/plan_screen.h"
#include "core/paths.h"
#include "ui_harness.h"

namespace {
struct PlanFixture {
  test::TempDir dir;
  std::string path = core::store_path_in(dir.path());
  core::TemplateLibrary lib;
  core::Id me;
  std::int64_t now = 1'000'000;  // the wall clock the drafts see, in ms; tests move it
  std::function<std::int64_t()> clock() {
    return [this] { return now; };
  }
  PlanFixture() {
    core::Store store(path);
    me = core::Id::random();
    store.create_with_id(me, core::Person{"Sam", ""}, me);
    store.meta().set_local_person(me);
  }
  // A plan saved with `class_name`, opened again and its class changed to `edit` without saving:
  // the edit exists only in the autosaved draft. Returns the plan's observation.
  core::Id plan_with_unsaved_edit(core::Store& store, const std::string& class_name, const std::string& edit) {
    core::Id obs;
    {
      app::PlanModel m(store, me, lib, clock());
      m.start_new({}, core::Role::TeacherLeader);
      m.set_text(app::PlanField::FocusQuestion, "Who answers?");
      m.set_text(app::PlanField::ClassName, class_name);
      REQUIRE(m.add_new_person("Amira", core::Role::ObservedTeacher));
      REQUIRE(m.save());
      obs = m.saved();
    }
    app::PlanModel m(store, me, lib, clock());
    REQUIRE(m.load(obs));
    m.set_text(app::PlanField::ClassName, edit);
    m.autosave(true);
    return obs;
  }
};
}  // namespace

TEST_CASE("plan draft: a half-typed plan survives closing the app and comes back", "[app][plan]") {
  PlanFixture f;
  {
    core::Store store(f.path);
    app::PlanModel m(store, f.me, f.lib, f.clock());
    m.start_new({}, core::Role::TeacherLeader);
    CHECK_FALSE(m.restore_draft());
    m.set_text(app::PlanField::FocusQuestion, "Do all groups get my attention?");
    m.set_text(app::PlanField::ClassName, "7C maths");
    REQUIRE(m.add_new_person("Amira", core::Role::ObservedTeacher));
    m.add_counter("Visits to a group");
    m.autosave(false);  // the change is fresh: not written yet
    CHECK(m.draft_pending());
    m.autosave(true);  // the app is going to the background
    CHECK_FALSE(m.draft_pending());
  }
  core::Store store(f.path);
  app::PlanModel again(store, f.me, f.lib, f.clock());
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
  store.drafts().clear(key);
  again.clear_plan_draft();
  CHECK_FALSE(store.drafts().get(key).has_value());
  CHECK_FALSE(store.drafts().get(again.draft_key()).has_value());
}

TEST_CASE("plan draft: unsaved edits of an existing plan are kept under that plan", "[app][plan]") {
  PlanFixture f;
  core::Store store(f.path);
  core::Id obs = f.plan_with_unsaved_edit(store, "", "8B");
  app::PlanModel m(store, f.me, f.lib, f.clock());
  REQUIRE(m.load(obs));
  CHECK(m.form().class_name.empty());  // the stored plan is unchanged
  REQUIRE(m.restore_draft());
  CHECK(m.form().class_name == "8B");
  CHECK(m.form().observation == obs);
  // A new plan does not pick up another plan's draft.
  app::PlanModel fresh(store, f.me, f.lib, f.clock());
  fresh.start_new({}, core::Role::TeacherLeader);
  CHECK_FALSE(fresh.restore_draft());
}

namespace {
// What a discard must leave alone: every record version, the outbox and other drafts.
struct StoreSnapshot {
  std::size_t versions = 0;
  std::int64_t outbox = 0;
  std::map<core::RecordType, std::int64_t> live;
  explicit StoreSnapshot(const core::Store& s)
      : versions(s.all_versions().size()), outbox(s.outbox().size()), live(s.live_counts()) {}
  bool operator==(const StoreSnapshot& o) const {
    return versions == o.versions && outbox == o.outbox && live == o.live;
  }
};
}  // namespace

TEST_CASE("plan draft: discarding a restored new-plan draft deletes it for good and resets the form", "[app][plan]") {
  PlanFixture f;
  std::string key;
  {
    core::Store store(f.path);
    app::PlanModel m(store, f.me, f.lib, f.clock());
    m.start_new({}, core::Role::TeacherLeader);
    CHECK_FALSE(m.from_draft());  // nothing restored: nothing to discard
    m.set_text(app::PlanField::FocusQuestion, "Do all groups get my attention?");
    REQUIRE(m.add_new_person("Amira", core::Role::ObservedTeacher));
    m.autosave(true);
    key = m.draft_key();
    store.drafts().save("note:elsewhere", "a note typed on Observe");
    store.drafts().save("plan/0123", "another plan's edits");
  }
  {
    core::Store store(f.path);
    const StoreSnapshot before(store);
    app::PlanModel m(store, f.me, f.lib, f.clock());
    m.start_new({}, core::Role::TeacherLeader);
    REQUIRE(m.restore_draft());
    CHECK(m.from_draft());
    REQUIRE(m.discard_draft());
    CHECK_FALSE(store.drafts().get(key).has_value());
    CHECK_FALSE(m.from_draft());
    // The form is a fresh new plan with only me in it.
    CHECK(m.form().focus_question.empty());
    REQUIRE(m.form().participants.size() == 1);
    CHECK(m.form().participants[0].person == f.me);
    CHECK(m.form().participants[0].role == core::Role::TeacherLeader);
    // Closing now does not write the discarded plan back.
    CHECK_FALSE(m.draft_pending());
    m.autosave(true);
    CHECK_FALSE(store.drafts().get(key).has_value());
    // Nothing else was touched.
    CHECK(StoreSnapshot(store) == before);
    CHECK(store.drafts().get("note:elsewhere") == std::optional<std::string>("a note typed on Observe"));
    CHECK(store.drafts().get("plan/0123") == std::optional<std::string>("another plan's edits"));
  }
  // Durable: after a reopen the next new plan starts empty.
  core::Store store(f.path);
  CHECK_FALSE(store.drafts().get(key).has_value());
  app::PlanModel next(store, f.me, f.lib, f.clock());
  next.start_new({}, core::Role::TeacherLeader);
  CHECK_FALSE(next.restore_draft());
  CHECK(next.form().focus_question.empty());
}

TEST_CASE("plan draft: discarding unsaved edits of an existing plan shows the stored plan again", "[app][plan]") {
  PlanFixture f;
  core::Store store(f.path);
  core::Id obs = f.plan_with_unsaved_edit(store, "8B", "8C after a room change");
  const StoreSnapshot before(store);
  app::PlanModel m(store, f.me, f.lib, f.clock());
  REQUIRE(m.load(obs));
  REQUIRE(m.restore_draft());
  std::string key = m.draft_key();
  REQUIRE(m.discard_draft());
  CHECK_FALSE(store.drafts().get(key).has_value());
  CHECK(m.form().observation == obs);
  CHECK(m.form().class_name == "8B");
  CHECK(m.form().focus_question == "Who answers?");
  CHECK(StoreSnapshot(store) == before);
  auto head = store.get(obs);  // held: a reference into the temporary would dangle
  REQUIRE(head);
  CHECK(std::get<core::Observation>(head->body).class_name == "8B");
}

TEST_CASE("plan screen: Discard draft asks first, and only the confirmation deletes the draft", "[app][plan][walk]") {
  test::UiHarness h(1280, 2000);
  h.tap("##name");
  h.type("Sam Okafor");
  h.tap("Start empty");
  h.tap("Start");
  h.tap("+ Plan an observation");
  REQUIRE(h.app().route().screen == app::ScreenId::Plan);
  CHECK_FALSE(h.has("Discard draft"));  // a fresh form has nothing to discard
  h.tap("##focus_q");
  h.type("Who never speaks?");
  h.tap("\xE2\x80\xB9 Back");  // leaving keeps the typed plan as a draft
  auto* plan = static_cast<app::PlanScreen*>(h.app().screen(app::ScreenId::Plan));
  const std::string key = plan->model().draft_key();
  REQUIRE(h.store().drafts().get(key).has_value());
  const StoreSnapshot before(h.store());

  h.tap("+ Plan an observation");
  REQUIRE(plan->model().form().focus_question == "Who never speaks?");
  h.tap("Discard draft");  // one tap only asks
  CHECK(h.store().drafts().get(key).has_value());
  CHECK(plan->model().form().focus_question == "Who never speaks?");
  h.tap("Keep it");
  CHECK(h.has("Discard draft"));
  CHECK(h.store().drafts().get(key).has_value());

  h.tap("Discard draft");
  h.tap("Yes, discard");
  CHECK_FALSE(h.store().drafts().get(key).has_value());
  CHECK(plan->model().form().focus_question.empty());
  CHECK(h.app().route().screen == app::ScreenId::Plan);
  CHECK_FALSE(h.has("Discard draft"));
  h.tap("\xE2\x80\xB9 Back");  // leaving again writes nothing back
  CHECK_FALSE(h.store().drafts().get(key).has_value());
  CHECK(StoreSnapshot(h.store()) == before);
}

TEST_CASE("plan draft: kept on the app's clock once typing pauses, and the Save action takes it away", "[app][plan]") {
  PlanFixture f;
  core::Store store(f.path);
  app::PlanModel m(store, f.me, f.lib, f.clock());
  m.start_new({}, core::Role::TeacherLeader);
  CHECK_FALSE(m.restore_draft());
  const std::string key = m.draft_key();
  app::PlanAction type;
  type.kind = app::PlanAction::Kind::SetText;
  type.field = app::PlanField::FocusQuestion;
  type.text = "Who answers?";
  REQUIRE(m.apply(type));
  CHECK(m.draft_pending());
  f.now += 299;  // still typing, as far as the clock says
  m.autosave(false);
  CHECK_FALSE(store.drafts().get(key).has_value());
  f.now += 1;  // a 300 ms pause
  m.autosave(false);
  REQUIRE(store.drafts().get(key).has_value());
  CHECK_FALSE(m.draft_pending());
  f.now += 10'000;
  m.autosave(false);  // no change since: nothing to write
  CHECK_FALSE(m.draft_pending());

  app::PlanAction amira;
  amira.kind = app::PlanAction::Kind::AddNewPerson;
  amira.text = "Amira";
  amira.role = core::Role::ObservedTeacher;
  REQUIRE(m.apply(amira));
  app::PlanAction save;
  save.kind = app::PlanAction::Kind::Save;
  REQUIRE(m.apply(save));
  CHECK_FALSE(store.drafts().get(key).has_value());  // the plan is the record now
  CHECK_FALSE(m.draft_pending());
  CHECK_FALSE(store.drafts().get(m.draft_key()).has_value());
  m.autosave(true);  // leaving the screen after saving writes no draft back
  CHECK_FALSE(store.drafts().get(m.draft_key()).has_value());
}
