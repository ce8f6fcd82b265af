// peerobs-hub: the sync hub (`serve`) and its admin verbs, which work on the data directory
// directly (no network): roster, enrollment codes, devices, revocation, activity figures,
// online backup. No verb prints observation content: the admin manages people and devices.
//
// Arguments are parsed with CLI11 (core/cli/arguments.h says why): every verb declares its
// options, so a misspelled or unknown argument is refused with a sentence naming it and the
// verb's usage, instead of being ignored ("serve --listn 0.0.0.0:8443" once bound 127.0.0.1).
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "core/cli/arguments.h"
#include "core/ids.h"
#include "core/store.h"
#include "server/hub_activity.h"
#include "server/hub_http.h"
#include "server/hub_plaintext.h"
#include "server/hub_store.h"

namespace {

// Every value a verb can be given; each verb reads the ones it declared.
struct Arguments {
  std::string data;
  std::string listen;
  server::ServeOptions serve;
  std::string name, email, person, device, out, roster_file;
  int days = 7;
  bool all_unenrolled = false;
  int weeks = 12;
  int hide_below = 3;
};

// "HOST:PORT" with a port from 0 to 65535.
CLI::Validator host_and_port() {
  return CLI::Validator(
      [](std::string& text) -> std::string {
        auto colon = text.rfind(':');
        std::string expected =
            "expected HOST:PORT with a port from 0 to 65535 (e.g. 0.0.0.0:8443), got \"" + text + "\"";
        if (colon == std::string::npos || colon == 0) return expected;
        std::string port = text.substr(colon + 1);
        return cli::whole_number(0, 65535, "port")(port).empty() ? std::string() : expected;
      },
      "");
}

CLI::App* verb(CLI::App& hub, Arguments& a, const char* name, const char* summary) {
  CLI::App* v = hub.add_subcommand(name, summary);
  v->add_option("--data", a.data, "the hub's data directory")->required()->type_name("DIR");
  return v;
}

CLI::Option* person_option(CLI::App* v, Arguments& a) {
  return v->add_option("--person", a.person, "the person's id (add-person and people print it)")
      ->check(cli::hex_id("person"))
      ->type_name("ID");
}

void declare_verbs(CLI::App& hub, Arguments& a) {
  CLI::App* serve =
      verb(hub, a, "serve", "run the hub (default 127.0.0.1:8443; port 0 picks a free port and prints it)");
  serve->add_option("--listen", a.listen, "address and port to listen on")
      ->check(host_and_port())
      ->type_name("HOST:PORT");
  serve->add_option("--cert", a.serve.cert_file, "HTTPS certificate (PEM)")->type_name("FILE");
  serve->add_option("--key", a.serve.key_file, "HTTPS private key (PEM)")->type_name("FILE");
  serve->add_flag("--allow-insecure-http", a.serve.allow_insecure_http, "serve plain HTTP on a non-loopback address");
  serve
      ->add_option("--free-guesses", a.serve.guess_limit.free_guesses,
                   "wrong enrollment codes (and, apart, unknown tokens) an address may send before each further "
                   "one shuts it out for 1 s, 2 s, 4 s ... up to 15 min (default 10)")
      ->check(cli::whole_number(1, 1000, "wrong guesses"))
      ->type_name("N");
  serve->add_option("--web", a.serve.web_dir, "also serve the web client at / (the folder scripts/web-build.sh makes)")
      ->type_name("DIR");

  CLI::App* add = verb(hub, a, "add-person", "add one person; prints their id");
  add->add_option("--name", a.name, "their name as colleagues know it")->required();
  add->add_option("--email", a.email, "their email address");

  CLI::App* roster = verb(hub, a, "import-roster", "add people from name,email lines");
  roster->add_option("FILE.csv", a.roster_file, "the roster: one name,email line per person")->required();

  CLI::App* people = verb(hub, a, "people", "list the roster: id, name, email, devices, deactivated");
  (void)people;

  CLI::App* code = verb(hub, a, "issue-code", "one-time enrollment codes, for one person or everyone not yet enrolled");
  CLI::Option* one = person_option(code, a);
  CLI::Option* all =
      code->add_flag("--all-unenrolled", a.all_unenrolled,
                     "a code for every active person with no enrolled device; prints a list to hand out");
  one->excludes(all);
  code->add_option("--days", a.days, "how long the code stays valid (default 7)")
      ->check(cli::whole_number(1, 365, "days"))
      ->type_name("N");

  CLI::App* rename = verb(hub, a, "rename", "give a person a new name; every device receives it");
  person_option(rename, a)->required();
  rename->add_option("--name", a.name, "the new name")->required();

  CLI::App* off =
      verb(hub, a, "deactivate", "revoke a person's devices and issue them no more codes; keeps what they wrote");
  person_option(off, a)->required();
  CLI::App* on = verb(hub, a, "reactivate", "let a deactivated person be issued codes again");
  person_option(on, a)->required();

  verb(hub, a, "devices", "list enrolled devices");
  CLI::App* revoke = verb(hub, a, "revoke", "revoke a device (its next request gets 401)");
  revoke->add_option("--device", a.device, "the device's id (devices prints it)")
      ->required()
      ->check(cli::hex_id("device"))
      ->type_name("ID");

  CLI::App* activity =
      verb(hub, a, "activity", "visits planned, observed and debriefed per week, devices last seen; no names");
  activity->add_option("--weeks", a.weeks, "weeks up to this one to show (default 12)")
      ->check(cli::whole_number(1, 520, "weeks"))
      ->type_name("N");
  activity
      ->add_option("--hide-below", a.hide_below,
                   "counts from 1 to N-1 print as <N (default 3; at least 2, so a single visit never shows)")
      ->check(cli::whole_number(2, 100, "visits"))
      ->type_name("N");

  verb(hub, a, "plaintext", "how many stored bodies are still clear text, by record type; shows none of them");

  CLI::App* backup = verb(hub, a, "backup", "copy the database, safe while serving");
  backup->add_option("--out", a.out, "where to write the copy")->required()->type_name("FILE");
}

void print_issued(const std::vector<server::IssuedCode>& issued) {
  if (issued.empty()) {
    std::cout << "Nobody to issue a code for: every active person on the roster has an enrolled device.\n";
    return;
  }
  std::cout << "name\temail\tcode\tvalid until\n";
  for (const auto& c : issued)
    std::cout << c.person.name << "\t" << c.person.email << "\t" << c.code << "\t" << server::iso_date(c.expires_at)
              << "\n";
  std::cout << issued.size() << (issued.size() == 1 ? " code" : " codes")
            << " issued; each enrolls one device, once. Hand each person their own.\n";
}

int run_roster_import(server::HubStore& hub, const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + file);
  std::stringstream text;
  text << in.rdbuf();
  try {
    auto ids = hub.import_roster(text.str());
    for (const auto& id : ids) std::cout << id.hex() << "  " << hub.person_name(id).value_or("") << "\n";
    std::cout << ids.size() << " people added\n";
  } catch (const server::HubError&) {
    throw;
  } catch (const std::runtime_error& e) {
    throw std::runtime_error(file + ", " + e.what() + " (nothing was imported)");
  }
  return 0;
}

