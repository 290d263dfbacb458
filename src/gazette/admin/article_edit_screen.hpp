#pragma once
/// ArticleEditScreen: writing and editing one article: /admin/articles/new, /admin/articles/{id}, their
/// saves, the live preview (/admin/articles/preview, JSON) and the tag suggestions (/admin/api/tags). The
/// decisions (who may do what, what is valid, stale forms) are editorial::ArticleEditor's; this screen
/// shows them, keeping everything typed when a save is refused.

#include <cstddef>

#include "gazette/admin/admin_context.hpp"
#include "gazette/admin/admin_pages.hpp"
#include "gazette/admin/admin_routes.hpp"
#include "gazette/admin/article_form.hpp"

namespace gazette::admin {

/// Longest tag prefix the suggestions take: a tag name's own bound (editorial::kMaxTagNameBytes).
inline constexpr std::size_t kMaxTagPrefixBytes = 100;
/// Suggestions per answer: what fits in a drop-down without scrolling.
inline constexpr std::int64_t kTagSuggestions = 10;

/// Thread-safe once registered.
class ArticleEditScreen {
 public:
  ArticleEditScreen(const AdminContext& ctx, const AdminPages& pages) : ctx_(ctx), pages_(pages) {}

  void Register(AdminRoutes& routes) const;

 private:
  http::Response New(AdminRequest& request) const;
  http::Response Create(AdminRequest& request) const;
  http::Response Edit(AdminRequest& request) const;
  http::Response Save(AdminRequest& request) const;
  http::Response Preview(AdminRequest& request) const;
  http::Response TagSuggestions(AdminRequest& request) const;

  /// The editor's page for page, with status.
  http::Response Page(AdminRequest& request, const ArticleFormPage& page, unsigned status) const;

  const AdminContext& ctx_;
  const AdminPages& pages_;
};

}  // namespace gazette::admin
