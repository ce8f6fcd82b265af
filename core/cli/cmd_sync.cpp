// `peerobs-cli sync`: push what is waiting and pull what is new, once, headlessly; prints what
// moved, what still waits and the conflicts to resolve. Exit 1 with a plain message on failure.
#include <ostream>

#include "core/cli/command.h"
#include "core/net/sync_client.h"
#include "core/paths.h"

namespace {

int run_sync(cli::Context& ctx) {
  if (!ctx.args.empty()) {
    ctx.err << "sync: unexpected argument '" << ctx.args[0] << "'\n";
    return 2;
  }
  core::ensure_directory(ctx.data_dir);
  core::Store store(core::store_path_in(ctx.data_dir));
  core::net::SyncClient client(store);
  try {
    auto r = client.sync();
    ctx.out << "sent " << r.pushed << ", received " << r.pulled_new << " new (" << r.bytes_sent << " bytes up, "
            << r.bytes_received << " down); " << store.outbox_size() << " waiting; "
            << store.conflicted_records().size() << " conflicts\n";
  } catch (const core::net::SyncError& e) {
    ctx.err << "sync: " << e.what() << "\n";
    return 1;
  }
  return 0;
}

}  // namespace

PEEROBS_CLI_COMMAND("sync", "sync", "send this device's new records to the hub and receive what is shared with you",
                    run_sync);
