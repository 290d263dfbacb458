#pragma once
/// AuditScreen: /admin/audit, what was done in the back office, newest first, a page at a time: when (in
/// the site's time zone), who, what, to what, and from which address.

#include "gazette/admin/admin_context.hpp"
#include "gazette/admin/admin_pages.hpp"
#include "gazette/admin/admin_routes.hpp"

namespace gazette::admin {

/// Entries per page: a screenful to scan, one small query.
inline constexpr std::int64_t kAuditPageSize = 50;
/// The deepest page that may be asked for: the offset stays far inside what SQLite counts cheaply.
inline constexpr std::int64_t kMaxAuditPage = 10000;

/// Thread-safe once registered.
class AuditScreen {
 public:
  AuditScreen(const AdminContext& ctx, const AdminPages& pages) : ctx_(ctx), pages_(pages) {}

  void Register(AdminRoutes& routes) const;

 private:
  http::Response Show(AdminRequest& request) const;

  const AdminContext& ctx_;
  const AdminPages& pages_;
};

}  // namespace gazette::admin
