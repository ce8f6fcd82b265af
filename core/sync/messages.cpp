// cereal encoding of the sync messages. Version is encoded field by field here (not in
// serialization.h) because its body is raw bytes with its own, larger bound.
#include "core/sync/messages.h"

#include <sstream>

#include "core/serialization.h"

namespace core {

// Found by ADL (Version lives in core); only the portable binary archive is supported.
void save(cereal::PortableBinaryOutputArchive& ar, const Version& v) {
  ar(v.version, v.record, static_cast<std::uint8_t>(v.type), v.parents, v.author, v.observation, v.tombstone,
     v.saved_at_ms);
  ar(cereal::make_size_tag(static_cast<cereal::size_type>(v.body.size())));
  ar(cereal::binary_data(v.body.data(), v.body.size()));
  ar(v.body_hash);
}

void load(cereal::PortableBinaryInputArchive& ar, Version& v) {
  std::uint8_t type = 0;
  ar(v.version, v.record, type, v.parents, v.author, v.observation, v.tombstone, v.saved_at_ms);
  if (!valid_record_type(type)) throw cereal::Exception("a version has unknown record type " + std::to_string(type));
  v.type = static_cast<RecordType>(type);
  cereal::size_type n = 0;
  ar(cereal::make_size_tag(n));
  if (n > sync::kMaxBodyBytes)
    throw cereal::Exception("a version body claims " + std::to_string(n) + " bytes (limit 4 MiB)");
  v.body.resize(static_cast<std::size_t>(n));
  ar(cereal::binary_data(v.body.data(), static_cast<std::size_t>(n)));
  ar(v.body_hash);
}

}  // namespace core

namespace core::sync {

std::string normalized_code(const std::string& code) {
  std::string out;
  for (char c : code) {
    if (c == '-' || c == ' ') continue;
    out.push_back(static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c));
  }
  return out;
}

// Format 1 had no version field, so whether one follows is known only from the bytes left:
// read_message() below, not a serialize(), decodes an EnrollRequest.
void save(cereal::PortableBinaryOutputArchive& ar, const EnrollRequest& m) {
  ar(m.code, m.device_name);
  if (!m.token.empty()) ar(kEnrollRequestFormat, m.token);
}
template <class A>
void serialize(A& ar, EnrollResponse& m) {
  ar(m.device, m.token, m.person, m.person_name, m.person_versions);
}
template <class A>
void serialize(A& ar, PushRequest& m) {
  ar(m.batch, m.versions);
}
template <class A>
void serialize(A& ar, PushResponse& m) {
  ar(m.batch, m.stored, m.already_known, m.replayed);
}
template <class A>
void serialize(A& ar, PullRequest& m) {
  ar(m.cursor, m.limit);
}
template <class A>
void serialize(A& ar, PullResponse& m) {
  ar(m.versions, m.next_cursor, m.more);
}
template <class A>
void serialize(A& ar, StatusResponse& m) {
  ar(m.protocol, m.person, m.person_name, m.latest_cursor);
}
template <class A>
void serialize(A& ar, RefusedVersion& m) {
  ar(m.version, m.status, m.reason);
}
template <class A>
void serialize(A& ar, RefusalResponse& m) {
  ar(m.batch, m.message, m.refused);
}

namespace {
template <class T>
struct Kind;
template <>
struct Kind<EnrollRequest> {
  static constexpr MessageType value = MessageType::EnrollRequest;
};
template <>
struct Kind<EnrollResponse> {
  static constexpr MessageType value = MessageType::EnrollResponse;
};
template <>
struct Kind<PushRequest> {
  static constexpr MessageType value = MessageType::PushRequest;
};
template <>
struct Kind<PushResponse> {
  static constexpr MessageType value = MessageType::PushResponse;
};
template <>
struct Kind<PullRequest> {
  static constexpr MessageType value = MessageType::PullRequest;
};
template <>
struct Kind<PullResponse> {
  static constexpr MessageType value = MessageType::PullResponse;
};
template <>
struct Kind<StatusResponse> {
  static constexpr MessageType value = MessageType::StatusResponse;
};
template <>
struct Kind<RefusalResponse> {
  static constexpr MessageType value = MessageType::RefusalResponse;
};

// Appends what cereal writes to a string reserved for it: an ostringstream grew a push batch
// of megabytes by doubling, then copied it whole once more for str().
class MessageSink : public std::streambuf {
 public:
  explicit MessageSink(std::string& out) : out_(out) {}

