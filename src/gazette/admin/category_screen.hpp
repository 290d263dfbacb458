#pragma once
/// CategoryScreen: /admin/categories, the category tree: create, edit, move up and down among siblings,
/// delete (refused while a category holds articles or subcategories). Every change reloads the public
/// site's navigation at once.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "gazette/admin/admin_context.hpp"
#include "gazette/admin/admin_pages.hpp"
#include "gazette/admin/admin_routes.hpp"
#include "gazette/domain/taxonomy.hpp"

namespace gazette::admin {

/// Thread-safe once registered.
class CategoryScreen {
 public:
  CategoryScreen(const AdminContext& ctx, const AdminPages& pages) : ctx_(ctx), pages_(pages) {}

  void Register(AdminRoutes& routes) const;

 private:
  /// What the create and edit forms hold, as typed, with a message per field when refused.
  struct FormState {
    domain::Category category;
    std::string parent_text;
    std::string name_problem;
    std::string slug_problem;
    std::string parent_problem;
    std::string description_problem;
    bool HasProblem() const {
      return !name_problem.empty() || !slug_problem.empty() || !parent_problem.empty() ||
             !description_problem.empty();
    }
  };

  http::Response List(AdminRequest& request) const;
  http::Response Create(AdminRequest& request) const;
  http::Response Edit(AdminRequest& request) const;
  http::Response Save(AdminRequest& request) const;
  http::Response Move(AdminRequest& request) const;
  http::Response Delete(AdminRequest& request) const;

  /// The list with the create form (filled with form when given) and a problem for the whole page.
  http::Response ListPage(AdminRequest& request, const FormState* form, std::string_view problem,
                          unsigned status) const;
  http::Response EditPage(AdminRequest& request, const FormState& form, std::string_view problem,
                          unsigned status) const;
  /// Reads and checks the form's fields (bounds, slug shape, parent id); the slug is made from the name
  /// when left empty.
  FormState ReadForm(const http::Form& form) const;
  /// Puts a store refusal beside the field it concerns; false when it concerns none (page-level).
  static bool PlaceStoreProblem(FormState& form, const Error& error);
  /// Reloads the public navigation after a change; a failure is logged (the change itself is saved).
  void CategoriesChanged() const;

  const AdminContext& ctx_;
  const AdminPages& pages_;
};

}  // namespace gazette::admin
