// `peerobs-cli enroll --hub URL --code CODE [--name DEVICE]`: enroll this device with a hub,
// headlessly. Work done offline before enrolling is kept (re-keyed to the roster person).
#include <unistd.h>

#include <memory>
#include <ostream>

#include "core/cli/arguments.h"
#include "core/cli/command.h"
#include "core/net/sync_client.h"
#include "core/paths.h"

namespace {

struct EnrollArguments {
  std::string hub, code, name;
};

int run_enroll(cli::Context& ctx, EnrollArguments a) {
  const std::string& hub = a.hub;
  std::string& name = a.name;
  if (name.empty()) {
    char host[256] = {0};
    name = gethostname(host, sizeof host - 1) == 0 ? host : "device";
  }
  core::ensure_directory(ctx.data_dir);
  core::Store store(core::store_path_in(ctx.data_dir));
  core::net::SyncClient client(store);
  try {
    auto out = client.enroll(hub, a.code, name);
    ctx.out << "enrolled as " << out.person_name << " (" << out.person.hex() << ") with " << hub << "\n";
    if (out.rekeyed) ctx.out << out.rekeyed << " versions written before enrolling now carry your roster identity\n";
  } catch (const core::net::SyncError& e) {
    ctx.err << "enroll: " << e.what() << "\n";
    return 1;
  }
  return 0;
}

cli::Run declare_enroll(CLI::App& command) {
  auto a = std::make_shared<EnrollArguments>();
  command.add_option("--hub", a->hub, "the hub's address, e.g. https://hub.school.example:8443")
      ->required()
      ->type_name("URL");
  command.add_option("--code", a->code, "the one-time code from the program lead")->required()->type_name("CODE");
  command.add_option("--name", a->name, "what the hub lists this device as (default: the host name)")
      ->type_name("DEVICE");
  return [a](cli::Context& ctx) { return run_enroll(ctx, *a); };
}

}  // namespace

PEEROBS_CLI_COMMAND("enroll", "enroll this device with a hub using a one-time code from the program lead",
                    declare_enroll);
