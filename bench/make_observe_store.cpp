// Writes the store bench/web measures Observe's frames with: the same one bench_observe_frame
// builds (1,000 observations; the last, planned, holds 2,000 captured items from two observers),
// with the first run done (a local person), as one SQLite file in rollback-journal mode, ready to
// be put into the browser's IndexedDB as /data/peerobs.sqlite (the web build's SQLite has no WAL:
// it takes a file marked WAL for "not a database").
// Usage: make_observe_store OUT_FILE   (OUT_FILE must not exist; its folder is created)
#include <cstdio>
#include <exception>
#include <filesystem>
#include <string>

#include "core/sqlite.h"
#include "core/store.h"

namespace {

// As bench_observe_frame.cpp's seed(), so the browser's figure and the native one describe the
// same work; keep the two in step.
void seed(core::Store& store) {
  core::Id me = store.create(core::Person{"Sam Okafor", ""}, core::Id{}).record;
  store.set_local_person(me);
  core::Id coach = store.create(core::Person{"Jonas Berg", ""}, me).record;
  core::Id teacher = store.create(core::Person{"Amira Haddad", ""}, me).record;
  core::Observation o;
  o.focus_question = "Who gets to answer my questions, and how long do I wait before I take an answer?";
  o.look_fors = {"Open questions", "Wait time", "Who answers"};
  o.tools.counters = {{"open-q", "Open questions"}, {"closed-q", "Closed questions"}, {"student-q", "Student questions"}};
  o.tools.timers = {{"teacher", "Teacher talk", "talk"}, {"student", "Student talk", "talk"}, {"wait", "Wait time", ""}};
  o.tools.seating.enabled = true;
  o.tools.seating.rows = 4;
  o.tools.seating.cols = 6;
  for (int r = 0; r < 4; ++r)
    for (int c = 0; c < 6; ++c)
      o.tools.seating.seats.push_back({"r" + std::to_string(r) + "c" + std::to_string(c), "S" + std::to_string(r * 6 + c), r, c});
  o.participants = {{teacher, core::Role::ObservedTeacher}, {me, core::Role::TeacherLeader}, {coach, core::Role::Coach}};
  core::Id target;
  store.transaction([&] {
    for (int i = 0; i < 1000; ++i) {
      core::Observation x = o;
      x.class_name = "Class " + std::to_string(i);
      x.date = "2026-" + std::string(i % 12 < 9 ? "0" : "") + std::to_string(i % 12 + 1) + "-1" + std::to_string(i % 10);
      x.status = i == 999 ? core::ObservationStatus::Planned : core::ObservationStatus::Debriefed;
      core::Id id = store.create(x, me).record;
      if (i == 999) target = id;
    }
    for (int i = 0; i < 2000; ++i) {
      core::Id author = i % 3 == 0 ? coach : me;
      std::int64_t t = static_cast<std::int64_t>(i) * 1500;
      switch (i % 4) {
        case 0:
          store.create(core::EvidenceNote{target, t, "Note " + std::to_string(i) + ": students compare predictions in pairs",
                                          core::NoteKind::Noticing, {"Who answers"}},
                       author);
          break;
        case 1: store.create(core::Tally{target, i % 8 == 1 ? "open-q" : "closed-q", t}, author); break;
        case 2: store.create(core::TimerSpan{target, i % 8 == 2 ? "teacher" : "student", t, t + 1000}, author); break;
        default: store.create(core::SeatMark{target, "r" + std::to_string(i % 4) + "c" + std::to_string(i % 6), t}, author); break;
      }
    }
  });
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: make_observe_store OUT_FILE\n");
    return 2;
  }
  const std::filesystem::path out = argv[1];
  std::error_code ec;
  if (std::filesystem::exists(out, ec)) {
    std::fprintf(stderr, "make_observe_store: %s already exists; give a new file name.\n", out.c_str());
    return 2;
  }
  try {
    if (out.has_parent_path()) std::filesystem::create_directories(out.parent_path());
    {
      core::Store store(out.string());  // WAL, as on the desktop
      seed(store);
    }  // closed: checkpointed, the WAL removed
    core::Db db(out.string(), false);
    db.exec("PRAGMA journal_mode=DELETE");
  } catch (const std::exception& e) {
    std::fprintf(stderr, "make_observe_store: %s\n", e.what());
    return 1;
  }
  for (const char* suffix : {"-wal", "-shm"}) {
    if (std::filesystem::exists(out.string() + suffix, ec)) {
      std::fprintf(stderr, "make_observe_store: %s%s is still there after closing the store.\n", out.c_str(), suffix);
      return 1;
    }
  }
  std::printf("%s: 1,000 observations, 2,000 items in the planned one, %ju bytes\n", out.c_str(),
              static_cast<std::uintmax_t>(std::filesystem::file_size(out)));
  return 0;
}
