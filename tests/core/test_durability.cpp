// Durability: a writer process killed with SIGKILL mid-stream loses no write it had
// acknowledged, and the file passes PRAGMA integrity_check. The writer acknowledges a note
// (through a pipe) only after Store::create returned, as the UI shows "saved" only then.
#include <catch2/catch.hpp>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <set>

#include "core/store.h"
#include "support/temp_dir.h"

using namespace core;
using testing_support::TempDir;

namespace {
[[noreturn]] void write_until_killed(const std::string& path, int ack_fd) {
  try {
    Store store(path);
    Id me = Id::random(), obs = Id::random();
    for (int i = 0;; ++i) {
      Version v = store.create(EvidenceNote{obs, i, "note " + std::to_string(i), NoteKind::Noticing, {}}, me);
      std::string line = v.record.hex() + "\n";
      if (write(ack_fd, line.data(), line.size()) != static_cast<ssize_t>(line.size())) _exit(3);
    }
  } catch (...) {
    _exit(2);
  }
}
}  // namespace

TEST_CASE("durability: every acknowledged note survives SIGKILL of the writer", "[core][store][durability]") {
  TempDir dir;
  std::string path = dir.file("d.sqlite");
  { Store create(path); }
  int fds[2];
  REQUIRE(pipe(fds) == 0);
  pid_t child = fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    close(fds[0]);
    write_until_killed(path, fds[1]);
  }
  close(fds[1]);
  FILE* acks = fdopen(fds[0], "r");
  REQUIRE(acks);
  std::set<std::string> acknowledged;
  char line[64];
  while (acknowledged.size() < 300 && std::fgets(line, sizeof line, acks)) acknowledged.insert(std::string(line, 32));
  kill(child, SIGKILL);
  // Acks already in the pipe were acknowledged before the kill: they count too.
  while (std::fgets(line, sizeof line, acks)) acknowledged.insert(std::string(line, 32));
  std::fclose(acks);
  int status = 0;
  waitpid(child, &status, 0);
  REQUIRE(WIFSIGNALED(status));
  REQUIRE(acknowledged.size() >= 300);

  Store store(path);
  {
    Stmt st(store.db(), "PRAGMA integrity_check");
    REQUIRE(st.step());
    CHECK(st.col_text(0) == "ok");
  }
  std::size_t missing = 0;
  for (const auto& hex : acknowledged)
    if (!store.get(*Id::from_hex(hex))) ++missing;
  CHECK(missing == 0);
  // Each acknowledged note also reached the outbox in the same commit.
  CHECK(store.outbox().size() >= static_cast<std::int64_t>(acknowledged.size()));
}

TEST_CASE("durability: the store commits with WAL and synchronous=FULL", "[core][store][durability]") {
  TempDir dir;
  Store store(dir.file("s.sqlite"));
  Stmt mode(store.db(), "PRAGMA journal_mode");
  REQUIRE(mode.step());
  CHECK(mode.col_text(0) == "wal");
  CHECK(store.db().pragma_int("synchronous") == 2);
  CHECK(store.db().pragma_int("foreign_keys") == 1);
}
