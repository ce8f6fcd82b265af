// A hub whose database has the schema-1 feed (two 16-byte ids per row) moves to schema 2 when
// it starts: devices continue from their cursors, nothing arrives twice, nothing is lost, and
// a feed it cannot move leaves the hub unstarted with its database untouched.
// Devices send bodies in clear (ClearDevice, TwoColleagues::Sealed::No in sync_fixture.h): the cases count
// pulled versions exactly.
#include <catch2/catch.hpp>

#include "core/sqlite.h"
#include "sync_fixture.h"

using namespace core;
using namespace testing_support;

namespace {
// What peerobs-hub before schema 2 created, filled from the current tables: the same rows and
// cursors, in the old layout, as an old hub would have left them.
void rewrite_feed_as_schema_1(const std::string& db_path, std::int64_t extra_cursors = 0) {
  Db db(db_path, false);
  db.exec(R"sql(
BEGIN;
CREATE TABLE hub_feed(cursor INTEGER PRIMARY KEY AUTOINCREMENT, person BLOB NOT NULL,
  version_id BLOB NOT NULL, UNIQUE(person, version_id));
CREATE INDEX hub_feed_by_person ON hub_feed(person, cursor);
INSERT INTO hub_feed(cursor, person, version_id)
  SELECT f.cursor, r.person, v.version_id FROM hub_reader_feed f JOIN hub_readers r ON r.key = f.reader
  JOIN versions v ON v.seq = f.version_seq ORDER BY f.cursor;
DROP TABLE hub_reader_feed;
DROP TABLE hub_readers;
DELETE FROM meta WHERE key = 'hub.feed_cursor';
COMMIT;
)sql");
  // An old hub's AUTOINCREMENT remembers cursors whose rows are gone; none may be given again.
  if (extra_cursors > 0)
    db.exec("UPDATE sqlite_sequence SET seq = seq + " + std::to_string(extra_cursors) + " WHERE name = 'hub_feed'");
}

std::int64_t scalar(const std::string& db_path, const std::string& sql) {
  Db db(db_path, false);
  Stmt st(db, sql.c_str());
  return st.step() ? st.col_int(0) : -1;
}

struct OldHub : TwoColleagues {
  OldHub() : TwoColleagues(Sealed::No) { enroll(); }
  std::string db() const { return hub.data_dir() + "/hub.sqlite"; }
  void restart() {
    hub.start();  // on a new port: the devices follow it
    for (Device* d : {&lena, &chidi}) d->store->meta().set(core::MetaKey::SyncHubUrl, hub.url());
  }
  void notes(int from, int to) {
    for (int i = from; i < to; ++i) lena.note(obs, "note " + std::to_string(i));
  }
};
}  // namespace

TEST_CASE("hub feed migration: devices continue from their cursors after the move to schema 2", "[server][sync]") {
  OldHub h;
  h.notes(0, 40);
  h.lena.sync();
  h.chidi.sync();  // chidi is up to date at some cursor
  h.notes(40, 70);
  h.lena.sync();  // 30 more wait in the feed for chidi
  auto chidi_cursor = std::stoll(*h.chidi.store->meta().get(core::MetaKey::SyncCursor));
  h.hub.stop();
  rewrite_feed_as_schema_1(h.db(), 5);
  std::int64_t old_rows = scalar(h.db(), "SELECT count(*) FROM hub_feed");
  std::int64_t old_high = scalar(h.db(), "SELECT seq FROM sqlite_sequence WHERE name = 'hub_feed'");

  h.restart();  // migrates
  CHECK(scalar(h.db(), "SELECT count(*) FROM sqlite_master WHERE name = 'hub_feed'") == 0);
  CHECK(scalar(h.db(), "SELECT count(*) FROM hub_reader_feed") == old_rows);
  auto r = h.chidi.sync();
  CHECK(r.pulled_total == 30);  // exactly what waited, from its old cursor
  h.check_notes(h.chidi, 70);

  // New rows get cursors above every cursor the old hub handed out.
  h.notes(70, 75);
  h.lena.sync();
  CHECK(scalar(h.db(), "SELECT min(cursor) FROM hub_reader_feed WHERE cursor > " + std::to_string(old_high - 5)) >
        old_high);
  CHECK(h.chidi.sync().pulled_total == 5);
  h.check_notes(h.chidi, 75);
  CHECK(std::stoll(*h.chidi.store->meta().get(core::MetaKey::SyncCursor)) > chidi_cursor);

  // A device enrolled after the move receives everything it may see.
  Device coach2;
  coach2.enroll(h.hub.url(), h.hub.issue_code(h.chidi_id));
  coach2.sync();
  CHECK(coach2.notes(h.obs) == 75);
}

TEST_CASE("hub feed migration: a feed naming versions the hub lacks stops the hub and changes nothing",
          "[server][sync]") {
  OldHub h;
  h.notes(0, 10);
  h.lena.sync();
  h.hub.stop();
  rewrite_feed_as_schema_1(h.db());
  {
    Db db(h.db(), false);
    db.exec("INSERT INTO hub_feed(person, version_id) VALUES(zeroblob(16), randomblob(16))");
  }
  std::int64_t rows = scalar(h.db(), "SELECT count(*) FROM hub_feed");
  auto out = run_command({hub_binary(), "devices", "--data", h.hub.data_dir()});
  CHECK(out.exit_code != 0);
  CHECK_THAT(out.out, Catch::Contains("name versions the hub does not hold") && Catch::Contains("Nothing was changed"));
  CHECK(scalar(h.db(), "SELECT count(*) FROM hub_feed") == rows);
  CHECK(scalar(h.db(), "SELECT count(*) FROM sqlite_master WHERE name = 'hub_reader_feed'") == 0);
}
