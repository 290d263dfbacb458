#pragma once
/// AccountScreen: /admin/account, the logged-in user's own page: who they are, changing their own password
/// (the current one first), and logging out on every device.

#include <string_view>

#include "gazette/admin/admin_context.hpp"
#include "gazette/admin/admin_pages.hpp"
#include "gazette/admin/admin_routes.hpp"

namespace gazette::admin {

/// Thread-safe once registered.
class AccountScreen {
 public:
  AccountScreen(const AdminContext& ctx, const AdminPages& pages) : ctx_(ctx), pages_(pages) {}

  void Register(AdminRoutes& routes) const;

 private:
  http::Response Show(AdminRequest& request) const;
  http::Response ChangePassword(AdminRequest& request) const;

  /// The page; a problem with the password form is shown beside field ("current", "new" or "repeat").
  http::Response Page(AdminRequest& request, std::string_view field, std::string_view problem,
                      unsigned status) const;

  const AdminContext& ctx_;
  const AdminPages& pages_;
};

}  // namespace gazette::admin
