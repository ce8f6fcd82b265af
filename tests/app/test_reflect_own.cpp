// The observed teacher's own reflections (a Reflection that answers no prompt): written in
// Reflect with an autosaved draft, saved durably, changed or removed by their author only, and
// read by the observers in Reflect and Debrief.
#include <catch2/catch.hpp>

#include "app/screens/debrief/debrief_model.h"
#include "app/screens/reflect/reflect_model.h"
#include "demo_store.h"

using app::ReflectAction;
using ReflectKind = app::ReflectAction::Kind;

namespace {
ReflectAction own(ReflectKind kind, std::string text = {}, core::Id record = {}) {
  return ReflectAction{kind, {}, std::move(text), record};
}

std::vector<std::pair<core::Id, core::Reflection>> own_records(test::DemoStore& s, core::Id visit) {
  std::vector<std::pair<core::Id, core::Reflection>> out;
  for (const auto& r : s.live<core::Reflection>(core::RecordType::Reflection, visit))
    if (r.second.prompt.empty()) out.push_back(r);
  return out;
}
}  // namespace

TEST_CASE("reflect: the teacher's own reflection is saved with no prompt and shows in Reflect and Debrief",
          "[app][reflect][own]") {
  test::DemoStore s;
  const core::Id visit = s.demo.observed_visit;
  app::ReflectModel m(s.store, s.demo.observed_teacher, s.clock());
  REQUIRE(m.load(visit));
  REQUIRE(m.apply(own(ReflectKind::EditOwn, "  I want to know why the back row stays quiet.  ")));
  REQUIRE(m.apply(own(ReflectKind::SaveOwn)));

  auto saved = own_records(s, visit);
  REQUIRE(saved.size() == 1);
  CHECK(saved[0].second.text == "I want to know why the back row stays quiet.");
  CHECK(saved[0].second.prompt.empty());
  CHECK(s.store.get(saved[0].first)->version.author == s.demo.observed_teacher);
  CHECK_FALSE(s.store.drafts().get(app::ReflectModel::new_own_draft_key(visit)));
  REQUIRE(m.own_reflections().size() == 1);
  CHECK(m.own_reflections()[0].mine);
  CHECK(m.own_reflections()[0].author == "You");
  CHECK(m.new_own_draft().text().empty());

  SECTION("the observers read it, under her name, and cannot change it") {
    app::ReflectModel observer(s.store, s.me, s.clock());
    REQUIRE(observer.load(visit));
    REQUIRE(observer.own_reflections().size() == 1);
    CHECK(observer.own_reflections()[0].author == "Amira Haddad");
    CHECK_FALSE(observer.own_reflections()[0].mine);
    CHECK_FALSE(observer.apply(own(ReflectKind::RemoveOwn, {}, saved[0].first)));
    CHECK(own_records(s, visit).size() == 1);
    app::DebriefModel debrief(s.store, s.demo.coach, s.clock());
    REQUIRE(debrief.load(visit));
    REQUIRE(debrief.own_reflections().size() == 1);
    CHECK(debrief.own_reflections()[0].text == "I want to know why the back row stays quiet.");
    CHECK(debrief.teacher_name() == "Amira Haddad");
  }
  SECTION("a change is a new version of the same record") {
    REQUIRE(m.apply(own(ReflectKind::EditOwn, "I want to know why the back row stays quiet, and what they wrote.",
                        saved[0].first)));
    REQUIRE(m.apply(own(ReflectKind::SaveOwn, {}, saved[0].first)));
    auto after = own_records(s, visit);
    REQUIRE(after.size() == 1);
    CHECK(after[0].first == saved[0].first);
    CHECK(after[0].second.text == "I want to know why the back row stays quiet, and what they wrote.");
    CHECK(s.store.versions_of(saved[0].first).size() == 2);
  }
  SECTION("removing it leaves no live record") {
    REQUIRE(m.apply(own(ReflectKind::RemoveOwn, {}, saved[0].first)));
    CHECK(own_records(s, visit).empty());
    CHECK(m.own_reflections().empty());
  }
  SECTION("it is not taken for an answer to a prompt") {
    CHECK(m.unanswered() == 0);
    for (const auto& p : m.prompts()) CHECK(p.answer != "I want to know why the back row stays quiet.");
  }
}

TEST_CASE("reflect: a half-typed own reflection is autosaved within a second and comes back", "[app][reflect][own]") {
  test::DemoStore s;
  {
    app::ReflectModel m(s.store, s.demo.observed_teacher, s.clock());
    REQUIRE(m.load(s.demo.observed_visit));
    REQUIRE(m.apply(own(ReflectKind::EditOwn, "Next time I will")));
    s.now += 900;
    m.autosave(false);
  }
  CHECK(s.store.drafts().get(app::ReflectModel::new_own_draft_key(s.demo.observed_visit)) ==
        std::optional<std::string>("Next time I will"));
  app::ReflectModel again(s.store, s.demo.observed_teacher, s.clock());
  REQUIRE(again.load(s.demo.observed_visit));
  CHECK(again.new_own_draft().text() == "Next time I will");
  CHECK(own_records(s, s.demo.observed_visit).empty());  // a draft, not a saved reflection
}

TEST_CASE("reflect: only the observed teacher writes an own reflection, and never an empty one",
          "[app][reflect][own]") {
  test::DemoStore s;
  app::ReflectModel observer(s.store, s.me, s.clock());
  REQUIRE(observer.load(s.demo.observed_visit));
  REQUIRE(observer.apply(own(ReflectKind::EditOwn, "I would write it for her")));
  CHECK_FALSE(observer.apply(own(ReflectKind::SaveOwn)));
  CHECK(observer.error() == "Only the observed teacher writes reflections here.");
  app::ReflectModel teacher(s.store, s.demo.observed_teacher, s.clock());
  REQUIRE(teacher.load(s.demo.observed_visit));
  REQUIRE(teacher.apply(own(ReflectKind::EditOwn, "   ")));
  CHECK_FALSE(teacher.apply(own(ReflectKind::SaveOwn)));
  CHECK(teacher.error() == "Write your reflection first. A sentence or two is enough.");
  CHECK(own_records(s, s.demo.observed_visit).empty());
}
