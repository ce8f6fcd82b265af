// Issue 16's done-when test (docs/encryption.md): a co-observed visit through a real hub process
// with sealing on. Every kind of text a visit holds carries a marker found nowhere else; the hub's
// database, its WAL and a `peerobs-hub backup` copy hold none of them, while the same visit synced
// in clear puts every one there (so the search is shown able to fail). The teacher leader, the
// coach and the observed teacher read exactly what they read in clear, a fourth person's device
// gets none of it, and a second device restored with the recovery phrase reads it all.
#include <catch2/catch.hpp>

#include <cctype>
#include <fstream>
#include <iterator>
#include <set>

#include "core/crypto/recovery_phrase.h"
#include "core/crypto/sealed_body.h"
#include "core/serialization.h"
#include "core/sync/key_recovery.h"
#include "sync_fixture.h"

using namespace core;
using namespace testing_support;

namespace {
// Who may read a marker: everyone in the visit, only the coach and the teacher leader (coaching
// notes, a prompt not shared yet), or nobody any more (text edited away: only the hub and the
// history hold it).
enum class E2eAudience { Visit, CoachAndLeader, Edited };

struct E2eMarker {
  const char* text;
  E2eAudience audience;
};

// Each marker is unlike anything else in a store or in ciphertext, and no marker holds another.
const std::vector<E2eMarker>& e2e_markers() {
  static const std::vector<E2eMarker> all = {
      {"E2E-cycle-title-Q7W", E2eAudience::Visit},
      {"E2E-cycle-focus-Q7W", E2eAudience::Visit},
      {"E2E-visit-focus-Q7W", E2eAudience::Visit},
      {"E2E-look-for-one-Q7W", E2eAudience::Visit},
      {"E2E-look-for-two-Q7W", E2eAudience::Visit},
      {"E2E-class-name-Q7W", E2eAudience::Visit},
      {"E2E-tally-label-Q7W", E2eAudience::Visit},
      {"E2E-tally-key-Q7W", E2eAudience::Visit},
      {"E2E-timer-label-Q7W", E2eAudience::Visit},
      {"E2E-timer-key-Q7W", E2eAudience::Visit},
      {"E2E-timer-group-Q7W", E2eAudience::Visit},
      {"E2E-seat-label-Q7W", E2eAudience::Visit},
      {"E2E-seat-key-Q7W", E2eAudience::Visit},
      {"E2E-note-first-draft-Q7W", E2eAudience::Edited},
      {"E2E-note-leader-Q7W", E2eAudience::Visit},
      {"E2E-note-coach-Q7W", E2eAudience::Visit},
      {"E2E-prompt-shared-Q7W", E2eAudience::Visit},
      {"E2E-prompt-draft-Q7W", E2eAudience::CoachAndLeader},
      {"E2E-reflection-Q7W", E2eAudience::Visit},
      {"E2E-debrief-note-Q7W", E2eAudience::Visit},
      {"E2E-next-step-Q7W", E2eAudience::Visit},
      {"E2E-next-step-support-Q7W", E2eAudience::Visit},
      {"E2E-coaching-from-coach-Q7W", E2eAudience::CoachAndLeader},
      {"E2E-coaching-from-leader-Q7W", E2eAudience::CoachAndLeader},
  };
  return all;
}
std::string e2e_marker(const std::string& name) { return "E2E-" + name + "-Q7W"; }

std::set<std::string> e2e_markers_for(std::initializer_list<E2eAudience> audiences) {
  std::set<std::string> out;
  for (const auto& m : e2e_markers())
    for (E2eAudience a : audiences)
      if (m.audience == a) out.insert(m.text);
  return out;
}

std::set<std::string> e2e_markers_in(const std::string& bytes) {
  std::set<std::string> out;
  for (const auto& m : e2e_markers())
    if (bytes.find(m.text) != std::string::npos) out.insert(m.text);
  return out;
}

std::string e2e_file_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// What a device reads of the visit: how many live records of each type that travels sealed, and
// which markers their bodies hold, one line each (so a difference prints as the lines that differ).
std::set<std::string> e2e_reading(const Device& d) {
  std::set<std::string> lines;
  for (int t = 1; t <= kRecordTypeCount; ++t) {
    const auto type = static_cast<RecordType>(t);
    if (!crypto::travels_sealed(type)) continue;
    const auto live = d.store->live(type);
    if (!live.empty()) lines.insert(std::string(type_name(type)) + ": " + std::to_string(live.size()) + " records");
    for (const auto& [record, head] : live)
      for (const std::string& m : e2e_markers_in(head.version.body))
        lines.insert(std::string(type_name(type)) + " holds " + m);
  }
  return lines;
}

std::set<std::string> e2e_markers_read(const Device& d) {
  std::set<std::string> out;
  for (int t = 1; t <= kRecordTypeCount; ++t) {
    const auto type = static_cast<RecordType>(t);
    if (!crypto::travels_sealed(type)) continue;
    for (const auto& [record, head] : d.store->live(type)) {
      auto found = e2e_markers_in(head.version.body);
      out.insert(found.begin(), found.end());
    }
  }
  return out;
}

// The school: a real hub, the visit's three people and someone outside it, each on their own
// device, all sealing or all not.
struct E2eVisit {
  HubProcess hub{temp_dir("peerobs-hub-e2e")};
  std::string leader_id, coach_id, teacher_id, outsider_id;
  Device lena, chidi, tomas, sam;  // teacher leader, coach, observed teacher, not in the visit
  Id cycle, visit;
  std::vector<std::string> unopened;  // every sentence about a body or grant that did not open

