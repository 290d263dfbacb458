// The back office's door: logging in and out, the session cookie, login throttling, CSRF, and the gate in
// front of every /admin route (registered or not) for each role.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "gazette/domain/user.hpp"
#include "integration/admin_client.hpp"
#include "integration/running_site.hpp"

namespace gazette::testing {
namespace {

using domain::Permission;
using domain::Role;

constexpr const char* kPassword = "correct horse battery staple";

/// Every gated back-office route and the permission it needs. A route added without an entry here fails
/// EveryAdminRouteIsInThePermissionTable, so that no route escapes the walk below.
const std::map<std::string, Permission>& RoutePermissions() {
  static const std::map<std::string, Permission> table{
      {"GET /admin", Permission::kViewDashboard},
      {"POST /admin/logout", Permission::kViewDashboard},
      {"POST /admin/logout-everywhere", Permission::kViewDashboard},
      {"GET /admin/articles", Permission::kWriteOwnArticles},
      {"POST /admin/articles/bulk", Permission::kWriteOwnArticles},
      {"GET /admin/articles/new", Permission::kWriteOwnArticles},
      {"POST /admin/articles", Permission::kWriteOwnArticles},
      {"POST /admin/articles/preview", Permission::kWriteOwnArticles},
      {"GET /admin/articles/{id}", Permission::kWriteOwnArticles},
      {"POST /admin/articles/{id}", Permission::kWriteOwnArticles},
      {"GET /admin/api/tags", Permission::kWriteOwnArticles},
      {"GET /admin/articles/{id}/revisions", Permission::kWriteOwnArticles},
      {"GET /admin/articles/{id}/revisions/diff", Permission::kWriteOwnArticles},
      {"POST /admin/articles/{id}/revisions/{rev}/restore", Permission::kWriteOwnArticles},
      {"GET /admin/articles/{id}/panel", Permission::kWriteOwnArticles},
      {"POST /admin/articles/{id}/panel", Permission::kWriteOwnArticles},
      {"POST /admin/articles/{id}/panel/remove", Permission::kWriteOwnArticles},
      {"POST /admin/articles/{id}/panel/contributions", Permission::kWriteOwnArticles},
      {"GET /admin/articles/{id}/panel/contributions/{contribution}", Permission::kWriteOwnArticles},
      {"POST /admin/articles/{id}/panel/contributions/{contribution}", Permission::kWriteOwnArticles},
      {"POST /admin/articles/{id}/panel/contributions/{contribution}/move", Permission::kWriteOwnArticles},
      {"POST /admin/articles/{id}/panel/contributions/{contribution}/delete", Permission::kWriteOwnArticles},
      {"GET /admin/categories", Permission::kManageTaxonomy},
      {"POST /admin/categories", Permission::kManageTaxonomy},
      {"GET /admin/categories/{id}", Permission::kManageTaxonomy},
      {"POST /admin/categories/{id}", Permission::kManageTaxonomy},
      {"POST /admin/categories/{id}/move", Permission::kManageTaxonomy},
      {"POST /admin/categories/{id}/delete", Permission::kManageTaxonomy},
      {"GET /admin/tags", Permission::kManageTaxonomy},
      {"GET /admin/tags/{id}", Permission::kManageTaxonomy},
      {"POST /admin/tags/{id}/rename", Permission::kManageTaxonomy},
      {"POST /admin/tags/{id}/merge", Permission::kManageTaxonomy},
      {"POST /admin/tags/{id}/delete", Permission::kManageTaxonomy},
      {"GET /admin/authors", Permission::kManageTaxonomy},
      {"POST /admin/authors", Permission::kManageTaxonomy},
      {"GET /admin/authors/new", Permission::kManageTaxonomy},
      {"GET /admin/authors/{id}", Permission::kManageTaxonomy},
      {"POST /admin/authors/{id}", Permission::kManageTaxonomy},
      {"GET /admin/media", Permission::kUploadMedia},
      {"POST /admin/media", Permission::kUploadMedia},
      {"POST /admin/media/{id}/alt", Permission::kUploadMedia},
      {"POST /admin/media/{id}/delete", Permission::kUploadMedia},
      {"GET /admin/comments", Permission::kModerateComments},
      {"POST /admin/comments/moderate", Permission::kModerateComments},
      {"GET /admin/comments/{id}", Permission::kModerateComments},
      {"POST /admin/comments/{id}", Permission::kModerateComments},
      {"GET /admin/users", Permission::kManageUsers},
      {"POST /admin/users", Permission::kManageUsers},
      {"GET /admin/users/{id}", Permission::kManageUsers},
      {"POST /admin/users/{id}/role", Permission::kManageUsers},
      {"POST /admin/users/{id}/disabled", Permission::kManageUsers},
      {"POST /admin/users/{id}/password", Permission::kManageUsers},
      {"POST /admin/users/{id}/author", Permission::kManageUsers},
      {"GET /admin/audit", Permission::kViewAuditLog},
      {"GET /admin/settings", Permission::kManageSettings},
      {"POST /admin/settings", Permission::kManageSettings},
      {"GET /admin/account", Permission::kViewDashboard},
      {"POST /admin/account/password", Permission::kViewDashboard},
  };
  return table;
}

/// Open without a session: the login page and the back office's stylesheet and scripts.
bool IsPublicAdminRoute(const std::string& pattern) {
  return pattern == "/admin/login" || pattern.starts_with("/admin/assets/");
}

std::string RouteKey(http::Method method, const std::string& pattern) {
  return std::string(http::MethodName(method)) + " " + pattern;
}

/// A path for a pattern: every {name} segment becomes "1".
std::string ConcretePath(const std::string& pattern) {
  std::string path;
  std::size_t i = 0;
  while (i < pattern.size()) {
    if (pattern[i] == '{') {
      path += "1";
      i = pattern.find('}', i) + 1;
    } else {
      path += pattern[i++];
    }
  }
  return path;
}

std::vector<std::pair<http::Method, std::string>> GatedAdminRoutes(const RunningSite& site) {
  std::vector<std::pair<http::Method, std::string>> routes;
  for (const auto& route : site.Routes()) {
    const std::string& pattern = route.pattern;
    if ((pattern == "/admin" || pattern.starts_with("/admin/")) && !IsPublicAdminRoute(pattern))
      routes.emplace_back(route.method, pattern);
  }
  return routes;
}

std::string CookieAttributes(const HttpResponse& response, const std::string& name) {
  for (const auto& [header, value] : response.headers) {
    if (strcasecmp(header.c_str(), "Set-Cookie") == 0 && value.starts_with(name + "=")) return value;
  }
  return {};
}

class AdminAccess : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    RunningSiteOptions options;
    options.articles = 5;
    site_ = new RunningSite(options);
    site_->AddUser("admin@example.com", Role::kAdmin, kPassword);
    site_->AddUser("editor@example.com", Role::kEditor, kPassword);
    // The author writes article 1, so that the walk below ("{id}" -> 1) meets the role gate only, not
    // the refusal of another author's article.
    auto first = site_->storage().articles().FindById(1);
    ASSERT_TRUE(first.ok());
    site_->AddUser("author@example.com", Role::kAuthor, kPassword, first->author_id);
  }
  static void TearDownTestSuite() {
    delete site_;
    site_ = nullptr;
  }
  AdminClient LoggedIn(const std::string& email) {
    AdminClient client(site_->port());
    const auto response = client.LogIn(email, kPassword);
    EXPECT_EQ(response.status, 303u) << response.body;
    return client;
  }

