// JSON export/import. Syntax is checked with rapidjson first (for a line and column), then
// every version is read with cereal, tracking the field being read so a failure can name it.
#include "core/export_json.h"

#include "core/file_write.h"
#include "core/serialization.h"  // before rapidjson: cereal configures RAPIDJSON_ASSERT

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <cstdio>
#include <fstream>
#include <sstream>

// Full precision (cereal's default) takes undefined behaviour in Debian's rapidjson 1.1.0 on
// numbers like 0E88; core/CMakeLists.txt turns it off for every parse, this file's included.
static_assert((rapidjson::kParseDefaultFlags & rapidjson::kParseFullPrecisionFlag) == 0,
              "rapidjson must parse without kParseFullPrecisionFlag (RAPIDJSON_PARSE_DEFAULT_FLAGS)");

namespace core {

namespace {

struct VersionJson {
  Version v;
  RecordBody body;
};

void save_version(cereal::JSONOutputArchive& ar, const Version& v) {
  ar.setNextName(nullptr);
  ar.startNode();
  ar(cereal::make_nvp("version", v.version), cereal::make_nvp("record", v.record),
     cereal::make_nvp("type", std::string(type_name(v.type))), cereal::make_nvp("parents", v.parents),
     cereal::make_nvp("author", v.author), cereal::make_nvp("observation", v.observation),
     cereal::make_nvp("tombstone", v.tombstone), cereal::make_nvp("saved_at_ms", v.saved_at_ms),
     cereal::make_nvp("body_hash", to_hex(v.body_hash)));
  if (!v.tombstone) save_body_json(ar, decode_body(v.type, v.body));
  ar.finishNode();
}

std::pair<int, int> line_and_column(const std::string& text, std::size_t offset) {
  int line = 1, col = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      col = 1;
    } else {
      ++col;
    }
  }
  return {line, col};
}

std::string plain(const std::string& cereal_message) {
  const std::string nvp = "provided NVP (";
  auto at = cereal_message.find(nvp);
  if (at != std::string::npos) {
    auto end = cereal_message.find(')', at);
    return "the field \"" + cereal_message.substr(at + nvp.size(), end - at - nvp.size()) + "\" is missing";
  }
  const std::string assertion = "rapidjson internal assertion failure: ";
  at = cereal_message.find(assertion);
  if (at != std::string::npos) {
    std::string check = cereal_message.substr(at + assertion.size());
    if (check.rfind("Is", 0) == 0 && check.size() > 4) check = check.substr(2, check.size() - 4);
    return "a value has the wrong type (expected " + check + ")";
  }
  return cereal_message;
}

// The syntax first, with rapidjson: its errors carry an offset, which becomes a line and column.
void check_json_syntax(const std::string& text, const std::string& name) {
  rapidjson::Document doc;
  doc.Parse(text.c_str(), text.size());
  if (doc.HasParseError()) {
    auto [line, col] = line_and_column(text, doc.GetErrorOffset());
    throw ImportError(name + ": line " + std::to_string(line) + ", column " + std::to_string(col) +
                      ": not valid JSON (" + rapidjson::GetParseError_En(doc.GetParseError()) + ")");
  }
  if (!doc.IsObject()) throw ImportError(name + ": line 1: expected a JSON object at the top");
}

// Where in the file a read failed, for the message: "versions[3]" and "author".
struct ReadPlace {
  std::string where = "the top level";  // the version being read
  std::string field;                    // the field being read
};

// Reads an export's fields in file order with cereal, keeping its ReadPlace up to date so that a
// failure deep inside cereal can name the field.
class ExportReader {
 public:
  ExportReader(cereal::JSONInputArchive& ar, const std::string& name, ReadPlace& place)
      : ar_(ar), name_(name), place_(place) {}

  // "format", "format_version" (refused when newer than this build reads) and "exported_by".
  void read_header() {
    std::string format;
    get("format", format);
    if (format != "peerobs-export")
      throw ImportError(name_ + ": field \"format\" is \"" + format + "\", expected \"peerobs-export\"");
    int format_version = 0;
    get("format_version", format_version);
    if (format_version > kExportFormatVersion || format_version < 1)
      throw ImportError(name_ + ": field \"format_version\" is " + std::to_string(format_version) +
                        "; this peerobs reads versions 1 to " + std::to_string(kExportFormatVersion) +
                        (format_version > kExportFormatVersion ? " (the file comes from a newer peerobs)" : ""));
    Id exported_by;
    get("exported_by", exported_by);
  }

