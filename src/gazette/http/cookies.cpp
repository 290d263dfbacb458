#include "gazette/http/cookies.hpp"

#include <fmt/format.h>

#include "gazette/http/detail/header_syntax.hpp"

namespace gazette::http {
namespace {

using detail::IsTokenChar;
using detail::TrimBlanks;

Error Invalid(std::string message) {
  return MakeError(ErrorCode::kInvalid, std::move(message));
}

/// RFC 6265 section 4.1.1: cookie-octet = %x21 / %x23-2B / %x2D-3A / %x3C-5B / %x5D-7E.
bool IsCookieOctet(char c) noexcept {
  const auto byte = static_cast<unsigned char>(c);
  return byte >= 0x21 && byte <= 0x7e && c != '"' && c != ',' && c != ';' && c != '\\';
}

/// RFC 6265 section 4.1.1: av-octet, any CHAR except controls and ';'.
bool IsAttributeOctet(char c) noexcept {
  const auto byte = static_cast<unsigned char>(c);
  return byte >= 0x20 && byte <= 0x7e && c != ';';
}

template <typename Predicate>
bool All(std::string_view text, Predicate predicate) {
  for (const char c : text) {
    if (!predicate(c)) return false;
  }
  return true;
}

const char* SameSiteName(SameSite same_site) noexcept {
  switch (same_site) {
    case SameSite::kLax:
      return "Lax";
    case SameSite::kStrict:
      return "Strict";
    case SameSite::kNone:
      return "None";
  }
  return "Lax";
}

}  // namespace

std::optional<std::string_view> FindCookie(std::string_view cookie_header, std::string_view name) {
  if (name.empty()) return std::nullopt;
  while (!cookie_header.empty()) {
    const std::size_t semicolon = cookie_header.find(';');
    const std::string_view piece = cookie_header.substr(0, semicolon);
    cookie_header =
        semicolon == std::string_view::npos ? std::string_view{} : cookie_header.substr(semicolon + 1);
    const std::size_t eq = piece.find('=');
    if (eq == std::string_view::npos) continue;
    if (TrimBlanks(piece.substr(0, eq)) != name) continue;
    std::string_view value = TrimBlanks(piece.substr(eq + 1));
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
      value = value.substr(1, value.size() - 2);
    }
    return value;
  }
  return std::nullopt;
}

SetCookie SetCookie::Expired(std::string name, std::string path) {
  SetCookie cookie;
  cookie.name = std::move(name);
  cookie.path = std::move(path);
  cookie.max_age = std::chrono::seconds{0};
  return cookie;
}

Result<std::string> SetCookie::Format() const {
  if (name.empty() || !All(name, IsTokenChar)) return Invalid("cookie name must be a token");
  if (!All(value, IsCookieOctet)) {
    return Invalid(fmt::format("cookie {} has a character not allowed in a cookie value", name));
  }
  if (path.empty() || path.front() != '/' || !All(path, IsAttributeOctet)) {
    return Invalid(fmt::format("cookie {} needs a path starting with '/' without ';' or controls", name));
  }
  if (max_age && max_age->count() < 0) return Invalid(fmt::format("cookie {} has a negative Max-Age", name));
  // Browsers drop these silently; refusing here makes the mistake visible (RFC 6265bis sections 4.1.2.7,
  // 4.1.3).
  if (same_site == SameSite::kNone && !secure) {
    return Invalid(fmt::format("cookie {} with SameSite=None must be Secure", name));
  }
  if ((name.starts_with("__Secure-") || name.starts_with("__Host-")) && !secure) {
    return Invalid(fmt::format("cookie {} must be Secure (its prefix says so)", name));
  }
  if (name.starts_with("__Host-") && path != "/") {
    return Invalid(fmt::format("cookie {} must have Path=/ (its prefix says so)", name));
  }

  std::string out = fmt::format("{}={}; Path={}", name, value, path);
  if (max_age) {
    out += fmt::format("; Max-Age={}", max_age->count());
    if (max_age->count() == 0) out += "; Expires=Thu, 01 Jan 1970 00:00:00 GMT";
  }
  if (http_only) out += "; HttpOnly";
  if (secure) out += "; Secure";
  out += "; SameSite=";
  out += SameSiteName(same_site);
  return out;
}

}  // namespace gazette::http
