// The pull page a device applies (core/net/pull_page.h, the code SyncClient::pull runs): the
// hub's answer decoded, every version checked and sealed ones opened, then stored with its cursor
// in one transaction.
// A hostile page must end in a SyncError or the version log's refusal, storing nothing, never a
// crash. One device store serves many inputs; it is made again once it holds
// kPullApplyStoredLimit versions, so it stays small and fast.
#include <cstdlib>
#include <filesystem>
#include <memory>

#include "core/net/pull_page.h"
#include "core/sync/wire.h"
#include "harness.h"
#include "seed_versions.h"

namespace {

constexpr std::int64_t kPullApplyStoredLimit = 20000;

struct PullDevice {
  std::string dir;
  std::unique_ptr<core::Store> store;
  std::int64_t stored = 0;

  PullDevice() {
    std::string pattern = (std::filesystem::temp_directory_path() / "peerobs-fuzz-pull-XXXXXX").string();
    if (!mkdtemp(pattern.data())) std::abort();
    dir = pattern;
    store = std::make_unique<core::Store>(dir + "/device.sqlite");
  }
  ~PullDevice() {
    store.reset();
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
  }
};

std::unique_ptr<PullDevice>& pull_device() {
  static std::unique_ptr<PullDevice> device;
  static const bool cleanup = [] {
    std::atexit([] { pull_device().reset(); });
    return true;
  }();
  (void)cleanup;
  if (!device || device->stored > kPullApplyStoredLimit) {
    device.reset();
    device = std::make_unique<PullDevice>();
  }
  return device;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto& device = *pull_device();
  try {
    const auto page =
        core::net::take_pull_page(core::net::read_pull_page(std::string(reinterpret_cast<const char*>(data), size)),
                                  core::sync::HeldKeys(device.store->keys()));
    const std::uint64_t cursor = std::stoull(device.store->meta().get(core::MetaKey::SyncCursor).value_or("0"));
    if (!core::net::pull_page_moves_on(cursor, page)) return 0;
    core::net::SyncResult result;
    core::net::store_pull_page(*device.store, page, result, {});
    device.stored += result.pulled_new;
  } catch (const std::exception&) {
    // Refused with a sentence: the device shows it and pulls again later.
  }
  return 0;
}

std::vector<std::string> fuzz_seeds() {
  const auto versions = fuzz::seed_versions_with_sealed();
  using core::sync::PullResponse;
  return {core::sync::pack(PullResponse{versions, 42, true}),
          core::sync::pack(PullResponse{{versions.back()}, 43, false}), core::sync::pack(PullResponse{{}, 44, false})};
}
