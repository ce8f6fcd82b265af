// The messages a device and the hub exchange, and their cereal portable-binary form.
//
// Each message travels inside the envelope of wire.h. pack() encodes and seals; unpack() opens
// and decodes, turning any cereal failure into a WireError (400), so a malformed payload from
// the network never escapes as a crash. Versions travel whole (ids, parents, author, scope,
// tombstone, body, body hash); the receiver re-checks the hash.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/records.h"
#include "core/sync/wire.h"

namespace core::sync {

constexpr std::uint32_t kMaxBodyBytes = 4u << 20;  // one record body: 4 MiB
constexpr std::uint32_t kMaxPullPage = 10000;      // versions per pull page, at most
constexpr std::size_t kPullPageBytes = 8u << 20;   // bodies per pull page: a page stops past 8 MiB
constexpr std::size_t kPushBatchBytes = 8u << 20;  // bodies per push batch: a batch stops past 8 MiB

// Layout: code, device_name, then (format 2) a u32 kEnrollRequestFormat and the token. A
// request without the token is written exactly as format 1 was, and a hub reads both: a device
// from before format 2 enrolls as it always did (the hub makes its token).
constexpr std::uint32_t kEnrollRequestFormat = 2;
struct EnrollRequest {
  std::string code;         // the one-time enrollment code the program lead gave
  std::string device_name;  // e.g. the host name, shown in `peerobs-hub devices`
  // The device's own token, 64 hex digits, committed on the device before the request is sent,
  // so an answer lost to a kill or a cut is asked for again with the same code and token and
  // the hub answers it as the first time. "" = format 1: the hub makes the token.
  std::string token{};
};

// A code as the hub hashes it: without dashes or spaces, in capitals ("abcd-efgh" = "ABCDEFGH").
std::string normalized_code(const std::string& code);

struct EnrollResponse {
  Id device;          // this device's id on the hub
  std::string token;  // 64 hex digits (256 bits); the hub keeps only its hash
  Id person;          // the roster person this device belongs to
  std::string person_name;
  std::vector<Version> person_versions;  // the hub's versions of that Person record
};

struct PushRequest {
  Id batch;                       // random per batch; a replay with the same id gets the same answer
  std::vector<Version> versions;  // in the order they were saved
};

struct PushResponse {
  Id batch;
  std::uint32_t stored = 0;         // versions new to the hub
  std::uint32_t already_known = 0;  // versions it had already (idempotent resend)
  bool replayed = false;            // true when this batch id had been applied before
};

struct PullRequest {
  std::uint64_t cursor = 0;  // the last cursor the device stored (0 = from the start)
  std::uint32_t limit = 1000;
};

struct PullResponse {
  std::vector<Version> versions;
  std::uint64_t next_cursor = 0;  // store this with the versions, in one transaction
  bool more = false;              // another page is waiting
};

struct StatusResponse {
  std::uint16_t protocol = kProtocolVersion;
  Id person;
  std::string person_name;
  std::uint64_t latest_cursor = 0;  // the newest cursor this person could pull up to
};

// One version the hub would not store, and why. status is the HTTP status that alone this
// version would have earned: 403 (the privacy rules forbid it) or 409 (the hub holds this
// version id with another body, or the record with another type).
struct RefusedVersion {
  Id version;
  std::uint16_t status = 403;
  std::string reason;  // a sentence a person can act on, naming the version and the rule
};

// The body of a 403/409 answer to a push: nothing of the batch was stored; the device may send
// the batch again without the refused versions. message is the same refusal in one sentence.
struct RefusalResponse {
  Id batch;
  std::string message;
  std::vector<RefusedVersion> refused;
};

template <class T>
std::string pack(const T& message);
template <class T>
T unpack(const std::string& envelope);

}  // namespace core::sync
