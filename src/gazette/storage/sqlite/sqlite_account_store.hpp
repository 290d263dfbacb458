#pragma once
/// AccountStore over SQLite: users, sessions, failed logins, the audit log and the accounts' keys.

#include "gazette/storage/account_store.hpp"
#include "gazette/storage/sqlite/connection_pool.hpp"

namespace gazette::storage::sqlite {

class SqliteAccountStore final : public AccountStore {
 public:
  explicit SqliteAccountStore(ConnectionPool& pool) : pool_(pool) {}

  Result<std::int64_t> CreateUser(const domain::User& user, std::string_view password_hash) override;
  Result<StoredUser> FindUserById(std::int64_t id) override;
  Result<StoredUser> FindUserByEmail(std::string_view email) override;
  Result<std::vector<domain::User>> ListUsers() override;
  Status UpdateUser(const domain::User& user) override;
  Status SetPasswordHash(std::int64_t user_id, std::string_view password_hash, Timestamp changed_at) override;

  Status CreateSession(const StoredSession& session) override;
  Result<StoredSession> FindSession(const SessionIdHash& id_hash) override;
  Status TouchSession(const SessionIdHash& id_hash, Timestamp last_seen_at) override;
  Status DeleteSession(const SessionIdHash& id_hash) override;
  Result<std::int64_t> DeleteSessionsOfUser(std::int64_t user_id,
                                            const std::optional<SessionIdHash>& keep) override;
  Result<std::int64_t> DeleteExpiredSessions(Timestamp idle_before, Timestamp created_before) override;

  Status RecordLoginFailure(const LoginFailure& failure) override;
  Result<std::vector<Timestamp>> LoginFailuresForEmail(const ThrottleKey& email_key, Timestamp since,
                                                       std::int64_t limit) override;
  Result<std::vector<Timestamp>> LoginFailuresFromIp(const ThrottleKey& ip_key, Timestamp since,
                                                     std::int64_t limit) override;
  Status ClearLoginFailures(const ThrottleKey& email_key) override;
  Result<std::int64_t> DeleteLoginFailuresBefore(Timestamp before) override;

  Result<std::int64_t> AppendAudit(const AuditEntry& entry) override;
  Result<std::vector<AuditEntry>> ListAudit(std::int64_t offset, std::int64_t limit) override;

  Result<SecretKey> GetOrCreateKey(std::string_view name, const SecretKey& fresh) override;

 private:
  ConnectionPool& pool_;
};

}  // namespace gazette::storage::sqlite