  static RunningSite* site_;
};
RunningSite* AdminAccess::site_ = nullptr;

TEST_F(AdminAccess, LoginSetsAHardenedSessionCookieScopedToTheBackOffice) {
  AdminClient client(site_->port());
  const auto response = client.LogIn("admin@example.com", kPassword);
  ASSERT_EQ(response.status, 303u);
  EXPECT_EQ(response.Header("Location"), "/admin");
  const std::string cookie = CookieAttributes(response, "gazette_session");
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos) << cookie;
  EXPECT_NE(cookie.find("SameSite=Lax"), std::string::npos) << cookie;
  EXPECT_NE(cookie.find("Path=/admin"), std::string::npos) << cookie;
  // The test site's base URL is plain http: a Secure cookie would never come back.
  EXPECT_EQ(cookie.find("Secure"), std::string::npos) << cookie;
  EXPECT_EQ(client.CookieValue("gazette_session").size(), 43u);

  const auto dashboard = client.Get("/admin");
  EXPECT_EQ(dashboard.status, 200u);
  EXPECT_EQ(dashboard.Header("Cache-Control"), "no-store");
  EXPECT_NE(dashboard.body.find("admin (admin)"), std::string::npos);
}

TEST_F(AdminAccess, SessionCookieIsSecureWhenTheSiteIsServedOverHttps) {
  RunningSiteOptions options;
  options.articles = 1;
  options.env = {{"GAZETTE_SITE_BASE_URL", "https://news.example"}};
  RunningSite https_site(options);
  https_site.AddUser("admin@example.com", Role::kAdmin, kPassword);
  AdminClient client(https_site.port());
  const auto response = client.LogIn("admin@example.com", kPassword);
  ASSERT_EQ(response.status, 303u);
  EXPECT_NE(CookieAttributes(response, "gazette_session").find("; Secure"), std::string::npos);
}

