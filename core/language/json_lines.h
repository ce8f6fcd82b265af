// JSON for files people edit by hand (templates, the lexicon): rapidjson parsing that remembers the
// line of every value, and typed field readers that throw a JsonFieldError naming the field path
// ("counters[2].label") so a message can say file, line and field. Internal to core.
#pragma once
// cereal first: it defines RAPIDJSON_ASSERT to throw, and every translation unit must agree (one
// that includes rapidjson first gets assert(), and the linker may pick its copy of rapidjson's
// inline functions for the whole program). Its own include block: clang-format sorts a .h before
// a .hpp within a block.
#include <cereal/archives/json.hpp>

#include <rapidjson/document.h>

#include <initializer_list>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>

namespace core::json {

// A value that is not what the file format expects. `field` is the path, e.g. "look_fors[3]".
class JsonFieldError : public std::runtime_error {
 public:
  JsonFieldError(std::string field, const std::string& message)
      : std::runtime_error(message), field_(std::move(field)) {}
  const std::string& field() const { return field_; }

 private:
  std::string field_;
};

class JsonWithLines {
 public:
  // Parses `text`. On a syntax error returns false and sets error_line() and error_message().
  bool parse(std::string_view text);
  const rapidjson::Document& root() const { return doc_; }
  // 1-based line where the value at `path` ends ("" = the root); falls back to the nearest
  // enclosing value that was seen, so a missing field reports the line of its object.
  int line_of(const std::string& path) const;
  int error_line() const { return error_line_; }
  const std::string& error_message() const { return error_message_; }

 private:
  friend struct PathRecorder;
  int line_at(std::size_t offset) const;
  std::string text_;
  rapidjson::Document doc_;
  std::unordered_map<std::string, std::size_t> offsets_;  // path -> byte offset just past the value's first token
  int error_line_ = 0;
  std::string error_message_;
};

std::string member_path(const std::string& parent, const char* name);
std::string index_path(const std::string& parent, std::size_t index);

// Typed readers: each throws JsonFieldError(path, "expected ...") when the value has the wrong type.
const rapidjson::Value& object_at(const rapidjson::Value& v, const std::string& path);
const rapidjson::Value& array_at(const rapidjson::Value& v, const std::string& path);
std::string string_at(const rapidjson::Value& v, const std::string& path, bool allow_empty);
bool bool_at(const rapidjson::Value& v, const std::string& path);
// The member `name` of object `obj`, or nullptr when absent (and `required` is false).
const rapidjson::Value* member(const rapidjson::Value& obj, const std::string& path, const char* name, bool required);
// Refuses members not in `known` (a typo should not be silently ignored) and repeated members.
void check_members(const rapidjson::Value& obj, const std::string& path, std::initializer_list<const char*> known);

}  // namespace core::json
