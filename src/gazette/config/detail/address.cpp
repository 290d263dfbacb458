#include "gazette/config/detail/address.hpp"

namespace gazette::config::detail {

bool IsDnsName(std::string_view text) {
  if (text.empty() || text.size() > 253) return false;
  if (text.back() == '.') text.remove_suffix(1);  // a fully qualified name may end in a dot
  bool all_numeric = true;
  std::size_t label_start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == '.') {
      const std::string_view label = text.substr(label_start, i - label_start);
      if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') return false;
      label_start = i + 1;
      continue;
    }
    const char c = text[i];
    const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    const bool digit = c >= '0' && c <= '9';
    if (!letter && !digit && c != '-') return false;
    if (!digit) all_numeric = false;
  }
  return !all_numeric;
}

Result<std::string> NormalizeCidr(std::string_view text) {
  auto range = ParseCidr(text);
  if (!range) return std::move(range).error();
  // The text as written (a bare address with its host prefix made explicit), so that an operator
  // recognises their own entry in messages and in the rendered config file.
  if (text.find('/') == std::string_view::npos)
    return std::string(text) + "/" + std::to_string(range->prefix);
  return std::string(text);
}

}  // namespace gazette::config::detail