TEST_F(AdminAccess, LoginAfterARedirectReturnsToThePageAskedFor) {
  AdminClient client(site_->port());
  const auto redirect = client.Get("/admin/logout-everywhere?x=1");
  ASSERT_EQ(redirect.status, 302u);
  EXPECT_EQ(redirect.Header("Location"), "/admin/login?next=/admin/logout-everywhere%3Fx%3D1");

  const auto form = client.Get("/admin/login?next=%2Fadmin%3Fdone%3Dsaved");
  EXPECT_EQ(HiddenInput(form.body, "next"), "/admin?done=saved");
  const auto offsite = client.Get("/admin/login?next=https%3A%2F%2Fevil.example%2F");
  EXPECT_EQ(HiddenInput(offsite.body, "next"), "/admin");
  const auto protocol_relative = client.Get("/admin/login?next=%2F%2Fevil.example%2Fadmin");
  EXPECT_EQ(HiddenInput(protocol_relative.body, "next"), "/admin");
}

TEST_F(AdminAccess, WrongPasswordAndUnknownAccountGetTheSameAnswer) {
  AdminClient wrong(site_->port());
  const auto wrong_password = wrong.LogIn("editor@example.com", "not the password at all");
  AdminClient unknown(site_->port());
  const auto unknown_account = unknown.LogIn("nobody@example.com", "not the password at all");
  EXPECT_EQ(wrong_password.status, 200u);
  EXPECT_EQ(unknown_account.status, 200u);
  EXPECT_NE(wrong_password.body.find("The email or password is not right."), std::string::npos);
  EXPECT_NE(unknown_account.body.find("The email or password is not right."), std::string::npos);
  EXPECT_TRUE(wrong.CookieValue("gazette_session").empty());
  // The address typed is kept; the password never comes back.
  EXPECT_NE(wrong_password.body.find("value=\"editor@example.com\""), std::string::npos);
  EXPECT_EQ(wrong_password.body.find("not the password at all"), std::string::npos);
}

TEST_F(AdminAccess, TenFailuresInAWindowAreAnsweredWith429AndRetryAfter) {
  site_->AddUser("target@example.com", Role::kEditor, kPassword);
  // Earlier tests' failures from this address leave the window first.
  site_->clock().Advance(std::chrono::minutes(16));
  AdminClient client(site_->port());
  for (int i = 0; i < 10; ++i) {
    EXPECT_EQ(client.LogIn("target@example.com", "wrong password number " + std::to_string(i)).status, 200u);
  }
  const auto throttled = client.LogIn("target@example.com", kPassword);
  EXPECT_EQ(throttled.status, 429u);
  EXPECT_FALSE(throttled.Header("Retry-After").empty());
  EXPECT_TRUE(client.CookieValue("gazette_session").empty());

  // After the window, the right password works again.
  site_->clock().Advance(std::chrono::minutes(16));
  AdminClient later(site_->port());
  EXPECT_EQ(later.LogIn("target@example.com", kPassword).status, 303u);
}

TEST_F(AdminAccess, LoginFormWithoutItsBrowserCookieIsRefused) {
  AdminClient client(site_->port());
  const auto form = client.Get("/admin/login");
  const std::string token = HiddenInput(form.body, "login_token");
  ASSERT_EQ(token.size(), 43u);
  client.ForgetCookies();  // a form posted from another site does not come with our cookie
  const auto response = client.Post("/admin/login",
                                    {{"email", "admin@example.com"}, {"password", kPassword}, {"login_token", token}});
  EXPECT_EQ(response.status, 403u);
  EXPECT_TRUE(client.CookieValue("gazette_session").empty());
}