  explicit E2eVisit(bool seal) {
    hub.start();
    leader_id = hub.add_person("Lena Ortiz");
    coach_id = hub.add_person("Chidi Okafor");
    teacher_id = hub.add_person("Tomas Reyes");
    outsider_id = hub.add_person("Sam Lee");
    auto enroll = [&](Device& device, const std::string& person) {
      device.options.seal_bodies = seal;
      device.enroll(hub.url(), hub.issue_code(person));
    };
    enroll(lena, leader_id);
    enroll(chidi, coach_id);
    enroll(tomas, teacher_id);
    enroll(sam, outsider_id);
  }
  ~E2eVisit() {
    hub.kill_hard();
    std::filesystem::remove_all(hub.data_dir());
  }

  // Enough rounds for keys to be published, granted and used (each device syncs once a round).
  void sync_all(int rounds) {
    for (int i = 0; i < rounds; ++i)
      for (Device* d : {&tomas, &lena, &chidi, &sam}) {
        auto r = d->sync();
        unopened.insert(unopened.end(), r.unopened.begin(), r.unopened.end());
      }
  }

  // The visit as the app writes it: the observed teacher's cycle, the leader's plan and evidence
  // and debrief, the coach's evidence, a coaching thread both ways, the teacher's reflection.
  void write_and_sync() {
    cycle =
        tomas.store->create(Cycle{e2e_marker("cycle-title"), tomas.me(), e2e_marker("cycle-focus")}, tomas.me()).record;
    Observation plan;
    plan.cycle = cycle;
    plan.focus_question = e2e_marker("visit-focus");
    plan.look_fors = {e2e_marker("look-for-one"), e2e_marker("look-for-two")};
    plan.tools.counters = {{e2e_marker("tally-key"), e2e_marker("tally-label")}};
    plan.tools.timers = {{e2e_marker("timer-key"), e2e_marker("timer-label"), e2e_marker("timer-group")}};
    plan.tools.seating = {true, 1, 2, {{e2e_marker("seat-key"), e2e_marker("seat-label"), 0, 1}}};
    plan.class_name = e2e_marker("class-name");
    plan.date = "2026-12-03";
    plan.participants = {
        {lena.me(), Role::TeacherLeader}, {chidi.me(), Role::Coach}, {tomas.me(), Role::ObservedTeacher}};
    visit = lena.store->create(plan, lena.me()).record;
    lena.store->create(LessonClock{visit, 2400000, false, true}, lena.me());
    const Id note = lena.note(visit, e2e_marker("note-first-draft")).record;
    lena.store->update(
        note, EvidenceNote{visit, 65000, e2e_marker("note-leader"), NoteKind::Quote, {e2e_marker("look-for-one")}},
        lena.me());
    lena.store->create(Tally{visit, e2e_marker("tally-key"), 70000}, lena.me());
    lena.store->create(TimerSpan{visit, e2e_marker("timer-key"), 1000, 61000}, lena.me());
    lena.store->create(SeatMark{visit, e2e_marker("seat-key"), 90000}, lena.me());
    const Id shared = lena.store->create(Prompt{visit, e2e_marker("prompt-shared"), {note}, true}, lena.me()).record;
    lena.store->create(Prompt{visit, e2e_marker("prompt-draft"), {}, false}, lena.me());
    lena.store->create(DebriefNote{visit, e2e_marker("debrief-note")}, lena.me());
    lena.store->create(NextStep{visit, e2e_marker("next-step"), tomas.me(), e2e_marker("next-step-support"),
                                "2027-01-14", NextStepStatus::Open, Id{}},
                       lena.me());
    lena.store->create(CoachingNote{visit, lena.me(), e2e_marker("coaching-from-leader"), chidi.me()}, lena.me());
    sync_all(3);

    chidi.note(visit, e2e_marker("note-coach"));
    chidi.store->create(CoachingNote{visit, lena.me(), e2e_marker("coaching-from-coach"), chidi.me()}, chidi.me());
    tomas.store->create(Reflection{visit, shared, e2e_marker("reflection")}, tomas.me());
    sync_all(2);
  }

