#include "gazette/accounts/user_fields.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "gazette/base/utf8.hpp"
#include "gazette/storage/account_store.hpp"

namespace gazette::accounts {
namespace {

/// RFC 5321 section 4.5.3.1.1.
constexpr std::size_t kMaxLocalPartBytes = 64;
/// RFC 1035 section 2.3.4.
constexpr std::size_t kMaxLabelBytes = 63;

std::string_view TrimSpaces(std::string_view text) {
  const auto is_space = [](char c) { return c == ' ' || c == '\t'; };
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

/// Characters outside the quoted form of RFC 5322 section 3.4.1 that no ordinary address holds.
bool IsForbiddenInAddress(char c) {
  return c == ' ' || c == '"' || c == '(' || c == ')' || c == ',' || c == ':' || c == ';' || c == '<' ||
         c == '>' || c == '[' || c == ']' || c == '\\';
}

Error BadEmail(std::string_view why) {
  return MakeError(ErrorCode::kInvalid, fmt::format("That is not an e-mail address we can use: {}.", why));
}

Status CheckDomain(std::string_view domain) {
  if (domain.empty()) return BadEmail("put the domain after the '@', e.g. name@example.org");
  if (domain.find('.') == std::string_view::npos) {
    return BadEmail("the domain needs a dot, e.g. example.org");
  }
  std::size_t start = 0;
  while (start <= domain.size()) {
    const std::size_t dot = std::min(domain.find('.', start), domain.size());
    const std::size_t length = dot - start;
    if (length == 0) return BadEmail("the domain has an empty part (two dots in a row, or one at an end)");
    if (length > kMaxLabelBytes) return BadEmail("a part of the domain is longer than 63 bytes");
    start = dot + 1;
  }
  return OkStatus();
}

}  // namespace

Result<std::string> NormaliseEmail(std::string_view email) {
  email = TrimSpaces(email);
  if (email.empty()) return BadEmail("it is empty");
  if (email.size() > storage::kMaxEmailBytes) {
    return BadEmail(fmt::format("it is longer than {} bytes", storage::kMaxEmailBytes));
  }
  if (!IsValidUtf8(email)) return BadEmail("it is not valid UTF-8 text");
  if (HasControlCharacter(email) || std::any_of(email.begin(), email.end(), IsForbiddenInAddress)) {
    return BadEmail("it holds spaces, control characters or one of \"(),:;<>[]\\");
  }
  const std::size_t at = email.find('@');
  if (at == std::string_view::npos || email.find('@', at + 1) != std::string_view::npos) {
    return BadEmail("it needs exactly one '@', e.g. name@example.org");
  }
  const std::string_view local = email.substr(0, at);
  if (local.empty()) return BadEmail("put a name before the '@', e.g. name@example.org");
  if (local.size() > kMaxLocalPartBytes) return BadEmail("the part before the '@' is longer than 64 bytes");
  if (Status domain = CheckDomain(email.substr(at + 1)); !domain.ok()) return std::move(domain).error();

  std::string normal(email);
  for (char& c : normal) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return normal;
}

Result<std::string> NormaliseUserName(std::string_view name) {
  name = TrimSpaces(name);
  if (name.empty()) return MakeError(ErrorCode::kInvalid, "The name is empty: give the person's name.");
  if (!IsValidUtf8(name)) {
    return MakeError(ErrorCode::kInvalid, "The name is not valid UTF-8 text: type it again.");
  }
  if (HasControlCharacter(name)) {
    return MakeError(ErrorCode::kInvalid,
                     "The name holds control characters (such as a line break): keep it to one line.");
  }
  if (CodePointCount(name) > kMaxUserNameChars) {
    return MakeError(ErrorCode::kInvalid,
                     fmt::format("The name is too long: use at most {} characters.", kMaxUserNameChars));
  }
  return std::string(name);
}

}  // namespace gazette::accounts
