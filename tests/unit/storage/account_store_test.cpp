// AccountStore behaviour, run against every backend (storage_fixture.hpp).
#include <gmock/gmock.h>

#include "storage_fixture.hpp"

namespace gazette::storage::test {
namespace {

using std::chrono::seconds;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

class AccountStoreTest : public StorageTest {
 protected:
  domain::User NewUser(const std::string& email, domain::Role role = domain::Role::kEditor) {
    domain::User user;
    user.email = email;
    user.name = "Name of " + email;
    user.role = role;
    user.created_at = kNow - kDay;
    return user;
  }

  std::int64_t AddUser(const std::string& email, domain::Role role = domain::Role::kEditor) {
    auto id = accounts().CreateUser(NewUser(email, role), "$argon2id$hash-of-" + email);
    EXPECT_TRUE(id.ok()) << id.error().message;
    return id.ok() ? *id : 0;
  }

  StoredSession NewSession(std::int64_t user_id, std::uint8_t first_byte) {
    StoredSession session;
    session.id_hash.fill(7);
    session.id_hash[0] = first_byte;
    session.user_id = user_id;
    session.csrf_token = "csrf-" + std::to_string(first_byte);
    session.created_at = kNow - seconds(100);
    session.last_seen_at = kNow - seconds(10);
    session.user_agent = "Firefox";
    return session;
  }

  static ThrottleKey Key(std::uint8_t byte) {
    ThrottleKey key;
    key.fill(byte);
    return key;
  }

