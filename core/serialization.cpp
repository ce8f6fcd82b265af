// Body encoding: portable binary for storage and the wire, JSON for export.
#include "core/serialization.h"

#include <sstream>

namespace core {

namespace {
template <std::size_t I = 0>
RecordBody make_body(std::size_t index) {
  if constexpr (I < std::variant_size_v<RecordBody>) {
    if (index == I) return RecordBody(std::in_place_index<I>);
    return make_body<I + 1>(index);
  } else {
    throw std::runtime_error("unknown record type");
  }
}
}  // namespace

RecordBody empty_body(RecordType type) {
  int t = static_cast<int>(type);
  if (!valid_record_type(t)) throw std::runtime_error("unknown record type " + std::to_string(t));
  return make_body(static_cast<std::size_t>(t - 1));
}

std::string encode_body(const RecordBody& body) {
  std::ostringstream out(std::ios::binary);
  {
    cereal::PortableBinaryOutputArchive ar(out);
    std::visit([&](const auto& b) { ar(b); }, body);
  }
  return std::move(out).str();
}

RecordBody decode_body(RecordType type, const std::string& bytes) {
  RecordBody body = empty_body(type);
  if (is_sealed_body(bytes))
    throw std::runtime_error(std::string("a ") + type_name(type) +
                             " body is sealed: it is read once opened with its key");
  std::istringstream in(bytes, std::ios::binary);
  try {
    cereal::PortableBinaryInputArchive ar(in);
    std::visit([&](auto& b) { ar(b); }, body);
  } catch (const std::exception& e) {
    throw std::runtime_error(std::string("a ") + type_name(type) + " body could not be read: " + e.what());
  }
  if (in.peek() != std::char_traits<char>::eof())
    throw std::runtime_error(std::string("a ") + type_name(type) + " body has trailing bytes");
  return body;
}

Sha256 body_hash(RecordType type, bool tombstone, const std::string& body) {
  const char prefix[2] = {static_cast<char>(type), static_cast<char>(tombstone ? 1 : 0)};
  return sha256({std::string_view(prefix, 2), body});
}

void save_body_json(cereal::JSONOutputArchive& ar, const RecordBody& body) {
  std::visit([&](const auto& b) { ar(cereal::make_nvp("body", b)); }, body);
}

RecordBody load_body_json(cereal::JSONInputArchive& ar, RecordType type) {
  RecordBody body = empty_body(type);
  std::visit([&](auto& b) { ar(cereal::make_nvp("body", b)); }, body);
  return body;
}

}  // namespace core
