#include "gazette/accounts/user_manager.hpp"

#include <gmock/gmock.h>

#include "accounts_fixture.hpp"
#include "gazette/accounts/audit_actions.hpp"

namespace gazette::accounts::test {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class UserManagerTest : public AccountsTest {
 protected:
  void SetUp() override {
    AccountsTest::SetUp();
    admin_ = AddUser("admin@example.org", domain::Role::kAdmin);
  }

  NewUserRequest Request(std::string email, std::string name = "Ada Lovelace",
                         std::string password = std::string(kGoodPassword)) {
    return {std::move(email), std::move(name), domain::Role::kEditor, std::nullopt, std::move(password)};
  }

  std::string StartSession(const domain::User& user) {
    auto session = sessions().Create(user, "");
    EXPECT_TRUE(session.ok());
    return session.ok() ? session->cookie_value : std::string();
  }

  std::size_t UserCount() {
    auto users = store().ListUsers();
    EXPECT_TRUE(users.ok());
    return users.ok() ? users->size() : 0;
  }

  domain::User admin_;
};

TEST_F(UserManagerTest, AddsAUserWithANormalisedEmailAndAHashedPassword) {
  auto user = users().AddUser(Request(" Ada@Example.ORG", "  Ada Lovelace "), ActorFor(admin_));
  ASSERT_TRUE(user.ok()) << user.error().message;
  EXPECT_EQ(user->email, "ada@example.org");
  EXPECT_EQ(user->name, "Ada Lovelace");
  EXPECT_EQ(user->role, domain::Role::kEditor);
  EXPECT_EQ(user->created_at, kStart);
  const storage::StoredUser stored = Stored(user->id);
  EXPECT_EQ(stored.user.email, "ada@example.org");
  EXPECT_THAT(stored.password_hash, Not(HasSubstr(kGoodPassword)));
  EXPECT_TRUE(services_->hasher().Verify(stored.password_hash, kGoodPassword));

  const auto entries = AuditEntries();
  EXPECT_EQ(entries.front().action, audit_action::kUserCreated);
  EXPECT_EQ(entries.front().user_id, admin_.id);
  EXPECT_EQ(entries.front().target, "ada@example.org");
  EXPECT_EQ(entries.front().detail, "role editor");
}

TEST_F(UserManagerTest, ATakenEmailIsAConflictWhateverItsCase) {
  AddUser("ada@example.org");
  auto again = users().AddUser(Request("ADA@example.org"), Actor::CommandLine());
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  EXPECT_THAT(again.error().message, HasSubstr("ada@example.org already exists"));
}

TEST_F(UserManagerTest, RefusesBadInputAndStoresNothing) {
  const std::size_t before = UserCount();
  for (const NewUserRequest& bad :
       {Request("not-an-address"), Request("ada@localhost"), Request(std::string(250, 'a') + "@example.org"),
        Request("ada@example.org", ""), Request("ada@example.org", "Ada\nLovelace"),
        Request("ada@example.org", std::string(201, 'n')), Request("ada@example.org", "Ada", "short"),
        Request("ada@example.org", "Ada", std::string(1025, 'p'))}) {
    auto user = users().AddUser(bad, Actor::CommandLine());
    ASSERT_FALSE(user.ok()) << bad.email << " / " << bad.name;
    EXPECT_EQ(user.error().code, ErrorCode::kInvalid) << bad.email << " / " << bad.name;
  }
  EXPECT_EQ(UserCount(), before);
}

TEST_F(UserManagerTest, AShortPasswordIsRefusedWithWhatToDo) {
  auto user = users().AddUser(Request("ada@example.org", "Ada", "eleven char"), Actor::CommandLine());
  ASSERT_FALSE(user.ok());
  EXPECT_THAT(user.error().message, HasSubstr("at least 12 characters"));
}

TEST_F(UserManagerTest, OnlyUserManagersMayChangeOthers) {
  const domain::User editor = AddUser("editor@example.org", domain::Role::kEditor);
  const Actor actor = ActorFor(editor);
  EXPECT_EQ(users().AddUser(Request("new@example.org"), actor).error().code, ErrorCode::kForbidden);
  EXPECT_EQ(users().ChangeRole(editor.id, domain::Role::kAdmin, actor).error().code, ErrorCode::kForbidden);
  EXPECT_EQ(users().SetDisabled(admin_.id, true, actor).error().code, ErrorCode::kForbidden);
  EXPECT_EQ(users().ChangePassword(admin_.id, "a brand new password", std::nullopt, actor).error().code,
            ErrorCode::kForbidden);
  EXPECT_EQ(users().List(actor).error().code, ErrorCode::kForbidden);
  EXPECT_EQ(Stored(editor.id).user.role, domain::Role::kEditor);
  EXPECT_FALSE(Stored(admin_.id).user.disabled);
}

TEST_F(UserManagerTest, ChangingOnesOwnPasswordNeedsTheCurrentOneAndKeepsThisSession) {
  const domain::User ada = AddUser("ada@example.org");
  const std::string here = StartSession(ada);
  const std::string elsewhere = StartSession(ada);
  const Actor actor = ActorFor(ada, here);

  EXPECT_EQ(users().ChangePassword(ada.id, "a brand new password", std::nullopt, actor).error().code,
            ErrorCode::kForbidden);
  EXPECT_EQ(users().ChangePassword(ada.id, "a brand new password", "not the password", actor).error().code,
            ErrorCode::kForbidden);
  EXPECT_TRUE(sessions().Authenticate(elsewhere).ok());

  clock_.Advance(std::chrono::minutes(5));
  ASSERT_TRUE(users().ChangePassword(ada.id, "a brand new password", kGoodPassword, actor).ok());
  const storage::StoredUser stored = Stored(ada.id);
  EXPECT_TRUE(services_->hasher().Verify(stored.password_hash, "a brand new password"));
  EXPECT_EQ(stored.password_changed_at, kStart + std::chrono::minutes(5));
  EXPECT_TRUE(sessions().Authenticate(here).ok());
  EXPECT_FALSE(sessions().Authenticate(elsewhere).ok());
  EXPECT_EQ(AuditEntries().front().action, audit_action::kUserPasswordChanged);
  EXPECT_EQ(AuditEntries().front().detail, "by the user");
}

TEST_F(UserManagerTest, AnAdministratorSettingAPasswordEndsAllOfThatUsersSessions) {
  const domain::User ada = AddUser("ada@example.org");
  const std::string session = StartSession(ada);
  ASSERT_TRUE(users().ChangePassword(ada.id, "a brand new password", std::nullopt, ActorFor(admin_)).ok());
  EXPECT_FALSE(sessions().Authenticate(session).ok());
  EXPECT_EQ(AuditEntries().front().detail, "by an administrator");
}

TEST_F(UserManagerTest, ANewPasswordMustMeetThePolicy) {
  const domain::User ada = AddUser("ada@example.org");
  const std::string before = Stored(ada.id).password_hash;
  auto status = users().ChangePassword(ada.id, "short", std::nullopt, Actor::CommandLine());
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, ErrorCode::kInvalid);
  EXPECT_EQ(Stored(ada.id).password_hash, before);
  EXPECT_EQ(
      users().ChangePassword(4242, "a brand new password", std::nullopt, Actor::CommandLine()).error().code,
      ErrorCode::kNotFound);
}

