// cereal serialization for every record: portable binary (the wire and the store) and JSON
// (export/import). Each type has a class version so a newer reader reads older data.
//
// Include this header instead of cereal/types/string.hpp or vector.hpp: binary input is
// untrusted (it arrives from other devices through the hub), so strings and lists are read
// through the bounded loaders below, which refuse a size before allocating it. Mixing in
// cereal's own string/vector loaders would break that guarantee (and the ODR).
#pragma once
#include <cereal/archives/json.hpp>
#include <cereal/archives/portable_binary.hpp>
#include <cereal/cereal.hpp>
#include <cereal/types/array.hpp>

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/records.h"

namespace core {
constexpr std::uint64_t kMaxTextBytes = 1u << 20;  // one string field: 1 MiB
constexpr std::uint64_t kMaxListItems = 100000;    // one list field
}  // namespace core

namespace cereal {

inline void CEREAL_SAVE_FUNCTION_NAME(PortableBinaryOutputArchive& ar, const std::string& s) {
  ar(make_size_tag(static_cast<size_type>(s.size())));
  ar(binary_data(s.data(), s.size()));
}
inline void CEREAL_LOAD_FUNCTION_NAME(PortableBinaryInputArchive& ar, std::string& s) {
  size_type n = 0;
  ar(make_size_tag(n));
  if (n > core::kMaxTextBytes) throw Exception("a text field claims " + std::to_string(n) + " bytes (limit 1 MiB)");
  s.resize(static_cast<std::size_t>(n));
  ar(binary_data(s.data(), static_cast<std::size_t>(n)));
}

// A bool from untrusted bytes: only 0 or 1. cereal's own loader copies the byte in, and a bool
// holding 43 (fuzz_pull_apply found one in a tombstone flag) is neither true nor false, which is
// undefined behaviour wherever it is read. Chosen over cereal's arithmetic template by overload
// resolution (a non-template), found by ADL through the archive's namespace.
inline void CEREAL_LOAD_FUNCTION_NAME(PortableBinaryInputArchive& ar, bool& b) {
  std::uint8_t byte = 0;
  ar.loadBinary<sizeof byte>(&byte, sizeof byte);
  if (byte > 1) throw Exception("a yes/no field holds the byte " + std::to_string(byte) + " (only 0 or 1 are allowed)");
  b = byte == 1;
}

template <class Archive, class T>
void CEREAL_SAVE_FUNCTION_NAME(Archive& ar, const std::vector<T>& v) {
  ar(make_size_tag(static_cast<size_type>(v.size())));
  for (const auto& item : v) ar(item);
}
template <class Archive, class T>
void CEREAL_LOAD_FUNCTION_NAME(Archive& ar, std::vector<T>& v) {
  size_type n = 0;
  ar(make_size_tag(n));
  if (n > core::kMaxListItems) throw Exception("a list claims " + std::to_string(n) + " items (limit 100000)");
  v.resize(static_cast<std::size_t>(n));
  for (auto& item : v) ar(item);
}

}  // namespace cereal

