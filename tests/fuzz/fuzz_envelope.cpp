// The sync envelope and every message in it, as the hub reads a device's request and a device
// reads the hub's answer: the first byte picks the message, the rest is the envelope. A damaged
// envelope must end in WireError (or the message's own refusal), never a crash.
#include "core/sync/messages.h"
#include "core/sync/wire.h"
#include "harness.h"
#include "seed_versions.h"

using namespace core::sync;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string envelope(reinterpret_cast<const char*>(data) + 1, size - 1);
  claimed_protocol(envelope);
  try {
    switch (data[0] % 8) {
      case 0:
        unpack<EnrollRequest>(envelope);
        break;
      case 1:
        unpack<EnrollResponse>(envelope);
        break;
      case 2:
        unpack<PushRequest>(envelope);
        break;
      case 3:
        unpack<PushResponse>(envelope);
        break;
      case 4:
        unpack<PullRequest>(envelope);
        break;
      case 5:
        unpack<PullResponse>(envelope);
        break;
      case 6:
        unpack<StatusResponse>(envelope);
        break;
      default:
        unpack<RefusalResponse>(envelope);
        break;
    }
  } catch (const std::exception&) {
    // Refused with a sentence: what a peer gets back.
  }
  return 0;
}

std::vector<std::string> fuzz_seeds() {
  const auto versions = fuzz::seed_versions_with_sealed();
  auto tagged = [](char tag, const std::string& envelope) { return std::string(1, tag) + envelope; };
  PushRequest push{core::Id::random(), versions};
  PullResponse pull{versions, 42, true};
  EnrollResponse enroll{core::Id::random(), std::string(64, 'a'), core::Id::random(), "Ana Lopes", {versions[0]}};
  RefusalResponse refusal;
  refusal.refused.push_back(RefusedVersion{versions[1].version, 403, "not a participant"});
  return {tagged(0, pack(EnrollRequest{"ABCD-EFGH-JKLM", "tablet"})),
          tagged(1, pack(enroll)),
          tagged(2, pack(push)),
          tagged(3, pack(PushResponse{push.batch, 3, 1, false})),
          tagged(4, pack(PullRequest{7, 1000})),
          tagged(5, pack(pull)),
          tagged(6, pack(StatusResponse{})),
          tagged(7, pack(refusal))};
}
