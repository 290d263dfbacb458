#include "gazette/accounts/sessions.hpp"

#include <gmock/gmock.h>

#include "accounts_fixture.hpp"
#include "gazette/accounts/tokens.hpp"

namespace gazette::accounts::test {
namespace {

using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;
using ::testing::HasSubstr;

class SessionsTest : public AccountsTest {
 protected:
  void SetUp() override {
    AccountsTest::SetUp();
    user_ = AddUser("ada@example.org");
  }

  NewSession Start(std::string_view user_agent = "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0") {
    auto created = sessions().Create(user_, user_agent);
    EXPECT_TRUE(created.ok()) << created.error().message;
    return created.ok() ? *created : NewSession{};
  }

  storage::SessionIdHash HashOf(const std::string& cookie) {
    const auto raw = DecodeToken(cookie);
    EXPECT_TRUE(raw.has_value());
    return raw ? SessionIdHashOf(*raw) : storage::SessionIdHash{};
  }

  bool Stored(const std::string& cookie) { return store().FindSession(HashOf(cookie)).ok(); }

  void ExpectRefused(const std::string& cookie, const std::string& why) {
    auto session = sessions().Authenticate(cookie);
    ASSERT_FALSE(session.ok());
    EXPECT_EQ(session.error().code, ErrorCode::kForbidden);
    EXPECT_THAT(session.error().message, HasSubstr(why));
  }

