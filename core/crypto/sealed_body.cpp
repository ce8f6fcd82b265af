// Sealing and opening version bodies. See sealed_body.h for the layout.
#include "core/crypto/sealed_body.h"

#include <cstring>
#include <sstream>
#include <stdexcept>
#include <type_traits>

#include "core/crypto/sealed_bundle.h"
#include "core/serialization.h"

namespace core::crypto {

namespace {
constexpr const char (&kSealMarker)[4] = kSealedBodyMarker;
constexpr std::size_t kKeyIdBytes = 16;
constexpr std::size_t kSealedHeaderBytes = sizeof kSealMarker + 4;

template <class T, class = void>
struct names_observation : std::false_type {};
template <class T>
struct names_observation<T, std::void_t<decltype(std::declval<T&>().observation)>> : std::true_type {};

// The routing fields of each type, in the order they are encoded. Body is RecordBody or const
// RecordBody; the archive reads into the one or writes from the other.
template <class Archive, class Body>
void routing_fields(Archive& ar, Body& body) {
  std::visit(
      [&](auto& b) {
        using T = std::decay_t<decltype(b)>;
        if constexpr (std::is_same_v<T, Cycle>) ar(b.observed_teacher);
        if constexpr (std::is_same_v<T, Observation>) ar(b.cycle, b.participants);
        if constexpr (std::is_same_v<T, Prompt>) ar(b.shared);
        if constexpr (std::is_same_v<T, CoachingNote>) ar(b.teacher_leader, b.coach);
      },
      body);
}

struct SealedLayout {
  std::string_view routing;
  Id key_id;
  std::array<std::uint8_t, kSealNonceBytes> nonce{};
  std::string_view clear_part;  // every byte before the ciphertext
  std::string_view ciphertext;
};

std::uint32_t read_sealed_u32(const char* p) {
  return std::uint32_t(std::uint8_t(p[0])) | std::uint32_t(std::uint8_t(p[1])) << 8 |
         std::uint32_t(std::uint8_t(p[2])) << 16 | std::uint32_t(std::uint8_t(p[3])) << 24;
}

// nullopt, with why, when `body` is not a well-formed sealed body.
std::optional<SealedLayout> parse_sealed(std::string_view body, std::string& why) {
  if (!is_sealed_body(body) || is_bundle_part(body)) {
    why = is_sealed_body(body) ? "it was sealed in a bundle, not alone" : "it is not a sealed body";
    return std::nullopt;
  }
  if (body.size() < kSealedHeaderBytes) {
    why = "its sealed body is cut short";
    return std::nullopt;
  }
  const std::size_t routing_bytes = read_sealed_u32(body.data() + sizeof kSealMarker);
  const std::size_t fixed = kSealedHeaderBytes + kKeyIdBytes + kSealNonceBytes + kSealTagBytes;
  if (routing_bytes > body.size() || body.size() - routing_bytes < fixed) {
    why = "its sealed body is cut short";
    return std::nullopt;
  }
  SealedLayout s;
  std::size_t at = kSealedHeaderBytes;
  s.routing = body.substr(at, routing_bytes);
  at += routing_bytes;
  std::memcpy(s.key_id.bytes.data(), body.data() + at, kKeyIdBytes);
  at += kKeyIdBytes;
  std::memcpy(s.nonce.data(), body.data() + at, kSealNonceBytes);
  at += kSealNonceBytes;
  s.clear_part = body.substr(0, at);
  s.ciphertext = body.substr(at);
  return s;
}

void seal_append_id(std::string& out, const Id& id) { out.append(reinterpret_cast<const char*>(id.bytes.data()), 16); }

void seal_append_u64(std::string& out, std::uint64_t x) {
  for (int i = 0; i < 8; ++i) out.push_back(static_cast<char>((x >> (8 * i)) & 0xff));
}

}  // namespace

std::string sealed_additional_data(const Version& v, std::string_view clear_part) {
  static constexpr char kDomain[] = "peerobs sealed body 1";
  std::string ad(kDomain, sizeof kDomain);
  seal_append_id(ad, v.version);
  seal_append_id(ad, v.record);
  ad.push_back(static_cast<char>(v.type));
  seal_append_id(ad, v.author);
  seal_append_id(ad, v.observation);
  seal_append_u64(ad, v.parents.size());
  for (const auto& p : v.parents) seal_append_id(ad, p);
  seal_append_u64(ad, static_cast<std::uint64_t>(v.saved_at_ms));
  ad.append(clear_part);
  return ad;
}

namespace {

std::string describe_sealed(const Version& v) {
  return std::string("The ") + type_name(v.type) + " " + v.version.short_hex();
}

RecordBody routing_view_of(const Version& v, std::string_view routing) {
  RecordBody body = empty_body(v.type);
  bool trailing = !routing.empty();
  if (seal_has_routing(v.type)) {
    std::istringstream in{std::string(routing), std::ios::binary};
    {
      cereal::PortableBinaryInputArchive ar(in);
      routing_fields(ar, body);
    }
    trailing = in.peek() != std::char_traits<char>::eof();
  }
  if (trailing)
    throw std::runtime_error(std::string("the routing fields of a sealed ") + type_name(v.type) +
                             " have trailing bytes");
  std::visit(
      [&](auto& b) {
        if constexpr (names_observation<std::decay_t<decltype(b)>>::value) b.observation = v.observation;
      },
      body);
  return body;
}
}  // namespace

bool travels_sealed(RecordType type) {
  switch (type) {
    case RecordType::Cycle:
    case RecordType::Observation:
    case RecordType::LessonClock:
    case RecordType::EvidenceNote:
    case RecordType::Tally:
    case RecordType::TimerSpan:
    case RecordType::SeatMark:
    case RecordType::Prompt:
    case RecordType::Reflection:
    case RecordType::DebriefNote:
    case RecordType::NextStep:
    case RecordType::CoachingNote:
      return true;
    default:
      return false;
  }
}

// The types routing_fields writes anything for. The others seal an empty routing part (not even
// cereal's endianness byte), and neither sealing nor the hub decodes anything to find that out.
bool seal_has_routing(RecordType type) {
  return type == RecordType::Cycle || type == RecordType::Observation || type == RecordType::Prompt ||
         type == RecordType::CoachingNote;
}

std::string encode_routing(const RecordBody& body) {
  if (!seal_has_routing(type_of(body))) return {};
  std::ostringstream out(std::ios::binary);
  {
    cereal::PortableBinaryOutputArchive ar(out);
    routing_fields(ar, body);
  }
  return std::move(out).str();
}

Version seal_version(const Version& plain, const ContentKey& key) {
  if (plain.tombstone) throw std::invalid_argument("a tombstone has no body to seal");
  if (!travels_sealed(plain.type))
    throw std::invalid_argument(std::string("a ") + type_name(plain.type) + " travels clear, not sealed");
  const std::string routing =
      seal_has_routing(plain.type) ? encode_routing(decode_body(plain.type, plain.body)) : std::string();
  const auto nonce = derive_nonce(key, plain.version, plain.body);

  std::string body(kSealMarker, sizeof kSealMarker);
  const auto n = static_cast<std::uint32_t>(routing.size());
  for (int i = 0; i < 4; ++i) body.push_back(static_cast<char>((n >> (8 * i)) & 0xff));
  body += routing;
  seal_append_id(body, key.id());
  body.append(reinterpret_cast<const char*>(nonce.data()), nonce.size());
  body += aead_seal(key, nonce, plain.body, sealed_additional_data(plain, body));

  Version sealed = plain;
  sealed.body = std::move(body);
  sealed.body_hash = body_hash(sealed.type, false, sealed.body);
  return sealed;
}

Id sealed_key_id(const Version& sealed) {
  try {
    if (auto part = bundle_part(sealed.body)) return part->key_id;
  } catch (const std::exception& e) {
    throw std::runtime_error(describe_sealed(sealed) + " names no key: " + e.what() + ".");
  }
  std::string why;
  auto layout = parse_sealed(sealed.body, why);
  if (!layout) throw std::runtime_error(describe_sealed(sealed) + " names no key: " + why + ".");
  return layout->key_id;
}

Opened open_version(const Version& sealed, const ContentKey& key) {
  Opened out;
  std::string why;
  auto layout = parse_sealed(sealed.body, why);
  if (!layout) {
    out.refusal = describe_sealed(sealed) + " could not be opened: " + why + ".";
    return out;
  }
  if (layout->key_id != key.id()) {
    out.refusal = describe_sealed(sealed) + " is sealed with key " + layout->key_id.short_hex() + ", not with key " +
                  key.id().short_hex() + ".";
    return out;
  }
  auto plain_body =
      aead_open(key, layout->nonce, layout->ciphertext, sealed_additional_data(sealed, layout->clear_part));
  if (!plain_body) {
    out.refusal = describe_sealed(sealed) +
                  " could not be opened: it was sealed for another version, record, observation or author, "
                  "or changed after it was sealed.";
    return out;
  }
  RecordBody body;
  try {
    body = decode_body(sealed.type, *plain_body);
  } catch (const std::exception& e) {
    out.refusal = describe_sealed(sealed) + " opened, but its body could not be read: " + e.what();
    return out;
  }
  if (encode_routing(body) != layout->routing) {
    out.refusal = describe_sealed(sealed) +
                  " shows the hub other participants, pair or sharing than its sealed body holds; it was not "
                  "accepted.";
    return out;
  }
  if (observation_of(body) != sealed.observation) {
    out.refusal = describe_sealed(sealed) + " belongs to observation " + observation_of(body).short_hex() +
                  " inside, but is filed under " + sealed.observation.short_hex() + "; it was not accepted.";
    return out;
  }
  Version plain = sealed;
  plain.body = std::move(*plain_body);
  plain.body_hash = body_hash(plain.type, false, plain.body);
  out.plain = std::move(plain);
  return out;
}

RecordBody decode_stored_body(const Version& v) {
  if (!is_sealed_body(v.body)) return decode_body(v.type, v.body);
  if (!travels_sealed(v.type))
    throw std::runtime_error(std::string("a ") + type_name(v.type) + " body is sealed, but that type travels clear");
  std::optional<BundlePart> part;
  try {
    part = bundle_part(v.body);
  } catch (const std::exception& e) {
    throw std::runtime_error(std::string("a sealed ") + type_name(v.type) + " body: " + e.what());
  }
  if (part) {
    if (!bundles(v))
      throw std::runtime_error(std::string("a ") + type_name(v.type) +
                               " body is sealed in a bundle, but that type "
                               "is sealed alone");
    return routing_view_of(v, {});
  }
  std::string why;
  auto layout = parse_sealed(v.body, why);
  if (!layout) throw std::runtime_error(std::string("a sealed ") + type_name(v.type) + " body: " + why);
  try {
    return routing_view_of(v, layout->routing);
  } catch (const std::runtime_error&) {
    throw;
  } catch (const std::exception& e) {
    throw std::runtime_error(std::string("the routing fields of a sealed ") + type_name(v.type) +
                             " could not be read: " + e.what());
  }
}

}  // namespace core::crypto