  std::vector<VersionJson> read_versions() {
    std::vector<VersionJson> out;
    place_.field = "versions";
    ar_.setNextName("versions");
    ar_.startNode();
    cereal::size_type count = 0;
    ar_.loadSize(count);
    for (cereal::size_type i = 0; i < count; ++i) {
      place_.where = "versions[" + std::to_string(i) + "]";
      out.push_back(read_version());
    }
    ar_.finishNode();
    return out;
  }

 private:
  template <class T>
  void get(const char* field, T& value) {
    place_.field = field;
    ar_(cereal::make_nvp(field, value));
  }

  // One version: its envelope, its body (absent for a tombstone), and the body hash checked.
  VersionJson read_version() {
    ar_.startNode();
    VersionJson item;
    Version& v = item.v;
    std::string type, hash;
    get("version", v.version);
    get("record", v.record);
    get("type", type);
    if (!type_from_name(type, v.type))
      throw ImportError(name_ + ": " + place_.where + ".type: unknown record type \"" + type + "\"");
    get("parents", v.parents);
    get("author", v.author);
    get("observation", v.observation);
    get("tombstone", v.tombstone);
    get("saved_at_ms", v.saved_at_ms);
    get("body_hash", hash);
    if (!v.tombstone) {
      place_.field = "body";
      item.body = load_body_json(ar_, v.type);
      v.body = encode_body(item.body);
    }
    v.body_hash = body_hash(v.type, v.tombstone, v.body);
    if (to_hex(v.body_hash) != hash)
      throw ImportError(name_ + ": " + place_.where +
                        ".body_hash: does not match the body (the file was changed or damaged)");
    ar_.finishNode();
    return item;
  }

  cereal::JSONInputArchive& ar_;
  const std::string& name_;
  ReadPlace& place_;
};

// Every version of the file, read and checked before anything is written.
std::vector<VersionJson> read_export(const std::string& text, const std::string& name) {
  ReadPlace place;
  try {
    std::istringstream in(text);
    cereal::JSONInputArchive ar(in);
    ExportReader reader(ar, name, place);
    reader.read_header();
    return reader.read_versions();
  } catch (const ImportError&) {
    throw;
  } catch (const std::exception& e) {
    throw ImportError(name + ": " + place.where + "." + place.field + ": " + plain(e.what()));
  }
}

// All versions in one transaction: a file imports whole or not at all.
ImportSummary apply_versions(Store& store, const std::vector<VersionJson>& parsed, const std::string& name) {
  ImportSummary summary;
  summary.versions_in_file = parsed.size();
  auto me = store.meta().local_person();
  try {
    store.transaction([&] {
      for (const auto& item : parsed) {
        bool mine = me && item.v.author == *me;
        if (store.apply_version(item.v, mine)) ++summary.versions_added;
      }
    });
  } catch (const VersionMismatch& e) {
    throw ImportError(name + ": " + e.what() + ". Nothing was imported.");
  } catch (const DbError&) {
    throw;
  } catch (const std::exception& e) {
    throw ImportError(name + ": " + e.what() + ". Nothing was imported.");
  }
  return summary;
}

}  // namespace

void export_json(const Store& store, std::ostream& out) {
  cereal::JSONOutputArchive ar(out);
  ar(cereal::make_nvp("format", std::string("peerobs-export")),
     cereal::make_nvp("format_version", kExportFormatVersion));
  auto me = store.meta().local_person();
  ar(cereal::make_nvp("exported_by", me ? *me : Id{}));
  auto versions = store.all_versions();
  ar.setNextName("versions");
  ar.startNode();
  ar.makeArray();
  for (const auto& v : versions) save_version(ar, v);
  ar.finishNode();
}

void export_json_file(const Store& store, const std::string& path) {
  std::ostringstream out;
  export_json(store, out);
  out << "\n";
  write_file_whole(path, out.str());
}

ImportSummary import_json_text(Store& store, const std::string& text, const std::string& name) {
  check_json_syntax(text, name);
  const std::vector<VersionJson> parsed = read_export(text, name);
  return apply_versions(store, parsed, name);
}

ImportSummary import_json_file(Store& store, const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ImportError(path + ": cannot open the file (does it exist, and may you read it?)");
  std::ostringstream buf;
  buf << in.rdbuf();
  return import_json_text(store, buf.str(), path);
}

}  // namespace core