  domain::User user_;
};

TEST_F(SessionsTest, ANewSessionAuthenticatesItsUserWithItsCsrfToken) {
  const NewSession created = Start();
  EXPECT_EQ(created.cookie_value.size(), kTokenChars);
  EXPECT_EQ(created.csrf_token.size(), kTokenChars);
  EXPECT_NE(created.cookie_value, created.csrf_token);
  EXPECT_EQ(created.expires_at, kStart + hours(24 * 7));

  auto session = sessions().Authenticate(created.cookie_value);
  ASSERT_TRUE(session.ok()) << session.error().message;
  EXPECT_EQ(session->user.id, user_.id);
  EXPECT_EQ(session->user.email, "ada@example.org");
  EXPECT_EQ(session->csrf_token, created.csrf_token);
  EXPECT_EQ(session->created_at, kStart);
}

TEST_F(SessionsTest, OnlyAHashOfTheCookieValueIsStored) {
  const NewSession created = Start();
  const auto raw = DecodeToken(created.cookie_value);
  ASSERT_TRUE(raw.has_value());
  storage::SessionIdHash raw_as_id;
  std::copy(raw->begin(), raw->end(), raw_as_id.begin());
  EXPECT_FALSE(store().FindSession(raw_as_id).ok());
  auto stored = store().FindSession(SessionIdHashOf(*raw));
  ASSERT_TRUE(stored.ok());
  EXPECT_EQ(stored->user_id, user_.id);
}

TEST_F(SessionsTest, EachSessionHasItsOwnTokens) {
  const NewSession first = Start();
  const NewSession second = Start();
  EXPECT_NE(first.cookie_value, second.cookie_value);
  EXPECT_NE(first.csrf_token, second.csrf_token);
}

TEST_F(SessionsTest, EndsWhenIdleLongerThanTheIdleTimeout) {
  const NewSession created = Start();
  clock_.Advance(hours(2));
  EXPECT_TRUE(sessions().Authenticate(created.cookie_value).ok());  // exactly two hours: still on

  const NewSession other = Start();
  clock_.Advance(hours(2) + seconds(1));
  ExpectRefused(other.cookie_value, "expired");
  EXPECT_FALSE(Stored(other.cookie_value));
}

TEST_F(SessionsTest, UseKeepsASessionAlivePastTheIdleTimeout) {
  const NewSession created = Start();
  for (int i = 0; i < 10; ++i) {
    clock_.Advance(hours(1) + minutes(30));
    ASSERT_TRUE(sessions().Authenticate(created.cookie_value).ok()) << "after " << i + 1 << " uses";
  }
}

TEST_F(SessionsTest, EndsAfterTheAbsoluteTimeoutHoweverBusy) {
  const NewSession created = Start();
  for (int i = 0; i < 7 * 24; ++i) {
    clock_.Advance(hours(1));
    ASSERT_TRUE(sessions().Authenticate(created.cookie_value).ok()) << "hour " << i + 1;
  }
  clock_.Advance(seconds(1));
  ExpectRefused(created.cookie_value, "expired");
  EXPECT_FALSE(Stored(created.cookie_value));
}

TEST_F(SessionsTest, WritesLastSeenAtMostOnceAMinute) {
  const NewSession created = Start();
  clock_.Advance(seconds(59));
  ASSERT_TRUE(sessions().Authenticate(created.cookie_value).ok());
  EXPECT_EQ(store().FindSession(HashOf(created.cookie_value))->last_seen_at, kStart);
  clock_.Advance(seconds(1));
  ASSERT_TRUE(sessions().Authenticate(created.cookie_value).ok());
  EXPECT_EQ(store().FindSession(HashOf(created.cookie_value))->last_seen_at, kStart + minutes(1));
}

TEST_F(SessionsTest, RefusesADisabledUsersSessionAndEndsIt) {
  const NewSession created = Start();
  domain::User disabled = user_;
  disabled.disabled = true;
  ASSERT_TRUE(store().UpdateUser(disabled).ok());  // behind the services' back: no sessions ended
  ExpectRefused(created.cookie_value, "disabled");
  EXPECT_FALSE(Stored(created.cookie_value));
}

TEST_F(SessionsTest, CannotStartForADisabledUser) {
  domain::User disabled = user_;
  disabled.disabled = true;
  auto created = sessions().Create(disabled, "");
  ASSERT_FALSE(created.ok());
  EXPECT_EQ(created.error().code, ErrorCode::kForbidden);
}

TEST_F(SessionsTest, AChangedRoleAppliesAtTheNextRequest) {
  const NewSession created = Start();
  ASSERT_TRUE(users().ChangeRole(user_.id, domain::Role::kAuthor, Actor::CommandLine()).ok());
  auto session = sessions().Authenticate(created.cookie_value);
  ASSERT_TRUE(session.ok());
  EXPECT_EQ(session->user.role, domain::Role::kAuthor);
}

TEST_F(SessionsTest, RefusesUnknownWellFormedCookies) {
  Start();
  ExpectRefused(NewToken(), "not logged in");
}

/// Fails the test on any call: proves that a malformed cookie never reaches the database.
class UntouchableStore : public storage::AccountStore {
 public:
  MOCK_METHOD(Result<std::int64_t>, CreateUser, (const domain::User&, std::string_view), (override));
  MOCK_METHOD(Result<storage::StoredUser>, FindUserById, (std::int64_t), (override));
  MOCK_METHOD(Result<storage::StoredUser>, FindUserByEmail, (std::string_view), (override));
  MOCK_METHOD(Result<std::vector<domain::User>>, ListUsers, (), (override));
  MOCK_METHOD(Status, UpdateUser, (const domain::User&), (override));
  MOCK_METHOD(Status, SetPasswordHash, (std::int64_t, std::string_view, Timestamp), (override));
  MOCK_METHOD(Status, CreateSession, (const storage::StoredSession&), (override));
  MOCK_METHOD(Result<storage::StoredSession>, FindSession, (const storage::SessionIdHash&), (override));
  MOCK_METHOD(Status, TouchSession, (const storage::SessionIdHash&, Timestamp), (override));
  MOCK_METHOD(Status, DeleteSession, (const storage::SessionIdHash&), (override));
  MOCK_METHOD(Result<std::int64_t>, DeleteSessionsOfUser,
              (std::int64_t, const std::optional<storage::SessionIdHash>&), (override));
  MOCK_METHOD(Result<std::int64_t>, DeleteExpiredSessions, (Timestamp, Timestamp), (override));
  MOCK_METHOD(Status, RecordLoginFailure, (const storage::LoginFailure&), (override));
  MOCK_METHOD(Result<std::vector<Timestamp>>, LoginFailuresForEmail,
              (const storage::ThrottleKey&, Timestamp, std::int64_t), (override));
  MOCK_METHOD(Result<std::vector<Timestamp>>, LoginFailuresFromIp,
              (const storage::ThrottleKey&, Timestamp, std::int64_t), (override));
  MOCK_METHOD(Status, ClearLoginFailures, (const storage::ThrottleKey&), (override));
  MOCK_METHOD(Result<std::int64_t>, DeleteLoginFailuresBefore, (Timestamp), (override));
  MOCK_METHOD(Result<std::int64_t>, AppendAudit, (const storage::AuditEntry&), (override));
  MOCK_METHOD(Result<std::vector<storage::AuditEntry>>, ListAudit, (std::int64_t, std::int64_t), (override));
  MOCK_METHOD(Result<storage::SecretKey>, GetOrCreateKey, (std::string_view, const storage::SecretKey&),
              (override));
};

TEST(SessionCookies, MalformedValuesAreRefusedBeforeAnyQuery) {
  ::testing::StrictMock<UntouchableStore> store;
  ManualClock clock(kStart);
  Sessions sessions(store, clock);
  const std::string good = NewToken();
  for (const std::string& bad :
       {std::string(), good.substr(0, 42), good + "A", std::string(43, '='), good.substr(0, 42) + "/",
        good.substr(0, 42) + "+", std::string(42, 'A') + "B", std::string(4096, 'A'),
        std::string("'; DROP TABLE sessions; --")}) {
    auto session = sessions.Authenticate(bad);
    ASSERT_FALSE(session.ok()) << bad;
    EXPECT_EQ(session.error().code, ErrorCode::kForbidden) << bad;
    auto ended = sessions.Logout(bad);
    ASSERT_TRUE(ended.ok()) << bad;
    EXPECT_FALSE(ended->has_value()) << bad;
  }
}

TEST_F(SessionsTest, LogoutEndsOneSessionAndIsHarmlessTwice) {
  const NewSession first = Start();
  const NewSession second = Start();
  auto ended = sessions().Logout(first.cookie_value);
  ASSERT_TRUE(ended.ok());
  EXPECT_EQ(*ended, user_.id);
  ExpectRefused(first.cookie_value, "not logged in");
  EXPECT_TRUE(sessions().Authenticate(second.cookie_value).ok());
  ended = sessions().Logout(first.cookie_value);
  ASSERT_TRUE(ended.ok());
  EXPECT_FALSE(ended->has_value());
}

TEST_F(SessionsTest, LogoutEverywhereEndsEverySessionOfTheUserOnly) {
  const NewSession first = Start();
  const NewSession second = Start();
  const domain::User bob = AddUser("bob@example.org");
  auto bobs = sessions().Create(bob, "");
  ASSERT_TRUE(bobs.ok());
  auto ended = sessions().LogoutEverywhere(user_.id);
  ASSERT_TRUE(ended.ok());
  EXPECT_EQ(*ended, 2);
  ExpectRefused(first.cookie_value, "not logged in");
  ExpectRefused(second.cookie_value, "not logged in");
  EXPECT_TRUE(sessions().Authenticate(bobs->cookie_value).ok());
}

TEST_F(SessionsTest, PurgeDeletesOnlyExpiredSessions) {
  const NewSession idle = Start();
  clock_.Advance(hours(2));
  const NewSession fresh = Start();
  clock_.Advance(minutes(1));
  auto purged = sessions().PurgeExpired();
  ASSERT_TRUE(purged.ok());
  EXPECT_EQ(*purged, 1);
  EXPECT_FALSE(Stored(idle.cookie_value));
  EXPECT_TRUE(Stored(fresh.cookie_value));
}

TEST_F(SessionsTest, StoresAShortPrintableUserAgent) {
  const NewSession created = Start(std::string("Evil\r\nSet-Cookie: x\x01") + std::string(500, 'a'));
  auto stored = store().FindSession(HashOf(created.cookie_value));
  ASSERT_TRUE(stored.ok());
  EXPECT_EQ(stored->user_agent.size(), kMaxStoredUserAgentBytes);
  EXPECT_EQ(stored->user_agent.substr(0, 19), "EvilSet-Cookie: xaa");
}

}  // namespace
}  // namespace gazette::accounts::test
