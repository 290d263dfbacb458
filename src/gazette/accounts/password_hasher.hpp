#pragma once
/// PasswordHasher: argon2id password hashes in libsodium's crypto_pwhash_str form, which carries its own
/// salt and cost, so that the cost can be raised later and old hashes upgraded at the next login.

#include <cstddef>
#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>

#include "gazette/base/result.hpp"

namespace gazette::accounts {

/// How much work one hash takes.
struct PasswordHashCost {
  std::uint64_t ops_limit = 0;
  std::size_t mem_limit = 0;

  /// crypto_pwhash_OPSLIMIT/MEMLIMIT_INTERACTIVE (64 MiB, about 0.1 s): the production cost.
  static PasswordHashCost Interactive();
  /// crypto_pwhash_OPSLIMIT/MEMLIMIT_MIN: fast and weak. For tests only.
  static PasswordHashCost Minimum();
};

/// Thread-safe.
class PasswordHasher {
 public:
  explicit PasswordHasher(PasswordHashCost cost = PasswordHashCost::Interactive());
  PasswordHasher(const PasswordHasher&) = delete;
  PasswordHasher& operator=(const PasswordHasher&) = delete;

  /// A new hash of password (with a fresh random salt). Does not check the password policy (see
  /// CheckNewPassword). kUnavailable when the memory the cost asks for cannot be had.
  Result<std::string> Hash(std::string_view password) const;

  /// True when password matches hash. False for a malformed hash.
  bool Verify(std::string_view hash, std::string_view password) const;

  /// True when hash was made with another cost or algorithm than this hasher's (re-hash it on the next
  /// successful login), or cannot be read.
  bool NeedsRehash(std::string_view hash) const;

  /// Spends the time of a Verify against a hash of this hasher's cost, for a login with an unknown e-mail
  /// address, so that the answer's timing does not tell which accounts exist.
  void VerifyAgainstDummy(std::string_view password) const;

  /// A new argon2id hash string at this hasher's cost that no password matches (random salt and digest):
  /// verifying against it takes as long as against a real one, making it takes nothing.
  std::string MakeDummyHash() const;

  const PasswordHashCost& cost() const { return cost_; }

 private:
  const PasswordHashCost cost_;
  mutable std::once_flag dummy_once_;
  mutable std::string dummy_hash_;  ///< made on first use
};

}  // namespace gazette::accounts
