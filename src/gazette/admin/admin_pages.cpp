#include "gazette/admin/admin_pages.hpp"

#include <array>
#include <utility>

#include <boost/json.hpp>
#include <spdlog/spdlog.h>

#include "gazette/http/error_status.hpp"

namespace gazette::admin {
namespace {

/// What a redirect after a successful action may ask the next page to say. When a screen adds an action,
/// add its sentence here.
constexpr std::array<std::pair<std::string_view, std::string_view>, 27> kNotices{{
    {"logged-out", "You are logged out."},
    {"logged-out-everywhere", "You are logged out on every device."},
    {"saved", "Saved."},
    {"created", "Created."},
    {"deleted", "Deleted."},
    {"published", "Published."},
    {"scheduled", "Scheduled."},
    {"submitted", "Submitted for review."},
    {"restored", "The revision is restored as a new version."},
    {"bulk-done", "The selected articles are updated."},
    {"nothing-selected", "Nothing was selected, so nothing changed."},
    {"reordered", "The new order is saved."},
    {"merged", "The tags are merged."},
    {"renamed", "Renamed."},
    {"uploaded", "Uploaded."},
    {"password-changed", "The password is changed."},
    {"role-changed", "The role is changed."},
    {"disabled", "The account is disabled and its sessions have ended."},
    {"enabled", "The account can log in again."},
    {"user-added", "The user is added."},
    {"settings-saved", "The settings are saved and in use."},
    {"author-linked", "The author profile is linked."},
    {"moderated", "The comments are updated."},
    {"unpublished", "The article is off the site."},
    {"contribution-added", "The contribution is added at the end of the panel."},
    {"contribution-removed", "The contribution is removed."},
    {"panel-removed", "The article is no longer a panel."},
}};

std::string JsonError(std::string_view message) {
  boost::json::object object;
  object["error"] = message;
  return boost::json::serialize(object);
}

}  // namespace

std::string_view AdminPages::NoticeFor(std::string_view code) {
  for (const auto& [key, text] : kNotices) {
    if (key == code) return text;
  }
  return {};
}

bool AdminPages::WantsJson(const http::Request& request) {
  if (request.path().starts_with("/admin/api/")) return true;
  const std::string_view accept = request.Header("Accept");
  return accept.find("application/json") != std::string_view::npos &&
         accept.find("text/html") == std::string_view::npos;
}

http::Response AdminPages::Json(unsigned status, std::string body) {
  http::Response response;
  response.status = status;
  response.content_type = "application/json";
  response.body = std::move(body);
  response.SetHeader("Cache-Control", "no-store");
  return response;
}

render::View AdminPages::AnonymousView(std::string_view title) const {
  render::View view;
  view.set("site_name", ctx_.live.Current()->site.name);
  view.set("page_title", std::string(title));
  view.set("stylesheet_url", ctx_.assets.UrlFor("css/admin.css").value_or("/admin/assets/css/admin.css"));
  if (auto script = ctx_.assets.UrlFor("js/admin.js")) view.set("script_url", *script);
  // Without an icon of its own, every back-office page makes the browser ask for /favicon.ico (a 404).
  view.set("icon_url", ctx_.assets.UrlFor("img/icon.svg").value_or("/admin/assets/img/icon.svg"));
  return view;
}

render::View AdminPages::PageView(const AdminRequest& request, std::string_view title) const {
  render::View view = AnonymousView(title);
  render::View user;
  user.set("name", request.user().name);
  user.set("email", request.user().email);
  user.set("role", domain::RoleName(request.user().role));
  view.set("user", user);
  view.set("csrf", request.session.csrf_token);
  render::View navigation{render::View::type::list};
  const std::string& path = request.http.path();
  for (const auto& item : navigation_) {
    if (!request.Can(item.permission)) continue;
    render::View link;
    link.set("label", item.label);
    link.set("url", item.url);
    // The dashboard is current on its own address only; a section also on the pages below it.
    const bool current = item.url == "/admin" ? path == "/admin"
                                              : path == item.url || path.starts_with(item.url + "/");
    link.set("current", current);
    navigation.push_back(link);
  }
  view.set("navigation", navigation);
  if (auto done = request.http.Query("done")) {
    if (auto notice = NoticeFor(*done); !notice.empty()) view.set("notice", std::string(notice));
  }
  return view;
}

http::Response AdminPages::Render(std::string_view page, render::View view, unsigned status) const {
  auto html = ctx_.templates.RenderPage(page, std::move(view));
  if (!html.ok()) {
    spdlog::error("rendering admin page {} failed: {}", page, html.error().message);
    return http::Response::Text(500,
                                "The page could not be shown because of an error in the back office's theme.\n");
  }
  http::Response response;
  response.status = status;
  response.body = std::move(html).value();
  // Back-office pages hold drafts and personal data: never kept by a shared cache or the browser's.
  response.SetHeader("Cache-Control", "no-store");
  return response;
}

http::Response AdminPages::Error(const http::Request* request, unsigned status, std::string_view message,
                                 const AdminRequest* user) const {
  if (request != nullptr && WantsJson(*request)) return Json(status, JsonError(message));
  const std::string heading = status == 404   ? std::string("Not found")
                              : status == 403 ? std::string("Not allowed")
                                              : "Error " + std::to_string(status);
  render::View view = user != nullptr ? PageView(*user, heading) : AnonymousView(heading);
  view.set("heading", heading);
  view.set("message", std::string(message));
  return Render("error", std::move(view), status);
}

http::Response AdminPages::ServiceError(const AdminRequest& request, const gazette::Error& error) const {
  const unsigned status = http::StatusForError(error.code);
  if (status >= 500) {
    spdlog::error("back office {} {}: {}", http::MethodName(request.http.method()), request.http.path(),
                  error.message);
    const std::string_view message = status == 503 ? "The site is busy. Please try again in a moment."
                                                   : "Something went wrong on our side. Please try again.";
    return Error(&request.http, status, message, &request);
  }
  return Error(&request.http, status, error.message, &request);
}

}  // namespace gazette::admin
