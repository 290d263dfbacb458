#include "gazette/admin/account_screen.hpp"

#include "gazette/http/error_status.hpp"

namespace gazette::admin {

void AccountScreen::Register(AdminRoutes& routes) const {
  routes.AddNavigation("Your account", "/admin/account", domain::Permission::kViewDashboard);
  routes.Get("/admin/account", domain::Permission::kViewDashboard,
             [this](AdminRequest& request) { return Show(request); });
  routes.Post("/admin/account/password", domain::Permission::kViewDashboard,
              [this](AdminRequest& request) { return ChangePassword(request); });
}

http::Response AccountScreen::Page(AdminRequest& request, std::string_view field, std::string_view problem,
                                   unsigned status) const {
  render::View view = pages_.PageView(request, "Your account");
  view.set("created", ctx_.dates.IsoDate(request.user().created_at));
  if (!problem.empty()) {
    // Beside its field, and once more above the form for those who read the page top to bottom.
    view.set("problem", std::string(problem));
    view.set(std::string(field) + "_problem", std::string(problem));
  }
  return pages_.Render("account", std::move(view), status);
}

http::Response AccountScreen::Show(AdminRequest& request) const {
  return Page(request, "", "", 200);
}

http::Response AccountScreen::ChangePassword(AdminRequest& request) const {
  const std::string_view current = request.form.Get("current_password").value_or("");
  const std::string_view fresh = request.form.Get("new_password").value_or("");
  const std::string_view repeat = request.form.Get("repeat_password").value_or("");
  if (current.empty()) return Page(request, "current", "Type your current password.", 400);
  if (fresh != repeat) {
    return Page(request, "repeat", "The two new passwords are not the same; type them again.", 400);
  }
  const Status changed =
      ctx_.accounts.users().ChangePassword(request.user().id, fresh, current, request.actor());
  if (changed.ok()) return http::Response::SeeOther("/admin/account?done=password-changed");
  switch (changed.error().code) {
    case ErrorCode::kInvalid:
      return Page(request, "new", changed.error().message, 400);
    case ErrorCode::kForbidden:
      // A wrong current password is the person's to fix here, not a reason for an error page.
      return Page(request, "current", changed.error().message, 403);
    default:
      return pages_.ServiceError(request, changed.error());
  }
}

}  // namespace gazette::admin
