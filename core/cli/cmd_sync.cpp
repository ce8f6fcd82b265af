// `peerobs-cli sync`: push what is waiting and pull what is new, once, headlessly; prints what
// moved, what still waits, what the hub refused (held back on this device) and the conflicts to
// resolve. `--retry-held` first puts the held-back versions back in the outbox (after, say, the
// program lead fixed a participant list). Exit 1 with a plain message on failure.
#include <memory>
#include <ostream>

#include "core/cli/arguments.h"
#include "core/cli/command.h"
#include "core/net/sync_client.h"
#include "core/net/sync_worker.h"
#include "core/paths.h"

namespace {

int run_sync(cli::Context& ctx, bool retry_held) {
  core::ensure_directory(ctx.data_dir);
  core::Store store(core::store_path_in(ctx.data_dir));
  core::net::SyncClient client(store);
  if (retry_held) ctx.out << "trying again " << store.outbox().retry_held_back() << " held-back items\n";
  try {
    auto r = client.sync();
    ctx.out << "sent " << r.pushed << ", received " << r.pulled_new << " new (" << r.bytes_sent << " bytes up, "
            << r.bytes_received << " down); " << store.outbox().size() << " waiting; "
            << store.conflicted_records().size() << " conflicts\n";
    auto held = store.outbox().held_back();
    if (!held.empty()) {
      ctx.out << core::net::held_back_message(static_cast<std::int64_t>(held.size()), held.front().reason)
              << " (peerobs-cli sync --retry-held sends them again)\n";
      for (const auto& h : held) ctx.out << "  held back " << h.version.short_hex() << ": " << h.reason << "\n";
    }
  } catch (const core::net::SyncError& e) {
    ctx.err << "sync: " << e.what() << "\n";
    return 1;
  }
  return 0;
}

cli::Run declare_sync(CLI::App& command) {
  auto retry_held = std::make_shared<bool>(false);
  command.add_flag("--retry-held", *retry_held, "first put the versions the hub refused back in the outbox");
  return [retry_held](cli::Context& ctx) { return run_sync(ctx, *retry_held); };
}

}  // namespace

PEEROBS_CLI_COMMAND("sync", "send this device's new records to the hub and receive what is shared with you",
                    declare_sync);
