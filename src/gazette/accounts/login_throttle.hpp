#pragma once
/// LoginThrottle: after too many failed logins within a window, for one account or from one client
/// address, further attempts are refused until the window has passed, so that passwords cannot be guessed
/// at speed. E-mail addresses and client addresses are counted as keyed hashes (BLAKE2b-128 under a
/// random key kept in the database), never stored in the clear.

#include <chrono>
#include <string_view>

#include "gazette/base/clock.hpp"
#include "gazette/base/result.hpp"
#include "gazette/storage/account_store.hpp"

namespace gazette::accounts {

/// Ten guesses per quarter hour is 960 a day: far too slow to find a 12-character password, and enough
/// for a person who mistypes.
inline constexpr int kDefaultMaxLoginFailures = 10;
inline constexpr std::chrono::seconds kDefaultLoginFailureWindow = std::chrono::minutes(15);

struct ThrottleOptions {
  int max_failures = kDefaultMaxLoginFailures;  ///< 1..storage::kMaxAuditListLimit
  std::chrono::seconds window = kDefaultLoginFailureWindow;
};

/// Thread-safe. store must outlive it.
class LoginThrottle {
 public:
  /// The two keys an attempt is counted under.
  struct Keys {
    storage::ThrottleKey email;
    storage::ThrottleKey ip;
  };

  /// Reads the site's hash key (made and stored on first use). Errors: the store's.
  static Result<LoginThrottle> Load(storage::AccountStore& store, ThrottleOptions options = {});

  /// email as typed at the login form, normalised by the caller when it can be.
  Keys KeysFor(std::string_view email, std::string_view ip) const;

  /// How long until an attempt under keys may be tried at now: zero when it may be tried now; otherwise
  /// until enough failures have left the window (of the account or of the address, whichever is later).
  Result<std::chrono::seconds> RetryAfter(const Keys& keys, Timestamp now);

  /// Counts a failed attempt at now, and forgets failures that have left the window.
  Status RecordFailure(const Keys& keys, Timestamp now);

  /// Forgets the account's failures after a successful login (the address's others stay).
  Status RecordSuccess(const Keys& keys) { return store_.ClearLoginFailures(keys.email); }

  const ThrottleOptions& options() const { return options_; }

 private:
  LoginThrottle(storage::AccountStore& store, ThrottleOptions options, const storage::SecretKey& key)
      : store_(store), options_(options), key_(key) {}

  storage::AccountStore& store_;
  ThrottleOptions options_;
  storage::SecretKey key_;
};

}  // namespace gazette::accounts