  std::vector<Timestamp> ForEmail(std::uint8_t key, Timestamp since, std::int64_t limit = 100) {
    auto instants = accounts().LoginFailuresForEmail(Key(key), since, limit);
    EXPECT_TRUE(instants.ok()) << instants.error().message;
    return instants.ok() ? *instants : std::vector<Timestamp>{};
  }
  std::vector<Timestamp> FromIp(std::uint8_t key, Timestamp since, std::int64_t limit = 100) {
    auto instants = accounts().LoginFailuresFromIp(Key(key), since, limit);
    EXPECT_TRUE(instants.ok()) << instants.error().message;
    return instants.ok() ? *instants : std::vector<Timestamp>{};
  }
};

// --- Users ---

TEST_P(AccountStoreTest, UsersRoundTripByIdAndByEmail) {
  domain::User user = NewUser("ada@example.org", domain::Role::kAuthor);
  user.author_id = author_;
  auto id = accounts().CreateUser(user, "$argon2id$v=19$m=65536,t=2,p=1$salt$hash");
  ASSERT_TRUE(id.ok()) << id.error().message;

  for (auto found : {accounts().FindUserById(*id), accounts().FindUserByEmail("ada@example.org")}) {
    ASSERT_TRUE(found.ok()) << found.error().message;
    EXPECT_EQ(found->user.id, *id);
    EXPECT_EQ(found->user.email, "ada@example.org");
    EXPECT_EQ(found->user.name, "Name of ada@example.org");
    EXPECT_EQ(found->user.role, domain::Role::kAuthor);
    EXPECT_EQ(found->user.author_id, author_);
    EXPECT_FALSE(found->user.disabled);
    EXPECT_EQ(found->user.created_at, kNow - kDay);
    EXPECT_EQ(found->password_hash, "$argon2id$v=19$m=65536,t=2,p=1$salt$hash");
    EXPECT_EQ(found->password_changed_at, kNow - kDay);
  }
}

TEST_P(AccountStoreTest, UnknownUsersAreNotFound) {
  EXPECT_EQ(accounts().FindUserById(4242).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(accounts().FindUserByEmail("nobody@example.org").error().code, ErrorCode::kNotFound);
  domain::User ghost = NewUser("ghost@example.org");
  ghost.id = 4242;
  EXPECT_EQ(accounts().UpdateUser(ghost).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(accounts().SetPasswordHash(4242, "$argon2id$x", kNow).error().code, ErrorCode::kNotFound);
}

TEST_P(AccountStoreTest, ATakenEmailIsAConflict) {
  AddUser("ada@example.org");
  auto again = accounts().CreateUser(NewUser("ada@example.org"), "$argon2id$other");
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  EXPECT_THAT(again.error().message, HasSubstr("ada@example.org"));
}

TEST_P(AccountStoreTest, RefusesEmailsNotLowerCasedAndOverlongFields) {
  EXPECT_EQ(accounts().CreateUser(NewUser("Ada@example.org"), "$argon2id$x").error().code,
            ErrorCode::kInvalid);
  EXPECT_EQ(accounts().CreateUser(NewUser(std::string(250, 'a') + "@x.org"), "$argon2id$x").error().code,
            ErrorCode::kInvalid);
  EXPECT_EQ(accounts().CreateUser(NewUser("a@example.org"), "").error().code, ErrorCode::kInvalid);
  EXPECT_EQ(accounts().CreateUser(NewUser("a@example.org"), std::string(300, 'h')).error().code,
            ErrorCode::kInvalid);
  domain::User nameless = NewUser("b@example.org");
  nameless.name.clear();
  EXPECT_EQ(accounts().CreateUser(nameless, "$argon2id$x").error().code, ErrorCode::kInvalid);
  auto users = accounts().ListUsers();
  ASSERT_TRUE(users.ok());
  EXPECT_TRUE(users->empty());
}

TEST_P(AccountStoreTest, AMissingAuthorProfileIsInvalid) {
  domain::User user = NewUser("ada@example.org");
  user.author_id = 4242;
  auto id = accounts().CreateUser(user, "$argon2id$x");
  ASSERT_FALSE(id.ok());
  EXPECT_EQ(id.error().code, ErrorCode::kInvalid);
  EXPECT_THAT(id.error().message, HasSubstr("4242"));
}

TEST_P(AccountStoreTest, ListsUsersOldestFirst) {
  const std::int64_t b = AddUser("b@example.org");
  const std::int64_t a = AddUser("a@example.org", domain::Role::kAdmin);
  auto users = accounts().ListUsers();
  ASSERT_TRUE(users.ok()) << users.error().message;
  ASSERT_EQ(users->size(), 2u);
  EXPECT_EQ((*users)[0].id, b);
  EXPECT_EQ((*users)[1].id, a);
  EXPECT_EQ((*users)[1].role, domain::Role::kAdmin);
}

TEST_P(AccountStoreTest, UpdateChangesNameRoleAuthorAndDisabledButNotEmail) {
  const std::int64_t id = AddUser("ada@example.org");
  domain::User changed = NewUser("other@example.org", domain::Role::kAdmin);
  changed.id = id;
  changed.name = "Ada King";
  changed.author_id = author_;
  changed.disabled = true;
  ASSERT_TRUE(accounts().UpdateUser(changed).ok());
  auto found = accounts().FindUserById(id);
  ASSERT_TRUE(found.ok());
  EXPECT_EQ(found->user.email, "ada@example.org");
  EXPECT_EQ(found->user.name, "Ada King");
  EXPECT_EQ(found->user.role, domain::Role::kAdmin);
  EXPECT_EQ(found->user.author_id, author_);
  EXPECT_TRUE(found->user.disabled);

  changed.author_id = std::nullopt;
  changed.disabled = false;
  ASSERT_TRUE(accounts().UpdateUser(changed).ok());
  found = accounts().FindUserById(id);
  ASSERT_TRUE(found.ok());
  EXPECT_EQ(found->user.author_id, std::nullopt);
  EXPECT_FALSE(found->user.disabled);
}

TEST_P(AccountStoreTest, SetPasswordHashStoresTheHashAndWhen) {
  const std::int64_t id = AddUser("ada@example.org");
  ASSERT_TRUE(accounts().SetPasswordHash(id, "$argon2id$new", kNow).ok());
  auto found = accounts().FindUserById(id);
  ASSERT_TRUE(found.ok());
  EXPECT_EQ(found->password_hash, "$argon2id$new");
  EXPECT_EQ(found->password_changed_at, kNow);
}

// --- Sessions ---

TEST_P(AccountStoreTest, SessionsRoundTripAndTouch) {
  const std::int64_t user = AddUser("ada@example.org");
  const StoredSession session = NewSession(user, 1);
  ASSERT_TRUE(accounts().CreateSession(session).ok());
  auto found = accounts().FindSession(session.id_hash);
  ASSERT_TRUE(found.ok()) << found.error().message;
  EXPECT_EQ(found->id_hash, session.id_hash);
  EXPECT_EQ(found->user_id, user);
  EXPECT_EQ(found->csrf_token, "csrf-1");
  EXPECT_EQ(found->created_at, kNow - seconds(100));
  EXPECT_EQ(found->last_seen_at, kNow - seconds(10));
  EXPECT_EQ(found->user_agent, "Firefox");

  ASSERT_TRUE(accounts().TouchSession(session.id_hash, kNow).ok());
  found = accounts().FindSession(session.id_hash);
  ASSERT_TRUE(found.ok());
  EXPECT_EQ(found->last_seen_at, kNow);
}

TEST_P(AccountStoreTest, SessionsNeedAnExistingUserAndAFreshId) {
  EXPECT_EQ(accounts().CreateSession(NewSession(4242, 1)).error().code, ErrorCode::kNotFound);
  const std::int64_t user = AddUser("ada@example.org");
  ASSERT_TRUE(accounts().CreateSession(NewSession(user, 1)).ok());
  EXPECT_EQ(accounts().CreateSession(NewSession(user, 1)).error().code, ErrorCode::kConflict);
  StoredSession long_agent = NewSession(user, 2);
  long_agent.user_agent.assign(kMaxSessionUserAgentBytes + 1, 'x');
  EXPECT_EQ(accounts().CreateSession(long_agent).error().code, ErrorCode::kInvalid);
  StoredSession no_token = NewSession(user, 3);
  no_token.csrf_token.clear();
  EXPECT_EQ(accounts().CreateSession(no_token).error().code, ErrorCode::kInvalid);
}

TEST_P(AccountStoreTest, UnknownSessionsAreNotFoundAndDeletingThemIsNoError) {
  SessionIdHash unknown;
  unknown.fill(9);
  EXPECT_EQ(accounts().FindSession(unknown).error().code, ErrorCode::kNotFound);
  EXPECT_TRUE(accounts().TouchSession(unknown, kNow).ok());
  EXPECT_TRUE(accounts().DeleteSession(unknown).ok());
}

TEST_P(AccountStoreTest, DeletesOneSession) {
  const std::int64_t user = AddUser("ada@example.org");
  ASSERT_TRUE(accounts().CreateSession(NewSession(user, 1)).ok());
  ASSERT_TRUE(accounts().CreateSession(NewSession(user, 2)).ok());
  ASSERT_TRUE(accounts().DeleteSession(NewSession(user, 1).id_hash).ok());
  EXPECT_EQ(accounts().FindSession(NewSession(user, 1).id_hash).error().code, ErrorCode::kNotFound);
  EXPECT_TRUE(accounts().FindSession(NewSession(user, 2).id_hash).ok());
}

TEST_P(AccountStoreTest, DeletesAllSessionsOfAUserOrAllButOne) {
  const std::int64_t ada = AddUser("ada@example.org");
  const std::int64_t bob = AddUser("bob@example.org");
  for (std::uint8_t i : {1, 2, 3}) ASSERT_TRUE(accounts().CreateSession(NewSession(ada, i)).ok());
  ASSERT_TRUE(accounts().CreateSession(NewSession(bob, 4)).ok());

  auto deleted = accounts().DeleteSessionsOfUser(ada, NewSession(ada, 2).id_hash);
  ASSERT_TRUE(deleted.ok()) << deleted.error().message;
  EXPECT_EQ(*deleted, 2);
  EXPECT_TRUE(accounts().FindSession(NewSession(ada, 2).id_hash).ok());
  EXPECT_FALSE(accounts().FindSession(NewSession(ada, 1).id_hash).ok());

  deleted = accounts().DeleteSessionsOfUser(ada, std::nullopt);
  ASSERT_TRUE(deleted.ok());
  EXPECT_EQ(*deleted, 1);
  EXPECT_FALSE(accounts().FindSession(NewSession(ada, 2).id_hash).ok());
  EXPECT_TRUE(accounts().FindSession(NewSession(bob, 4).id_hash).ok());
}

TEST_P(AccountStoreTest, DeletesSessionsIdleOrOldEnough) {
  const std::int64_t user = AddUser("ada@example.org");
  StoredSession idle = NewSession(user, 1);
  idle.last_seen_at = kNow - seconds(5000);
  StoredSession old = NewSession(user, 2);
  old.created_at = kNow - kDay * 30;
  const StoredSession fresh = NewSession(user, 3);
  for (const auto& session : {idle, old, fresh}) ASSERT_TRUE(accounts().CreateSession(session).ok());

  auto deleted = accounts().DeleteExpiredSessions(kNow - seconds(1000), kNow - kDay * 7);
  ASSERT_TRUE(deleted.ok());
  EXPECT_EQ(*deleted, 2);
  EXPECT_TRUE(accounts().FindSession(fresh.id_hash).ok());
  EXPECT_FALSE(accounts().FindSession(idle.id_hash).ok());
  EXPECT_FALSE(accounts().FindSession(old.id_hash).ok());
}

// --- Failed logins ---

TEST_P(AccountStoreTest, CountsFailuresByEmailAndByIpSinceAnInstantNewestFirst) {
  ASSERT_TRUE(accounts().RecordLoginFailure({kNow - seconds(30), Key(1), Key(10)}).ok());
  ASSERT_TRUE(accounts().RecordLoginFailure({kNow - seconds(20), Key(1), Key(11)}).ok());
  ASSERT_TRUE(accounts().RecordLoginFailure({kNow - seconds(10), Key(2), Key(10)}).ok());

  EXPECT_THAT(ForEmail(1, kNow - seconds(60)), ElementsAre(kNow - seconds(20), kNow - seconds(30)));
  EXPECT_THAT(ForEmail(1, kNow - seconds(25)), ElementsAre(kNow - seconds(20)));
  EXPECT_THAT(ForEmail(1, kNow - seconds(20)), ElementsAre(kNow - seconds(20)));  // since is inclusive
  EXPECT_THAT(FromIp(10, kNow - seconds(60)), ElementsAre(kNow - seconds(10), kNow - seconds(30)));
  EXPECT_THAT(FromIp(10, kNow - seconds(60), 1), ElementsAre(kNow - seconds(10)));
  EXPECT_TRUE(ForEmail(3, kNow - seconds(60)).empty());
}

TEST_P(AccountStoreTest, ClearsFailuresOfOneAccountOnly) {
  ASSERT_TRUE(accounts().RecordLoginFailure({kNow, Key(1), Key(10)}).ok());
  ASSERT_TRUE(accounts().RecordLoginFailure({kNow, Key(2), Key(10)}).ok());
  ASSERT_TRUE(accounts().ClearLoginFailures(Key(1)).ok());
  EXPECT_TRUE(ForEmail(1, kNow - kDay).empty());
  EXPECT_EQ(ForEmail(2, kNow - kDay).size(), 1u);
  EXPECT_EQ(FromIp(10, kNow - kDay).size(), 1u);
}

TEST_P(AccountStoreTest, DeletesFailuresOlderThanAnInstant) {
  ASSERT_TRUE(accounts().RecordLoginFailure({kNow - seconds(1000), Key(1), Key(10)}).ok());
  ASSERT_TRUE(accounts().RecordLoginFailure({kNow, Key(1), Key(10)}).ok());
  auto deleted = accounts().DeleteLoginFailuresBefore(kNow - seconds(900));
  ASSERT_TRUE(deleted.ok());
  EXPECT_EQ(*deleted, 1);
  EXPECT_THAT(ForEmail(1, kNow - kDay), ElementsAre(kNow));
}

TEST_P(AccountStoreTest, FailureListsRefuseALimitOutOfRange) {
  EXPECT_EQ(accounts().LoginFailuresForEmail(Key(1), kNow, -1).error().code, ErrorCode::kInvalid);
  EXPECT_EQ(accounts().LoginFailuresFromIp(Key(1), kNow, kMaxAuditListLimit + 1).error().code,
            ErrorCode::kInvalid);
}

// --- Audit log ---

TEST_P(AccountStoreTest, AuditEntriesListNewestFirstWithOffsetAndLimit) {
  const std::int64_t user = AddUser("ada@example.org");
  for (int i = 0; i < 5; ++i) {
    AuditEntry entry{0,        kNow + seconds(i), user,       "action." + std::to_string(i),
                     "target", "detail",          "192.0.2.1"};
    if (i == 4) entry.user_id = std::nullopt;
    auto id = accounts().AppendAudit(entry);
    ASSERT_TRUE(id.ok()) << id.error().message;
  }
  auto page = accounts().ListAudit(1, 2);
  ASSERT_TRUE(page.ok()) << page.error().message;
  ASSERT_EQ(page->size(), 2u);
  EXPECT_EQ((*page)[0].action, "action.3");
  EXPECT_EQ((*page)[1].action, "action.2");
  EXPECT_EQ((*page)[0].at, kNow + seconds(3));
  EXPECT_EQ((*page)[0].user_id, user);
  EXPECT_EQ((*page)[0].target, "target");
  EXPECT_EQ((*page)[0].detail, "detail");
  EXPECT_EQ((*page)[0].ip, "192.0.2.1");

  auto newest = accounts().ListAudit(0, 1);
  ASSERT_TRUE(newest.ok());
  ASSERT_EQ(newest->size(), 1u);
  EXPECT_EQ((*newest)[0].action, "action.4");
  EXPECT_EQ((*newest)[0].user_id, std::nullopt);
  EXPECT_GT((*newest)[0].id, (*page)[0].id);
}

TEST_P(AccountStoreTest, AuditRefusesBadEntriesAndBadPages) {
  EXPECT_EQ(accounts().AppendAudit({0, kNow, std::nullopt, "", "", "", ""}).error().code,
            ErrorCode::kInvalid);
  EXPECT_EQ(accounts()
                .AppendAudit({0, kNow, std::nullopt, "x", "", std::string(kMaxAuditDetailBytes + 1, 'd'), ""})
                .error()
                .code,
            ErrorCode::kInvalid);
  EXPECT_EQ(accounts().AppendAudit({0, kNow, 4242, "x", "", "", ""}).error().code, ErrorCode::kInvalid);
  EXPECT_EQ(accounts().ListAudit(-1, 10).error().code, ErrorCode::kInvalid);
  EXPECT_EQ(accounts().ListAudit(0, kMaxAuditListLimit + 1).error().code, ErrorCode::kInvalid);
  auto all = accounts().ListAudit(0, 10);
  ASSERT_TRUE(all.ok());
  EXPECT_TRUE(all->empty());
}

// --- Keys ---

TEST_P(AccountStoreTest, TheFirstKeyStoredUnderANameIsKept) {
  SecretKey first;
  first.fill(1);
  SecretKey second;
  second.fill(2);
  auto stored = accounts().GetOrCreateKey("login_throttle", first);
  ASSERT_TRUE(stored.ok()) << stored.error().message;
  EXPECT_EQ(*stored, first);
  auto again = accounts().GetOrCreateKey("login_throttle", second);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again, first);
  auto other = accounts().GetOrCreateKey("other", second);
  ASSERT_TRUE(other.ok());
  EXPECT_EQ(*other, second);
  EXPECT_EQ(accounts().GetOrCreateKey("", first).error().code, ErrorCode::kInvalid);
}

INSTANTIATE_TEST_SUITE_P(Backends, AccountStoreTest, ::testing::ValuesIn(StorageBackends()), BackendName);

}  // namespace
}  // namespace gazette::storage::test
