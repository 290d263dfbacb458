// ProcessEnvironment and the GAZETTE_<SECTION>_<KEY> overrides.
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <charconv>

#include "gazette/config/config.hpp"
#include "gazette/config/detail/environment_overrides.hpp"
#include "gazette/config/detail/key_table.hpp"
#include "gazette/config/detail/text.hpp"

namespace gazette::config {
namespace detail {
namespace {

std::string Upper(std::string_view text) {
  std::string upper(text);
  std::transform(upper.begin(), upper.end(), upper.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return upper;
}

std::string Lower(std::string_view text) {
  std::string lower(text);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return lower;
}

}  // namespace

// Environment values are text; turn one into the kind its key expects. The message reads after the key.
// (An out-parameter rather than Result<Value>: GCC 12 warns falsely about the variant inside a Result.)
Status ParseValue(ValueKind kind, std::string_view raw, Value& out) {
  const std::string_view text = TrimSpaces(raw);
  switch (kind) {
    case ValueKind::kString:
      out.emplace<std::string>(text);
      return OkStatus();
    case ValueKind::kInteger: {
      std::int64_t number = 0;
      const char* end = text.data() + text.size();
      const auto [ptr, ec] = std::from_chars(text.data(), end, number);
      if (text.empty() || ec != std::errc{} || ptr != end) {
        return MakeError(ErrorCode::kInvalid,
                         fmt::format("must be an integer (got \"{}\")", text.substr(0, 40)));
      }
      out.emplace<std::int64_t>(number);
      return OkStatus();
    }
    case ValueKind::kBoolean: {
      const std::string lower = Lower(text);
      if (lower == "true" || lower == "1" || lower == "yes" || lower == "on") {
        out.emplace<bool>(true);
        return OkStatus();
      }
      if (lower == "false" || lower == "0" || lower == "no" || lower == "off") {
        out.emplace<bool>(false);
        return OkStatus();
      }
      return MakeError(ErrorCode::kInvalid,
                       fmt::format("must be true or false (got \"{}\")", text.substr(0, 40)));
    }
    case ValueKind::kStringList: {
      // Comma-separated; blanks around items and empty items are dropped, so "" is an empty list.
      auto& items = out.emplace<std::vector<std::string>>();
      std::size_t start = 0;
      while (start <= text.size()) {
        const std::size_t comma = std::min(text.find(',', start), text.size());
        const std::string_view item = TrimSpaces(text.substr(start, comma - start));
        if (!item.empty()) items.emplace_back(item);
        start = comma + 1;
      }
      return OkStatus();
    }
  }
  return MakeError(ErrorCode::kInternal, "unknown value kind");
}

Status ApplyEnvironment(Config& config, const Environment& env) {
  for (const auto& [name, raw] : env) {
    for (const std::string_view section : Sections()) {
      const std::string prefix = "GAZETTE_" + Upper(section) + "_";
      if (!name.starts_with(prefix)) continue;
      const std::string_view rest = std::string_view(name).substr(prefix.size());
      const KeySpec* key = rest == Upper(rest) ? FindKey(section, Lower(rest)) : nullptr;
      if (key == nullptr) {
        std::string known;
        for (const KeySpec& candidate : AllKeys()) {
          if (candidate.section != section) continue;
          known += known.empty() ? "" : ", ";
          known += EnvironmentName(candidate);
        }
        return MakeError(ErrorCode::kInvalid,
                         fmt::format("environment variable {} is not a config key (known for [{}]: {})", name,
                                     section, known));
      }
      Value value;
      Status applied = ParseValue(key->kind, raw, value);
      if (applied) applied = key->apply(config, std::move(value));
      if (!applied) {
        return MakeError(ErrorCode::kInvalid, fmt::format("environment variable {}: {} {}", name,
                                                          KeyLabel(*key), applied.error().message));
      }
    }
  }
  return OkStatus();
}

}  // namespace detail

Status SetKey(Config& config, std::string_view section, std::string_view key, std::string_view text) {
  const detail::KeySpec* spec = detail::FindKey(section, key);
  if (spec == nullptr)
    return MakeError(ErrorCode::kInvalid, fmt::format("[{}] has no key \"{}\"", section, key));
  detail::Value value;
  Status applied = detail::ParseValue(spec->kind, text, value);
  if (applied) applied = spec->apply(config, std::move(value));
  if (!applied) {
    return MakeError(ErrorCode::kInvalid,
                     fmt::format("{} {}", detail::KeyLabel(*spec), applied.error().message));
  }
  return OkStatus();
}

Environment ProcessEnvironment() {
  Environment env;
  for (char** entry = environ; entry != nullptr && *entry != nullptr; ++entry) {
    const std::string_view text(*entry);
    const std::size_t equals = text.find('=');
    if (equals == std::string_view::npos) continue;
    env.emplace(std::string(text.substr(0, equals)), std::string(text.substr(equals + 1)));
  }
  return env;
}

}  // namespace gazette::config
