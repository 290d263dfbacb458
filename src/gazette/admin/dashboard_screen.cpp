#include "gazette/admin/dashboard_screen.hpp"

namespace gazette::admin {

void DashboardScreen::Register(AdminRoutes& routes) const {
  routes.AddNavigation("Dashboard", "/admin", domain::Permission::kViewDashboard);
  routes.Get("/admin", domain::Permission::kViewDashboard, [this](AdminRequest& request) { return Show(request); });
}

http::Response DashboardScreen::Show(AdminRequest& request) const {
  render::View view = pages_.PageView(request, "Dashboard");
  return pages_.Render("dashboard", std::move(view));
}

}  // namespace gazette::admin
