#pragma once
/// AdminPages: how every back-office answer is drawn: a page of themes/admin inside its layout (site name,
/// navigation for the user's role, the CSRF token for the layout's forms, a notice after an action), error
/// pages, and JSON answers for the scripts that add comfort to the forms.

#include <string>
#include <string_view>
#include <vector>

#include "gazette/admin/admin_context.hpp"
#include "gazette/admin/admin_request.hpp"
#include "gazette/domain/user.hpp"
#include "gazette/http/request.hpp"
#include "gazette/http/response.hpp"
#include "gazette/render/view.hpp"

namespace gazette::admin {

/// One link of the back office's navigation, shown to the roles with its permission.
struct NavigationItem {
  std::string label;
  std::string url;
  domain::Permission permission;
};

/// Filled while routes are registered, then only read: thread-safe once the server runs.
class AdminPages {
 public:
  explicit AdminPages(const AdminContext& ctx) : ctx_(ctx) {}

  /// Adds a link to the navigation, after those added before.
  void AddNavigation(NavigationItem item) { navigation_.push_back(std::move(item)); }

  /// The view a page for a logged-in user starts from: the layout's keys (site_name, page_title, user,
  /// csrf, navigation for the user's role, the notice asked for by ?done=). The page adds its own keys,
  /// which win over the layout's of the same name, then calls Render.
  render::View PageView(const AdminRequest& request, std::string_view title) const;
  /// The same for a page shown before logging in (the login page): no navigation, no user.
  render::View AnonymousView(std::string_view title) const;
  /// Renders pages/<page> with view inside the layout. A template failure is a 500.
  http::Response Render(std::string_view page, render::View view, unsigned status = 200) const;

  /// The error page (or a JSON error when the request asked for JSON), with message for the user
  /// (escaped). request may be null (an error before routing); user, when given, keeps the navigation.
  http::Response Error(const http::Request* request, unsigned status, std::string_view message,
                       const AdminRequest* user = nullptr) const;
  /// The answer to a failed service call: field-free messages of kInvalid, kConflict, kForbidden and
  /// kNotFound are shown as they are (they are written for people); storage failures are logged and shown
  /// as a generic message.
  http::Response ServiceError(const AdminRequest& request, const gazette::Error& error) const;

  /// A JSON answer (body must already be JSON), never cached: it holds back-office data.
  static http::Response Json(unsigned status, std::string body);
  /// True when the client asked for JSON rather than a page (Accept names application/json and not
  /// text/html), or the path is under /admin/api/.
  static bool WantsJson(const http::Request& request);

  /// The sentence shown after an action that redirected with ?done=<code>; empty for an unknown code, so
  /// that a link cannot put words of its own on a back-office page.
  static std::string_view NoticeFor(std::string_view code);

 private:

  const AdminContext& ctx_;
  std::vector<NavigationItem> navigation_;
};

}  // namespace gazette::admin
