// The back office's people screens: users (add, role, password, author profile, disable), the user's own
// account page, and the audit log.
#include <gtest/gtest.h>

#include <string>

#include "gazette/domain/user.hpp"
#include "integration/admin_client.hpp"
#include "integration/html_scan.hpp"
#include "integration/running_site.hpp"

namespace gazette::testing {
namespace {

using domain::Role;

constexpr const char* kPassword = "correct horse battery staple";
constexpr const char* kNewPassword = "a brand new and long password";

bool Contains(const std::string& text, const std::string& needle) {
  return text.find(needle) != std::string::npos;
}

/// The id a <label> for text points at, empty when the page has no such label.
std::string LabelledControl(const std::string& html, const std::string& text) {
  for (const auto& id : ValuesAfter(html, "<label for=\"")) {
    if (Contains(html, "<label for=\"" + id + "\">" + text + "</label>")) return id;
  }
  return {};
}

/// The name of the control a label names: tests fill forms by what a person reads.
std::string FieldNamed(const std::string& html, const std::string& label) {
  const std::string id = LabelledControl(html, label);
  if (id.empty()) return {};
  return FirstValueAfter(html.substr(html.find("id=\"" + id + "\"")), "name=\"");
}

class AdminPeople : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    RunningSiteOptions options;
    options.articles = 5;
    site_ = new RunningSite(options);
    admin_ = site_->AddUser("chief@example.com", Role::kAdmin, kPassword);
    site_->AddUser("desk@example.com", Role::kEditor, kPassword);
  }
  static void TearDownTestSuite() {
    delete site_;
    site_ = nullptr;
  }
  AdminClient LoggedIn(const std::string& email, const std::string& password = kPassword) {
    AdminClient client(site_->port());
    const auto response = client.LogIn(email, password);
    EXPECT_EQ(response.status, 303u) << email;
    return client;
  }
  static std::string UserUrl(const domain::User& user) { return "/admin/users/" + std::to_string(user.id); }

  static RunningSite* site_;
  static domain::User admin_;
};
RunningSite* AdminPeople::site_ = nullptr;
domain::User AdminPeople::admin_;

TEST_F(AdminPeople, UserListShowsEachUsersRoleAndStatusWithALabelledAddForm) {
  auto admin = LoggedIn("chief@example.com");
  const auto page = admin.Get("/admin/users");
  ASSERT_EQ(page.status, 200u);
  EXPECT_TRUE(Contains(page.body, "chief@example.com"));
  EXPECT_TRUE(Contains(page.body, "<td>editor</td>"));
  for (const char* label : {"Email", "Name", "Role", "Author profile", "Initial password"}) {
    EXPECT_FALSE(FieldNamed(page.body, label).empty()) << label;
  }
  EXPECT_TRUE(Contains(page.body, "href=\"/admin/users\" aria-current=\"page\">Users</a>"));
}

TEST_F(AdminPeople, AnAddedUserCanLogInWithTheInitialPassword) {
  auto admin = LoggedIn("chief@example.com");
  const auto authors = site_->storage().catalog().ListAuthors();
  ASSERT_TRUE(authors.ok() && !authors->empty());
  const auto& author = authors->front();
  const auto added = admin.Post("/admin/users", {{"email", "New.Writer@Example.com"},
                                                 {"name", "New Writer"},
                                                 {"role", "author"},
                                                 {"author_id", std::to_string(author.id)},
                                                 {"password", kPassword}});
  ASSERT_EQ(added.status, 303u) << added.body;
  EXPECT_EQ(added.Header("Location"), "/admin/users?done=user-added");
  const auto list = admin.Get("/admin/users?done=user-added");
  EXPECT_TRUE(Contains(list.body, "The user is added."));
  EXPECT_TRUE(Contains(list.body, "new.writer@example.com"));
  EXPECT_TRUE(Contains(list.body, "<td>" + author.name + "</td>"));
  EXPECT_FALSE(Contains(list.body, kPassword));
  LoggedIn("new.writer@example.com");
}

