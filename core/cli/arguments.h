// Command-line arguments for both of our programs (peerobs-cli and peerobs-hub), parsed with
// CLI11 (Debian's libcli11-dev, header-only). Why CLI11 rather than cxxopts or getopt_long:
// both programs are verb-first ("peerobs-hub issue-code --person ID"), and CLI11 is the one of
// the three with subcommands built in: each verb declares its own options, refuses any argument
// it did not declare, and reports a missing required option by name. cxxopts has no
// subcommands, and getopt_long would leave us writing the verb dispatch and every value check
// by hand again, which is what let "--listn" through before.
//
// This header adds what both programs share: value checks that name the argument and say what
// was expected (never a conversion function's name), and one way of reporting a refusal.
#pragma once
#include <CLI/CLI.hpp>

#include <ostream>
#include <string>
#include <vector>

#include "core/ids.h"

namespace cli {

// Checks that an option's value is a whole number from `low` to `high`; `unit` says what it
// counts ("days"). CLI11 prefixes the sentence with the option's name: "--days: expected ...".
inline CLI::Validator whole_number(long low, long high, const std::string& unit) {
  return CLI::Validator(
      [low, high, unit](std::string& text) -> std::string {
        std::string expected = "expected a whole number of " + unit + " from " + std::to_string(low) + " to " +
                               std::to_string(high) + ", got \"" + text + "\"";
        if (text.empty() || text.size() > 9) return expected;
        for (char c : text)
          if (c < '0' || c > '9') return expected;
        long value = std::stol(text);  // nine digits at most, all checked above: cannot throw
        return value < low || value > high ? expected : std::string();
      },
      "");  // no description: the option's type name says it
}

// Checks that an option's value is one of our 32-hex-digit ids (a person or a device).
inline CLI::Validator hex_id(const std::string& what) {
  return CLI::Validator(
      [what](std::string& text) -> std::string {
        if (core::Id::from_hex(text)) return "";
        return "expected the " + what + "'s id (32 hex digits, as add-person or devices print it), got \"" + text +
               "\"";
      },
      "");
}

// The first word of the command line that is not an option or an option's value: the verb as
// typed. Options that take a value are those in `valued` ("--data"). "" when there is none.
inline std::string find_verb(int argc, const char* const* argv, std::initializer_list<const char*> valued) {
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a.empty() || a[0] != '-') return a;
    for (const char* v : valued)
      if (a == v) ++i;  // skip its value
  }
  return "";
}

// The first word of the command line that names one of the program's verbs, or nullptr. Found
// before parsing, so a refusal can show that verb's usage; the first word that is not an option
// may be the value of a misspelled one ("--dta DIR stats").
inline CLI::App* named_verb(CLI::App& program, int argc, const char* const* argv) {
  for (int i = 1; i < argc; ++i)
    for (CLI::App* v : program.get_subcommands({}))
      if (v->get_name() == argv[i]) return v;
  return nullptr;
}

// CLI11's sentence for a refusal, made plainer where it is terse: unexpected arguments in the
// order they were typed, and a missing value as "--person needs a value (ID)".
inline std::string describe_refusal(const CLI::App& program, const CLI::ParseError& e) {
  if (dynamic_cast<const CLI::ExtrasError*>(&e)) {
    std::vector<std::string> extra = program.remaining(true);
    if (!extra.empty()) {
      std::string list;
      for (const auto& a : extra) list += (list.empty() ? "" : " ") + a;
      return std::string(extra.size() > 1 ? "these arguments are" : "this argument is") + " not understood: " + list +
             " (check the spelling against the options below)";
    }
  }
  const std::string what = e.what();
  const std::string missing = " missing";
  auto required = what.find(": 1 required ");
  if (dynamic_cast<const CLI::ArgumentMismatch*>(&e) && required != std::string::npos && what.size() > missing.size() &&
      what.compare(what.size() - missing.size(), missing.size(), missing) == 0) {
    const std::size_t type_at = required + 13;
    return what.substr(0, required) + " needs a value (" +
           what.substr(type_at, what.size() - missing.size() - type_at) + ")";
  }
  return what;
}

// Prints a refused command line: the program and verb, a sentence naming the argument, and the
// usage of that verb (or of the program). Returns the exit code: 0 for --help, else 2.
inline int report_parse_error(const CLI::App& program, const CLI::App* verb, const CLI::ParseError& e,
                              std::ostream& out, std::ostream& err) {
  const std::string usage = verb ? verb->help(program.get_name()) : program.help();
  if (e.get_exit_code() == static_cast<int>(CLI::ExitCodes::Success)) {  // --help
    out << usage;
    return 0;
  }
  err << program.get_name() << (verb ? " " + verb->get_name() : std::string()) << ": " << describe_refusal(program, e)
      << "\n\n"
      << usage;
  return 2;
}

}  // namespace cli
