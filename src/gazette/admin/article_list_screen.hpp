#pragma once
/// ArticleListScreen: /admin/articles, every article an editor may work on, filtered, sorted and paged,
/// with bulk publish / archive / bin / back to draft for editors. Authors see their own articles only:
/// the others' are not theirs to open, so listing them would only lead to "not allowed" pages.

#include "gazette/admin/admin_context.hpp"
#include "gazette/admin/admin_pages.hpp"
#include "gazette/admin/admin_routes.hpp"

namespace gazette::admin {

/// Rows per page of the list: a screenful to scan and to select for a bulk action.
inline constexpr std::int64_t kArticleListPageSize = 50;

/// Thread-safe once registered.
class ArticleListScreen {
 public:
  ArticleListScreen(const AdminContext& ctx, const AdminPages& pages) : ctx_(ctx), pages_(pages) {}

  void Register(AdminRoutes& routes) const;

 private:
  http::Response Show(AdminRequest& request) const;
  http::Response Bulk(AdminRequest& request) const;

  const AdminContext& ctx_;
  const AdminPages& pages_;
};

}  // namespace gazette::admin
