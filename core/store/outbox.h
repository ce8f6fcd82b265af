// What this device still has to send: the `outbox` (versions not yet pushed, in push order),
// `held_back` (versions the hub refused, kept out of the outbox until the user retries) and
// `local_only` (records and observations that never go out: demo data). The only place that
// reads or writes those tables.
// Invariants: a version is in the outbox or held back, never both; a local-only record, or any
// record inside a local-only observation, never enters the outbox (add() checks it).
#pragma once
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/records.h"
#include "core/store/connection.h"

namespace core {

// A version the hub refused to store (privacy rule, or a version id it holds with another
// body). It stays on this device, out of the outbox, until the user asks to try it again.
struct HeldBackVersion {
  Id version;
  int status = 0;               // the hub's HTTP status for this version: 403 or 409
  std::string reason;           // the hub's sentence, shown to the user
  std::int64_t held_at_ms = 0;  // device clock when it was held back, for display only
};

class Outbox {
 public:
  explicit Outbox(Connection& connection) : c_(connection) {}

  // Queues v last, unless it is local-only (its record or its observation). Inside the
  // caller's transaction, with the version's own insert.
  void add(const Version& v);
  std::vector<Version> first(int limit) const;  // oldest first
  // Oldest first, after outbox position `after` (0: from the start), at most `limit`, none past
  // position `up_to` (0: no bound), and stopping before the version whose body would pass
  // `max_body_bytes` (never before the first); `last` is set to the position of the last one
  // returned. Lets a push read its next batch while the previous one is still in the outbox,
  // waiting for the hub's answer.
  std::vector<Version> after(std::int64_t after, int limit, std::int64_t up_to, std::size_t max_body_bytes,
                             std::int64_t& last) const;
  std::int64_t size() const;
  bool is_queued(Id version) const;  // in the outbox, still to send
  void remove(const std::vector<Id>& versions);

  // For re-keying versions in place (core/sync/rekey.h): each queued version's position,
  // taking out every version of one record, and putting one back at a given position.
  std::map<Id, std::int64_t> positions() const;
  void remove_record(Id record);
  void place(Id version, std::int64_t position);

  // --- versions the hub refused (schema 4) ---
  // Moves `items` out of the outbox into the held-back list, in one transaction; the versions
  // themselves stay stored and visible on this device.
  void hold_back(const std::vector<HeldBackVersion>& items);
  std::vector<HeldBackVersion> held_back() const;  // most recently held first
  std::int64_t held_back_size() const;
  bool is_held_back(Id version) const;
  // Puts every held-back version back at the end of the outbox; returns how many.
  std::int64_t retry_held_back();

  // --- records that never leave this device (demo data) ---
  // A record or observation id marked local-only keeps every save of it, and every record
  // inside such an observation, out of the outbox.
  void mark_local_only(Id id);
  bool is_local_only(Id id) const;
  // v never leaves: its record or its observation is local-only (what add() checks).
  bool never_leaves(const Version& v) const;

 private:
  Connection& c_;
};

}  // namespace core