TEST_F(AdminAccess, OverlongAndEmptyCredentialsAreRefusedWithAMessage) {
  AdminClient client(site_->port());
  EXPECT_EQ(client.LogIn("admin@example.com", "").status, 400u);
  EXPECT_EQ(client.LogIn(std::string(400, 'a') + "@example.com", kPassword).status, 400u);
  EXPECT_EQ(client.LogIn("admin@example.com", std::string(2000, 'p')).status, 400u);
}

TEST_F(AdminAccess, EveryAdminRouteIsInThePermissionTable) {
  const auto routes = GatedAdminRoutes(*site_);
  ASSERT_FALSE(routes.empty());
  for (const auto& [method, pattern] : routes) {
    EXPECT_TRUE(RoutePermissions().contains(RouteKey(method, pattern)))
        << RouteKey(method, pattern) << " needs an entry in RoutePermissions()";
  }
}

TEST_F(AdminAccess, WithoutASessionEveryAdminRouteRedirectsToTheLoginPage) {
  AdminClient anonymous(site_->port());
  for (const auto& [method, pattern] : GatedAdminRoutes(*site_)) {
    const std::string path = ConcretePath(pattern);
    const auto response = method == http::Method::kGet ? anonymous.Get(path) : anonymous.Post(path, {});
    // Scripts' JSON addresses answer 401 instead (JsonClientsWithoutASessionGet401).
    if (pattern.starts_with("/admin/api/")) {
      EXPECT_EQ(response.status, 401u) << RouteKey(method, pattern);
      continue;
    }
    EXPECT_EQ(response.status, 302u) << RouteKey(method, pattern);
    EXPECT_TRUE(response.Header("Location").starts_with("/admin/login?next=")) << RouteKey(method, pattern);
  }
}

TEST_F(AdminAccess, UnknownAdminAddressesLookTheSameAsKnownOnesWithoutASession) {
  AdminClient anonymous(site_->port());
  for (const std::string path : {"/admin/no-such-page", "/admin/2026/01/x", "/admin/", "/admin/users/1/x"}) {
    const auto response = anonymous.Get(path);
    EXPECT_EQ(response.status, 302u) << path;
    EXPECT_TRUE(response.Header("Location").starts_with("/admin/login")) << path;
  }
  auto admin = LoggedIn("admin@example.com");
  const auto missing = admin.Get("/admin/no-such-page");
  EXPECT_EQ(missing.status, 404u);
  EXPECT_NE(missing.body.find("There is no back-office page at this address."), std::string::npos);
  // A known address with a method it does not take: 302 without a session, 405 with one.
  EXPECT_EQ(anonymous.Get("/admin/logout").status, 302u);
  const auto wrong_method = admin.Get("/admin/logout");
  EXPECT_EQ(wrong_method.status, 405u);
  EXPECT_EQ(wrong_method.Header("Allow"), "POST");
}

TEST_F(AdminAccess, JsonClientsWithoutASessionGet401) {
  AdminClient anonymous(site_->port());
  const auto api = anonymous.Get("/admin/api/anything");
  EXPECT_EQ(api.status, 401u);
  EXPECT_EQ(api.Header("Content-Type"), "application/json");
  EXPECT_NE(api.body.find("\"error\""), std::string::npos);
  const auto page = anonymous.Get("/admin", {{"Accept", "application/json"}});
  EXPECT_EQ(page.status, 401u);
}

TEST_F(AdminAccess, EachRoleIsLetThroughExactlyWhereItsPermissionsAllow) {
  for (const auto& [email, role] : {std::pair{"author@example.com", Role::kAuthor},
                                    std::pair{"editor@example.com", Role::kEditor},
                                    std::pair{"admin@example.com", Role::kAdmin}}) {
    auto client = LoggedIn(email);
    for (const auto& [method, pattern] : GatedAdminRoutes(*site_)) {
      const auto it = RoutePermissions().find(RouteKey(method, pattern));
      if (it == RoutePermissions().end()) continue;  // reported by EveryAdminRouteIsInThePermissionTable
      const bool allowed = domain::Can(role, it->second);
      // Allowed forms are not sent: the walk must not change anything (or log itself out).
      if (method != http::Method::kGet && allowed) continue;
      const std::string path = ConcretePath(pattern);
      const auto response = method == http::Method::kGet ? client.Get(path) : client.Post(path, {});
      if (allowed) {
        EXPECT_NE(response.status, 403u) << email << " " << RouteKey(method, pattern);
        EXPECT_NE(response.status, 302u) << email << " " << RouteKey(method, pattern);
      } else {
        EXPECT_EQ(response.status, 403u) << email << " " << RouteKey(method, pattern);
      }
    }
  }
}

