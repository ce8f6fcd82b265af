// The sync wire envelope: every request and response body between a device and the hub.
//
// Layout (16-byte header, big-endian integers, then the payload):
//   "POBS" | protocol u16 | message type u8 | flags u8 | payload length u32 | decoded length u32
// The payload is a cereal portable-binary message, zstd-compressed (one frame) when flags has
// kCompressed. Protocol 1 used zlib there; 2 is the same envelope with zstd; 3 adds sealed
// bodies and key records (docs/encryption.md), which a protocol-2 peer would store or show as
// unreadable, so the strict check below keeps the two apart with a sentence instead; 4 adds
// sealed bundles (core/crypto/sealed_bundle.h), which a protocol-3 device would take for damage.
// Both lengths are checked against the limits BEFORE anything is inflated or decoded, and the
// inflated size must equal the declared one: input from the network is untrusted.
#pragma once
#include <cstdint>
#include <stdexcept>
#include <string>

namespace core::sync {

constexpr std::uint16_t kProtocolVersion = 4;
// Every protocol version peerobs will ever speak is below this (the field's high byte is reserved
// as zero), so a header claiming more is damaged or foreign, not a newer peer: it gets 400
// "malformed", never a misleading "update this peerobs".
constexpr std::uint16_t kProtocolVersionLimit = 256;
constexpr char kMagic[4] = {'P', 'O', 'B', 'S'};
constexpr std::size_t kHeaderBytes = 16;
constexpr std::uint32_t kMaxWireBytes = 16u << 20;     // one envelope on the wire: 16 MiB
constexpr std::uint32_t kMaxDecodedBytes = 64u << 20;  // its payload once inflated: 64 MiB
constexpr std::uint8_t kCompressed = 1;

enum class MessageType : std::uint8_t {
  EnrollRequest = 1,
  EnrollResponse,
  PushRequest,
  PushResponse,
  PullRequest,
  PullResponse,
  StatusResponse,
  RefusalResponse,  // 8: a push refused for named versions (HTTP 403/409 body)
};
const char* message_name(MessageType type);

// Why an envelope could not be read; http_status() says how the hub answers it.
struct WireError : std::runtime_error {
  enum class Kind { Malformed, Truncated, TooLarge, PeerTooOld, PeerTooNew, WrongMessage };
  Kind kind;
  WireError(Kind k, const std::string& what) : std::runtime_error(what), kind(k) {}
  int http_status() const;  // 413 for TooLarge, 426 for a protocol mismatch, else 400
};

// Wraps a payload (already cereal-encoded) into an envelope; compresses it when that helps.
std::string seal(MessageType type, const std::string& payload);

// Checks the header and returns the decoded payload of an envelope of the expected type.
// Throws WireError with a message a person can act on.
std::string open(const std::string& envelope, MessageType expected);

// The protocol version a raw envelope claims (0 if it is too short, not ours, or its protocol
// field is damaged); lets an error response tell an older or newer peer what it is talking to.
std::uint16_t claimed_protocol(const std::string& envelope);

}  // namespace core::sync
