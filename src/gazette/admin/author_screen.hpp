#pragma once
/// AuthorScreen: /admin/authors, the authors' public profiles (name, role, organisation, bio, and a photo
/// chosen from the media library): list, create, edit.

#include <string>
#include <string_view>

#include "gazette/admin/admin_context.hpp"
#include "gazette/admin/admin_pages.hpp"
#include "gazette/admin/admin_routes.hpp"
#include "gazette/domain/taxonomy.hpp"

namespace gazette::admin {

/// Thread-safe once registered.
class AuthorScreen {
 public:
  AuthorScreen(const AdminContext& ctx, const AdminPages& pages) : ctx_(ctx), pages_(pages) {}

  void Register(AdminRoutes& routes) const;

 private:
  /// The profile form as typed, with a message beside each refused field.
  struct FormState {
    domain::Author author;
    std::string name_problem;
    std::string slug_problem;
    std::string role_problem;
    std::string organisation_problem;
    std::string bio_problem;
    std::string photo_problem;
    bool HasProblem() const {
      return !name_problem.empty() || !slug_problem.empty() || !role_problem.empty() ||
             !organisation_problem.empty() || !bio_problem.empty() || !photo_problem.empty();
    }
  };

  http::Response List(AdminRequest& request) const;
  http::Response NewForm(AdminRequest& request) const;
  http::Response Create(AdminRequest& request) const;
  http::Response Edit(AdminRequest& request) const;
  http::Response Save(AdminRequest& request) const;

  /// The profile form; action is where it posts ("/admin/authors" to create).
  http::Response FormPage(AdminRequest& request, const FormState& form, std::string_view action,
                          std::string_view problem, unsigned status) const;
  FormState ReadForm(const http::Form& form) const;

  const AdminContext& ctx_;
  const AdminPages& pages_;
};

}  // namespace gazette::admin
