// Sealing and opening bundles. See sealed_bundle.h for the layout.
#include "core/crypto/sealed_bundle.h"

#include <zstd.h>

#include <cstring>
#include <stdexcept>

#include "core/crypto/sealed_body.h"
#include "core/serialization.h"

namespace core::crypto {

namespace {
constexpr std::size_t kMarkerBytes = 4;
constexpr std::size_t kHeadClearBytes = kMarkerBytes + 16 + 4 + kSealNonceBytes;
constexpr std::size_t kMemberBytes = kMarkerBytes + 16 + 16 + 4;
// zstd's fastest level: the members are short texts much like each other, which any level finds.
constexpr int kBundleZstdLevel = 1;

void bundle_append_u32(std::string& out, std::uint32_t x) {
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((x >> (8 * i)) & 0xff));
}
std::uint32_t bundle_read_u32(const char* p) {
  return std::uint32_t(std::uint8_t(p[0])) | std::uint32_t(std::uint8_t(p[1])) << 8 |
         std::uint32_t(std::uint8_t(p[2])) << 16 | std::uint32_t(std::uint8_t(p[3])) << 24;
}
void bundle_append_id(std::string& out, const Id& id) {
  out.append(reinterpret_cast<const char*>(id.bytes.data()), id.bytes.size());
}
Id bundle_read_id(const char* p) {
  Id id;
  std::memcpy(id.bytes.data(), p, id.bytes.size());
  return id;
}

// Each member's clear facts in order, then the head's clear bytes: what the ciphertext is bound to.
std::string bundle_additional_data(const std::vector<Version>& members, std::string_view head_clear) {
  static constexpr char kDomain[] = "peerobs sealed bundle 1";
  std::string ad(kDomain, sizeof kDomain);
  for (const Version& v : members) {
    // Per member, the additional data a version sealed alone has (its own domain and no clear part).
    ad += sealed_additional_data(v, {});
  }
  ad.append(head_clear);
  return ad;
}

std::string describe_bundle(const Version& head, std::size_t count) {
  return "The " + std::to_string(count) + " versions sealed together with the " + type_name(head.type) + " " +
         head.version.short_hex();
}
}  // namespace

bool bundles(const Version& plain) {
  // Readers are the observation's participants exactly when a type has no routing fields of its own.
  return !plain.tombstone && travels_sealed(plain.type) && !seal_has_routing(plain.type);
}

std::optional<BundlePart> bundle_part(const std::string& body) {
  if (!is_bundle_part(body)) return std::nullopt;
  BundlePart part;
  if (body[3] == kBundleHeadMarker[3]) {
    if (body.size() < kHeadClearBytes + kSealTagBytes) throw std::runtime_error("its bundle's head is cut short");
    part.key_id = bundle_read_id(body.data() + kMarkerBytes);
    part.count = bundle_read_u32(body.data() + kMarkerBytes + 16);
    if (part.count < 2 || part.count > kMaxBundleMembers)
      throw std::runtime_error("its bundle claims " + std::to_string(part.count) + " members");
    return part;
  }
  if (body.size() != kMemberBytes)
    throw std::runtime_error("its bundle membership is not " + std::to_string(kMemberBytes) + " bytes long");
  part.key_id = bundle_read_id(body.data() + kMarkerBytes);
  part.head = bundle_read_id(body.data() + kMarkerBytes + 16);
  part.index = bundle_read_u32(body.data() + kMarkerBytes + 32);
  if (part.index < 1 || part.index >= kMaxBundleMembers)
    throw std::runtime_error("its place in its bundle, " + std::to_string(part.index) + ", is out of range");
  return part;
}

std::vector<Version> seal_bundle(const std::vector<Version>& plain, const ContentKey& key) {
  if (plain.size() < 2 || plain.size() > kMaxBundleMembers)
    throw std::invalid_argument("a bundle has 2 to " + std::to_string(kMaxBundleMembers) + " members, not " +
                                std::to_string(plain.size()));
  std::string payload;
  for (const Version& v : plain) {
    if (!bundles(v)) throw std::invalid_argument(std::string("a ") + type_name(v.type) + " is not sealed in a bundle");
    if (v.author != plain.front().author || v.observation != plain.front().observation)
      throw std::invalid_argument("a bundle's members have one author and one observation");
    bundle_append_u32(payload, static_cast<std::uint32_t>(v.body.size()));
    payload += v.body;
  }
  std::string packed(ZSTD_compressBound(payload.size()), '\0');
  const std::size_t n = ZSTD_compress(packed.data(), packed.size(), payload.data(), payload.size(), kBundleZstdLevel);
  if (ZSTD_isError(n)) throw std::runtime_error(std::string("zstd could not pack a bundle: ") + ZSTD_getErrorName(n));
  packed.resize(n);

  const Version& head = plain.front();
  std::string clear(kBundleHeadMarker, kMarkerBytes);
  bundle_append_id(clear, key.id());
  bundle_append_u32(clear, static_cast<std::uint32_t>(plain.size()));
  // The nonce covers the additional data as well as the text: two bundles that differ in any
  // member's clear facts never share one under a key.
  const std::string ad_without_nonce = bundle_additional_data(plain, clear);
  const auto nonce = derive_nonce(key, head.version, ad_without_nonce + payload);
  clear.append(reinterpret_cast<const char*>(nonce.data()), nonce.size());

  std::vector<Version> out = plain;
  out[0].body = clear + aead_seal(key, nonce, packed, bundle_additional_data(plain, clear));
  for (std::size_t i = 1; i < out.size(); ++i) {
    std::string member(kBundleMemberMarker, kMarkerBytes);
    bundle_append_id(member, key.id());
    bundle_append_id(member, head.version);
    bundle_append_u32(member, static_cast<std::uint32_t>(i));
    out[i].body = std::move(member);
  }
  for (Version& v : out) v.body_hash = body_hash(v.type, false, v.body);
  return out;
}

