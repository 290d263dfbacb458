#include "gazette/admin/users_screen.hpp"

#include <charconv>

#include "gazette/accounts/user_manager.hpp"
#include "gazette/http/error_status.hpp"

namespace gazette::admin {
namespace {

using domain::Permission;

constexpr std::array<domain::Role, 3> kRoles{domain::Role::kAdmin, domain::Role::kEditor,
                                             domain::Role::kAuthor};

std::string FieldOf(const AdminRequest& request, std::string_view name) {
  return std::string(request.form.Get(name).value_or(""));
}

/// Whether a refusal is the person's to fix on the same form (bad input, a taken address, the last
/// administrator) rather than an error page's to explain.
bool ShownOnTheForm(const gazette::Error& error) {
  return error.code == ErrorCode::kInvalid || error.code == ErrorCode::kConflict;
}

render::View RoleOptions(std::string_view selected) {
  render::View options{render::View::type::list};
  for (const domain::Role role : kRoles) {
    render::View option;
    option.set("value", domain::RoleName(role));
    option.set("selected", selected == domain::RoleName(role));
    options.push_back(option);
  }
  return options;
}

render::View AuthorOptions(const std::vector<domain::Author>& authors, std::string_view selected) {
  render::View options{render::View::type::list};
  for (const auto& author : authors) {
    render::View option;
    const std::string id = std::to_string(author.id);
    option.set("value", id);
    option.set("name", author.name);
    option.set("selected", selected == id);
    options.push_back(option);
  }
  return options;
}

std::string AuthorName(const std::vector<domain::Author>& authors, const std::optional<std::int64_t>& id) {
  if (!id) return {};
  for (const auto& author : authors) {
    if (author.id == *id) return author.name;
  }
  return "#" + std::to_string(*id);
}

}  // namespace

Result<std::optional<std::int64_t>> ParseAuthorChoice(std::string_view text) {
  if (text.empty()) return std::optional<std::int64_t>{};
  std::int64_t id = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (error != std::errc{} || end != text.data() + text.size() || id <= 0) {
    return MakeError(ErrorCode::kInvalid, "Choose an author profile from the list.");
  }
  return std::optional<std::int64_t>{id};
}

void UsersScreen::Register(AdminRoutes& routes) const {
  routes.AddNavigation("Users", "/admin/users", Permission::kManageUsers);
  routes.Get("/admin/users", Permission::kManageUsers,
             [this](AdminRequest& request) { return List(request); });
  routes.Post("/admin/users", Permission::kManageUsers,
              [this](AdminRequest& request) { return Add(request); });
  routes.Get("/admin/users/{id}", Permission::kManageUsers,
             [this](AdminRequest& request) { return Show(request); });
  routes.Post("/admin/users/{id}/role", Permission::kManageUsers,
              [this](AdminRequest& request) { return ChangeRole(request); });
  routes.Post("/admin/users/{id}/disabled", Permission::kManageUsers,
              [this](AdminRequest& request) { return SetDisabled(request); });
  routes.Post("/admin/users/{id}/password", Permission::kManageUsers,
              [this](AdminRequest& request) { return SetPassword(request); });
  routes.Post("/admin/users/{id}/author", Permission::kManageUsers,
              [this](AdminRequest& request) { return LinkAuthor(request); });
}

http::Response UsersScreen::List(AdminRequest& request) const {
  return ListPage(request, {}, "", 200);
}

http::Response UsersScreen::ListPage(AdminRequest& request, const NewUserForm& form, std::string_view problem,
                                     unsigned status) const {
  auto users = ctx_.accounts.users().List(request.actor());
  if (!users.ok()) return pages_.ServiceError(request, users.error());
  auto authors = ctx_.storage.catalog().ListAuthors();
  if (!authors.ok()) return pages_.ServiceError(request, authors.error());

  render::View view = pages_.PageView(request, "Users");
  render::View rows{render::View::type::list};
  for (const auto& user : *users) {
    render::View row;
    row.set("id", std::to_string(user.id));
    row.set("name", user.name);
    row.set("email", user.email);
    row.set("role", domain::RoleName(user.role));
    row.set("author", AuthorName(*authors, user.author_id));
    row.set("disabled", user.disabled);
    row.set("created", ctx_.dates.IsoDate(user.created_at));
    rows.push_back(row);
  }
  view.set("users", rows);
  view.set("email", form.email);
  view.set("name", form.name);
  view.set("roles", RoleOptions(form.role));
  view.set("authors", AuthorOptions(*authors, form.author_id));
  if (!problem.empty()) view.set("problem", std::string(problem));
  return pages_.Render("users", std::move(view), status);
}

http::Response UsersScreen::Add(AdminRequest& request) const {
  NewUserForm form{FieldOf(request, "email"), FieldOf(request, "name"), FieldOf(request, "role"),
                   FieldOf(request, "author_id")};
  auto role = domain::ParseRole(form.role);
  if (!role.ok()) return ListPage(request, form, "Choose a role from the list.", 400);
  auto author = ParseAuthorChoice(form.author_id);
  if (!author.ok()) return ListPage(request, form, author.error().message, 400);

  accounts::NewUserRequest add;
  add.email = form.email;
  add.name = form.name;
  add.role = *role;
  add.author_id = *author;
  add.password = FieldOf(request, "password");
  auto added = ctx_.accounts.users().AddUser(add, request.actor());
  if (!added.ok()) {
    if (ShownOnTheForm(added.error())) {
      return ListPage(request, form, added.error().message, http::StatusForError(added.error().code));
    }
    return pages_.ServiceError(request, added.error());
  }
  return http::Response::SeeOther("/admin/users?done=user-added");
}

std::variant<domain::User, http::Response> UsersScreen::FindUser(AdminRequest& request) const {
  const std::string_view text = request.http.Param("id");
  std::int64_t id = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (error != std::errc{} || end != text.data() + text.size()) {
    return pages_.Error(&request.http, 404, "There is no such user.", &request);
  }
  auto users = ctx_.accounts.users().List(request.actor());
  if (!users.ok()) return pages_.ServiceError(request, users.error());
  for (auto& user : *users) {
    if (user.id == id) return std::move(user);
  }
  return pages_.Error(&request.http, 404, "There is no such user.", &request);
}

http::Response UsersScreen::UserPage(AdminRequest& request, const domain::User& user,
                                     std::string_view problem, unsigned status) const {
  auto authors = ctx_.storage.catalog().ListAuthors();
  if (!authors.ok()) return pages_.ServiceError(request, authors.error());
  render::View view = pages_.PageView(request, user.name);
  view.set("id", std::to_string(user.id));
  view.set("name", user.name);
  view.set("email", user.email);
  view.set("role", domain::RoleName(user.role));
  view.set("roles", RoleOptions(domain::RoleName(user.role)));
  view.set("author", AuthorName(*authors, user.author_id));
  view.set("authors", AuthorOptions(*authors, user.author_id ? std::to_string(*user.author_id) : ""));
  view.set("disabled", user.disabled);
  view.set("created", ctx_.dates.IsoDate(user.created_at));
  view.set("own", user.id == request.user().id);
  if (!problem.empty()) view.set("problem", std::string(problem));
  return pages_.Render("user", std::move(view), status);
}

http::Response UsersScreen::Show(AdminRequest& request) const {
  auto found = FindUser(request);
  if (auto* response = std::get_if<http::Response>(&found)) return std::move(*response);
  return UserPage(request, std::get<domain::User>(found), "", 200);
}

http::Response UsersScreen::AfterChange(AdminRequest& request, const domain::User& user, const Status& status,
                                        std::string_view done) const {
  if (status.ok()) {
    return http::Response::SeeOther("/admin/users/" + std::to_string(user.id) + "?done=" + std::string(done));
  }
  if (ShownOnTheForm(status.error())) {
    return UserPage(request, user, status.error().message, http::StatusForError(status.error().code));
  }
  return pages_.ServiceError(request, status.error());
}

http::Response UsersScreen::ChangeRole(AdminRequest& request) const {
  auto found = FindUser(request);
  if (auto* response = std::get_if<http::Response>(&found)) return std::move(*response);
  const auto& user = std::get<domain::User>(found);
  auto role = domain::ParseRole(request.form.Get("role").value_or(""));
  if (!role.ok()) return UserPage(request, user, "Choose a role from the list.", 400);
  return AfterChange(request, user, ctx_.accounts.users().ChangeRole(user.id, *role, request.actor()),
                     "role-changed");
}

http::Response UsersScreen::SetDisabled(AdminRequest& request) const {
  auto found = FindUser(request);
  if (auto* response = std::get_if<http::Response>(&found)) return std::move(*response);
  const auto& user = std::get<domain::User>(found);
  const std::string_view choice = request.form.Get("disabled").value_or("");
  if (choice != "1" && choice != "0") return UserPage(request, user, "Choose to disable or to enable.", 400);
  const bool disabled = choice == "1";
  return AfterChange(request, user, ctx_.accounts.users().SetDisabled(user.id, disabled, request.actor()),
                     disabled ? "disabled" : "enabled");
}

http::Response UsersScreen::SetPassword(AdminRequest& request) const {
  auto found = FindUser(request);
  if (auto* response = std::get_if<http::Response>(&found)) return std::move(*response);
  const auto& user = std::get<domain::User>(found);
  const std::string_view password = request.form.Get("password").value_or("");
  return AfterChange(request, user,
                     ctx_.accounts.users().ChangePassword(user.id, password, std::nullopt, request.actor()),
                     "password-changed");
}

http::Response UsersScreen::LinkAuthor(AdminRequest& request) const {
  auto found = FindUser(request);
  if (auto* response = std::get_if<http::Response>(&found)) return std::move(*response);
  const auto& user = std::get<domain::User>(found);
  auto author = ParseAuthorChoice(request.form.Get("author_id").value_or(""));
  if (!author.ok()) return UserPage(request, user, author.error().message, 400);
  return AfterChange(request, user, ctx_.accounts.users().SetAuthor(user.id, *author, request.actor()),
                     "author-linked");
}

}  // namespace gazette::admin
