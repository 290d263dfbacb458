#include "gazette/accounts/password_hasher.hpp"

#include <sodium.h>

#include "gazette/accounts/detail/sodium.hpp"
#include "gazette/accounts/tokens.hpp"

namespace gazette::accounts {

PasswordHashCost PasswordHashCost::Interactive() {
  return {crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE};
}

PasswordHashCost PasswordHashCost::Minimum() {
  return {crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN};
}

PasswordHasher::PasswordHasher(PasswordHashCost cost) : cost_(cost) {
  detail::EnsureSodium();
}

Result<std::string> PasswordHasher::Hash(std::string_view password) const {
  char hash[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(hash, password.data(), password.size(), cost_.ops_limit, cost_.mem_limit) != 0) {
    return MakeError(
        ErrorCode::kUnavailable,
        "could not hash the password: not enough memory; try again when the server is less busy");
  }
  return std::string(hash);
}

bool PasswordHasher::Verify(std::string_view hash, std::string_view password) const {
  // libsodium reads the hash as a NUL-terminated string of at most crypto_pwhash_STRBYTES - 1 characters.
  if (hash.empty() || hash.size() >= crypto_pwhash_STRBYTES) return false;
  const std::string terminated(hash);
  return crypto_pwhash_str_verify(terminated.c_str(), password.data(), password.size()) == 0;
}

bool PasswordHasher::NeedsRehash(std::string_view hash) const {
  if (hash.empty() || hash.size() >= crypto_pwhash_STRBYTES) return true;
  const std::string terminated(hash);
  // 1: other parameters; -1: not an argon2id hash (an older argon2i one verifies, but should be replaced).
  return crypto_pwhash_str_needs_rehash(terminated.c_str(), cost_.ops_limit, cost_.mem_limit) != 0;
}

void PasswordHasher::VerifyAgainstDummy(std::string_view password) const {
  std::call_once(dummy_once_, [this] {
    // A hash of a random token: no password a person types matches it.
    Result<std::string> dummy = Hash(NewToken());
    dummy_hash_ = dummy.ok() ? std::move(dummy).value() : std::string();
  });
  (void)Verify(dummy_hash_, password);
}

}  // namespace gazette::accounts