TEST_F(AdminAccess, FormsWithoutTheSessionsCsrfTokenAreRefused) {
  auto client = LoggedIn("editor@example.com");
  EXPECT_EQ(client.PostWithoutToken("/admin/logout", {}).status, 403u);
  EXPECT_EQ(client.Post("/admin/logout", {{"csrf", "A" + client.csrf().substr(1)}}).status, 403u);
  EXPECT_EQ(client.Post("/admin/logout", {{"csrf", "short"}}).status, 403u);
  // Another session's token does not do either.
  auto other = LoggedIn("editor@example.com");
  EXPECT_EQ(client.Post("/admin/logout", {{"csrf", other.csrf()}}).status, 403u);
  // The session is still alive after all these refusals.
  EXPECT_EQ(client.Get("/admin").status, 200u);
  // A script's header works like the form field.
  const auto with_header = client.PostWithoutToken("/admin/no-such-action", {});
  EXPECT_EQ(with_header.status, 404u);
}

TEST_F(AdminAccess, LoggingOutEndsTheSessionOnTheServer) {
  auto client = LoggedIn("editor@example.com");
  const std::string cookie = client.CookieValue("gazette_session");
  const auto response = client.Post("/admin/logout", {});
  EXPECT_EQ(response.status, 303u);
  EXPECT_EQ(response.Header("Location"), "/admin/login?done=logged-out");
  EXPECT_TRUE(client.CookieValue("gazette_session").empty());
  // A copy of the old cookie is worth nothing now.
  AdminClient replay(site_->port());
  replay.SetCookie("gazette_session", cookie);
  EXPECT_EQ(replay.Get("/admin").status, 302u);
  EXPECT_NE(client.Get("/admin/login?done=logged-out").body.find("You are logged out."), std::string::npos);
}

TEST_F(AdminAccess, LoggingOutEverywhereEndsEverySessionOfTheUser) {
  site_->AddUser("traveller@example.com", Role::kEditor, kPassword);
  auto laptop = LoggedIn("traveller@example.com");
  auto phone = LoggedIn("traveller@example.com");
  auto someone_else = LoggedIn("admin@example.com");
  EXPECT_EQ(laptop.Post("/admin/logout-everywhere", {}).status, 303u);
  EXPECT_EQ(phone.Get("/admin").status, 302u);
  EXPECT_EQ(laptop.Get("/admin").status, 302u);
  EXPECT_EQ(someone_else.Get("/admin").status, 200u);
}

TEST_F(AdminAccess, ForgedOrMalformedSessionCookiesAreTreatedAsNone) {
  for (const std::string& value :
       std::vector<std::string>{"", "x", std::string(43, 'A'), std::string(5000, 'z'), "%00%0d%0a"}) {
    AdminClient client(site_->port());
    client.SetCookie("gazette_session", value);
    EXPECT_EQ(client.Get("/admin").status, 302u) << value.substr(0, 10);
  }
}

TEST_F(AdminAccess, BackOfficeAnswersCarryTheSecurityHeaders) {
  AdminClient client(site_->port());
  const auto login = client.Get("/admin/login");
  EXPECT_NE(login.Header("Content-Security-Policy").find("frame-ancestors 'none'"), std::string::npos);
  EXPECT_EQ(login.Header("X-Content-Type-Options"), "nosniff");
  EXPECT_FALSE(login.Header("Referrer-Policy").empty());
  const std::string stylesheet = [&] {
    const auto at = login.body.find("/admin/assets/css/admin.");
    return login.body.substr(at, login.body.find('"', at) - at);
  }();
  const auto css = client.Get(stylesheet);
  EXPECT_EQ(css.status, 200u);
  EXPECT_EQ(css.Header("Content-Type").substr(0, 8), "text/css");
}

}  // namespace
}  // namespace gazette::testing