TEST_F(AdminPeople, AWeakInitialPasswordIsRefusedWithThePolicyAndTheFormKept) {
  auto admin = LoggedIn("chief@example.com");
  const auto refused = admin.Post("/admin/users", {{"email", "weak@example.com"},
                                                   {"name", "Weak Password"},
                                                   {"role", "editor"},
                                                   {"author_id", ""},
                                                   {"password", "short pw"}});
  EXPECT_EQ(refused.status, 400u);
  EXPECT_TRUE(Contains(refused.body, "12 characters")) << refused.body;
  EXPECT_TRUE(Contains(refused.body, "value=\"weak@example.com\""));
  EXPECT_TRUE(Contains(refused.body, "value=\"Weak Password\""));
  EXPECT_TRUE(Contains(refused.body, "<option value=\"editor\" selected>"));
  EXPECT_FALSE(Contains(refused.body, "short pw"));
  EXPECT_EQ(AdminClient(site_->port()).LogIn("weak@example.com", "short pw").status, 200u);
}

TEST_F(AdminPeople, ATakenEmailIsRefusedWith409) {
  auto admin = LoggedIn("chief@example.com");
  const auto refused = admin.Post("/admin/users", {{"email", "DESK@example.com"},
                                                   {"name", "Second Desk"},
                                                   {"role", "editor"},
                                                   {"author_id", ""},
                                                   {"password", kNewPassword}});
  EXPECT_EQ(refused.status, 409u);
  EXPECT_TRUE(Contains(refused.body, "already exists"));
  EXPECT_TRUE(Contains(refused.body, "value=\"Second Desk\""));
  EXPECT_FALSE(Contains(refused.body, kNewPassword));
}

TEST_F(AdminPeople, BadRolesAndAuthorChoicesAreRefusedWith400) {
  auto admin = LoggedIn("chief@example.com");
  EXPECT_EQ(admin
                .Post("/admin/users", {{"email", "x@example.com"},
                                       {"name", "X"},
                                       {"role", "owner"},
                                       {"author_id", ""},
                                       {"password", kNewPassword}})
                .status,
            400u);
  EXPECT_EQ(admin
                .Post("/admin/users", {{"email", "x@example.com"},
                                       {"name", "X"},
                                       {"role", "author"},
                                       {"author_id", "1 OR 1=1"},
                                       {"password", kNewPassword}})
                .status,
            400u);
  const auto desk = site_->storage().accounts().FindUserByEmail("desk@example.com");
  ASSERT_TRUE(desk.ok());
  EXPECT_EQ(admin.Post(UserUrl(desk->user) + "/role", {{"role", "root"}}).status, 400u);
  EXPECT_EQ(admin.Post(UserUrl(desk->user) + "/author", {{"author_id", "-3"}}).status, 400u);
  EXPECT_EQ(admin.Post(UserUrl(desk->user) + "/disabled", {{"disabled", "maybe"}}).status, 400u);
  EXPECT_EQ(admin.Get("/admin/users/999999").status, 404u);
  EXPECT_EQ(admin.Get("/admin/users/abc").status, 404u);
}

TEST_F(AdminPeople, TheLastAdministratorCannotBeDemotedOrDisabled) {
  auto admin = LoggedIn("chief@example.com");
  const auto demoted = admin.Post(UserUrl(admin_) + "/role", {{"role", "editor"}});
  EXPECT_EQ(demoted.status, 409u);
  EXPECT_TRUE(Contains(demoted.body, "<h1>" + admin_.name + "</h1>"));
  const auto disabled = admin.Post(UserUrl(admin_) + "/disabled", {{"disabled", "1"}});
  EXPECT_EQ(disabled.status, 409u);
  EXPECT_EQ(admin.Get("/admin/users").status, 200u);
}

TEST_F(AdminPeople, ChangingARoleAppliesAtTheUsersNextRequest) {
  const auto user = site_->AddUser("promoted@example.com", Role::kAuthor, kPassword);
  auto promoted = LoggedIn("promoted@example.com");
  EXPECT_EQ(promoted.Get("/admin/users").status, 403u);
  auto admin = LoggedIn("chief@example.com");
  const auto page = admin.Get(UserUrl(user));
  EXPECT_EQ(FieldNamed(page.body, "Role"), "role");
  const auto changed = admin.Post(UserUrl(user) + "/role", {{"role", "admin"}});
  ASSERT_EQ(changed.status, 303u);
  EXPECT_TRUE(Contains(admin.Get(changed.Header("Location").data()).body, "The role is changed."));
  EXPECT_EQ(promoted.Get("/admin/users").status, 200u);
}

