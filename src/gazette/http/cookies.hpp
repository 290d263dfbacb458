#pragma once
/// Cookies (RFC 6265): finding one in a request's Cookie header, and writing a Set-Cookie value that a
/// browser reads exactly as meant (no attribute or header injection through a name or value).

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "gazette/base/result.hpp"

namespace gazette::http {

/// The value of the first cookie called name (case-sensitive) in a Cookie header value, or an empty
/// optional. Parses as leniently as servers must (RFC 6265 sections 4.2.1 and 5.4): pairs separated by
/// ';' with or without the space, blanks around names and values trimmed, a value in double quotes
/// unquoted, pieces without '=' skipped. The first match wins: browsers list the cookie with the longest
/// path first. The value is as the client sent it: check it before use.
std::optional<std::string_view> FindCookie(std::string_view cookie_header, std::string_view name);

enum class SameSite { kLax, kStrict, kNone };

/// One Set-Cookie header value. The defaults suit a session cookie: sent to the whole site, hidden from
/// scripts, only over HTTPS, not sent with cross-site subrequests or POSTs.
struct SetCookie {
  std::string name;   ///< an RFC 6265 token: ASCII letters, digits and !#$%&'*+-.^_`|~
  std::string value;  ///< cookie-octets only: printable ASCII but space, '"', ',', ';' and '\'
  std::string path = "/";
  /// Seconds until the browser drops it; none: when the browser session ends. 0 deletes it.
  std::optional<std::chrono::seconds> max_age;
  bool http_only = true;
  /// Only over HTTPS. Turn off only for a site served over plain HTTP (a test on a LAN address);
  /// browsers treat http://localhost as secure anyway.
  bool secure = true;
  SameSite same_site = SameSite::kLax;

  /// A cookie that makes the browser delete name at path at once (logout): empty value, Max-Age=0 and an
  /// Expires in 1970 for browsers that predate Max-Age. Browsers find the cookie to delete by name and
  /// path: give those it was set with.
  static SetCookie Expired(std::string name, std::string path = "/");

  /// "name=value; Path=/; Max-Age=3600; HttpOnly; Secure; SameSite=Lax". kInvalid when the name is not a
  /// token, the value has a character outside the cookie-octet set (CR, LF, ';', space, non-ASCII...),
  /// the path does not start with '/' or holds ';' or a control character, max_age is negative,
  /// SameSite=None comes without Secure, or a __Secure-/__Host- prefix's rules are broken.
  Result<std::string> Format() const;
};

}  // namespace gazette::http
