// RenderConfigFile: a commented gazette.toml; gazette.example.toml is its output for the defaults.
#include <fmt/format.h>

#include <algorithm>
#include <cstdint>

#include "gazette/config/config.hpp"
#include "gazette/config/detail/key_table.hpp"

namespace gazette::config {
namespace {

using detail::Value;

constexpr std::string_view kHeader =
    "# gazette.toml: the configuration of one Gazette site, read by `gazette serve` at start.\n"
    "# A line \"# key = value\" shows a key's default; remove the \"# \" to change it.\n"
    "# Each key can be overridden by an environment variable GAZETTE_<SECTION>_<KEY>, e.g.\n"
    "# GAZETTE_SITE_PAGE_SIZE=20 or GAZETTE_SERVER_TRUSTED_PROXIES=\"10.0.0.0/8,::1/128\".\n"
    "# An unknown key or a bad value stops the server at start with a message naming its line.\n";

// TOML basic string (TOML 1.0 section "String"): quote, backslash and control characters escaped.
std::string QuoteString(std::string_view text) {
  std::string quoted = "\"";
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    switch (c) {
      case '"':
        quoted += "\\\"";
        break;
      case '\\':
        quoted += "\\\\";
        break;
      case '\n':
        quoted += "\\n";
        break;
      case '\t':
        quoted += "\\t";
        break;
      case '\r':
        quoted += "\\r";
        break;
      default:
        if (byte < 0x20 || byte == 0x7F) {
          quoted += fmt::format("\\u{:04X}", byte);
        } else {
          quoted += c;
        }
    }
  }
  return quoted + "\"";
}

// Help text as comment lines of at most kWidth columns, broken between words.
std::string Comment(std::string_view help) {
  constexpr std::size_t kWidth = 100;
  std::string text;
  std::string line = "#";
  std::size_t start = 0;
  while (start < help.size()) {
    const std::size_t space = std::min(help.find(' ', start), help.size());
    const std::string_view word = help.substr(start, space - start);
    if (line.size() > 1 && line.size() + 1 + word.size() > kWidth) {
      text += line + "\n";
      line = "#";
    }
    line += " ";
    line += word;
    start = space + 1;
  }
  return text + line + "\n";
}

std::string FormatValue(const Value& value) {
  struct Formatter {
    std::string operator()(const std::string& text) const { return QuoteString(text); }
    std::string operator()(std::int64_t number) const { return std::to_string(number); }
    std::string operator()(bool flag) const { return flag ? "true" : "false"; }
    std::string operator()(const std::vector<std::string>& items) const {
      std::string text = "[";
      for (const auto& item : items) text += (text.size() > 1 ? ", " : "") + QuoteString(item);
      return text + "]";
    }
  };
  return std::visit(Formatter{}, value);
}

}  // namespace

std::string RenderConfigFile(const Config& config) {
  const Config defaults;
  std::string text(kHeader);
  std::string_view section;
  for (const detail::KeySpec& key : detail::AllKeys()) {
    if (key.section != section) {
      section = key.section;
      text += fmt::format("\n[{}]\n", section);
    } else {
      text += "\n";
    }
    const Value value = key.read(config);
    const Value default_value = key.read(defaults);
    text += Comment(key.help);
    if (value == default_value) {
      text += fmt::format("{}{} = {}\n", key.always_written ? "" : "# ", key.name, FormatValue(value));
    } else {
      text +=
          fmt::format("# Default: {}\n{} = {}\n", FormatValue(default_value), key.name, FormatValue(value));
    }
  }
  return text;
}

}  // namespace gazette::config
