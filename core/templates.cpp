// Observation templates: reading and checking the JSON files a school may edit by hand.
// Every check names the field ("counters[2].label") and the line it is on, because the person
// reading the message is a teacher with a text editor, not a developer with a debugger.
#include "core/templates.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "core/language/json_lines.h"
#include "core/paths.h"

namespace core {

namespace fs = std::filesystem;

namespace {

constexpr std::uintmax_t kMaxTemplateBytes = 1u << 20;

// Keys are stable ids stored in observations; keep them simple so they survive every tool.
void check_key(const std::string& key, const std::string& path) {
  bool ok = !key.empty() && key.size() <= 64 && std::all_of(key.begin(), key.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
  });
  if (!ok)
    throw json::JsonFieldError(path, "\"" + key + "\" is not a valid key (use 1-64 lowercase letters, digits, - or _)");
}

std::vector<std::string> string_list(const rapidjson::Value& v, const std::string& path) {
  std::vector<std::string> out;
  const auto& list = json::array_at(v, path);
  for (rapidjson::SizeType i = 0; i < list.Size(); ++i)
    out.push_back(json::string_at(list[i], json::index_path(path, i), false));
  return out;
}

template <class Tool, class Fill>
std::vector<Tool> tool_list(const rapidjson::Value& v, const std::string& path,
                            std::initializer_list<const char*> fields, Fill fill) {
  std::vector<Tool> out;
  std::set<std::string> keys;
  const auto& list = json::array_at(v, path);
  for (rapidjson::SizeType i = 0; i < list.Size(); ++i) {
    std::string item = json::index_path(path, i);
    const auto& obj = json::object_at(list[i], item);
    json::check_members(obj, item, fields);
    Tool tool;
    tool.key = json::string_at(*json::member(obj, item, "key", true), json::member_path(item, "key"), false);
    check_key(tool.key, json::member_path(item, "key"));
    if (!keys.insert(tool.key).second)
      throw json::JsonFieldError(json::member_path(item, "key"), "\"" + tool.key + "\" is used twice in " + path);
    tool.label = json::string_at(*json::member(obj, item, "label", true), json::member_path(item, "label"), false);
    fill(obj, item, tool);
    out.push_back(std::move(tool));
  }
  return out;
}

void read_template(const rapidjson::Value& root, ObservationTemplate& t) {
  json::object_at(root, "");
  json::check_members(root, "",
                      {"format", "key", "title", "description", "look_fors", "counters", "timers", "seating_chart",
                       "prompt_bank", "conversation"});
  if (const auto* f = json::member(root, "", "format", false); f && (!f->IsInt() || f->GetInt() != 1))
    throw json::JsonFieldError("format", "must be 1 (this version of peerobs reads format 1)");
  t.key = json::string_at(*json::member(root, "", "key", true), "key", false);
  check_key(t.key, "key");
  t.title = json::string_at(*json::member(root, "", "title", true), "title", false);
  t.description = json::string_at(*json::member(root, "", "description", true), "description", false);
  if (const auto* c = json::member(root, "", "conversation", false)) t.conversation = json::bool_at(*c, "conversation");
  if (const auto* l = json::member(root, "", "look_fors", !t.conversation)) t.look_fors = string_list(*l, "look_fors");
  if (!t.conversation && t.look_fors.empty())
    throw json::JsonFieldError("look_fors", "must list at least one look-for");
  if (const auto* c = json::member(root, "", "counters", false))
    t.counters = tool_list<CounterTool>(*c, "counters", {"key", "label"},
                                        [](const rapidjson::Value&, const std::string&, CounterTool&) {});
  if (const auto* c = json::member(root, "", "timers", false))
    t.timers = tool_list<TimerTool>(*c, "timers", {"key", "label", "group"},
                                    [](const rapidjson::Value& obj, const std::string& item, TimerTool& tool) {
                                      std::string path = json::member_path(item, "group");
                                      if (const auto* g = json::member(obj, item, "group", false)) {
                                        tool.exclusive_group = json::string_at(*g, path, true);
                                        if (!tool.exclusive_group.empty()) check_key(tool.exclusive_group, path);
                                      }
                                    });
  if (const auto* s = json::member(root, "", "seating_chart", false))
    t.seating_chart = json::bool_at(*s, "seating_chart");
  t.prompt_bank = string_list(*json::member(root, "", "prompt_bank", true), "prompt_bank");
  if (t.prompt_bank.empty()) throw json::JsonFieldError("prompt_bank", "must list at least one question");
}

bool read_file(const fs::path& path, std::string& text, std::string& problem) {
  std::error_code ec;
  auto size = fs::file_size(path, ec);
  if (ec) {
    problem = "cannot read the file: " + ec.message();
    return false;
  }
  if (size > kMaxTemplateBytes) {
    problem = "the file is larger than 1 MiB; a template is a few KiB";
    return false;
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (!in || in.bad()) {
    problem = "cannot read the file";
    return false;
  }
  text = buffer.str();
  return true;
}

}  // namespace

std::string describe(const TemplateLoadError& error) {
  std::string s = error.file;
  if (error.line > 0) s += ":" + std::to_string(error.line);
  s += ": ";
  if (!error.field.empty()) s += error.field + ": ";
  return s + error.message;
}

bool parse_template(const std::string& json_text, const std::string& file_name, ObservationTemplate& out,
                    TemplateLoadError& error) {
  json::JsonWithLines doc;
  error = TemplateLoadError{file_name, 0, "", ""};
  if (!doc.parse(json_text)) {
    error.line = doc.error_line();
    error.message = doc.error_message();
    return false;
  }
  ObservationTemplate t;
  try {
    read_template(doc.root(), t);
  } catch (const json::JsonFieldError& e) {
    error.line = doc.line_of(e.field());
    error.field = e.field();
    error.message = e.what();
    return false;
  }
  t.source_file = file_name;
  out = std::move(t);
  return true;
}

TemplateLibrary load_templates(const std::vector<std::string>& directories) {
  TemplateLibrary lib;
  std::map<std::string, ObservationTemplate> by_key;
  for (const auto& dir : directories) {
    std::error_code ec;
    if (!fs::exists(dir, ec)) continue;
    if (!fs::is_directory(dir, ec)) {
      lib.errors.push_back({dir, 0, "", "is not a folder; templates go in a folder of .json files"});
      continue;
    }
    std::vector<fs::path> files;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
      if (it->path().extension() == ".json" && it->is_regular_file(ec)) files.push_back(it->path());
    if (ec) lib.errors.push_back({dir, 0, "", "cannot list the folder: " + ec.message()});
    std::sort(files.begin(), files.end());
    std::map<std::string, std::string> keys_here;  // key -> file, to refuse two files with one key
    for (const auto& file : files) {
      std::string text, problem;
      if (!read_file(file, text, problem)) {
        lib.errors.push_back({file.string(), 0, "", problem});
        continue;
      }
      ObservationTemplate t;
      TemplateLoadError error;
      if (!parse_template(text, file.string(), t, error)) {
        lib.errors.push_back(std::move(error));
        continue;
      }
      auto [it, fresh] = keys_here.emplace(t.key, file.string());
      if (!fresh) {
        json::JsonWithLines doc;
        doc.parse(text);
        lib.errors.push_back({file.string(), doc.line_of("key"), "key",
                              "\"" + t.key + "\" is already used by " + it->second +
                                  " in the same folder; give one of them another key"});
        continue;
      }
      by_key[t.key] = std::move(t);  // a later folder replaces an earlier template with this key
    }
  }
  for (auto& [key, t] : by_key) lib.templates.push_back(std::move(t));
  std::sort(lib.templates.begin(), lib.templates.end(),
            [](const auto& a, const auto& b) { return a.title != b.title ? a.title < b.title : a.key < b.key; });
  return lib;
}

const ObservationTemplate* TemplateLibrary::find(const std::string& key) const {
  for (const auto& t : templates)
    if (t.key == key) return &t;
  return nullptr;
}

const ObservationTemplate* TemplateLibrary::conversation() const {
  // The shipped one has key "conversation"; a school replaces it by reusing that key.
  if (const auto* t = find("conversation"); t && t->conversation) return t;
  for (const auto& t : templates)
    if (t.conversation) return &t;
  return nullptr;
}

std::string builtin_template_dir() { return asset_dir() + "/templates"; }

std::vector<std::string> template_dirs_for(const std::string& data_dir) {
  return {builtin_template_dir(), (fs::path(data_dir) / "templates").string()};
}

std::vector<TimerGroupTemplate> timer_groups(const ObservationTemplate& t) {
  std::vector<TimerGroupTemplate> groups;
  for (const auto& timer : t.timers) {
    auto it = std::find_if(groups.begin(), groups.end(),
                           [&](const TimerGroupTemplate& g) { return g.key == timer.exclusive_group; });
    if (it == groups.end()) it = groups.insert(groups.end(), TimerGroupTemplate{timer.exclusive_group, {}});
    it->timers.push_back(timer);
  }
  return groups;
}

}  // namespace core
