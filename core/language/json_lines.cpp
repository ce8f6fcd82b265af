// JSON with line numbers: a SAX pass feeds rapidjson's own Document while recording, for every
// value, its path and the byte offset the reader had reached. Lines are computed only when an
// error needs one, so a good file costs one parse plus one map insert per value.
#include "core/language/json_lines.h"

#include <rapidjson/error/en.h>
#include <rapidjson/reader.h>

#include <algorithm>
#include <set>
#include <vector>

namespace core::json {

std::string member_path(const std::string& parent, const char* name) {
  return parent.empty() ? std::string(name) : parent + "." + name;
}

std::string index_path(const std::string& parent, std::size_t index) {
  return parent + "[" + std::to_string(index) + "]";
}

namespace {

// A read-only string stream. rapidjson copies its own StringStream into a local while it reads a
// string or a number (copyOptimization), so Tell() on the original lags behind during those
// events; this type has no such optimisation, so at every event Tell() is just past the value.
struct TrackedStream {
  using Ch = char;
  explicit TrackedStream(const char* text) : head_(text), src_(text) {}
  Ch Peek() const { return *src_; }
  Ch Take() { return *src_++; }
  std::size_t Tell() const { return static_cast<std::size_t>(src_ - head_); }
  Ch* PutBegin() { return nullptr; }
  void Put(Ch) {}
  void Flush() {}
  std::size_t PutEnd(Ch*) { return 0; }
  const Ch* head_;
  const Ch* src_;
};

// Forwards every event to the Document and records where each value was found.
struct PathRecorder {
  struct Frame {
    bool is_array = false;
    std::size_t next_index = 0;
    std::string key;
    std::string path;
  };
  rapidjson::Document& doc;
  TrackedStream& stream;
  std::unordered_map<std::string, std::size_t>& offsets;
  std::vector<Frame> frames;

  std::string value_path() {
    if (frames.empty()) return "";
    Frame& f = frames.back();
    if (f.is_array) return index_path(f.path, f.next_index++);
    return member_path(f.path, f.key.c_str());
  }
  void record() { offsets[value_path()] = stream.Tell(); }
  void open(bool is_array) {
    std::string path = value_path();
    offsets[path] = stream.Tell();
    frames.push_back(Frame{is_array, 0, "", std::move(path)});
  }