TEST_F(UserManagerTest, ChangesRolesAndAuditsThem) {
  const domain::User ada = AddUser("ada@example.org");
  ASSERT_TRUE(users().ChangeRole(ada.id, domain::Role::kAdmin, ActorFor(admin_)).ok());
  EXPECT_EQ(Stored(ada.id).user.role, domain::Role::kAdmin);
  EXPECT_EQ(AuditEntries().front().action, audit_action::kUserRoleChanged);
  EXPECT_EQ(AuditEntries().front().detail, "editor -> admin");
}

TEST_F(UserManagerTest, KeepsOneAdministratorWhoCanLogIn) {
  auto demoted = users().ChangeRole(admin_.id, domain::Role::kEditor, ActorFor(admin_));
  ASSERT_FALSE(demoted.ok());
  EXPECT_EQ(demoted.error().code, ErrorCode::kConflict);
  EXPECT_THAT(demoted.error().message, HasSubstr("only administrator"));
  EXPECT_EQ(users().SetDisabled(admin_.id, true, Actor::CommandLine()).error().code, ErrorCode::kConflict);
  EXPECT_EQ(Stored(admin_.id).user.role, domain::Role::kAdmin);
  EXPECT_FALSE(Stored(admin_.id).user.disabled);

  const domain::User second = AddUser("second@example.org", domain::Role::kAdmin);
  EXPECT_TRUE(users().ChangeRole(admin_.id, domain::Role::kEditor, ActorFor(second)).ok());
}

TEST_F(UserManagerTest, DisablingEndsSessionsAndEnablingAllowsLoginAgain) {
  const domain::User ada = AddUser("ada@example.org");
  const std::string session = StartSession(ada);
  ASSERT_TRUE(users().SetDisabled(ada.id, true, ActorFor(admin_)).ok());
  EXPECT_TRUE(Stored(ada.id).user.disabled);
  EXPECT_FALSE(sessions().Authenticate(session).ok());
  EXPECT_EQ(AuditEntries().front().action, audit_action::kUserDisabled);

  ASSERT_TRUE(users().SetDisabled(ada.id, false, ActorFor(admin_)).ok());
  EXPECT_EQ(AuditEntries().front().action, audit_action::kUserEnabled);
  EXPECT_EQ(login().Login("ada@example.org", kGoodPassword, "", "")->outcome, LoginOutcome::kLoggedIn);
}

TEST_F(UserManagerTest, LinksAndUnlinksAuthorProfiles) {
  const domain::User ada = AddUser("ada@example.org", domain::Role::kAuthor);
  auto author = storage_->catalog().CreateAuthor({0, "ada", "Ada", "", "", "", ""});
  ASSERT_TRUE(author.ok());
  ASSERT_TRUE(users().SetAuthor(ada.id, *author, Actor::CommandLine()).ok());
  EXPECT_EQ(Stored(ada.id).user.author_id, *author);
  EXPECT_EQ(users().SetAuthor(ada.id, 4242, Actor::CommandLine()).error().code, ErrorCode::kInvalid);
  ASSERT_TRUE(users().SetAuthor(ada.id, std::nullopt, Actor::CommandLine()).ok());
  EXPECT_EQ(Stored(ada.id).user.author_id, std::nullopt);
}

TEST_F(UserManagerTest, FindsUsersByEmailAsTyped) {
  const domain::User ada = AddUser("ada@example.org");
  auto found = users().FindByEmail(" ADA@example.org");
  ASSERT_TRUE(found.ok());
  EXPECT_EQ(found->id, ada.id);
  EXPECT_EQ(users().FindByEmail("nobody@example.org").error().code, ErrorCode::kNotFound);
  EXPECT_EQ(users().FindByEmail("nobody").error().code, ErrorCode::kInvalid);
}

}  // namespace
}  // namespace gazette::accounts::test
