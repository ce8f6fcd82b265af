// The store's held-back list (schema 4): versions the hub refused leave the outbox but not the
// device, survive a reopen with the hub's reason, and go back to the outbox in their order.
#include <catch2/catch.hpp>

#include "core/store.h"
#include "support/temp_dir.h"

using namespace core;
using testing_support::TempDir;

TEST_CASE("held back: a refused version leaves the outbox, keeps its reason across a reopen, and can be retried",
          "[core][sync][store]") {
  TempDir dir;
  Id me = Id::random(), obs = Id::random();
  std::vector<Version> saved;
  {
    Store store(dir.file("s.sqlite"));
    for (int i = 0; i < 4; ++i)
      saved.push_back(store.create(EvidenceNote{obs, i, "note " + std::to_string(i), NoteKind::Quote, {}}, me));
    store.outbox().hold_back(
        {{saved[2].version, 403, "not a participant", 1000}, {saved[0].version, 409, "changed body", 2000}});
    CHECK(store.outbox().size() == 2);
    auto out = store.outbox().first(10);
    REQUIRE(out.size() == 2);
    CHECK(out[0].version == saved[1].version);
    CHECK(out[1].version == saved[3].version);
  }
  Store store(dir.file("s.sqlite"));
  CHECK(store.outbox().held_back_size() == 2);
  CHECK(store.outbox().is_held_back(saved[0].version));
  CHECK_FALSE(store.outbox().is_held_back(saved[1].version));
  auto held = store.outbox().held_back();
  REQUIRE(held.size() == 2);
  CHECK(held[0].version == saved[0].version);  // most recently held first
  CHECK(held[0].status == 409);
  CHECK(held[0].reason == "changed body");
  CHECK(held[1].held_at_ms == 1000);
  CHECK(store.get(saved[2].record));  // still on the device
  store.outbox().remove({saved[1].version, saved[3].version});
  CHECK(store.outbox().retry_held_back() == 2);
  CHECK(store.outbox().held_back_size() == 0);
  auto out = store.outbox().first(10);
  REQUIRE(out.size() == 2);
  CHECK(out[0].version == saved[0].version);  // oldest first, as they were saved
  CHECK(out[1].version == saved[2].version);
}
