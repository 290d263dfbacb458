#include "gazette/admin/form_values.hpp"

namespace gazette::admin {

std::string AsSentence(std::string_view message) {
  std::string text(message);
  if (text.empty()) return text;
  if (text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 'a' + 'A');
  if (text.back() != '.' && text.back() != '?' && text.back() != '!') text += '.';
  return text;
}

std::string TrimmedField(const http::Form& form, std::string_view name) {
  std::string_view value = form.Get(name).value_or("");
  constexpr std::string_view kBlanks = " \t\r\n";
  const auto first = value.find_first_not_of(kBlanks);
  if (first == std::string_view::npos) return {};
  const auto last = value.find_last_not_of(kBlanks);
  return std::string(value.substr(first, last - first + 1));
}

}  // namespace gazette::admin
