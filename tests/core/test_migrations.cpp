// Schema migrations: a database made by every earlier schema version opens in this one with
// its data intact; newer, foreign and broken files are refused with a clear message.
#include <catch2/catch.hpp>

#include <fstream>

#include "core/serialization.h"
#include "core/store.h"
#include "support/temp_dir.h"

using namespace core;
using testing_support::TempDir;

namespace {
// Writes one note the way schema 1 stored it (the versions/heads layout has not changed since).
void write_v1_note(Db& db, Id rec, Id obs, const std::string& text) {
  std::string body = encode_body(EvidenceNote{obs, 42, text, NoteKind::Quote, {}});
  auto hash = body_hash(RecordType::EvidenceNote, false, body);
  Id ver = Id::random();
  Stmt ins(db,
           "INSERT INTO versions(version_id, record_id, type, author, observation, parents, tombstone, saved_at,"
           " body, body_hash) VALUES(?,?,?,?,?,?,0,0,?,?)");
  ins.bind_blob(1, ver.bytes.data(), 16).bind_blob(2, rec.bytes.data(), 16);
  ins.bind(3, static_cast<std::int64_t>(RecordType::EvidenceNote));
  ins.bind_blob(4, rec.bytes.data(), 16).bind_blob(5, obs.bytes.data(), 16).bind_blob(6, "", 0);
  ins.bind_blob(7, body.data(), body.size()).bind_blob(8, hash.data(), hash.size());
  ins.run();
  Stmt head(db, "INSERT INTO heads(record_id, version_id, type, observation, tombstone) VALUES(?,?,?,?,0)");
  head.bind_blob(1, rec.bytes.data(), 16).bind_blob(2, ver.bytes.data(), 16);
  head.bind(3, static_cast<std::int64_t>(RecordType::EvidenceNote)).bind_blob(4, obs.bytes.data(), 16);
  head.run();
}
}  // namespace

TEST_CASE("migrations: a database made by every earlier schema version opens with its data", "[core][migrations]") {
  for (int version = 1; version < kSchemaVersion; ++version) {
    INFO("made by schema " << version);
    TempDir dir;
    Id rec = Id::random(), obs = Id::random();
    {
      Db db(dir.file("old.sqlite"), true);
      migrate(db, version);
      CHECK(db.pragma_int("user_version") == version);
      write_v1_note(db, rec, obs, "kept across the upgrade");
    }
    Store store(dir.file("old.sqlite"));
    CHECK(store.db().pragma_int("user_version") == kSchemaVersion);
    auto head = store.get(rec);
    REQUIRE(head);
    CHECK(std::get<EvidenceNote>(head->body).text == "kept across the upgrade");
    store.drafts().save("k", "v");  // schema 2 feature works after the upgrade
    CHECK(store.drafts().get("k") == std::optional<std::string>("v"));
    Version next = store.update(rec, EvidenceNote{obs, 42, "edited after", NoteKind::Quote, {}}, Id::random());
    CHECK(next.parents.size() == 1);
  }
}

TEST_CASE("migrations: a database from a newer peerobs is refused, untouched", "[core][migrations]") {
  TempDir dir;
  {
    Db db(dir.file("new.sqlite"), true);
    migrate(db, kSchemaVersion);
    db.exec("PRAGMA user_version = " + std::to_string(kSchemaVersion + 5));
  }
  CHECK_THROWS_WITH(Store(dir.file("new.sqlite")), Catch::Contains("made by a newer peerobs"));
  Db db(dir.file("new.sqlite"), false);
  CHECK(db.pragma_int("user_version") == kSchemaVersion + 5);
}

TEST_CASE("migrations: files that are not peerobs stores are refused with a message", "[core][migrations]") {
  TempDir dir;
  SECTION("another application's SQLite database") {
    {
      Db db(dir.file("other.sqlite"), true);
      db.exec("CREATE TABLE invoices(id INTEGER)");
    }
    CHECK_THROWS_WITH(Store(dir.file("other.sqlite")), Catch::Contains("not a peerobs store"));
  }
  SECTION("a text file") {
    std::ofstream(dir.file("notes.sqlite")) << "this is not a database at all, just some text that is long enough";
    CHECK_THROWS_WITH(Store(dir.file("notes.sqlite")), Catch::Contains("not a peerobs database"));
  }
}