TEST_F(AdminPeople, DisablingEndsTheUsersSessionsAndEnablingLetsThemBackIn) {
  const auto user = site_->AddUser("leaver@example.com", Role::kEditor, kPassword);
  auto leaver = LoggedIn("leaver@example.com");
  auto admin = LoggedIn("chief@example.com");
  ASSERT_EQ(admin.Post(UserUrl(user) + "/disabled", {{"disabled", "1"}}).status, 303u);
  EXPECT_EQ(leaver.Get("/admin").status, 302u);
  EXPECT_NE(AdminClient(site_->port()).LogIn("leaver@example.com", kPassword).status, 303u);
  EXPECT_TRUE(Contains(admin.Get("/admin/users").body, "disabled"));
  ASSERT_EQ(admin.Post(UserUrl(user) + "/disabled", {{"disabled", "0"}}).status, 303u);
  LoggedIn("leaver@example.com");
}

TEST_F(AdminPeople, AnAdministratorSetsANewPasswordWithoutItShowingAnywhere) {
  const auto user = site_->AddUser("forgetful@example.com", Role::kAuthor, kPassword);
  auto admin = LoggedIn("chief@example.com");
  const auto weak = admin.Post(UserUrl(user) + "/password", {{"password", "tiny"}});
  EXPECT_EQ(weak.status, 400u);
  EXPECT_FALSE(Contains(weak.body, "value=\"tiny\""));
  const auto set = admin.Post(UserUrl(user) + "/password", {{"password", kNewPassword}});
  ASSERT_EQ(set.status, 303u);
  EXPECT_FALSE(Contains(admin.Get(set.Header("Location").data()).body, kNewPassword));
  LoggedIn("forgetful@example.com", kNewPassword);
}

TEST_F(AdminPeople, AnAuthorProfileIsLinkedAndUnlinked) {
  const auto user = site_->AddUser("columnist@example.com", Role::kAuthor, kPassword);
  const auto authors = site_->storage().catalog().ListAuthors();
  ASSERT_TRUE(authors.ok() && !authors->empty());
  auto admin = LoggedIn("chief@example.com");
  ASSERT_EQ(admin.Post(UserUrl(user) + "/author", {{"author_id", std::to_string(authors->back().id)}}).status,
            303u);
  auto stored = site_->storage().accounts().FindUserById(user.id);
  ASSERT_TRUE(stored.ok());
  EXPECT_EQ(stored->user.author_id, authors->back().id);
  EXPECT_EQ(admin.Post(UserUrl(user) + "/author", {{"author_id", "987654"}}).status, 400u);
  ASSERT_EQ(admin.Post(UserUrl(user) + "/author", {{"author_id", ""}}).status, 303u);
  stored = site_->storage().accounts().FindUserById(user.id);
  EXPECT_FALSE(stored->user.author_id.has_value());
}

TEST_F(AdminPeople, EditorsMayNotManageUsers) {
  auto editor = LoggedIn("desk@example.com");
  EXPECT_EQ(editor.Get("/admin/users").status, 403u);
  EXPECT_EQ(editor
                .Post("/admin/users", {{"email", "sneaky@example.com"},
                                       {"name", "S"},
                                       {"role", "admin"},
                                       {"author_id", ""},
                                       {"password", kNewPassword}})
                .status,
            403u);
  EXPECT_FALSE(site_->storage().accounts().FindUserByEmail("sneaky@example.com").ok());
  EXPECT_FALSE(Contains(editor.Get("/admin").body, "href=\"/admin/users\""));
}

