// `peerobs-cli enroll --hub URL --code CODE [--name DEVICE]`: enroll this device with a hub,
// headlessly. Work done offline before enrolling is kept (re-keyed to the roster person).
#include <unistd.h>

#include <ostream>

#include "core/cli/command.h"
#include "core/net/sync_client.h"
#include "core/paths.h"

namespace {

int run_enroll(cli::Context& ctx) {
  std::string hub = cli::take_option(ctx.args, "--hub");
  std::string code = cli::take_option(ctx.args, "--code");
  std::string name = cli::take_option(ctx.args, "--name");
  if (hub.empty() || code.empty() || !ctx.args.empty()) {
    ctx.err << "enroll: usage: enroll --hub URL --code CODE [--name DEVICE]\n";
    return 2;
  }
  if (name.empty()) {
    char host[256] = {0};
    name = gethostname(host, sizeof host - 1) == 0 ? host : "device";
  }
  core::ensure_directory(ctx.data_dir);
  core::Store store(core::store_path_in(ctx.data_dir));
  core::net::SyncClient client(store);
  try {
    auto out = client.enroll(hub, code, name);
    ctx.out << "enrolled as " << out.person_name << " (" << out.person.hex() << ") with " << hub << "\n";
    if (out.rekeyed)
      ctx.out << out.rekeyed << " versions written before enrolling now carry your roster identity\n";
  } catch (const core::net::SyncError& e) {
    ctx.err << "enroll: " << e.what() << "\n";
    return 1;
  }
  return 0;
}

}  // namespace

PEEROBS_CLI_COMMAND("enroll", "enroll --hub URL --code CODE [--name DEVICE]",
                    "enroll this device with a hub using a one-time code from the program lead", run_enroll);
