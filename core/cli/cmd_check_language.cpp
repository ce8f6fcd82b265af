// `peerobs-cli check-language`: the language guide on stdin, one JSON object per input line, so
// scripts and other tools can use the same guide as the client. Offsets are bytes within the line
// (without its line ending). Output is written with rapidjson's Writer, so escaping is exact.
#include <cereal/archives/json.hpp>  // before rapidjson: it defines RAPIDJSON_ASSERT for every TU

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <istream>
#include <memory>
#include <ostream>
#include <string>

#include "core/cli/arguments.h"
#include "core/cli/command.h"
#include "core/language_guide.h"

namespace {

int run_check_language(cli::Context& ctx, const std::string& lexicon) {
  const core::LanguageGuide guide =
      lexicon.empty() ? core::LanguageGuide::load_builtin() : core::LanguageGuide::load(lexicon);
  std::string line;
  rapidjson::StringBuffer buffer;
  for (std::size_t number = 1; std::getline(ctx.in, line); ++number) {
    if (!line.empty() && line.back() == '\r') line.pop_back();  // a file saved on Windows
    const auto findings = guide.check(line);
    buffer.Clear();
    rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
    w.StartObject();
    w.Key("line");
    w.Uint64(number);
    w.Key("evaluative");
    w.Bool(!findings.empty());
    w.Key("findings");
    w.StartArray();
    for (const auto& f : findings) {
      w.StartObject();
      w.Key("start");
      w.Uint64(f.start);
      w.Key("end");
      w.Uint64(f.end);
      w.Key("category");
      w.String(core::category_name(f.category));
      w.Key("suggestion");
      w.String(f.suggestion.c_str(), static_cast<rapidjson::SizeType>(f.suggestion.size()));
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    ctx.out << buffer.GetString() << '\n';
  }
  ctx.out.flush();
  return ctx.out ? 0 : 1;
}

cli::Run declare_check_language(CLI::App& command) {
  auto lexicon = std::make_shared<std::string>();
  command.add_option("--lexicon", *lexicon, "a lexicon file to use instead of the built-in one")->type_name("FILE");
  return [lexicon](cli::Context& ctx) { return run_check_language(ctx, *lexicon); };
}

}  // namespace

PEEROBS_CLI_COMMAND(
    "check-language",
    "finds praise, criticism, prescription and inference in each line of stdin; prints one JSON object a line",
    declare_check_language);
