#include "gazette/accounts/login_service.hpp"

#include <gmock/gmock.h>

#include "accounts_fixture.hpp"
#include "gazette/accounts/audit_actions.hpp"

namespace gazette::accounts::test {
namespace {

using std::chrono::minutes;
using std::chrono::seconds;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr std::string_view kIp = "192.0.2.10";
constexpr std::string_view kBrowser = "Mozilla/5.0 Firefox/128.0";

class LoginServiceTest : public AccountsTest {
 protected:
  void SetUp() override {
    AccountsTest::SetUp();
    ada_ = AddUser("ada@example.org");
  }

  LoginAttempt Attempt(std::string_view email, std::string_view password, std::string_view ip = kIp) {
    auto attempt = login().Login(email, password, ip, kBrowser);
    EXPECT_TRUE(attempt.ok()) << attempt.error().message;
    return attempt.ok() ? *attempt : LoginAttempt{};
  }

  void FailTimes(int times, std::string_view email, std::string_view ip = kIp) {
    for (int i = 0; i < times; ++i) {
      EXPECT_EQ(Attempt(email, "wrong password, sorry", ip).outcome, LoginOutcome::kRefused) << i;
    }
  }

  domain::User ada_;
};

TEST_F(LoginServiceTest, TheRightPasswordStartsASession) {
  const LoginAttempt attempt = Attempt("ada@example.org", kGoodPassword);
  ASSERT_EQ(attempt.outcome, LoginOutcome::kLoggedIn) << attempt.message;
  EXPECT_EQ(attempt.user.id, ada_.id);
  EXPECT_TRUE(attempt.message.empty());
  auto session = sessions().Authenticate(attempt.session.cookie_value);
  ASSERT_TRUE(session.ok()) << session.error().message;
  EXPECT_EQ(session->user.id, ada_.id);
  EXPECT_EQ(session->csrf_token, attempt.session.csrf_token);

  const auto entries = AuditEntries();
  ASSERT_FALSE(entries.empty());
  EXPECT_EQ(entries.front().action, audit_action::kLogin);
  EXPECT_EQ(entries.front().user_id, ada_.id);
  EXPECT_EQ(entries.front().target, "ada@example.org");
  EXPECT_EQ(entries.front().ip, kIp);
}

TEST_F(LoginServiceTest, TheEmailAddressIsNotCaseSensitive) {
  EXPECT_EQ(Attempt("  ADA@Example.org ", kGoodPassword).outcome, LoginOutcome::kLoggedIn);
}

TEST_F(LoginServiceTest, UnknownEmailAndWrongPasswordGetTheSameAnswer) {
  const LoginAttempt unknown = Attempt("nobody@example.org", kGoodPassword);
  const LoginAttempt wrong = Attempt("ada@example.org", "not the password at all");
  const LoginAttempt not_an_email = Attempt("ada", kGoodPassword);
  for (const LoginAttempt& attempt : {unknown, wrong, not_an_email}) {
    EXPECT_EQ(attempt.outcome, LoginOutcome::kRefused);
    EXPECT_EQ(attempt.message, kWrongCredentialsMessage);
    EXPECT_EQ(attempt.message, "The email or password is not right.");
    EXPECT_EQ(attempt.retry_after, seconds(0));
    EXPECT_TRUE(attempt.session.cookie_value.empty());
  }
}

TEST_F(LoginServiceTest, FailuresAreAuditedWithoutThePassword) {
  Attempt("nobody@example.org", "secret-one-xyz");
  Attempt("ada@example.org", "secret-two-xyz");
  Attempt("secret-three-xyz", "secret-four-xyz");  // a password typed in the e-mail field
  const auto entries = AuditEntries();
  ASSERT_EQ(entries.size(), 4u);  // user.created, then three login.failed
  EXPECT_EQ(entries[0].target, "(not an e-mail address)");
  EXPECT_EQ(entries[1].target, "ada@example.org");
  EXPECT_EQ(entries[2].target, "nobody@example.org");
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(entries[i].action, audit_action::kLoginFailed);
    EXPECT_EQ(entries[i].user_id, std::nullopt);
    EXPECT_EQ(entries[i].ip, kIp);
    for (const std::string& field : {entries[i].target, entries[i].detail}) {
      EXPECT_THAT(field, Not(HasSubstr("secret"))) << field;
    }
  }
}

TEST_F(LoginServiceTest, TenFailuresForAnAccountRefuseEvenTheRightPassword) {
  for (int i = 0; i < 10; ++i) {
    FailTimes(1, "ada@example.org", "198.51.100." + std::to_string(i));  // ten different addresses
    clock_.Advance(seconds(10));
  }
  const LoginAttempt attempt = Attempt("ada@example.org", kGoodPassword, "203.0.113.1");
  EXPECT_EQ(attempt.outcome, LoginOutcome::kThrottled);
  // The first failure leaves the window 15 minutes after it was made, 100 seconds ago.
  EXPECT_EQ(attempt.retry_after, minutes(15) - seconds(100));
  EXPECT_THAT(attempt.message, HasSubstr("Try again in 14 minutes"));
  EXPECT_TRUE(attempt.session.cookie_value.empty());
  // Other accounts are not affected.
  AddUser("bob@example.org");
  EXPECT_EQ(Attempt("bob@example.org", kGoodPassword, "203.0.113.1").outcome, LoginOutcome::kLoggedIn);
}

TEST_F(LoginServiceTest, NineFailuresDoNotThrottle) {
  FailTimes(9, "ada@example.org");
  EXPECT_EQ(Attempt("ada@example.org", kGoodPassword).outcome, LoginOutcome::kLoggedIn);
}

TEST_F(LoginServiceTest, TenFailuresFromOneAddressThrottleEveryAccountFromIt) {
  for (int i = 0; i < 10; ++i) FailTimes(1, "guess" + std::to_string(i) + "@example.org");
  const LoginAttempt attempt = Attempt("ada@example.org", kGoodPassword);
  EXPECT_EQ(attempt.outcome, LoginOutcome::kThrottled);
  EXPECT_EQ(attempt.retry_after, minutes(15));
  EXPECT_EQ(Attempt("ada@example.org", kGoodPassword, "203.0.113.1").outcome, LoginOutcome::kLoggedIn);
}

TEST_F(LoginServiceTest, TheThrottleEndsWhenTheWindowHasPassed) {
  FailTimes(10, "ada@example.org");
  clock_.Advance(minutes(15) - seconds(1));
  EXPECT_EQ(Attempt("ada@example.org", kGoodPassword).outcome, LoginOutcome::kThrottled);
  clock_.Advance(seconds(1));
  EXPECT_EQ(Attempt("ada@example.org", kGoodPassword).outcome, LoginOutcome::kLoggedIn);
}

TEST_F(LoginServiceTest, AttemptsWhileThrottledNeitherCountNorExtendTheWait) {
  FailTimes(10, "ada@example.org");
  for (int i = 0; i < 20; ++i) {
    clock_.Advance(seconds(30));
    EXPECT_EQ(Attempt("ada@example.org", "wrong password, sorry").outcome, LoginOutcome::kThrottled);
  }
  const auto audited = AuditEntries().size();
  clock_.Advance(minutes(5));  // 15 minutes after the failures
  EXPECT_EQ(Attempt("ada@example.org", kGoodPassword).outcome, LoginOutcome::kLoggedIn);
  EXPECT_EQ(AuditEntries().size(), audited + 1);
}

TEST_F(LoginServiceTest, ASuccessClearsTheAccountsFailures) {
  FailTimes(9, "ada@example.org");
  ASSERT_EQ(Attempt("ada@example.org", kGoodPassword).outcome, LoginOutcome::kLoggedIn);
  FailTimes(9, "ada@example.org", "203.0.113.9");
  EXPECT_EQ(Attempt("ada@example.org", kGoodPassword, "203.0.113.9").outcome, LoginOutcome::kLoggedIn);
}

TEST_F(LoginServiceTest, UnknownAccountsAreThrottledLikeKnownOnes) {
  for (int i = 0; i < 10; ++i) FailTimes(1, "nobody@example.org", "198.51.100." + std::to_string(i));
  const LoginAttempt attempt = Attempt("nobody@example.org", kGoodPassword, "203.0.113.1");
  EXPECT_EQ(attempt.outcome, LoginOutcome::kThrottled);
}

TEST_F(LoginServiceTest, ADisabledAccountIsRefusedAndToldSoOnlyWithTheRightPassword) {
  ASSERT_TRUE(users().SetDisabled(ada_.id, true, Actor::CommandLine()).ok());
  const LoginAttempt right = Attempt("ada@example.org", kGoodPassword);
  EXPECT_EQ(right.outcome, LoginOutcome::kRefused);
  EXPECT_THAT(right.message, HasSubstr("disabled"));
  EXPECT_TRUE(right.session.cookie_value.empty());
  const LoginAttempt wrong = Attempt("ada@example.org", "not the password at all");
  EXPECT_EQ(wrong.message, kWrongCredentialsMessage);
}

TEST_F(LoginServiceTest, AHashOfAnOlderCostIsReplacedAtLogin) {
  PasswordHashCost old_cost = PasswordHashCost::Minimum();
  old_cost.ops_limit += 1;
  const PasswordHasher old_hasher(old_cost);
  auto old_hash = old_hasher.Hash(kGoodPassword);
  ASSERT_TRUE(old_hash.ok());
  const Timestamp changed_at = Stored(ada_.id).password_changed_at;
  ASSERT_TRUE(store().SetPasswordHash(ada_.id, *old_hash, changed_at).ok());

  clock_.Advance(minutes(1));
  ASSERT_EQ(Attempt("ada@example.org", kGoodPassword).outcome, LoginOutcome::kLoggedIn);
  const storage::StoredUser after = Stored(ada_.id);
  EXPECT_NE(after.password_hash, *old_hash);
  EXPECT_FALSE(services_->hasher().NeedsRehash(after.password_hash));
  EXPECT_TRUE(services_->hasher().Verify(after.password_hash, kGoodPassword));
  EXPECT_EQ(after.password_changed_at, changed_at);
}

TEST_F(LoginServiceTest, OverlongInputIsRefusedAndCounted) {
  EXPECT_EQ(Attempt(std::string(300, 'a') + "@example.org", kGoodPassword).message, kWrongCredentialsMessage);
  FailTimes(9, "ada@example.org", "203.0.113.1");
  EXPECT_EQ(Attempt("ada@example.org", std::string(5000, 'p'), "203.0.113.2").message,
            kWrongCredentialsMessage);
  // The tenth failure for the account was the overlong password.
  EXPECT_EQ(Attempt("ada@example.org", kGoodPassword, "203.0.113.3").outcome, LoginOutcome::kThrottled);
}

TEST_F(LoginServiceTest, LogoutEndsTheSessionAndIsAudited) {
  const LoginAttempt attempt = Attempt("ada@example.org", kGoodPassword);
  ASSERT_EQ(attempt.outcome, LoginOutcome::kLoggedIn);
  ASSERT_TRUE(login().Logout(attempt.session.cookie_value, kIp).ok());
  EXPECT_FALSE(sessions().Authenticate(attempt.session.cookie_value).ok());
  EXPECT_EQ(AuditEntries().front().action, audit_action::kLogout);
  EXPECT_EQ(AuditEntries().front().user_id, ada_.id);
  const auto audited = AuditEntries().size();
  EXPECT_TRUE(login().Logout(attempt.session.cookie_value, kIp).ok());
  EXPECT_TRUE(login().Logout("junk", kIp).ok());
  EXPECT_EQ(AuditEntries().size(), audited);
}

TEST_F(LoginServiceTest, LogoutEverywhereEndsAllOfTheUsersSessions) {
  const LoginAttempt first = Attempt("ada@example.org", kGoodPassword);
  const LoginAttempt second = Attempt("ada@example.org", kGoodPassword);
  ASSERT_TRUE(login().LogoutEverywhere(ActorFor(ada_)).ok());
  EXPECT_FALSE(sessions().Authenticate(first.session.cookie_value).ok());
  EXPECT_FALSE(sessions().Authenticate(second.session.cookie_value).ok());
  EXPECT_EQ(AuditEntries().front().action, audit_action::kLogoutEverywhere);
  EXPECT_EQ(login().LogoutEverywhere(Actor::CommandLine()).error().code, ErrorCode::kForbidden);
}

}  // namespace
}  // namespace gazette::accounts::test
