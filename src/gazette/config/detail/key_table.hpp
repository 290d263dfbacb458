#pragma once
/// The table of configuration keys: one entry per key with its type, its check, its help text and how it
/// is read back. Loading the file, environment overrides and RenderConfigFile all walk this one table, so
/// a key added here is parsed, overridable and documented at once.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "gazette/base/result.hpp"
#include "gazette/config/config.hpp"

namespace gazette::config::detail {

enum class ValueKind { kString, kInteger, kBoolean, kStringList };

/// "a string", "an integer", "true or false", "an array of strings": for type errors.
const char* ValueKindName(ValueKind kind);

/// A value of the kind its key expects (the alternative's index matches ValueKind).
using Value = std::variant<std::string, std::int64_t, bool, std::vector<std::string>>;

struct KeySpec {
  std::string_view section;  ///< "site"
  std::string_view name;     ///< "page_size"
  ValueKind kind;
  /// Comment written above the key in gazette.toml: what it does, its range and the reason for it.
  std::string help;
  /// Written as an active line by RenderConfigFile even when it holds the default (what `init` asks for).
  bool always_written = false;
  /// Checks value (of this key's kind) and stores it in config. kInvalid otherwise, with a message that
  /// reads after "[section] name " ("must be between 1 and 100 (got 0)").
  Status (*apply)(Config& config, Value value) = nullptr;
  /// The current value, as apply would accept it.
  Value (*read)(const Config& config) = nullptr;
};

/// Every key, in file order. Built once; thread-safe.
std::span<const KeySpec> AllKeys();
/// The known sections, in file order: "site", "server", "stats", "comments", "cache".
std::span<const std::string_view> Sections();
/// The key, or nullptr when section has no such key.
const KeySpec* FindKey(std::string_view section, std::string_view name);
/// The keys of section as "name, tagline, ...", for "unknown key" messages.
std::string KeyNames(std::string_view section);
/// "[site] page_size".
std::string KeyLabel(const KeySpec& key);
/// "GAZETTE_SITE_PAGE_SIZE".
std::string EnvironmentName(const KeySpec& key);

}  // namespace gazette::config::detail