OpenedBundle open_bundle(const std::vector<Version>& members, const ContentKey& key) {
  OpenedBundle out;
  if (members.empty()) {
    out.refusal = "An empty bundle cannot be opened.";
    return out;
  }
  const Version& head = members.front();
  const std::string what = describe_bundle(head, members.size());
  auto refuse = [&](const std::string& why) {
    out.refusal = what + " could not be opened: " + why + ".";
    return out;
  };
  std::optional<BundlePart> head_part;
  try {
    head_part = bundle_part(head.body);
  } catch (const std::exception& e) {
    return refuse(e.what());
  }
  if (!head_part || head_part->index != 0 || head_part->count == 0) return refuse("its first member is not its head");
  if (head_part->count != members.size())
    return refuse("its head names " + std::to_string(head_part->count) + " members");
  if (head_part->key_id != key.id()) return refuse("it is sealed with key " + head_part->key_id.short_hex());
  for (std::size_t i = 1; i < members.size(); ++i) {
    std::optional<BundlePart> part;
    try {
      part = bundle_part(members[i].body);
    } catch (const std::exception& e) {
      return refuse("member " + members[i].version.short_hex() + ": " + e.what());
    }
    if (!part || part->count != 0 || part->head != head.version || part->index != i || part->key_id != key.id())
      return refuse("member " + members[i].version.short_hex() + " names another bundle or place");
    if (!bundles(members[i]) || members[i].author != head.author || members[i].observation != head.observation)
      return refuse("member " + members[i].version.short_hex() + " is not of its author, visit or kind");
  }
  if (!bundles(head)) return refuse(std::string("a ") + type_name(head.type) + " is never sealed in a bundle");

  const std::string_view clear(head.body.data(), kHeadClearBytes);
  std::array<std::uint8_t, kSealNonceBytes> nonce{};
  std::memcpy(nonce.data(), head.body.data() + kHeadClearBytes - kSealNonceBytes, kSealNonceBytes);
  auto packed = aead_open(key, nonce, std::string_view(head.body).substr(kHeadClearBytes),
                          bundle_additional_data(members, clear));
  if (!packed)
    return refuse("it was sealed for other versions, records, observations or authors, or changed after it was sealed");

  const unsigned long long size = ZSTD_getFrameContentSize(packed->data(), packed->size());
  if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN ||
      size > kMaxBundlePlainBytes + members.size() * 4 + 4 * (1u << 20))
    return refuse("its packed texts do not say a size it could hold");
  std::string payload(static_cast<std::size_t>(size), '\0');
  const std::size_t n = ZSTD_decompress(payload.data(), payload.size(), packed->data(), packed->size());
  if (ZSTD_isError(n) || n != payload.size()) return refuse("its packed texts do not unpack");

  std::size_t at = 0;
  out.plain.reserve(members.size());
  for (const Version& m : members) {
    if (payload.size() - at < 4) return refuse("its texts end early");
    const std::size_t len = bundle_read_u32(payload.data() + at);
    at += 4;
    if (payload.size() - at < len) return refuse("its texts end early");
    Version plain = m;
    plain.body.assign(payload, at, len);
    at += len;
    RecordBody body;
    try {
      body = decode_body(plain.type, plain.body);
    } catch (const std::exception& e) {
      out.plain.clear();
      return refuse("the body of " + m.version.short_hex() + " could not be read: " + e.what());
    }
    if (observation_of(body) != m.observation) {
      out.plain.clear();
      return refuse("the body of " + m.version.short_hex() + " belongs to observation " +
                    observation_of(body).short_hex() + " inside");
    }
    plain.body_hash = body_hash(plain.type, false, plain.body);
    out.plain.push_back(std::move(plain));
  }
  if (at != payload.size()) {
    out.plain.clear();
    return refuse("its texts have bytes left over");
  }
  return out;
}

}  // namespace core::crypto
