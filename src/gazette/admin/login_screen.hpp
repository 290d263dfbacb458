#pragma once
/// LoginScreen: /admin/login (the only back-office page open without a session), logging out, and
/// logging out everywhere.

#include <string>
#include <string_view>

#include "gazette/admin/admin_context.hpp"
#include "gazette/admin/admin_gate.hpp"
#include "gazette/admin/admin_pages.hpp"
#include "gazette/admin/admin_routes.hpp"
#include "gazette/http/cookies.hpp"
#include "gazette/http/router.hpp"

namespace gazette::admin {

/// The cookie that ties a login form to the browser it was shown to (a double-submit token), so that
/// another site cannot log a visitor in under an account of its choosing (login CSRF).
inline constexpr std::string_view kLoginCookie = "gazette_login";
inline constexpr std::string_view kLoginPath = "/admin/login";
/// Longer than any address an e-mail system accepts (RFC 5321 allows 254).
inline constexpr std::size_t kMaxEmailBytes = 320;
/// Far above any password a person types or a manager generates; hashing is bounded by this.
inline constexpr std::size_t kMaxPasswordBytes = 1024;

/// Thread-safe once registered.
class LoginScreen {
 public:
  LoginScreen(const AdminContext& ctx, const AdminPages& pages, const AdminGate& gate)
      : ctx_(ctx), pages_(pages), gate_(gate) {}

  /// The login page goes straight on the router (no gate); logging out goes through routes.
  void Register(http::Router& router, AdminRoutes& routes) const;

  /// Whether cookies get the Secure attribute: when the site's base URL is https.
  bool SecureCookies() const;
  /// A Set-Cookie that deletes cookie name at path.
  http::SetCookie ExpiredCookie(std::string_view name, std::string_view path) const;

 private:
  http::Response ShowForm(const http::Request& request) const;
  http::Response LogIn(const http::Request& request) const;
  http::Response LogOut(AdminRequest& request) const;
  http::Response LogOutEverywhere(AdminRequest& request) const;

  /// The login form with a fresh login token (and its cookie), the e-mail address typed so far, and a
  /// problem to show.
  http::Response Form(const http::Request& request, std::string_view next, std::string_view email,
                      std::string_view problem, unsigned status) const;

  const AdminContext& ctx_;
  const AdminPages& pages_;
  const AdminGate& gate_;
};

/// Where a login goes on to: next when it is a back-office page other than the login page itself (an
/// open-redirect guard), else the dashboard.
std::string AfterLoginLocation(std::string_view next);

}  // namespace gazette::admin
