// peerobs-hub: the sync hub (`serve`) and its admin verbs, which work on the data directory
// directly (no network): roster, enrollment codes, devices, revocation, online backup.
// No verb prints observation content: the admin manages people and devices, not notes.
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "core/ids.h"
#include "server/hub_http.h"
#include "server/hub_store.h"

namespace {

const char* kUsage =
    "usage: peerobs-hub COMMAND --data DIR [OPTIONS]\n"
    "\n"
    "  serve --data DIR [--listen HOST:PORT] [--cert FILE --key FILE] [--allow-insecure-http] [--web DIR]\n"
    "      run the hub (default 127.0.0.1:8443; port 0 picks a free port and prints it);\n"
    "      --web DIR also serves the web client at / (the folder scripts/web-build.sh makes)\n"
    "  add-person --data DIR --name NAME [--email EMAIL]   add one person; prints their id\n"
    "  import-roster --data DIR FILE.csv                    add people from name,email lines\n"
    "  issue-code --data DIR --person ID [--days N]          a one-time enrollment code (default 7 days)\n"
    "  devices --data DIR                                    list enrolled devices\n"
    "  revoke --data DIR --device ID                         revoke a device (its next request gets 401)\n"
    "  backup --data DIR --out FILE                          copy the database, safe while serving\n";

std::string take(std::vector<std::string>& args, const std::string& flag) {
  for (std::size_t i = 0; i + 1 < args.size(); ++i)
    if (args[i] == flag) {
      std::string v = args[i + 1];
      args.erase(args.begin() + static_cast<long>(i), args.begin() + static_cast<long>(i) + 2);
      return v;
    }
  return "";
}

bool take_flag(std::vector<std::string>& args, const std::string& flag) {
  for (std::size_t i = 0; i < args.size(); ++i)
    if (args[i] == flag) {
      args.erase(args.begin() + static_cast<long>(i));
      return true;
    }
  return false;
}

core::Id parse_id(const std::string& text, const char* what) {
  auto id = core::Id::from_hex(text);
  if (!id) throw std::runtime_error(std::string("--") + what + " needs a 32-hex-digit id, got \"" + text + "\"");
  return *id;
}

int run(const std::string& verb, std::vector<std::string> args) {
  std::string data = take(args, "--data");
  if (data.empty()) throw std::runtime_error("--data DIR is required (the hub's data directory)");
  if (verb == "serve") {
    server::ServeOptions o;
    o.data_dir = data;
    std::string listen = take(args, "--listen");
    if (!listen.empty()) {
      auto colon = listen.rfind(':');
      if (colon == std::string::npos) throw std::runtime_error("--listen needs HOST:PORT, got \"" + listen + "\"");
      o.host = listen.substr(0, colon);
      try {
        o.port = std::stoi(listen.substr(colon + 1));
      } catch (const std::exception&) {
        throw std::runtime_error("--listen needs a numeric port, got \"" + listen + "\"");
      }
      if (o.port < 0 || o.port > 65535) throw std::runtime_error("the port must be 0..65535");
    }
    o.cert_file = take(args, "--cert");
    o.key_file = take(args, "--key");
    o.allow_insecure_http = take_flag(args, "--allow-insecure-http");
    o.web_dir = take(args, "--web");
    return server::serve(o);
  }
  if (verb == "backup") {
    std::string out = take(args, "--out");
    if (out.empty()) throw std::runtime_error("backup needs --out FILE");
    server::backup_database(data + "/hub.sqlite", out);
    std::cout << "backed up to " << out << "\n";
    return 0;
  }
  server::HubStore hub(data);
  if (verb == "add-person") {
    std::string name = take(args, "--name");
    if (name.empty()) throw std::runtime_error("add-person needs --name NAME");
    std::cout << hub.add_person(name, take(args, "--email")).hex() << "\n";
    return 0;
  }
  if (verb == "import-roster") {
    if (args.empty()) throw std::runtime_error("import-roster needs a CSV file");
    std::ifstream in(args[0], std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + args[0]);
    std::stringstream text;
    text << in.rdbuf();
    try {
      auto ids = hub.import_roster(text.str());
      for (const auto& id : ids) std::cout << id.hex() << "  " << hub.person_name(id).value_or("") << "\n";
      std::cout << ids.size() << " people added\n";
    } catch (const server::HubError&) {
      throw;
    } catch (const std::runtime_error& e) {
      throw std::runtime_error(args[0] + ", " + e.what() + " (nothing was imported)");
    }
    return 0;
  }
  if (verb == "issue-code") {
    core::Id person = parse_id(take(args, "--person"), "person");
    std::string days = take(args, "--days");
    std::cout << hub.issue_code(person, days.empty() ? 7 : std::stoi(days)) << "\n";
    return 0;
  }
  if (verb == "devices") {
    for (const auto& d : hub.devices())
      std::cout << d.id.hex() << "  " << d.person_name << "  \"" << d.name << "\"  enrolled "
                << server::iso_date(d.enrolled_at) << "  last seen " << server::iso_date(d.last_seen)
                << (d.revoked_at ? "  REVOKED " + server::iso_date(d.revoked_at) : std::string()) << "\n";
    return 0;
  }
  if (verb == "revoke") {
    core::Id device = parse_id(take(args, "--device"), "device");
    hub.revoke(device);
    std::cout << "revoked " << device.hex() << "\n";
    return 0;
  }
  std::cerr << "peerobs-hub: unknown command '" << verb << "'\n\n" << kUsage;
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "help" || args[0] == "--help") {
    (args.empty() ? std::cerr : std::cout) << kUsage;
    return args.empty() ? 2 : 0;
  }
  std::string verb = args[0];
  args.erase(args.begin());
  try {
    return run(verb, args);
  } catch (const std::exception& e) {
    std::cerr << "peerobs-hub " << verb << ": " << e.what() << "\n";
    return 1;
  }
}
