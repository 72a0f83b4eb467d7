// Typed reading of YAML data files with one-line errors "FILE:LINE:COL: FIELD: what was expected".
// Error is the exception type thrown (constructible from std::string), so each file format keeps its own.
#pragma once

#include <yaml-cpp/yaml.h>

#include <cmath>
#include <cstdint>
#include <initializer_list>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "io/input_file.hpp"

namespace alemsim {

// Deepest nesting of mappings and lists a file may have.
inline constexpr int kMaxYamlDepth = 32;

template <class Error>
class YamlReader {
 public:
  explicit YamlReader(std::string path) : path_(std::move(path)) {}

  // Parses the file; a missing, unreadable or empty file, or invalid YAML, is an Error naming it.
  YAML::Node load() const { return parse(read_text()); }

  // The file's text; an Error naming it if it cannot be read, is not a regular file or is too
  // large (read_input_file()).
  std::string read_text() const {
    try {
      return read_input_file(path_);
    } catch (const InputFileError& e) {
      throw Error(e.what());
    }
  }

  // Parses text read from the file (for callers that keep the text too).
  YAML::Node parse(const std::string& text) const {
    YAML::Node root;
    try {
      root = YAML::Load(text);
    } catch (const YAML::ParserException& e) {
      throw Error(path_ + ":" + std::to_string(e.mark.line + 1) + ":" + std::to_string(e.mark.column + 1) +
                  ": not valid YAML: " + e.msg);
    }
    if (root.IsNull() || !root.IsDefined()) throw Error(path_ + ": file is empty");
    check_unique_keys(root, "");
    return root;
  }

  // YAML forbids a key twice in one mapping, but yaml-cpp keeps both: node["k"] would read the first
  // and a loop over the entries the last, so a file saying `ada_propensity: 1` and then `1000` would
  // mean one or the other depending on who reads it. Every mapping of the file, at any depth, must
  // have unique scalar keys; `field` is the path to `node` for the error. Nesting deeper than
  // kMaxYamlDepth is an error too (deeply nested input from the fuzzer overflowed this recursion's
  // stack; alemsim's formats nest 4 deep).
  void check_unique_keys(const YAML::Node& node, const std::string& field, int depth = 0) const {
    if (depth > kMaxYamlDepth) {
      fail(node, field, "nested more than " + std::to_string(kMaxYamlDepth) + " levels deep; expected a shallow file");
    }
    if (node.IsSequence()) {
      for (std::size_t i = 0; i < node.size(); ++i) {
        check_unique_keys(node[i], field + "[" + std::to_string(i) + "]", depth + 1);
      }
      return;
    }
    if (!node.IsMap()) return;
    std::vector<std::pair<std::string, YAML::Node>> seen;
    for (const auto& entry : node) {
      if (!entry.first.IsScalar()) fail(entry.first, field, "expected a plain key, got " + describe(entry.first));
      const std::string key = entry.first.Scalar();
      const std::string path = field.empty() ? key : field + "." + key;
      for (const auto& [other, at] : seen) {
        if (other == key) {
          fail(entry.first, path,
               "duplicate key (first given on line " + std::to_string(at.Mark().line + 1) + "); give each key once");
        }
      }
      seen.emplace_back(key, entry.first);
      check_unique_keys(entry.second, path, depth + 1);
    }
  }

  [[noreturn]] void fail(const YAML::Node& at, const std::string& field, const std::string& message) const {
    std::ostringstream out;
    out << path_;
    if (at.IsDefined() && at.Mark().line >= 0) out << ':' << at.Mark().line + 1 << ':' << at.Mark().column + 1;
    if (!field.empty()) out << ": " << field;
    out << ": " << message;
    throw Error(out.str());
  }

  void expect_map(const YAML::Node& node, const std::string& field) const {
    if (!node.IsMap()) fail(node, field, "expected a mapping of keys to values");
  }

  // Every key of `map` must be one of `allowed`; `prefix` is prepended to the key in the error.
  void check_keys(const YAML::Node& map, const std::string& prefix,
                  std::initializer_list<std::string_view> allowed) const {
    for (const auto& entry : map) {
      const auto key = entry.first.as<std::string>();
      bool known = false;
      for (std::string_view a : allowed) known = known || key == a;
      if (!known) {
        std::string list;
        for (std::string_view a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
        fail(entry.first, prefix + key, "unknown key; expected one of: " + list);
      }
    }
  }

  double number(const YAML::Node& node, const std::string& field) const {
    double value = 0.0;
    if (!node.IsScalar() || !YAML::convert<double>::decode(node, value) || !std::isfinite(value)) {
      fail(node, field, "expected a finite number, got " + describe(node));
    }
    return value;
  }

  std::int64_t integer(const YAML::Node& node, const std::string& field) const {
    std::int64_t value = 0;
    if (!node.IsScalar() || !YAML::convert<std::int64_t>::decode(node, value)) {
      fail(node, field, "expected a whole number, got " + describe(node));
    }
    return value;
  }

  // A whole number from `min` to `max`.
  std::int64_t integer_in(const YAML::Node& node, const std::string& field, std::int64_t min, std::int64_t max) const {
    const std::int64_t value = integer(node, field);
    if (value < min || value > max) {
      fail(node, field, "expected a whole number from " + std::to_string(min) + " to " + std::to_string(max));
    }
    return value;
  }

  // A non-empty scalar.
  std::string text(const YAML::Node& node, const std::string& field) const {
    if (!node.IsScalar() || node.Scalar().empty()) fail(node, field, "expected text, got " + describe(node));
    return node.Scalar();
  }

  YAML::Node required(const YAML::Node& map, const char* key, const std::string& prefix) const {
    const YAML::Node node = map[key];
    if (!node) fail(map, prefix + key, "required key is missing");
    return node;
  }

  const std::string& path() const { return path_; }

  static std::string describe(const YAML::Node& node) {
    if (node.IsScalar()) return "'" + node.Scalar() + "'";
    if (node.IsSequence()) return "a list";
    if (node.IsMap()) return "a mapping";
    return "nothing";
  }

 private:
  std::string path_;
};

}  // namespace alemsim