 protected:
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    out_.append(s, static_cast<std::size_t>(n));
    return n;
  }
  int_type overflow(int_type c) override {
    if (!traits_type::eq_int_type(c, traits_type::eof())) out_.push_back(traits_type::to_char_type(c));
    return traits_type::not_eof(c);
  }

 private:
  std::string& out_;
};

// The encoded size of the versions a message carries, near enough to reserve for it.
constexpr std::size_t kVersionFieldsBytes = 160;  // ids, parents, flags, save time, hash, lengths
std::size_t message_size_hint(const std::vector<Version>& versions) {
  std::size_t n = 64;
  for (const Version& v : versions) n += v.body.size() + kVersionFieldsBytes + 16 * v.parents.size();
  return n;
}
template <class T>
std::size_t message_size_hint(const T&) {
  return 64;
}
std::size_t message_size_hint(const PushRequest& m) { return message_size_hint(m.versions); }
std::size_t message_size_hint(const PullResponse& m) { return message_size_hint(m.versions); }
}  // namespace

template <class T>
std::string pack(const T& message) {
  std::string payload;
  payload.reserve(message_size_hint(message));
  {
    MessageSink sink(payload);
    std::ostream out(&sink);
    cereal::PortableBinaryOutputArchive ar(out);
    ar(message);
  }
  return seal(Kind<T>::value, payload);
}

namespace {
template <class T>
void read_message(cereal::PortableBinaryInputArchive& ar, std::istream&, T& message) {
  ar(message);
}
void read_message(cereal::PortableBinaryInputArchive& ar, std::istream& in, EnrollRequest& m) {
  ar(m.code, m.device_name);
  if (in.peek() == std::char_traits<char>::eof()) return;  // format 1
  std::uint32_t format = 0;
  ar(format);
  if (format != kEnrollRequestFormat)
    throw cereal::Exception("its format is " + std::to_string(format) + "; this peerobs reads formats 1 and " +
                            std::to_string(kEnrollRequestFormat) + " (update the hub)");
  ar(m.token);
}
}  // namespace

template <class T>
T unpack(const std::string& envelope) {
  std::string payload = open(envelope, Kind<T>::value);
  T message{};
  std::istringstream in(payload, std::ios::binary);
  try {
    cereal::PortableBinaryInputArchive ar(in);
    read_message(ar, in, message);
  } catch (const std::exception& e) {
    throw WireError(WireError::Kind::Malformed,
                    std::string("the ") + message_name(Kind<T>::value) + " could not be read: " + e.what());
  }
  if (in.peek() != std::char_traits<char>::eof())
    throw WireError(WireError::Kind::Malformed,
                    std::string("the ") + message_name(Kind<T>::value) + " has trailing bytes after its content");
  return message;
}

#define PEEROBS_SYNC_MESSAGE(T)           \
  template std::string pack<T>(const T&); \
  template T unpack<T>(const std::string&);
PEEROBS_SYNC_MESSAGE(EnrollRequest)
PEEROBS_SYNC_MESSAGE(EnrollResponse)
PEEROBS_SYNC_MESSAGE(PushRequest)
PEEROBS_SYNC_MESSAGE(PushResponse)
PEEROBS_SYNC_MESSAGE(PullRequest)
PEEROBS_SYNC_MESSAGE(PullResponse)
PEEROBS_SYNC_MESSAGE(StatusResponse)
PEEROBS_SYNC_MESSAGE(RefusalResponse)
#undef PEEROBS_SYNC_MESSAGE

}  // namespace core::sync