TEST_F(AdminPeople, EveryoneChangesTheirOwnPasswordAfterGivingTheCurrentOne) {
  site_->AddUser("self@example.com", Role::kAuthor, kPassword);
  auto self = LoggedIn("self@example.com");
  auto other_device = LoggedIn("self@example.com");
  const auto page = self.Get("/admin/account");
  ASSERT_EQ(page.status, 200u);
  EXPECT_EQ(FieldNamed(page.body, "Current password"), "current_password");
  EXPECT_EQ(FieldNamed(page.body, "New password"), "new_password");
  EXPECT_EQ(FieldNamed(page.body, "Repeat the new password"), "repeat_password");

  const auto wrong = self.Post("/admin/account/password", {{"current_password", "not my password at all"},
                                                           {"new_password", kNewPassword},
                                                           {"repeat_password", kNewPassword}});
  EXPECT_EQ(wrong.status, 403u);
  EXPECT_TRUE(Contains(wrong.body, "class=\"field-problem\""));
  const auto mismatch =
      self.Post("/admin/account/password", {{"current_password", kPassword},
                                            {"new_password", kNewPassword},
                                            {"repeat_password", "something else entirely"}});
  EXPECT_EQ(mismatch.status, 400u);
  const auto weak =
      self.Post("/admin/account/password",
                {{"current_password", kPassword}, {"new_password", "short"}, {"repeat_password", "short"}});
  EXPECT_EQ(weak.status, 400u);
  EXPECT_FALSE(Contains(weak.body, kPassword));
  EXPECT_EQ(self.Post("/admin/account/password",
                      {{"new_password", kNewPassword}, {"repeat_password", kNewPassword}})
                .status,
            400u);

  const auto changed = self.Post(
      "/admin/account/password",
      {{"current_password", kPassword}, {"new_password", kNewPassword}, {"repeat_password", kNewPassword}});
  ASSERT_EQ(changed.status, 303u);
  EXPECT_TRUE(Contains(self.Get("/admin/account?done=password-changed").body, "The password is changed."));
  EXPECT_EQ(other_device.Get("/admin").status, 302u);
  LoggedIn("self@example.com", kNewPassword);
}

TEST_F(AdminPeople, TheAccountPageOffersLoggingOutEverywhere) {
  auto editor = LoggedIn("desk@example.com");
  const auto page = editor.Get("/admin/account");
  ASSERT_EQ(page.status, 200u);
  EXPECT_TRUE(Contains(page.body, "action=\"/admin/logout-everywhere\""));
  EXPECT_TRUE(Contains(page.body, "href=\"/admin/account\" aria-current=\"page\">Your account</a>"));
}

TEST_F(AdminPeople, TheAuditLogShowsWhoDidWhatNewestFirst) {
  const auto user = site_->AddUser("audited@example.com", Role::kAuthor, kPassword);
  auto admin = LoggedIn("chief@example.com");
  ASSERT_EQ(admin.Post(UserUrl(user) + "/role", {{"role", "editor"}}).status, 303u);
  ASSERT_EQ(admin.Post(UserUrl(user) + "/disabled", {{"disabled", "1"}}).status, 303u);
  const auto log = admin.Get("/admin/audit");
  ASSERT_EQ(log.status, 200u);
  const auto disabled_at = log.body.find("<td>user.disabled</td>");
  const auto role_at = log.body.find("<td>user.role_changed</td>");
  ASSERT_NE(disabled_at, std::string::npos);
  ASSERT_NE(role_at, std::string::npos);
  EXPECT_LT(disabled_at, role_at);
  EXPECT_TRUE(Contains(log.body, admin_.name + " &lt;chief@example.com&gt;"));
  EXPECT_TRUE(Contains(log.body, "<td>audited@example.com</td>"));
  EXPECT_TRUE(Contains(log.body, "<td>127.0.0.1</td>"));
  EXPECT_TRUE(Contains(log.body, "Europe/London"));
}

TEST_F(AdminPeople, TheAuditLogIsPaginated) {
  auto admin = LoggedIn("chief@example.com");
  // Every login is an entry: enough of them fill more than one page.
  for (int i = 0; i < 55; ++i) {
    ASSERT_TRUE(site_->storage()
                    .accounts()
                    .AppendAudit({0, site_->clock().Now(), std::nullopt, "login.failed",
                                  "filler" + std::to_string(i) + "@example.com", "", "10.0.0.1"})
                    .ok());
  }
  const auto first = admin.Get("/admin/audit");
  EXPECT_TRUE(Contains(first.body, "href=\"/admin/audit?page=2\""));
  EXPECT_TRUE(Contains(first.body, "filler54@example.com"));
  const auto second = admin.Get("/admin/audit?page=2");
  EXPECT_EQ(second.status, 200u);
  EXPECT_TRUE(Contains(second.body, "href=\"/admin/audit?page=1\""));
  EXPECT_FALSE(Contains(second.body, "filler54@example.com"));
  for (const char* bad : {"0", "-1", "abc", "99999999999999999999"}) {
    EXPECT_EQ(admin.Get(std::string("/admin/audit?page=") + bad).status, 400u) << bad;
  }
  auto editor = LoggedIn("desk@example.com");
  EXPECT_EQ(editor.Get("/admin/audit").status, 403u);
}

}  // namespace
}  // namespace gazette::testing
