// The "Colleagues on this device" screen: colleagues typed into plans before they were on the
// school's roster are listed with the roster's suggestions, nothing is matched until the teacher
// taps a name, and whoever stays unmatched is said to be left out of those visits.
#include <catch2/catch.hpp>

#include "app/screens/colleagues/match_colleagues_model.h"
#include "core/paths.h"
#include "core/serialization.h"
#include "ui_harness.h"

using core::Id;

namespace {
// A store as a teacher leaves it after planning offline and enrolling: Ana and Sam typed into a
// plan, the roster (Ana López, Sam Lee, Sami Lehto) pulled, sending waiting for the match.
struct EnrolledWithTypedColleagues {
  Id me = Id::random(), typed_ana = Id::random(), typed_sam = Id::random();
  Id ana, sam, sami, visit;

  explicit EnrolledWithTypedColleagues(core::Store& store) {
    store.meta().set_local_person(me);
    store.create_with_id(me, core::Person{"Lena", ""}, me);
    for (auto [id, name] : {std::pair<Id, const char*>{typed_ana, "ana lopez"}, {typed_sam, "Sam Lee"}}) {
      store.outbox().mark_local_only(id);
      store.create_with_id(id, core::Person{name, ""}, me);
    }
    core::Observation o;
    o.class_name = "8B science";
    o.participants = {
        {typed_ana, core::Role::ObservedTeacher}, {me, core::Role::TeacherLeader}, {typed_sam, core::Role::Coach}};
    visit = store.create(o, me).record;
    ana = roster(store, "Ana López");
    sam = roster(store, "Sam Lee");
    sami = roster(store, "Sami Lehto");
    store.meta().set(core::MetaKey::SyncHubUrl, "https://hub.school.example");
    core::sync::set_push_waits_for_colleagues(store, true);
  }
  static Id roster(core::Store& store, const std::string& name) {
    core::Version v;
    v.version = Id::random();
    v.record = Id::random();
    v.type = core::RecordType::Person;
    v.body = core::encode_body(core::Person{name, ""});
    v.body_hash = core::body_hash(v.type, false, v.body);
    store.apply_version(v);
    return v.record;
  }
  static std::vector<core::Participant> participants(const core::Store& store, Id visit) {
    return std::get<core::Observation>(store.get(visit)->body).participants;
  }
};
}  // namespace

TEST_CASE("match colleagues: the roster's suggestions are shown, and nothing changes until one is confirmed",
          "[app][colleagues]") {
  test::TempDir dir;
  core::Store store(dir.path() + "/s.sqlite");
  EnrolledWithTypedColleagues t(store);
  auto versions_before = store.all_versions().size();

  app::MatchColleaguesModel m(store, t.me);
  m.load();
  REQUIRE(m.unmatched().size() == 2);
  CHECK(m.unmatched()[0].typed_name == "ana lopez");
  REQUIRE(m.unmatched()[0].likely.size() == 1);
  CHECK(m.unmatched()[0].likely[0].person == t.ana);
  REQUIRE(m.unmatched()[1].likely.size() == 1);  // "Sam Lee", not "Sami Lehto"
  CHECK(m.unmatched()[1].likely[0].person == t.sam);
  CHECK(m.search("sam").size() == 2);
  CHECK(m.push_waits());
  CHECK(store.all_versions().size() == versions_before);
  CHECK(EnrolledWithTypedColleagues::participants(store, t.visit)[0].person == t.typed_ana);

  SECTION("confirming one matches that one only; the other is listed as left out") {
    REQUIRE(m.confirm(t.typed_ana, t.ana));
    CHECK(EnrolledWithTypedColleagues::participants(store, t.visit)[0].person == t.ana);
    CHECK(EnrolledWithTypedColleagues::participants(store, t.visit)[2].person == t.typed_sam);
    REQUIRE(m.unmatched().size() == 1);
    CHECK(m.matched().size() == 1);
    CHECK_THAT(m.unmatched_note(),
               Catch::Contains("Still only on this device: Sam Lee") && Catch::Contains("do not receive the visits"));
    CHECK(m.push_waits());  // until the teacher says they are done
    REQUIRE(m.finish());
    CHECK_FALSE(core::sync::push_waits_for_colleagues(store));
  }
  SECTION("a match refused by the store is said, and nothing is matched") {
    CHECK_FALSE(m.confirm(t.typed_ana, t.typed_sam));
    CHECK_THAT(m.message(), Catch::StartsWith("Not matched:"));
    CHECK(m.unmatched().size() == 2);
  }
}

TEST_CASE("match colleagues: Home offers the match, and a tap on the suggested name confirms it", "[app][colleagues]") {
  test::TempDir dir;
  Id typed_ana, ana, sam, visit;
  {
    core::Store prepared(core::store_path_in(dir.path()));
    EnrolledWithTypedColleagues t(prepared);
    typed_ana = t.typed_ana;
    ana = t.ana;
    sam = t.sam;
    visit = t.visit;
  }
  const std::string path = dir.path();
  test::UiHarness h(768, 1024, &path);
  h.frames(2);
  REQUIRE(h.app().route().screen == app::ScreenId::Home);
  REQUIRE(h.has("Match colleagues"));
  h.tap("Match colleagues");
  h.frames(2);
  REQUIRE(h.app().route().screen == app::ScreenId::MatchColleagues);
  CHECK(h.has("Keep them on this device for now"));
  CHECK(EnrolledWithTypedColleagues::participants(h.store(), visit)[0].person == typed_ana);

  h.tap("This is Ana López##likely0");
  h.frames(2);
  CHECK(EnrolledWithTypedColleagues::participants(h.store(), visit)[0].person == ana);
  h.tap("This is Sam Lee##likely0");
  h.frames(2);
  CHECK(EnrolledWithTypedColleagues::participants(h.store(), visit)[2].person == sam);
  REQUIRE(h.has("Done: send my work"));
  h.tap("Done: send my work");
  h.frames(2);
  CHECK(h.app().route().screen == app::ScreenId::Home);
  CHECK_FALSE(core::sync::push_waits_for_colleagues(h.store()));
  CHECK_FALSE(h.has("Match colleagues"));
}

TEST_CASE("match colleagues: after an enrollment that holds sending for them, the screen comes first",
          "[app][colleagues]") {
  test::TempDir dir;
  {
    core::Store prepared(core::store_path_in(dir.path()));
    EnrolledWithTypedColleagues t(prepared);
  }
  const std::string path = dir.path();
  test::UiHarness h(1280, 800, &path);
  h.app().reload_me();  // what the client does when an enrollment finished
  h.frames(2);
  CHECK(h.app().route().screen == app::ScreenId::MatchColleagues);
  // The roster search takes typing as soon as it opens, and narrows the names offered.
  h.tap("Someone else on the roster");
  h.frames(2);
  h.type("leh");
  h.frames(2);
  CHECK(h.has("This is Sami Lehto##found0"));
  CHECK_FALSE(h.has("This is Sam Lee##found0"));
  h.tap("Close the search");
  h.frames(2);
  h.tap("Keep them on this device for now");
  h.frames(2);
  CHECK(h.app().route().screen == app::ScreenId::Home);
  CHECK_FALSE(core::sync::push_waits_for_colleagues(h.store()));
  REQUIRE(h.has("Match colleagues"));  // still offered: both are only on this device
}
