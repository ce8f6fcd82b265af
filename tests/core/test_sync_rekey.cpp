// A teacher who used the app offline before enrolling keeps everything when their local person
// id becomes the hub's roster id.
#include <catch2/catch.hpp>

#include <filesystem>

#include "core/serialization.h"
#include "core/store.h"
#include "core/sync/rekey.h"

using namespace core;
namespace fs = std::filesystem;

namespace {
struct TempStore {
  fs::path dir = fs::temp_directory_path() / ("peerobs-rekey-" + Id::random().short_hex());
  TempStore() { fs::create_directories(dir); }
  ~TempStore() { fs::remove_all(dir); }
  std::string path() const { return (dir / "store.sqlite").string(); }
};
}  // namespace

TEST_CASE("sync rekey: offline work moves to the roster person, nothing lost", "[core][sync]") {
  TempStore tmp;
  Store store(tmp.path());
  Id local = Id::random(), hub = Id::random(), colleague = Id::random();
  store.meta().set_local_person(local);
  store.create_with_id(local, Person{"Ana (typed offline)", ""}, local);
  Observation o;
  o.participants = {{colleague, Role::ObservedTeacher}, {local, Role::TeacherLeader}};
  Version ov = store.create(o, local);
  EvidenceNote n;
  n.observation = ov.record;
  n.text = "Seven hands up for the first question";
  Version nv = store.create(n, local);
  n.text = "Seven hands up for the first question; three girls";
  store.update(nv.record, n, local);
  NextStep step;
  step.observation = ov.record;
  step.owner = local;
  step.text = "Try think-pair-share";
  store.create(step, local);
  std::int64_t outbox_before = store.outbox().size();

  // The hub's roster version of the person, as the enroll response carries it.
  Version roster;
  roster.version = Id::random();
  roster.record = hub;
  roster.type = RecordType::Person;
  roster.author = hub;
  roster.body = encode_body(Person{"Ana", ""});
  roster.body_hash = body_hash(roster.type, false, roster.body);
  store.apply_version(roster);

  std::size_t n_rewritten = sync::rekey_person(store, local, hub, {roster.version});
  CHECK(n_rewritten == 5);  // person, observation, two note versions, next step
  CHECK(store.meta().local_person() == hub);
  CHECK(store.outbox().size() == outbox_before);
  for (const auto& v : store.all_versions()) {
    CHECK(v.author != local);
    CHECK(v.body_hash == body_hash(v.type, v.tombstone, v.body));
  }
  auto obs = store.get(ov.record);
  REQUIRE(obs);
  CHECK(std::get<Observation>(obs->body).participants[1].person == hub);
  auto note = store.get(nv.record);
  REQUIRE(note);
  CHECK(std::get<EvidenceNote>(note->body).text == "Seven hands up for the first question; three girls");
  CHECK(store.versions_of(nv.record).size() == 2);
  // The name typed offline is the newest version of the roster person, not a conflict.
  auto me = store.heads(hub);
  REQUIRE(me.size() == 1);
  CHECK(std::get<Person>(me[0].body).name == "Ana (typed offline)");
  CHECK(store.conflicted_records().empty());
  CHECK(store.heads(local).empty());
  auto steps = store.live(RecordType::NextStep);
  REQUIRE(steps.size() == 1);
  CHECK(std::get<NextStep>(steps[0].second.body).owner == hub);
}
