#pragma once
/// DashboardScreen: /admin, the first page after logging in.

#include "gazette/admin/admin_context.hpp"
#include "gazette/admin/admin_pages.hpp"
#include "gazette/admin/admin_routes.hpp"

namespace gazette::admin {

/// Thread-safe once registered.
class DashboardScreen {
 public:
  DashboardScreen(const AdminContext& ctx, const AdminPages& pages) : ctx_(ctx), pages_(pages) {}

  void Register(AdminRoutes& routes) const;

 private:
  http::Response Show(AdminRequest& request) const;

  const AdminContext& ctx_;
  const AdminPages& pages_;
};

}  // namespace gazette::admin
