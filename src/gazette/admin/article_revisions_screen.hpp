#pragma once
/// ArticleRevisionsScreen: an article's history: every saved revision (/admin/articles/{id}/revisions),
/// the line differences between any two of them, and bringing one back as a new version. Whoever may
/// open the article in the editor may see its history; restoring follows the editor's rules for a save.

#include "gazette/admin/admin_context.hpp"
#include "gazette/admin/admin_pages.hpp"
#include "gazette/admin/admin_routes.hpp"

namespace gazette::admin {

/// Thread-safe once registered.
class ArticleRevisionsScreen {
 public:
  ArticleRevisionsScreen(const AdminContext& ctx, const AdminPages& pages) : ctx_(ctx), pages_(pages) {}

  void Register(AdminRoutes& routes) const;

 private:
  http::Response List(AdminRequest& request) const;
  http::Response Diff(AdminRequest& request) const;
  http::Response Restore(AdminRequest& request) const;

  const AdminContext& ctx_;
  const AdminPages& pages_;
};

}  // namespace gazette::admin