namespace core {

// Ids are 16 raw bytes on the wire and a plain string of 32 hex digits in JSON ("" = none).
inline void save(cereal::PortableBinaryOutputArchive& ar, const Id& id) { ar(id.bytes); }
inline void load(cereal::PortableBinaryInputArchive& ar, Id& id) { ar(id.bytes); }
inline std::string save_minimal(const cereal::JSONOutputArchive&, const Id& id) {
  return id.empty() ? std::string() : id.hex();
}
inline void load_minimal(const cereal::JSONInputArchive&, Id& id, const std::string& hex) {
  if (hex.empty()) {
    id = Id{};
    return;
  }
  auto parsed = Id::from_hex(hex);
  if (!parsed) throw cereal::Exception("an id must be 32 hex digits, got \"" + hex.substr(0, 40) + "\"");
  id = *parsed;
}

#define PEEROBS_F(field) cereal::make_nvp(#field, x.field)

// Key bytes (a public key, a wrapped key, a sealed key pair) are raw in binary and lowercase hex in
// JSON, so an export stays valid UTF-8 text and reads back to the same bytes.
inline std::string key_bytes_from_hex(const std::string& hex) {
  auto digit = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  if (hex.size() % 2) throw cereal::Exception("key bytes must be an even number of hex digits");
  std::string out(hex.size() / 2, '\0');
  for (std::size_t i = 0; i < out.size(); ++i) {
    const int hi = digit(hex[2 * i]), lo = digit(hex[2 * i + 1]);
    if (hi < 0 || lo < 0) throw cereal::Exception("key bytes must be hex digits, got \"" + hex.substr(0, 40) + "\"");
    out[i] = static_cast<char>(hi * 16 + lo);
  }
  return out;
}
template <class A>
void save_key_bytes(A& ar, const char* name, const std::string& bytes) {
  if constexpr (std::is_base_of_v<cereal::traits::TextArchive, A>)
    ar(cereal::make_nvp(name, to_hex(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size())));
  else
    ar(cereal::make_nvp(name, bytes));
}
template <class A>
void load_key_bytes(A& ar, const char* name, std::string& bytes) {
  if constexpr (std::is_base_of_v<cereal::traits::TextArchive, A>) {
    std::string hex;
    ar(cereal::make_nvp(name, hex));
    bytes = key_bytes_from_hex(hex);
  } else {
    ar(cereal::make_nvp(name, bytes));
  }
}
template <class A>
void key_bytes(A& ar, const char* name, std::string& bytes) {
  if constexpr (A::is_loading::value)
    load_key_bytes(ar, name, bytes);
  else
    save_key_bytes(ar, name, bytes);
}

template <class A>
void serialize(A& ar, Cycle& x, std::uint32_t) {
  ar(PEEROBS_F(title), PEEROBS_F(observed_teacher), PEEROBS_F(focus_question));
}
template <class A>
void serialize(A& ar, Participant& x, std::uint32_t) {
  ar(PEEROBS_F(person), PEEROBS_F(role));
}
template <class A>
void serialize(A& ar, CounterTool& x, std::uint32_t) {
  ar(PEEROBS_F(key), PEEROBS_F(label));
}
template <class A>
void serialize(A& ar, TimerTool& x, std::uint32_t) {
  ar(PEEROBS_F(key), PEEROBS_F(label), PEEROBS_F(exclusive_group));
}
template <class A>
void serialize(A& ar, Seat& x, std::uint32_t) {
  ar(PEEROBS_F(key), PEEROBS_F(label), PEEROBS_F(row), PEEROBS_F(col));
}
template <class A>
void serialize(A& ar, SeatingChart& x, std::uint32_t) {
  ar(PEEROBS_F(enabled), PEEROBS_F(rows), PEEROBS_F(cols), PEEROBS_F(seats));
}
template <class A>
void serialize(A& ar, DataTools& x, std::uint32_t) {
  ar(PEEROBS_F(evidence_notes), PEEROBS_F(counters), PEEROBS_F(timers), PEEROBS_F(seating));
}
// An Observation writes its class version itself, where cereal would, but per body: 1 while no
// other time is proposed, 2 with a proposal. A body without a proposal therefore encodes to the
// very bytes a version-1 writer made, so its body hash still holds when an export (which
// re-encodes bodies from JSON) is imported. cereal names a type's version only on its first
// object in an archive: in an export written before this, later observations carry none, and
// were all version 1.
inline std::uint32_t observation_body_version(const Observation& x) {
  return x.proposed_date.empty() && x.proposed_time.empty() && x.proposed_by.empty() ? 1 : 2;
}
inline std::uint32_t read_body_version(cereal::PortableBinaryInputArchive& ar) {
  std::uint32_t version = 0;
  ar(version);
  return version;
}
inline std::uint32_t read_body_version(cereal::JSONInputArchive& ar) {
  const char* next = ar.getNodeName();
  if (!next || std::string(next) != "cereal_class_version") return 1;
  std::uint32_t version = 0;
  ar(cereal::make_nvp("cereal_class_version", version));
  return version;
}
template <class A>
void save(A& ar, const Observation& x) {
  const std::uint32_t version = observation_body_version(x);
  ar(cereal::make_nvp("cereal_class_version", version));
  ar(PEEROBS_F(cycle), PEEROBS_F(focus_question), PEEROBS_F(look_fors), PEEROBS_F(tools), PEEROBS_F(template_key),
     PEEROBS_F(class_name), PEEROBS_F(date), PEEROBS_F(time), PEEROBS_F(participants), PEEROBS_F(status),
     PEEROBS_F(follows));
  if (version >= 2) ar(PEEROBS_F(proposed_date), PEEROBS_F(proposed_time), PEEROBS_F(proposed_by));
}
template <class A>
void load(A& ar, Observation& x) {
  const std::uint32_t version = read_body_version(ar);
  if (version < 1 || version > 2)
    throw cereal::Exception("an observation of body version " + std::to_string(version) +
                            ", which this peerobs cannot read: update peerobs on this device");
  ar(PEEROBS_F(cycle), PEEROBS_F(focus_question), PEEROBS_F(look_fors), PEEROBS_F(tools), PEEROBS_F(template_key),
     PEEROBS_F(class_name), PEEROBS_F(date), PEEROBS_F(time), PEEROBS_F(participants), PEEROBS_F(status),
     PEEROBS_F(follows));
  if (version >= 2) ar(PEEROBS_F(proposed_date), PEEROBS_F(proposed_time), PEEROBS_F(proposed_by));
}
// A Person writes its class version per body, as an Observation does: 1 without a public key, 2
// with one. Every person of today has no key, so their bodies keep the bytes (and body hashes) a
// version-1 writer made, and a device that predates keys still reads them.
inline std::uint32_t person_body_version(const Person& x) { return x.public_key.empty() ? 1 : 2; }
template <class A>
void save(A& ar, const Person& x) {
  const std::uint32_t version = person_body_version(x);
  ar(cereal::make_nvp("cereal_class_version", version));
  ar(PEEROBS_F(name), PEEROBS_F(school));
  if (version >= 2) save_key_bytes(ar, "public_key", x.public_key);
}
template <class A>
void load(A& ar, Person& x) {
  const std::uint32_t version = read_body_version(ar);
  if (version < 1 || version > 2)
    throw cereal::Exception("a person of body version " + std::to_string(version) +
                            ", which this peerobs cannot read: update peerobs on this device");
  ar(PEEROBS_F(name), PEEROBS_F(school));
  x.public_key.clear();
  if (version >= 2) load_key_bytes(ar, "public_key", x.public_key);
}
template <class A>
void serialize(A& ar, LessonClock& x, std::uint32_t) {
  ar(PEEROBS_F(observation), PEEROBS_F(elapsed_ms), PEEROBS_F(running), PEEROBS_F(ended));
}
template <class A>
void serialize(A& ar, EvidenceNote& x, std::uint32_t) {
  ar(PEEROBS_F(observation), PEEROBS_F(lesson_ms), PEEROBS_F(text), PEEROBS_F(kind), PEEROBS_F(look_for_tags));
}
template <class A>
void serialize(A& ar, Tally& x, std::uint32_t) {
  ar(PEEROBS_F(observation), PEEROBS_F(counter_key), PEEROBS_F(lesson_ms));
}
template <class A>
void serialize(A& ar, TimerSpan& x, std::uint32_t) {
  ar(PEEROBS_F(observation), PEEROBS_F(timer_key), PEEROBS_F(start_ms), PEEROBS_F(end_ms));
}
template <class A>
void serialize(A& ar, SeatMark& x, std::uint32_t) {
  ar(PEEROBS_F(observation), PEEROBS_F(seat_key), PEEROBS_F(lesson_ms));
}
template <class A>
void serialize(A& ar, Prompt& x, std::uint32_t) {
  ar(PEEROBS_F(observation), PEEROBS_F(text), PEEROBS_F(evidence), PEEROBS_F(shared));
}
template <class A>
void serialize(A& ar, Reflection& x, std::uint32_t) {
  ar(PEEROBS_F(observation), PEEROBS_F(prompt), PEEROBS_F(text));
}
template <class A>
void serialize(A& ar, DebriefNote& x, std::uint32_t) {
  ar(PEEROBS_F(observation), PEEROBS_F(text));
}
template <class A>
void serialize(A& ar, NextStep& x, std::uint32_t) {
  ar(PEEROBS_F(observation), PEEROBS_F(text), PEEROBS_F(owner), PEEROBS_F(support), PEEROBS_F(follow_up_date),
     PEEROBS_F(status), PEEROBS_F(follow_up_observation));
}
// CoachingNote's binary class version is chosen per note: a note naming no coach is written
// byte for byte as version 1 was, so a version-1 body that is decoded and encoded again (JSON
// export, then import) keeps its bytes and its body_hash; a note naming its coach is version 2.
// JSON keeps cereal's class version (CEREAL_CLASS_VERSION below), which says whether `coach`
// is present. The uint32 first is exactly what cereal writes for a versioned class.
inline void save(cereal::PortableBinaryOutputArchive& ar, const CoachingNote& x) {
  const std::uint32_t version = x.coach.empty() ? 1 : 2;
  ar(version, x.observation, x.teacher_leader, x.text);
  if (version >= 2) ar(x.coach);
}
inline void load(cereal::PortableBinaryInputArchive& ar, CoachingNote& x) {
  std::uint32_t version = 0;
  ar(version, x.observation, x.teacher_leader, x.text);
  x.coach = Id{};
  if (version >= 2) ar(x.coach);
}
template <class A, std::enable_if_t<std::is_base_of_v<cereal::traits::TextArchive, A>, int> = 0>
void serialize(A& ar, CoachingNote& x, std::uint32_t version) {
  ar(PEEROBS_F(observation), PEEROBS_F(teacher_leader), PEEROBS_F(text));
  if (version >= 2) ar(PEEROBS_F(coach));
}
template <class A>
void serialize(A& ar, KeyGrant& x, std::uint32_t) {
  ar(PEEROBS_F(key_id), PEEROBS_F(scope_kind), PEEROBS_F(scope), PEEROBS_F(recipient), PEEROBS_F(coach),
     PEEROBS_F(teacher_leader));
  key_bytes(ar, "wrapped", x.wrapped);
}
template <class A>
void serialize(A& ar, KeyBackup& x, std::uint32_t) {
  ar(PEEROBS_F(person));
  key_bytes(ar, "sealed", x.sealed);
}
#undef PEEROBS_F

// ---- bodies as bytes -------------------------------------------------------------------

// Every body begins with cereal's endianness flag (01, or 00 from a big-endian writer) and then a
// class version below 2^24; a sealed body (core/crypto/sealed_body.h) begins with this marker
// instead, so a reader tells the two apart from the bytes alone.
// The fourth byte says which: 01 a version sealed alone, 02 the head of a sealed bundle, 03 one of
// its other members (core/crypto/sealed_bundle.h). SQL that tells them apart compares the first
// three bytes (x'005342'): no plain body starts 00 'S'.
inline constexpr char kSealedBodyMarker[4] = {'\x00', 'S', 'B', '\x01'};
inline constexpr char kBundleHeadMarker[4] = {'\x00', 'S', 'B', '\x02'};
inline constexpr char kBundleMemberMarker[4] = {'\x00', 'S', 'B', '\x03'};
inline bool is_sealed_body(std::string_view body) {
  return body.size() >= sizeof kSealedBodyMarker && body.compare(0, 3, std::string_view(kSealedBodyMarker, 3)) == 0 &&
         (body[3] == kSealedBodyMarker[3] || body[3] == kBundleHeadMarker[3] || body[3] == kBundleMemberMarker[3]);
}
// A head or another member of a sealed bundle.
inline bool is_bundle_part(std::string_view body) { return is_sealed_body(body) && body[3] != kSealedBodyMarker[3]; }
// A body of `type` with every field at its default. Throws std::runtime_error for an unknown type.
RecordBody empty_body(RecordType type);
// Portable binary of one body (no type tag; the Version carries the type).
std::string encode_body(const RecordBody& body);
// Throws std::runtime_error naming the type if the bytes are not a valid body of that type, and
// for a sealed body, which only its content key opens (core/crypto/sealed_body.h).
RecordBody decode_body(RecordType type, const std::string& bytes);
// sha256 over (type, tombstone, body): what a Version's body_hash must equal.
Sha256 body_hash(RecordType type, bool tombstone, const std::string& body);

// A body as a JSON object (for export and debugging) and back.
void save_body_json(cereal::JSONOutputArchive& ar, const RecordBody& body);
RecordBody load_body_json(cereal::JSONInputArchive& ar, RecordType type);

}  // namespace core

