// `gazette user add | passwd | list` and `gazette init --admin-email`, as an operator runs them: the
// password on standard input, one-line errors, nothing stored on a refusal.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "gazette/accounts/password_hasher.hpp"
#include "gazette/accounts/sessions.hpp"
#include "gazette/storage/sqlite/sqlite_storage.hpp"
#include "integration/child_process.hpp"
#include "support/temp_dir.hpp"

namespace gazette {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::StartsWith;

constexpr const char* kPassword = "correct horse battery staple";

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

class UserCliTest : public ::testing::Test {
 protected:
  RunResult Run(const std::vector<std::string>& args,
                const std::optional<std::string>& input = std::nullopt) {
    const fs::path output_dir = tmp_ / ("run" + std::to_string(runs_++));
    fs::create_directories(output_dir);
    testing::Process process(args, output_dir, {}, input);
    const auto code = process.Wait();
    EXPECT_TRUE(code.has_value()) << "gazette did not finish: " << ::testing::PrintToString(args);
    return {code.value_or(-1), process.out(), process.err()};
  }

  std::string Site() const { return (tmp_ / "site").string(); }

  void InitSite() {
    const RunResult result = Run({"init", Site()});
    ASSERT_EQ(result.exit_code, 0) << result.err;
  }

  std::unique_ptr<storage::Storage> Open() {
    auto storage =
        storage::OpenSqliteStorage(fs::path(Site()) / "gazette.db", storage::SqliteOpenMode::kExisting);
    EXPECT_TRUE(storage.ok()) << storage.error().message;
    return storage.ok() ? std::move(storage).value() : nullptr;
  }

  std::vector<domain::User> Users() {
    auto storage = Open();
    if (!storage) return {};
    auto users = storage->accounts().ListUsers();
    EXPECT_TRUE(users.ok()) << users.error().message;
    return users.ok() ? *users : std::vector<domain::User>{};
  }

  /// Whether password is the stored one of email.
  bool PasswordIs(const std::string& email, const std::string& password) {
    auto storage = Open();
    if (!storage) return false;
    auto user = storage->accounts().FindUserByEmail(email);
    EXPECT_TRUE(user.ok()) << user.error().message;
    return user.ok() && accounts::PasswordHasher().Verify(user->password_hash, password);
  }