  // The hub's database file, its WAL and a backup the admin made, while the hub serves.
  struct HubFiles {
    std::string db, wal, backup;
  };
  HubFiles hub_files() const {
    const std::string copy = hub.data_dir() + "/backup-e2e.sqlite";
    hub.admin({"backup", "--out", copy});
    return {e2e_file_bytes(hub.data_dir() + "/hub.sqlite"), e2e_file_bytes(hub.data_dir() + "/hub.sqlite-wal"),
            e2e_file_bytes(copy)};
  }
};
}  // namespace

TEST_CASE(
    "e2e sealed visit: the hub's database, WAL and backup hold no text of a co-observed visit, and each "
    "device reads what it read in clear",
    "[server][sync][sealed][e2e]") {
  E2eVisit clear(false);
  clear.write_and_sync();
  E2eVisit sealed(true);
  sealed.write_and_sync();
  const std::set<std::string> every_marker =
      e2e_markers_for({E2eAudience::Visit, E2eAudience::CoachAndLeader, E2eAudience::Edited});
  const std::set<std::string> visit_markers = e2e_markers_for({E2eAudience::Visit});
  const std::set<std::string> leader_markers = e2e_markers_for({E2eAudience::Visit, E2eAudience::CoachAndLeader});

  // The control: synced in clear, every marker is on the hub, so the search finds what is there.
  const auto in_clear = clear.hub_files();
  CHECK(e2e_markers_in(in_clear.db + in_clear.wal) == every_marker);
  CHECK(e2e_markers_in(in_clear.backup) == every_marker);
  CHECK_THAT(clear.hub.admin({"plaintext"}), Catch::Contains("versions of teachers' writing"));

  const auto in_sealed = sealed.hub_files();
  REQUIRE(in_sealed.backup.find("Tomas Reyes") != std::string::npos);  // the roster is clear by design
  CHECK(e2e_markers_in(in_sealed.db).empty());
  CHECK(e2e_markers_in(in_sealed.wal).empty());
  CHECK(e2e_markers_in(in_sealed.backup).empty());
  // Lena's evidence, debrief note and next step went in one push: sealed together, as a bundle.
  CHECK(in_sealed.backup.find(std::string(core::kBundleHeadMarker, 4)) != std::string::npos);
  const std::string plaintext = sealed.hub.admin({"plaintext"});
  CHECK_THAT(plaintext, Catch::Contains("No teacher's writing is stored in clear text here"));
  CHECK_THAT(plaintext, !Catch::Contains("E2E-"));

  // Every body opened, and nothing waits for a key.
  CHECK(sealed.unopened.empty());
  for (const Device* d : {&sealed.lena, &sealed.chidi, &sealed.tomas, &sealed.sam})
    CHECK(d->store->keys().waiting() == 0);

  // Each of the visit's three reads, sealed, exactly what they read in clear, and that is what
  // the privacy rules give them.
  CHECK(e2e_reading(sealed.lena) == e2e_reading(clear.lena));
  CHECK(e2e_reading(sealed.chidi) == e2e_reading(clear.chidi));
  CHECK(e2e_reading(sealed.tomas) == e2e_reading(clear.tomas));
  CHECK(e2e_markers_read(sealed.lena) == leader_markers);
  CHECK(e2e_markers_read(sealed.chidi) == leader_markers);
  CHECK(e2e_markers_read(sealed.tomas) == visit_markers);
  CHECK(sealed.tomas.store->live(RecordType::CoachingNote).empty());

  // The fourth person's device holds nothing of the visit, not even sealed, and no key to it.
  CHECK(e2e_reading(sealed.sam).empty());
  CHECK(e2e_reading(clear.sam).empty());
  CHECK(sealed.sam.store->keys().all().empty());
  CHECK(e2e_markers_in(e2e_file_bytes(sealed.sam.dir + "/peerobs.sqlite") +
                       e2e_file_bytes(sealed.sam.dir + "/peerobs.sqlite-wal"))
            .empty());
}

