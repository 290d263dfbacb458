#include "gazette/admin/login_screen.hpp"

#include <chrono>

#include <spdlog/spdlog.h>

#include "gazette/accounts/tokens.hpp"
#include "gazette/http/cookies.hpp"
#include "gazette/http/multipart.hpp"
#include "gazette/http/local_redirect.hpp"

namespace gazette::admin {
namespace {

/// A login form is filled within minutes; an hour leaves room for a phone call in between.
constexpr std::chrono::seconds kLoginFormLifetime = std::chrono::hours(1);

void AddCookie(http::Response& response, const http::SetCookie& cookie) {
  auto header = cookie.Format();
  if (!header.ok()) {
    // Our own names and base64url values always format; this is a bug if it ever shows.
    spdlog::error("a back-office cookie could not be written: {}", header.error().message);
    return;
  }
  response.SetHeader("Set-Cookie", std::move(header).value());
}

}  // namespace

std::string AfterLoginLocation(std::string_view next) {
  const bool back_office = next == "/admin" || next.starts_with("/admin/") || next.starts_with("/admin?");
  if (!back_office || !http::IsSafeLocalRedirect(next) || next.starts_with(kLoginPath)) return "/admin";
  return std::string(next);
}

bool LoginScreen::SecureCookies() const { return ctx_.config.site.base_url.starts_with("https://"); }

http::SetCookie LoginScreen::ExpiredCookie(std::string_view name, std::string_view path) const {
  // With the attributes it was set with: a browser ignores a Secure cookie sent over plain HTTP.
  auto cookie = http::SetCookie::Expired(std::string(name), std::string(path));
  cookie.secure = SecureCookies();
  return cookie;
}

void LoginScreen::Register(http::Router& router, AdminRoutes& routes) const {
  router.Get(kLoginPath, [this](const http::Request& request) { return ShowForm(request); });
  // The password check (argon2id) takes about 0.3 s by design.
  router.Post(kLoginPath, [this](const http::Request& request) { return LogIn(request); }, http::Pace::kSlow);
  routes.Post("/admin/logout", domain::Permission::kViewDashboard,
              [this](AdminRequest& request) { return LogOut(request); });
  routes.Post("/admin/logout-everywhere", domain::Permission::kViewDashboard,
              [this](AdminRequest& request) { return LogOutEverywhere(request); });
}

http::Response LoginScreen::Form(const http::Request& request, std::string_view next, std::string_view email,
                                 std::string_view problem, unsigned status) const {
  const std::string token = accounts::NewToken();
  render::View view = pages_.AnonymousView("Log in");
  view.set("next", std::string(next));
  view.set("email", std::string(email));
  view.set("login_token", token);
  if (!problem.empty()) view.set("problem", std::string(problem));
  if (auto done = request.Query("done")) {
    if (auto notice = AdminPages::NoticeFor(*done); !notice.empty()) view.set("notice", std::string(notice));
  }
  auto response = pages_.Render("login", std::move(view), status);
  http::SetCookie cookie;
  cookie.name = std::string(kLoginCookie);
  cookie.value = token;
  cookie.path = std::string(kLoginPath);
  cookie.max_age = kLoginFormLifetime;
  cookie.secure = SecureCookies();
  cookie.same_site = http::SameSite::kStrict;
  AddCookie(response, cookie);
  return response;
}

http::Response LoginScreen::ShowForm(const http::Request& request) const {
  const std::string next = AfterLoginLocation(request.Query("next").value_or("/admin"));
  if (gate_.SessionOf(request)) return http::Response::Redirect(302, next);
  return Form(request, next, "", "", 200);
}

http::Response LoginScreen::LogIn(const http::Request& request) const {
  auto form = http::ParseFormBody(request.Header("Content-Type"), request.body());
  if (!form.ok()) return Form(request, "/admin", "", "The form could not be read. Please try again.", 400);
  const std::string next = AfterLoginLocation(form->Get("next").value_or("/admin"));
  const std::string_view email = form->Get("email").value_or("");
  const std::string_view password = form->Get("password").value_or("");
  const std::string_view shown_email = email.size() <= kMaxEmailBytes ? email : std::string_view{};

  const auto expected = request.Cookie(kLoginCookie);
  if (!expected || !accounts::TokensMatch(*expected, form->Get("login_token").value_or(""))) {
    return Form(request, next, shown_email,
                "The login form had expired or came from another site. Please log in again.", 403);
  }
  if (email.empty() || password.empty()) {
    return Form(request, next, shown_email, "Enter your email address and your password.", 400);
  }
  if (email.size() > kMaxEmailBytes || password.size() > kMaxPasswordBytes) {
    return Form(request, next, shown_email, std::string(accounts::kWrongCredentialsMessage), 400);
  }

  auto attempt = ctx_.accounts.login().Login(email, password, gate_.ClientAddress(request),
                                             request.Header("User-Agent"));
  if (!attempt.ok()) {
    spdlog::error("login failed for a storage reason: {}", attempt.error().message);
    return Form(request, next, shown_email, "The site is busy. Please try again in a moment.", 503);
  }
  switch (attempt->outcome) {
    case accounts::LoginOutcome::kRefused:
      return Form(request, next, shown_email, attempt->message, 200);
    case accounts::LoginOutcome::kThrottled: {
      auto response = Form(request, next, shown_email, attempt->message, 429);
      response.SetHeader("Retry-After", std::to_string(attempt->retry_after.count()));
      return response;
    }
    case accounts::LoginOutcome::kLoggedIn:
      break;
  }
  auto response = http::Response::SeeOther(next);
  http::SetCookie session;
  session.name = std::string(kSessionCookie);
  session.value = attempt->session.cookie_value;
  session.path = std::string(kSessionCookiePath);
  session.max_age = std::chrono::duration_cast<std::chrono::seconds>(attempt->session.expires_at - ctx_.clock.Now());
  session.secure = SecureCookies();
  session.same_site = http::SameSite::kLax;
  AddCookie(response, session);
  AddCookie(response, ExpiredCookie(kLoginCookie, kLoginPath));
  return response;
}

http::Response LoginScreen::LogOut(AdminRequest& request) const {
  if (auto status = ctx_.accounts.login().Logout(request.http.Cookie(kSessionCookie).value_or(""),
                                                 request.client_ip);
      !status.ok()) {
    return pages_.ServiceError(request, status.error());
  }
  auto response = http::Response::SeeOther("/admin/login?done=logged-out");
  AddCookie(response, ExpiredCookie(kSessionCookie, kSessionCookiePath));
  return response;
}

http::Response LoginScreen::LogOutEverywhere(AdminRequest& request) const {
  if (auto status = ctx_.accounts.login().LogoutEverywhere(request.actor()); !status.ok()) {
    return pages_.ServiceError(request, status.error());
  }
  auto response = http::Response::SeeOther("/admin/login?done=logged-out-everywhere");
  AddCookie(response, ExpiredCookie(kSessionCookie, kSessionCookiePath));
  return response;
}

}  // namespace gazette::admin
