#include "gazette/config/detail/base_url.hpp"

#include <algorithm>

#include "gazette/config/detail/address.hpp"
#include "gazette/config/limits.hpp"

namespace gazette::config::detail {
namespace {

bool IsHexDigit(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// RFC 3986 section 3.3: path = *( "/" / pchar ), pchar = unreserved / pct-encoded / sub-delims / ":" / "@".
bool IsValidPath(std::string_view path) {
  static constexpr std::string_view kAllowed = "-._~!$&'()*+,;=:@/";
  for (std::size_t i = 0; i < path.size(); ++i) {
    const char c = path[i];
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (alnum || kAllowed.find(c) != std::string_view::npos) continue;
    if (c == '%' && i + 2 < path.size() && IsHexDigit(path[i + 1]) && IsHexDigit(path[i + 2])) {
      i += 2;
      continue;
    }
    return false;
  }
  return path.find("//") == std::string_view::npos;
}

bool IsValidPort(std::string_view port) {
  if (port.empty() || port.size() > 5 || port.front() == '0') return false;
  if (!std::all_of(port.begin(), port.end(), [](char c) { return c >= '0' && c <= '9'; })) return false;
  return std::stoul(std::string(port)) <= 65535;
}

bool IsValidAuthority(std::string_view authority) {
  std::string_view port;
  if (!authority.empty() && authority.front() == '[') {
    const std::size_t close = authority.find(']');
    if (close == std::string_view::npos || !ParseIpv6(authority.substr(1, close - 1))) return false;
    const std::string_view rest = authority.substr(close + 1);
    if (rest.empty()) return true;
    if (rest.front() != ':') return false;
    return IsValidPort(rest.substr(1));
  }
  const std::size_t colon = authority.find(':');
  const std::string_view host = authority.substr(0, colon);
  if (colon != std::string_view::npos && !IsValidPort(authority.substr(colon + 1))) return false;
  return ParseIpv4(host).has_value() || IsDnsName(host);
}

}  // namespace

Result<std::string> NormalizeBaseUrl(std::string_view url) {
  const auto invalid = [&](std::string_view why) {
    return MakeError(ErrorCode::kInvalid,
                     "must be an absolute http:// or https:// URL such as "
                     "https://news.example.org, " +
                         std::string(why) + " (got \"" + std::string(url.substr(0, kMaxBaseUrlChars)) +
                         "\")");
  };
  if (url.size() > kMaxBaseUrlChars) {
    return MakeError(ErrorCode::kInvalid,
                     "must be at most " + std::to_string(kMaxBaseUrlChars) + " characters long");
  }
  std::string_view rest;
  if (url.starts_with("https://")) {
    rest = url.substr(8);
  } else if (url.starts_with("http://")) {
    rest = url.substr(7);
  } else {
    return invalid("starting with http:// or https://");
  }
  const std::size_t path_start = std::min(rest.find('/'), rest.size());
  const std::string_view authority = rest.substr(0, path_start);
  std::string_view path = rest.substr(path_start);
  if (authority.find('@') != std::string_view::npos) return invalid("without user name or password");
  if (!IsValidAuthority(authority)) return invalid("with a valid host and port");
  if (path.find_first_of("?#") != std::string_view::npos) return invalid("without query or fragment");
  const bool stripped = path.ends_with('/');
  if (stripped) path.remove_suffix(1);
  if (path.ends_with('/')) return invalid("with at most one trailing slash");
  if (!IsValidPath(path)) return invalid("with a path of URL characters (percent-encode others), no \"//\"");
  return std::string(stripped ? url.substr(0, url.size() - 1) : url);
}

}  // namespace gazette::config::detail
