// The feed devices pull from: for each reader (a person, or everyone), the versions they may
// see, each under a hub-wide increasing cursor. The privacy rules decide the rows (HubStore);
// this file only stores and reads them.
//
// Layout (hub schema 2): readers get small integer keys (hub_readers), and a row is three
// integers (reader, cursor, version seq) in a table clustered by (reader, cursor), with a
// unique index on (reader, version seq) so no reader is fed one version twice. Schema 1 kept
// two 16-byte ids per row in a rowid table with two indexes: the feed was a third of every
// push's pages, and 10,000 notes for two readers wrote 2.3 MB of feed; now about 0.6 MB.
// Cursors are kept across the migration, so devices continue where they were.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/store.h"

namespace server {

// The reader of rows every person pulls (roster Person records).
extern const core::Id kEveryone;

struct FeedRow {
  std::uint64_t cursor;
  std::int64_t version_seq;  // versions.seq of the version
};

class HubFeed {
 public:
  // Creates the feed tables, or migrates a schema-1 feed (in one transaction).
  explicit HubFeed(core::Store& store);
  // Reads only (page, latest) on a read-only connection (hub_reader.h): the writer's HubFeed
  // made the tables, and this one never changes them.
  struct ReadOnly {};
  HubFeed(core::Store& store, ReadOnly) : store_(store) {}

  // Appends (reader, version id) rows in order under new cursors, inside the caller's
  // transaction; a row the feed already has is skipped. Every version must be stored; `seqs`
  // may give the seqs of some (those just written), the others are looked up.
  void append(const std::vector<std::pair<core::Id, core::Id>>& rows,
              std::unordered_map<core::Id, std::int64_t> seqs = {});
  // Up to `limit` rows after `cursor` for `person` and for everyone, in cursor order.
  std::vector<FeedRow> page(core::Id person, std::uint64_t cursor, std::uint32_t limit) const;
  // The last cursor `person` can pull (theirs or everyone's), 0 when none.
  std::uint64_t latest(core::Id person) const;

 private:
  std::int64_t reader_key(core::Id reader);  // adds the reader when new
  std::optional<std::int64_t> find_reader(core::Id reader) const;
  void migrate_from_schema_1();

  core::Store& store_;
};

}  // namespace server
