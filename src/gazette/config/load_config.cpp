// LoadConfig and ParseConfig: gazette.toml through toml++, checked key by key against the key table.
#include <fmt/format.h>
#include <toml++/toml.h>

#include <algorithm>
#include <fstream>
#include <system_error>

#include "gazette/config/config.hpp"
#include "gazette/config/detail/environment_overrides.hpp"
#include "gazette/config/detail/key_table.hpp"
#include "gazette/config/limits.hpp"

namespace gazette::config {
namespace {

using detail::KeySpec;
using detail::Value;
using detail::ValueKind;

const char* NodeTypeName(const toml::node& node) {
  switch (node.type()) {
    case toml::node_type::string:
      return "a string";
    case toml::node_type::integer:
      return "an integer";
    case toml::node_type::floating_point:
      return "a floating-point number";
    case toml::node_type::boolean:
      return "a boolean";
    case toml::node_type::array:
      return "an array";
    case toml::node_type::table:
      return "a table";
    case toml::node_type::date:
    case toml::node_type::time:
    case toml::node_type::date_time:
      return "a date or time";
    case toml::node_type::none:
      break;
  }
  return "nothing";
}

// Reports problems as "FILE:LINE: message", the form editors and terminals jump to.
class ErrorSink {
 public:
  explicit ErrorSink(std::string source) : source_(std::move(source)) {}
  Error At(const toml::source_region& where, std::string_view message) const {
    return MakeError(ErrorCode::kInvalid, fmt::format("{}:{}: {}", source_, where.begin.line, message));
  }
  Error At(const toml::source_region& where, const KeySpec& key, std::string_view message) const {
    return At(where, fmt::format("{} {}", detail::KeyLabel(key), message));
  }
  const std::string& source() const { return source_; }

 private:
  std::string source_;
};

// The TOML node as the kind its key expects; a type error names what was found instead.
Result<Value> ToValue(const toml::node& node, const KeySpec& key, const ErrorSink& errors) {
  const auto wrong_type = [&](const toml::node& found) {
    return errors.At(
        found.source(), key,
        fmt::format("must be {} (got {})", detail::ValueKindName(key.kind), NodeTypeName(found)));
  };
  switch (key.kind) {
    case ValueKind::kString:
      if (const auto* text = node.as_string()) return Value{text->get()};
      return wrong_type(node);
    case ValueKind::kInteger:
      if (const auto* number = node.as_integer()) return Value{number->get()};
      return wrong_type(node);
    case ValueKind::kBoolean:
      if (const auto* flag = node.as_boolean()) return Value{flag->get()};
      return wrong_type(node);
    case ValueKind::kStringList: {
      const auto* array = node.as_array();
      if (array == nullptr) return wrong_type(node);
      std::vector<std::string> items;
      for (const toml::node& element : *array) {
        const auto* text = element.as_string();
        if (text == nullptr) {
          return errors.At(element.source(), key,
                           fmt::format("must be an array of strings (item {} is {})", items.size() + 1,
                                       NodeTypeName(element)));
        }
        items.push_back(text->get());
      }
      return Value{std::move(items)};
    }
  }
  return MakeError(ErrorCode::kInternal, "unknown value kind");
}

Status ApplySection(Config& config, std::string_view section, const toml::table& table,
                    const ErrorSink& errors) {
  for (const auto& [name, node] : table) {
    const KeySpec* key = detail::FindKey(section, name.str());
    if (key == nullptr) {
      return errors.At(name.source(), fmt::format("[{}] has no key \"{}\" (known keys: {})", section,
                                                  name.str(), detail::KeyNames(section)));
    }
    auto value = ToValue(node, *key, errors);
    if (!value) return std::move(value).error();
    if (auto applied = key->apply(config, std::move(value).value()); !applied) {
      return errors.At(node.source(), *key, applied.error().message);
    }
  }
  return OkStatus();
}

Status ApplyDocument(Config& config, const toml::table& root, const ErrorSink& errors) {
  std::string sections;
  for (const std::string_view section : detail::Sections()) {
    sections += fmt::format("{}[{}]", sections.empty() ? "" : ", ", section);
  }
  for (const auto& [name, node] : root) {
    const auto& known = detail::Sections();
    const bool is_section = std::find(known.begin(), known.end(), name.str()) != known.end();
    if (!is_section) {
      if (node.is_table()) {
        return errors.At(name.source(),
                         fmt::format("unknown section [{}] (known sections: {})", name.str(), sections));
      }
      return errors.At(name.source(),
                       fmt::format("key \"{}\" must be inside a section ({})", name.str(), sections));
    }
    const auto* table = node.as_table();
    if (table == nullptr) {
      return errors.At(name.source(),
                       fmt::format("\"{}\" must be a section [{}], not a value", name.str(), name.str()));
    }
    if (auto applied = ApplySection(config, name.str(), *table, errors); !applied) return applied;
  }
  return OkStatus();
}

}  // namespace

Result<Config> ParseConfig(std::string_view text, const std::filesystem::path& dir, const Environment& env) {
  Config config;
  config.dir = dir;
  const ErrorSink errors(config.config_path().string());
  if (text.size() > kMaxConfigFileBytes) {
    return MakeError(ErrorCode::kInvalid,
                     fmt::format("{} is larger than {} bytes; is it really a config file?", errors.source(),
                                 kMaxConfigFileBytes));
  }
  toml::table root;
  try {
    root = toml::parse(text, errors.source());
  } catch (const toml::parse_error& error) {
    return MakeError(ErrorCode::kInvalid,
                     fmt::format("{}:{}:{}: {}", errors.source(), error.source().begin.line,
                                 error.source().begin.column, error.description()));
  }
  if (auto applied = ApplyDocument(config, root, errors); !applied) return std::move(applied).error();
  if (auto applied = detail::ApplyEnvironment(config, env); !applied) return std::move(applied).error();
  return config;
}

Result<Config> LoadConfig(const std::filesystem::path& dir, const Environment& env) {
  std::error_code ec;
  const auto dir_status = std::filesystem::status(dir, ec);
  if (!std::filesystem::exists(dir_status)) {
    return MakeError(ErrorCode::kNotFound, fmt::format("site directory {} does not exist; create a site with "
                                                       "`gazette init {}`",
                                                       dir.string(), dir.string()));
  }
  if (!std::filesystem::is_directory(dir_status)) {
    return MakeError(ErrorCode::kInvalid,
                     fmt::format("{} is not a directory; give the site directory", dir.string()));
  }
  const std::filesystem::path path = dir / "gazette.toml";
  const auto file_status = std::filesystem::status(path, ec);
  if (!std::filesystem::exists(file_status)) {
    return MakeError(ErrorCode::kNotFound,
                     fmt::format("{} not found: {} is not a Gazette site (create one with "
                                 "`gazette init {}`)",
                                 path.string(), dir.string(), dir.string()));
  }
  if (!std::filesystem::is_regular_file(file_status)) {
    return MakeError(ErrorCode::kInvalid, fmt::format("{} is not a regular file", path.string()));
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return MakeError(ErrorCode::kUnavailable, fmt::format("cannot read {}", path.string()));
  // Read one byte past the limit so that an oversized file is refused rather than cut short.
  std::string text(kMaxConfigFileBytes + 1, '\0');
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  if (in.bad()) return MakeError(ErrorCode::kUnavailable, fmt::format("cannot read {}", path.string()));
  text.resize(static_cast<std::size_t>(in.gcount()));
  return ParseConfig(text, dir, env);
}

}  // namespace gazette::config