// core::Person: written per body by save/load above (1, or 2 with a public key).
CEREAL_CLASS_VERSION(core::Cycle, 1)
CEREAL_CLASS_VERSION(core::Participant, 1)
CEREAL_CLASS_VERSION(core::CounterTool, 1)
CEREAL_CLASS_VERSION(core::TimerTool, 1)
CEREAL_CLASS_VERSION(core::Seat, 1)
CEREAL_CLASS_VERSION(core::SeatingChart, 1)
CEREAL_CLASS_VERSION(core::DataTools, 1)
// core::Observation: written per body by save/load above (1, or 2 with a proposed time).
CEREAL_CLASS_VERSION(core::LessonClock, 1)
CEREAL_CLASS_VERSION(core::EvidenceNote, 1)
CEREAL_CLASS_VERSION(core::Tally, 1)
CEREAL_CLASS_VERSION(core::TimerSpan, 1)
CEREAL_CLASS_VERSION(core::SeatMark, 1)
CEREAL_CLASS_VERSION(core::Prompt, 1)
CEREAL_CLASS_VERSION(core::Reflection, 1)
CEREAL_CLASS_VERSION(core::DebriefNote, 1)
CEREAL_CLASS_VERSION(core::NextStep, 1)
CEREAL_CLASS_VERSION(core::CoachingNote, 2)  // JSON only: binary chooses per note (above)
CEREAL_CLASS_VERSION(core::KeyGrant, 1)
CEREAL_CLASS_VERSION(core::KeyBackup, 1)
