#pragma once
/// The accounts services over a fresh SQLite database, a ManualClock, and the cheapest password hashing,
/// so that tests stay fast under the sanitizers.

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "gazette/accounts/account_services.hpp"
#include "gazette/storage/sqlite/sqlite_storage.hpp"
#include "support/temp_dir.hpp"

namespace gazette::accounts::test {

/// 2026-01-02 12:00:00 UTC.
inline const Timestamp kStart = TimestampFromUnix(1767355200);
inline constexpr std::string_view kGoodPassword = "correct horse battery staple";

class AccountsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = storage::OpenSqliteStorage(dir_ / "gazette.db", storage::SqliteOpenMode::kCreate);
    ASSERT_TRUE(opened.ok()) << opened.error().message;
    storage_ = std::move(opened).value();
    AccountOptions options;
    options.hash_cost = PasswordHashCost::Minimum();
    auto services = AccountServices::Open(*storage_, clock_, options);
    ASSERT_TRUE(services.ok()) << services.error().message;
    services_ = std::move(services).value();
  }

  storage::AccountStore& store() { return storage_->accounts(); }
  Sessions& sessions() { return services_->sessions(); }
  LoginService& login() { return services_->login(); }
  UserManager& users() { return services_->users(); }
  AuditLog& audit() { return services_->audit(); }

  domain::User AddUser(const std::string& email, domain::Role role = domain::Role::kEditor,
                       std::string_view password = kGoodPassword) {
    NewUserRequest request{email, "Name of " + email, role, std::nullopt, std::string(password)};
    auto user = users().AddUser(request, Actor::CommandLine());
    EXPECT_TRUE(user.ok()) << user.error().message;
    return user.ok() ? *user : domain::User{};
  }

  /// The actor for a user logged in with `session` (a cookie value from Sessions::Create).
  Actor ActorFor(const domain::User& user, const std::string& cookie = {}) {
    Actor actor;
    actor.user = user;
    actor.ip = "192.0.2.7";
    if (!cookie.empty()) {
      auto session = sessions().Authenticate(cookie);
      EXPECT_TRUE(session.ok()) << session.error().message;
      if (session.ok()) actor.session = session->id_hash;
    }
    return actor;
  }

  std::vector<storage::AuditEntry> AuditEntries() {
    auto entries = audit().List(0, 1000);
    EXPECT_TRUE(entries.ok()) << entries.error().message;
    return entries.ok() ? *entries : std::vector<storage::AuditEntry>{};
  }

  storage::StoredUser Stored(std::int64_t id) {
    auto stored = store().FindUserById(id);
    EXPECT_TRUE(stored.ok()) << stored.error().message;
    return stored.ok() ? *stored : storage::StoredUser{};
  }

  gazette::testing::TempDir dir_;
  ManualClock clock_{kStart};
  std::unique_ptr<storage::Storage> storage_;
  std::unique_ptr<AccountServices> services_;
};

}  // namespace gazette::accounts::test
