#pragma once
/// AccountStore: the back office's users, their sessions, failed logins (for throttling), the audit log and
/// the accounts' keys. Stores rows as given: the rules (password policy, timeouts, throttling, who may do
/// what) are accounts::'s.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gazette/base/clock.hpp"
#include "gazette/base/result.hpp"
#include "gazette/domain/user.hpp"

namespace gazette::storage {

/// A user with the credential columns that only the accounts services read.
struct StoredUser {
  domain::User user;
  std::string password_hash;  ///< crypto_pwhash_str form
  Timestamp password_changed_at{};
};

/// A hash of a session's cookie value: the value itself is never stored.
using SessionIdHash = std::array<std::uint8_t, 32>;

struct StoredSession {
  SessionIdHash id_hash{};
  std::int64_t user_id = 0;
  std::string csrf_token;
  Timestamp created_at{};
  Timestamp last_seen_at{};
  std::string user_agent;  ///< shortened; shown in "your sessions" lists
};

/// A keyed hash of an e-mail address or a client address, as the login throttle counts them.
using ThrottleKey = std::array<std::uint8_t, 16>;

struct LoginFailure {
  Timestamp at{};
  ThrottleKey email_key{};
  ThrottleKey ip_key{};
};

struct AuditEntry {
  std::int64_t id = 0;  ///< set by the store
  Timestamp at{};
  std::optional<std::int64_t> user_id;  ///< who did it; none for the command line and failed logins
  std::string action;                   ///< a name from accounts/audit_actions.hpp, e.g. "login.failed"
  std::string target;                   ///< what it was done to: an e-mail address, an article id
  std::string detail;
  std::string ip;
};

/// A random key kept in the database so that every server of a site uses the same one.
using SecretKey = std::array<std::uint8_t, 32>;

/// Limits on stored text, checked by the store (kInvalid beyond them): the accounts services validate
/// earlier, with messages for people; these keep any other caller from storing unbounded rows.
inline constexpr std::size_t kMaxEmailBytes = 254;  ///< RFC 5321's limit on a forward path, less the brackets
inline constexpr std::size_t kMaxUserNameBytes = 800;      ///< 200 characters of up to 4 bytes
inline constexpr std::size_t kMaxPasswordHashBytes = 256;  ///< crypto_pwhash_STRBYTES is 128
inline constexpr std::size_t kMaxCsrfTokenBytes = 128;
inline constexpr std::size_t kMaxSessionUserAgentBytes = 256;
inline constexpr std::size_t kMaxAuditActionBytes = 64;
inline constexpr std::size_t kMaxAuditTargetBytes = 512;
inline constexpr std::size_t kMaxAuditDetailBytes = 4096;
inline constexpr std::size_t kMaxAuditIpBytes = 64;
/// Audit lists are read a page at a time.
inline constexpr std::int64_t kMaxAuditListLimit = 1000;

/// Thread-safe.
class AccountStore {
 public:
  virtual ~AccountStore() = default;

  // --- Users ---

  /// Stores user (its id is ignored) with password_hash; created_at is also the password's change time.
  /// Returns the new id. kConflict when the e-mail address is taken; kInvalid for an e-mail address that
  /// is not lower-cased, text over the limits above, or an author_id that does not exist.
  virtual Result<std::int64_t> CreateUser(const domain::User& user, std::string_view password_hash) = 0;
  /// kNotFound when there is no such user.
  virtual Result<StoredUser> FindUserById(std::int64_t id) = 0;
  /// email must be lower-cased already (as stored). kNotFound when there is no such user.
  virtual Result<StoredUser> FindUserByEmail(std::string_view email) = 0;
  /// Every user, oldest first. Back offices have tens of users, not thousands.
  virtual Result<std::vector<domain::User>> ListUsers() = 0;
  /// Stores name, role, author_id and disabled of user.id (email and created_at do not change).
  /// kNotFound for an unknown user; kInvalid as for CreateUser.
  virtual Status UpdateUser(const domain::User& user) = 0;
  /// kNotFound for an unknown user.
  virtual Status SetPasswordHash(std::int64_t user_id, std::string_view password_hash,
                                 Timestamp changed_at) = 0;

  // --- Sessions ---

  /// kNotFound when the user does not exist, kConflict when the id hash is taken, kInvalid beyond limits.
  virtual Status CreateSession(const StoredSession& session) = 0;
  /// kNotFound when there is no such session.
  virtual Result<StoredSession> FindSession(const SessionIdHash& id_hash) = 0;
  /// Sets last_seen_at; a session that no longer exists is not an error.
  virtual Status TouchSession(const SessionIdHash& id_hash, Timestamp last_seen_at) = 0;
  /// Deletes one session; one that does not exist is not an error.
  virtual Status DeleteSession(const SessionIdHash& id_hash) = 0;
  /// Deletes every session of user_id but `keep` (when given). Returns how many were deleted.
  virtual Result<std::int64_t> DeleteSessionsOfUser(std::int64_t user_id,
                                                    const std::optional<SessionIdHash>& keep) = 0;
  /// Deletes sessions last seen before idle_before or created before created_before. Returns the count.
  virtual Result<std::int64_t> DeleteExpiredSessions(Timestamp idle_before, Timestamp created_before) = 0;

  // --- Failed logins ---

  virtual Status RecordLoginFailure(const LoginFailure& failure) = 0;
  /// Instants of failures for email_key (or from ip_key) at or after since, newest first, at most limit
  /// (0..kMaxAuditListLimit, kInvalid otherwise). Their number is the count; the limit-th newest tells when
  /// the count drops below limit.
  virtual Result<std::vector<Timestamp>> LoginFailuresForEmail(const ThrottleKey& email_key, Timestamp since,
                                                               std::int64_t limit) = 0;
  virtual Result<std::vector<Timestamp>> LoginFailuresFromIp(const ThrottleKey& ip_key, Timestamp since,
                                                             std::int64_t limit) = 0;
  /// Forgets the failures for one account (after it logged in).
  virtual Status ClearLoginFailures(const ThrottleKey& email_key) = 0;
  /// Forgets failures older than before. Returns the count.
  virtual Result<std::int64_t> DeleteLoginFailuresBefore(Timestamp before) = 0;

  // --- Audit log ---

  /// Appends entry (its id is ignored); returns the new id. kInvalid beyond the limits above.
  virtual Result<std::int64_t> AppendAudit(const AuditEntry& entry) = 0;
  /// Entries newest first, rows [offset, offset + limit). kInvalid for a negative offset or a limit
  /// outside [0, kMaxAuditListLimit].
  virtual Result<std::vector<AuditEntry>> ListAudit(std::int64_t offset, std::int64_t limit) = 0;

  // --- Keys ---

  /// The key stored under name, after storing fresh there when there was none: the first caller's key
  /// wins, also when servers race. kInvalid for an empty name or one over 64 bytes.
  virtual Result<SecretKey> GetOrCreateKey(std::string_view name, const SecretKey& fresh) = 0;
};

}  // namespace gazette::storage
