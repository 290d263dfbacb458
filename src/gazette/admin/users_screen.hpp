#pragma once
/// UsersScreen: /admin/users, the back office's accounts: the list, adding a user, and one user's page
/// where an administrator changes their role, password and author profile or disables them.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gazette/admin/admin_context.hpp"
#include "gazette/admin/admin_pages.hpp"
#include "gazette/admin/admin_routes.hpp"
#include "gazette/domain/user.hpp"

namespace gazette::admin {

/// Thread-safe once registered.
class UsersScreen {
 public:
  UsersScreen(const AdminContext& ctx, const AdminPages& pages) : ctx_(ctx), pages_(pages) {}

  void Register(AdminRoutes& routes) const;

 private:
  /// What the add form held, shown again when it is refused. Never the password.
  struct NewUserForm {
    std::string email;
    std::string name;
    std::string role = "author";
    std::string author_id;
  };

  http::Response List(AdminRequest& request) const;
  http::Response Add(AdminRequest& request) const;
  http::Response Show(AdminRequest& request) const;
  http::Response ChangeRole(AdminRequest& request) const;
  http::Response SetDisabled(AdminRequest& request) const;
  http::Response SetPassword(AdminRequest& request) const;
  http::Response LinkAuthor(AdminRequest& request) const;

  /// The list with the add form; problem (when given) is shown above the form with status.
  http::Response ListPage(AdminRequest& request, const NewUserForm& form, std::string_view problem,
                          unsigned status) const;
  /// One user's page; problem (when given) is shown with status.
  http::Response UserPage(AdminRequest& request, const domain::User& user, std::string_view problem,
                          unsigned status) const;
  /// The user named by the address's {id}, or the error page to answer with.
  std::variant<domain::User, http::Response> FindUser(AdminRequest& request) const;
  /// After a change: the user's page with ?done=done, or the page again with the service's refusal.
  http::Response AfterChange(AdminRequest& request, const domain::User& user, const Status& status,
                             std::string_view done) const;

  const AdminContext& ctx_;
  const AdminPages& pages_;
};

/// "" (no profile) or a decimal author id, as the forms' author selects send it. nullopt inside for "";
/// kInvalid for anything else.
Result<std::optional<std::int64_t>> ParseAuthorChoice(std::string_view text);

}  // namespace gazette::admin