  bool Null() {
    record();
    return doc.Null();
  }
  bool Bool(bool b) {
    record();
    return doc.Bool(b);
  }
  bool Int(int i) {
    record();
    return doc.Int(i);
  }
  bool Uint(unsigned u) {
    record();
    return doc.Uint(u);
  }
  bool Int64(int64_t i) {
    record();
    return doc.Int64(i);
  }
  bool Uint64(uint64_t u) {
    record();
    return doc.Uint64(u);
  }
  bool Double(double d) {
    record();
    return doc.Double(d);
  }
  bool RawNumber(const char* s, rapidjson::SizeType n, bool copy) {
    record();
    return doc.RawNumber(s, n, copy);
  }
  bool String(const char* s, rapidjson::SizeType n, bool copy) {
    record();
    return doc.String(s, n, copy);
  }
  bool StartObject() {
    open(false);
    return doc.StartObject();
  }
  bool Key(const char* s, rapidjson::SizeType n, bool copy) {
    frames.back().key.assign(s, n);
    return doc.Key(s, n, copy);
  }
  bool EndObject(rapidjson::SizeType n) {
    frames.pop_back();
    return doc.EndObject(n);
  }
  bool StartArray() {
    open(true);
    return doc.StartArray();
  }
  bool EndArray(rapidjson::SizeType n) {
    frames.pop_back();
    return doc.EndArray(n);
  }
};
}  // namespace

bool JsonWithLines::parse(std::string_view text) {
  text_.assign(text.data(), text.size());
  offsets_.clear();
  error_line_ = 0;
  error_message_.clear();
  TrackedStream stream(text_.c_str());
  rapidjson::ParseResult result;
  auto generator = [&](rapidjson::Document& doc) {
    PathRecorder recorder{doc, stream, offsets_, {}};
    rapidjson::Reader reader;
    // Named, not kParseDefaultFlags: what this file always parsed with (rapidjson's own default),
    // whatever core/CMakeLists.txt sets for cereal's reader.
    result = reader.Parse<rapidjson::kParseNoFlags>(stream, recorder);
    return !result.IsError();
  };
  doc_.Populate(generator);
  if (!result.IsError() && text_.size() != std::char_traits<char>::length(text_.c_str())) {
    // StringStream stops at a NUL byte; refuse a file that has one instead of reading half of it.
    error_line_ = line_at(std::char_traits<char>::length(text_.c_str()));
    error_message_ = "the file contains a NUL byte";
    return false;
  }
  if (result.IsError()) {
    error_line_ = line_at(result.Offset());
    error_message_ = std::string("JSON syntax: ") + rapidjson::GetParseError_En(result.Code());
    return false;
  }
  return true;
}

int JsonWithLines::line_at(std::size_t offset) const {
  offset = std::min(offset, text_.size());
  return 1 + static_cast<int>(std::count(text_.begin(), text_.begin() + static_cast<long>(offset), '\n'));
}

int JsonWithLines::line_of(const std::string& path) const {
  std::string p = path;
  for (;;) {
    auto it = offsets_.find(p);
    // The recorded offset is just past the value's first token; step back onto it.
    if (it != offsets_.end()) return line_at(it->second == 0 ? 0 : it->second - 1);
    if (p.empty()) return 1;
    std::size_t cut = p.find_last_of(".[");
    p = cut == std::string::npos ? std::string() : p.substr(0, cut);
  }
}

static const char* type_name(const rapidjson::Value& v) {
  switch (v.GetType()) {
    case rapidjson::kNullType:
      return "null";
    case rapidjson::kFalseType:
    case rapidjson::kTrueType:
      return "true/false";
    case rapidjson::kObjectType:
      return "an object";
    case rapidjson::kArrayType:
      return "a list";
    case rapidjson::kStringType:
      return "a string";
    case rapidjson::kNumberType:
      return "a number";
  }
  return "something else";
}

const rapidjson::Value& object_at(const rapidjson::Value& v, const std::string& path) {
  if (!v.IsObject()) throw JsonFieldError(path, std::string("expected an object {...}, found ") + type_name(v));
  return v;
}

const rapidjson::Value& array_at(const rapidjson::Value& v, const std::string& path) {
  if (!v.IsArray()) throw JsonFieldError(path, std::string("expected a list [...], found ") + type_name(v));
  return v;
}

std::string string_at(const rapidjson::Value& v, const std::string& path, bool allow_empty) {
  if (!v.IsString()) throw JsonFieldError(path, std::string("expected a string, found ") + type_name(v));
  std::string s(v.GetString(), v.GetStringLength());
  if (!allow_empty && s.find_first_not_of(" \t\r\n") == std::string::npos)
    throw JsonFieldError(path, "must not be empty");
  return s;
}

bool bool_at(const rapidjson::Value& v, const std::string& path) {
  if (!v.IsBool()) throw JsonFieldError(path, std::string("expected true or false, found ") + type_name(v));
  return v.GetBool();
}

const rapidjson::Value* member(const rapidjson::Value& obj, const std::string& path, const char* name, bool required) {
  auto it = obj.FindMember(name);
  if (it == obj.MemberEnd()) {
    if (required) throw JsonFieldError(member_path(path, name), "is missing (it is required)");
    return nullptr;
  }
  return &it->value;
}

void check_members(const rapidjson::Value& obj, const std::string& path, std::initializer_list<const char*> known) {
  std::set<std::string> seen;
  for (auto it = obj.MemberBegin(); it != obj.MemberEnd(); ++it) {
    std::string name(it->name.GetString(), it->name.GetStringLength());
    if (!seen.insert(name).second) throw JsonFieldError(member_path(path, name.c_str()), "appears twice");
    bool ok = std::any_of(known.begin(), known.end(), [&](const char* k) { return name == k; });
    if (ok) continue;
    std::string list;
    for (const char* k : known) list += std::string(list.empty() ? "" : ", ") + k;
    throw JsonFieldError(member_path(path, name.c_str()), "is not a known field (known: " + list + ")");
  }
}

}  // namespace core::json
