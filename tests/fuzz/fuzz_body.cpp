// A record body as it arrives inside a version from elsewhere (a pull, an import): the first
// byte picks the record type, the rest is the cereal bytes. decode_body's bounded loaders must
// refuse a bad length or count before allocating it, with an exception, never a crash.
#include "core/serialization.h"
#include "harness.h"
#include "seed_versions.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const auto type = static_cast<core::RecordType>(1 + data[0] % core::kRecordTypeCount);
  try {
    const core::RecordBody body =
        core::decode_body(type, std::string(reinterpret_cast<const char*>(data) + 1, size - 1));
    core::encode_body(body);  // what was accepted encodes again
  } catch (const std::exception&) {
  }
  return 0;
}

std::vector<std::string> fuzz_seeds() {
  std::vector<std::string> out;
  for (const auto& v : fuzz::seed_versions())
    if (!v.tombstone) out.push_back(std::string(1, static_cast<char>(static_cast<int>(v.type) - 1)) + v.body);
  return out;
}
