#pragma once
/// TagScreen: /admin/tags, the tags with how many articles carry each, filtered by the start of their
/// name: rename one, merge one into another (chosen by name), delete one.

#include <string>
#include <string_view>

#include "gazette/admin/admin_context.hpp"
#include "gazette/admin/admin_pages.hpp"
#include "gazette/admin/admin_routes.hpp"
#include "gazette/domain/taxonomy.hpp"

namespace gazette::admin {

/// Thread-safe once registered.
class TagScreen {
 public:
  TagScreen(const AdminContext& ctx, const AdminPages& pages) : ctx_(ctx), pages_(pages) {}

  void Register(AdminRoutes& routes) const;

 private:
  /// What the tag's page shows in its forms, as typed, and the messages beside them.
  struct TagForms {
    std::string name;
    std::string slug;
    std::string into;
    std::string name_problem;
    std::string slug_problem;
    std::string into_problem;
  };

  http::Response List(AdminRequest& request) const;
  http::Response Show(AdminRequest& request) const;
  http::Response Rename(AdminRequest& request) const;
  http::Response Merge(AdminRequest& request) const;
  http::Response Delete(AdminRequest& request) const;

  http::Response TagPage(AdminRequest& request, const domain::Tag& tag, const TagForms& forms,
                         std::string_view problem, unsigned status) const;
  /// The tag behind the {id} of a POST; kNotFound when there is none.
  Result<domain::Tag> TagOf(const AdminRequest& request) const;

  const AdminContext& ctx_;
  const AdminPages& pages_;
};

}  // namespace gazette::admin