core::Id id_of(const std::string& hex) { return *core::Id::from_hex(hex); }  // checked by hex_id()

int run(const std::string& verb, const Arguments& a) {
  if (verb == "serve") {
    server::ServeOptions o = a.serve;
    o.data_dir = a.data;
    if (!a.listen.empty()) {  // checked by host_and_port()
      auto colon = a.listen.rfind(':');
      o.host = a.listen.substr(0, colon);
      o.port = std::stoi(a.listen.substr(colon + 1));
    }
    return server::serve(o);
  }
  if (verb == "backup") {
    server::backup_database(a.data + "/hub.sqlite", a.out);
    std::cout << "backed up to " << a.out << "\n";
    return 0;
  }
  server::HubStore hub(a.data);
  if (verb == "add-person") {
    std::cout << hub.add_person(a.name, a.email).hex() << "\n";
    return 0;
  }
  if (verb == "import-roster") return run_roster_import(hub, a.roster_file);
  if (verb == "people") {
    for (const auto& p : hub.people())
      std::cout << p.id.hex() << "  " << p.name << "  " << (p.email.empty() ? "-" : p.email) << "  "
                << p.enrolled_devices << (p.enrolled_devices == 1 ? " device" : " devices")
                << (p.deactivated_at ? "  DEACTIVATED " + server::iso_date(p.deactivated_at) : std::string()) << "\n";
    return 0;
  }
  if (verb == "issue-code") {
    if (a.all_unenrolled) {
      print_issued(hub.issue_codes_for_unenrolled(a.days));
      return 0;
    }
    if (a.person.empty()) throw std::runtime_error("issue-code needs --person ID, or --all-unenrolled");
    std::cout << hub.issue_code(id_of(a.person), a.days) << "\n";
    return 0;
  }
  if (verb == "rename") {
    hub.rename_person(id_of(a.person), a.name);
    std::cout << "renamed " << a.person << " to " << a.name << "; devices receive it at their next sync\n";
    return 0;
  }
  if (verb == "deactivate") {
    int revoked = hub.deactivate_person(id_of(a.person));
    std::cout << "deactivated " << hub.person_name(id_of(a.person)).value_or(a.person) << ": " << revoked
              << (revoked == 1 ? " device" : " devices")
              << " revoked, no new codes; what they wrote stays with the colleagues it was shared with\n";
    return 0;
  }
  if (verb == "reactivate") {
    hub.reactivate_person(id_of(a.person));
    std::cout << "reactivated " << hub.person_name(id_of(a.person)).value_or(a.person)
              << "; issue them a code to enroll a device again\n";
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
    hub.revoke(id_of(a.device));
    std::cout << "revoked " << a.device << "\n";
    return 0;
  }
  if (verb == "plaintext") {
    std::cout << server::format_plaintext(server::hub_plaintext(hub), server::clear_writing_without_device(hub));
    return 0;
  }
  if (verb == "activity") {
    std::cout << server::format_activity(server::hub_activity(hub, core::wall_clock_ms(), a.weeks), a.hide_below);
    return 0;
  }
  throw std::logic_error("verb " + verb + " is declared but not run");
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App hub("peerobs-hub: the sync hub of peerobs and its admin verbs.", "peerobs-hub");
  hub.require_subcommand(1);
  hub.footer("Each verb's options: peerobs-hub VERB --help");
  Arguments a;
  declare_verbs(hub, a);
  const std::string verb = cli::find_verb(argc, argv, {});
  CLI::App* chosen = cli::named_verb(hub, argc, argv);
  if (!verb.empty() && !chosen && verb != "help") {
    std::cerr << "peerobs-hub: unknown command '" << verb << "'\n\n" << hub.help();
    return 2;
  }
  if (verb == "help" || argc == 1) {
    (argc == 1 ? std::cerr : std::cout) << hub.help();
    return argc == 1 ? 2 : 0;
  }
  try {
    hub.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return cli::report_parse_error(hub, chosen, e, std::cout, std::cerr);
  }
  const std::string name = hub.get_subcommands().front()->get_name();  // parse() requires exactly one
  try {
    return run(name, a);
  } catch (const std::exception& e) {
    std::cerr << "peerobs-hub " << name << ": " << e.what() << "\n";
    return 1;
  }
}
