#pragma once
/// AdminGate: the one door of the back office. Every /admin route but the login page and the stylesheet
/// passes it: no valid session gives a redirect to the login page (401 for JSON); a role without the
/// route's permission gives 403; a POST without its session's CSRF token gives 403.

#include <string>
#include <string_view>
#include <variant>

#include "gazette/admin/admin_context.hpp"
#include "gazette/admin/admin_pages.hpp"
#include "gazette/admin/admin_request.hpp"
#include "gazette/base/result.hpp"
#include "gazette/domain/user.hpp"
#include "gazette/http/request.hpp"
#include "gazette/http/response.hpp"

namespace gazette::admin {

/// The session cookie: only sent to the back office, never to the public pages (which stay cacheable and
/// never see it).
inline constexpr std::string_view kSessionCookie = "gazette_session";
inline constexpr std::string_view kSessionCookiePath = "/admin";
/// The form field (or, for scripts, the header) that carries the session's CSRF token.
inline constexpr std::string_view kCsrfField = "csrf";
inline constexpr std::string_view kCsrfHeader = "X-CSRF-Token";

/// Thread-safe: holds references only.
class AdminGate {
 public:
  AdminGate(const AdminContext& ctx, const AdminPages& pages) : ctx_(ctx), pages_(pages) {}

  /// The request as an AdminRequest when it may go on, else the answer that stops it. state_changing:
  /// parse the body as a form and require the CSRF token.
  std::variant<AdminRequest, http::Response> Admit(const http::Request& request,
                                                   domain::Permission permission, bool state_changing) const;

  /// The logged-in user's session, when the request carries a valid one (for the login page, which sends
  /// a logged-in user on to the dashboard).
  std::optional<accounts::AuthenticatedSession> SessionOf(const http::Request& request) const;

  /// What a request without a valid session gets: 401 as JSON, or a redirect to the login page that comes
  /// back to the page asked for (GET) or to the dashboard (a form sent after the session ended).
  http::Response LoginRequired(const http::Request& request) const;

  /// The client's address: the peer, or what a trusted proxy says it forwarded for.
  std::string ClientAddress(const http::Request& request) const;

 private:
  /// The request's session. kForbidden when it has none that is valid (no cookie, unknown, ended); any
  /// other error is a storage failure, logged here.
  Result<accounts::AuthenticatedSession> Authenticate(const http::Request& request) const;

  const AdminContext& ctx_;
  const AdminPages& pages_;
};

/// Percent-encodes text for a query parameter's value (RFC 3986 unreserved characters stay as they are).
std::string EncodeQueryValue(std::string_view text);

}  // namespace gazette::admin