TEST_CASE(
    "e2e sealed visit: a second device restored with the recovery phrase reads everything the first reads, a "
    "wrong phrase gets a sentence",
    "[server][sync][sealed][e2e][recovery]") {
  E2eVisit s(true);
  s.write_and_sync();
  const crypto::RecoveryPhrase phrase = sync::back_up_key_pair(*s.lena.store, s.lena.me());
  s.lena.sync();  // the backup reaches the hub, for Lena's devices only

  Device tablet;  // Lena's phone was lost: her new tablet
  tablet.options.seal_bodies = true;
  tablet.enroll(s.hub.url(), s.hub.issue_code(s.leader_id));
  CHECK(tablet.sync().needs_recovery_phrase);
  CHECK(e2e_reading(tablet).empty());  // everything sealed, waiting for keys

  const crypto::RecoveryPhrase other = crypto::RecoveryPhrase::make();
  auto wrong = sync::restore_key_pair(*tablet.store, tablet.me(), other.shown().view());
  CHECK_FALSE(wrong.restored);
  CHECK_THAT(wrong.message, Catch::Contains("recovery phrase does not open"));
  CHECK(sync::needs_recovery_phrase(*tablet.store, tablet.me()));
  CHECK(tablet.sync().needs_recovery_phrase);
  CHECK(e2e_reading(tablet).empty());

  auto right = sync::restore_key_pair(*tablet.store, tablet.me(), phrase.shown().view());
  CHECK(right.restored);
  auto after = tablet.sync();
  CHECK(after.unopened.empty());
  CHECK(tablet.store->keys().waiting() == 0);
  CHECK(e2e_reading(tablet) == e2e_reading(s.lena));
  CHECK(e2e_markers_read(tablet) == e2e_markers_for({E2eAudience::Visit, E2eAudience::CoachAndLeader}));
}
