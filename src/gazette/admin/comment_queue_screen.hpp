#pragma once
/// CommentQueueScreen: /admin/comments, where editors moderate readers' comments: a queue filtered by state
/// (pending first), approve, reject, mark as spam or delete one comment or many at once, and edit one.
/// Plain forms and links: it works without JavaScript.

#include <cstdint>

#include "gazette/admin/admin_context.hpp"
#include "gazette/admin/admin_pages.hpp"
#include "gazette/admin/admin_request.hpp"
#include "gazette/admin/admin_routes.hpp"
#include "gazette/http/response.hpp"

namespace gazette::admin {

/// Comments per queue page: enough to clear a morning's queue in a few pages, few enough to read.
inline constexpr std::int64_t kCommentQueuePageSize = 50;

/// Thread-safe once registered.
class CommentQueueScreen {
 public:
  CommentQueueScreen(const AdminContext& ctx, const AdminPages& pages) : ctx_(ctx), pages_(pages) {}

  void Register(AdminRoutes& routes) const;

 private:
  http::Response Show(AdminRequest& request) const;
  /// The selected comments (ids) with the chosen action, or one comment from its row's button (one).
  http::Response Moderate(AdminRequest& request) const;
  http::Response ShowEdit(AdminRequest& request) const;
  http::Response SaveEdit(AdminRequest& request) const;

  const AdminContext& ctx_;
  const AdminPages& pages_;
};

}  // namespace gazette::admin