  testing::TempDir tmp_;
  int runs_ = 0;
};

void ExpectOneLineError(const RunResult& result) {
  EXPECT_THAT(result.err, StartsWith("gazette: ")) << result.err;
  ASSERT_FALSE(result.err.empty());
  EXPECT_EQ(result.err.back(), '\n');
  EXPECT_EQ(std::count(result.err.begin(), result.err.end(), '\n'), 1) << result.err;
  EXPECT_THAT(result.err, ::testing::Not(HasSubstr(kPassword)));
}

// --- init --admin-email ---

TEST_F(UserCliTest, InitWithAdminEmailAddsTheFirstAdministrator) {
  const RunResult result =
      Run({"init", Site(), "--admin-email", "Ada@Example.org", "--admin-name", "Ada Lovelace"},
          std::string(kPassword) + "\n");
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_THAT(result.out, HasSubstr("Administrator: ada@example.org"));
  EXPECT_EQ(result.err, "");
  const auto users = Users();
  ASSERT_EQ(users.size(), 1u);
  EXPECT_EQ(users[0].email, "ada@example.org");
  EXPECT_EQ(users[0].name, "Ada Lovelace");
  EXPECT_EQ(users[0].role, domain::Role::kAdmin);
  EXPECT_TRUE(PasswordIs("ada@example.org", kPassword));
}

TEST_F(UserCliTest, InitRefusesAShortAdminPasswordAndCreatesNothing) {
  const RunResult result = Run({"init", Site(), "--admin-email", "ada@example.org"}, "too short\n");
  EXPECT_EQ(result.exit_code, 2);
  ExpectOneLineError(result);
  EXPECT_THAT(result.err, HasSubstr("at least 12 characters"));
  EXPECT_FALSE(fs::exists(Site()));
}

TEST_F(UserCliTest, InitWithoutAPasswordOnStandardInputCreatesNothing) {
  const RunResult result = Run({"init", Site(), "--admin-email", "ada@example.org"});
  EXPECT_EQ(result.exit_code, 2);
  ExpectOneLineError(result);
  EXPECT_THAT(result.err, HasSubstr("no password on standard input"));
  EXPECT_FALSE(fs::exists(Site()));
}

TEST_F(UserCliTest, InitRefusesABadAdminEmailAndCreatesNothing) {
  const RunResult result =
      Run({"init", Site(), "--admin-email", "ada-at-example.org"}, std::string(kPassword) + "\n");
  EXPECT_EQ(result.exit_code, 2);
  ExpectOneLineError(result);
  EXPECT_THAT(result.err, HasSubstr("'@'"));
  EXPECT_FALSE(fs::exists(Site()));
}

TEST_F(UserCliTest, AdminNameNeedsAdminEmail) {
  const RunResult result = Run({"init", Site(), "--admin-name", "Ada"});
  EXPECT_EQ(result.exit_code, 2);
  ExpectOneLineError(result);
  EXPECT_THAT(result.err, HasSubstr("--admin-email"));
  EXPECT_FALSE(fs::exists(Site()));
}

// --- user add ---

TEST_F(UserCliTest, UserAddTakesThePasswordFromTheFirstLineOfStandardInput) {
  InitSite();
  const RunResult result =
      Run({"user", "add", Site(), "--email", "zoe@example.org", "--name", "Zoë Ünal", "--role", "editor"},
          std::string(kPassword) + "\r\nsecond line\n");
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_THAT(result.out, HasSubstr("Added editor zoe@example.org"));
  const auto users = Users();
  ASSERT_EQ(users.size(), 1u);
  EXPECT_EQ(users[0].name, "Zoë Ünal");
  EXPECT_EQ(users[0].role, domain::Role::kEditor);
  EXPECT_TRUE(PasswordIs("zoe@example.org", kPassword));
}

TEST_F(UserCliTest, UserAddLinksAnAuthorToTheirProfileBySlug) {
  ASSERT_EQ(Run({"demo", Site(), "--articles", "3"}).exit_code, 0);
  auto authors = Open()->catalog().ListAuthors();
  ASSERT_TRUE(authors.ok() && !authors->empty());
  const domain::Author& profile = authors->front();

  const RunResult unknown = Run({"user", "add", Site(), "--email", "amy@example.org", "--name", "Amy", "--role",
                                 "author", "--author", "no-such-profile"});  // refused before the password
  EXPECT_EQ(unknown.exit_code, 2);
  ExpectOneLineError(unknown);
  EXPECT_THAT(unknown.err, HasSubstr("no author profile with the slug no-such-profile"));
  EXPECT_TRUE(Users().empty());

  const RunResult added = Run({"user", "add", Site(), "--email", "amy@example.org", "--name", "Amy", "--role",
                               "author", "--author", profile.slug},
                              std::string(kPassword) + "\n");
  ASSERT_EQ(added.exit_code, 0) << added.err;
  const auto users = Users();
  ASSERT_EQ(users.size(), 1u);
  EXPECT_EQ(users[0].author_id, profile.id);
}

TEST_F(UserCliTest, UserAddRefusesAShortPasswordAndStoresNothing) {
  InitSite();
  const RunResult result = Run(
      {"user", "add", Site(), "--email", "zoe@example.org", "--name", "Zoë", "--role", "editor"}, "short\n");
  EXPECT_EQ(result.exit_code, 2);
  ExpectOneLineError(result);
  EXPECT_THAT(result.err, HasSubstr("too short"));
  EXPECT_TRUE(Users().empty());
}

TEST_F(UserCliTest, UserAddRefusesBadInputBeforeAskingForThePassword) {
  InitSite();
  const std::vector<std::vector<std::string>> bad = {
      {"--email", "zoe", "--name", "Zoë", "--role", "editor"},
      {"--email", "zoe@example.org", "--name", "", "--role", "editor"},
      {"--email", "zoe@example.org", "--name", "Zoë", "--role", "boss"},
  };
  for (const auto& options : bad) {
    std::vector<std::string> args = {"user", "add", Site()};
    args.insert(args.end(), options.begin(), options.end());
    const RunResult result = Run(args);  // no password on standard input: not asked for
    EXPECT_EQ(result.exit_code, 2) << ::testing::PrintToString(options);
    ExpectOneLineError(result);
    EXPECT_THAT(result.err, ::testing::Not(HasSubstr("no password"))) << result.err;
  }
  EXPECT_TRUE(Users().empty());
}

TEST_F(UserCliTest, UserAddRefusesATakenEmail) {
  InitSite();
  const std::vector<std::string> add = {"user",   "add", Site(),   "--email", "zoe@example.org",
                                        "--name", "Zoë", "--role", "author"};
  ASSERT_EQ(Run(add, std::string(kPassword) + "\n").exit_code, 0);
  std::vector<std::string> again = add;
  again[4] = "ZOE@example.org";
  const RunResult result = Run(again, "a different password\n");
  EXPECT_EQ(result.exit_code, 1);
  ExpectOneLineError(result);
  EXPECT_THAT(result.err, HasSubstr("already exists"));
  EXPECT_EQ(Users().size(), 1u);
  EXPECT_TRUE(PasswordIs("zoe@example.org", kPassword));
}

TEST_F(UserCliTest, UserAddNeedsAnExistingSiteAndEveryOption) {
  const RunResult missing_site =
      Run({"user", "add", Site(), "--email", "zoe@example.org", "--name", "Zoë", "--role", "editor"}, "pw\n");
  EXPECT_EQ(missing_site.exit_code, 1);
  ExpectOneLineError(missing_site);
  EXPECT_THAT(missing_site.err, HasSubstr("does not exist"));

  const RunResult no_role = Run({"user", "add", Site(), "--email", "zoe@example.org", "--name", "Zoë"});
  EXPECT_EQ(no_role.exit_code, 2);
  ExpectOneLineError(no_role);
  EXPECT_THAT(no_role.err, HasSubstr("--role"));

  const RunResult no_subcommand = Run({"user", Site()});
  EXPECT_EQ(no_subcommand.exit_code, 2);
  ExpectOneLineError(no_subcommand);
}

// --- user passwd ---

TEST_F(UserCliTest, UserPasswdSetsThePasswordAndEndsTheUsersSessions) {
  ASSERT_EQ(
      Run({"init", Site(), "--admin-email", "ada@example.org"}, std::string(kPassword) + "\n").exit_code, 0);
  std::string cookie;
  {
    auto storage = Open();
    ASSERT_TRUE(storage);
    const SystemClock clock;
    accounts::Sessions sessions(storage->accounts(), clock);
    auto user = storage->accounts().FindUserByEmail("ada@example.org");
    ASSERT_TRUE(user.ok());
    auto session = sessions.Create(user->user, "test");
    ASSERT_TRUE(session.ok());
    cookie = session->cookie_value;
  }

  const RunResult result =
      Run({"user", "passwd", Site(), "--email", "ADA@example.org"}, "a brand new password\n");
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_THAT(result.out, HasSubstr("ada@example.org"));
  EXPECT_TRUE(PasswordIs("ada@example.org", "a brand new password"));
  EXPECT_FALSE(PasswordIs("ada@example.org", kPassword));

  auto storage = Open();
  ASSERT_TRUE(storage);
  const SystemClock clock;
  accounts::Sessions sessions(storage->accounts(), clock);
  EXPECT_FALSE(sessions.Authenticate(cookie).ok());
}

TEST_F(UserCliTest, UserPasswdRefusesAShortPasswordAndKeepsTheOldOne) {
  ASSERT_EQ(
      Run({"init", Site(), "--admin-email", "ada@example.org"}, std::string(kPassword) + "\n").exit_code, 0);
  const RunResult result = Run({"user", "passwd", Site(), "--email", "ada@example.org"}, "\n");
  EXPECT_EQ(result.exit_code, 2);
  ExpectOneLineError(result);
  EXPECT_THAT(result.err, HasSubstr("at least 12 characters"));
  EXPECT_TRUE(PasswordIs("ada@example.org", kPassword));
}

TEST_F(UserCliTest, UserPasswdOfAnUnknownUserFailsBeforeAskingForThePassword) {
  InitSite();
  const RunResult result = Run({"user", "passwd", Site(), "--email", "nobody@example.org"});
  EXPECT_EQ(result.exit_code, 1);
  ExpectOneLineError(result);
  EXPECT_THAT(result.err, HasSubstr("no user with the e-mail address nobody@example.org"));
}

// --- user list ---

TEST_F(UserCliTest, UserListPrintsATable) {
  ASSERT_EQ(Run({"init", Site(), "--admin-email", "ada@example.org", "--admin-name", "Ada Lovelace"},
                std::string(kPassword) + "\n")
                .exit_code,
            0);
  ASSERT_EQ(Run({"user", "add", Site(), "--email", "zoe@example.org", "--name", "Zoë", "--role", "author"},
                std::string(kPassword) + "\n")
                .exit_code,
            0);
  const RunResult result = Run({"user", "list", Site()});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_THAT(result.out, ::testing::ContainsRegex("id +email +name +role +disabled +created"));
  EXPECT_THAT(result.out,
              ::testing::ContainsRegex("1 +ada@example.org +Ada Lovelace +admin +no +20[0-9][0-9]-"));
  EXPECT_THAT(result.out, ::testing::ContainsRegex("2 +zoe@example.org +Zoë +author +no +20[0-9][0-9]-"));
  EXPECT_THAT(result.out, ::testing::Not(HasSubstr("argon2")));
}

TEST_F(UserCliTest, UserListOfASiteWithoutUsersSaysHowToAddOne) {
  InitSite();
  const RunResult result = Run({"user", "list", Site()});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_THAT(result.out, HasSubstr("gazette user add"));
}

}  // namespace
}  // namespace gazette
