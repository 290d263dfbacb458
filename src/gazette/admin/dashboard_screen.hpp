#pragma once
/// DashboardScreen: /admin, the first page after logging in: the drafts waiting for review (an author's
/// own drafts), what is scheduled to appear, today's visitors with a chart of the last 90 days, and the
/// week's most read articles.

#include "gazette/admin/admin_context.hpp"
#include "gazette/admin/admin_pages.hpp"
#include "gazette/admin/admin_routes.hpp"

namespace gazette::admin {

/// Rows per list on the dashboard: a glance, not the editors' list.
inline constexpr std::int64_t kDashboardListRows = 10;
/// Days drawn on the visitor chart, today included.
inline constexpr int kDashboardChartDays = 90;
/// Most read articles shown, over the last seven days.
inline constexpr std::int64_t kDashboardMostRead = 5;

/// Thread-safe once registered.
class DashboardScreen {
 public:
  DashboardScreen(const AdminContext& ctx, const AdminPages& pages) : ctx_(ctx), pages_(pages) {}

  void Register(AdminRoutes& routes) const;

 private:
  http::Response Show(AdminRequest& request) const;
  /// Each adds its card's keys to view; a storage failure is passed on.
  Status AddReviewQueue(const AdminRequest& request, render::View& view) const;
  Status AddScheduled(const AdminRequest& request, render::View& view) const;
  Status AddVisitors(render::View& view) const;
  Status AddMostRead(const AdminRequest& request, render::View& view) const;

  const AdminContext& ctx_;
  const AdminPages& pages_;
};

}  // namespace gazette::admin
