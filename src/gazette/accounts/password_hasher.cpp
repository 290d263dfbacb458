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

std::string PasswordHasher::MakeDummyHash() const {
  // Written out rather than computed: verifying a password against it costs one argon2id computation at
  // this hasher's cost, as for a real hash, while making it costs nothing (computing one took 0.3 s of
  // every start-up). The salt and digest are random bytes, so no password matches.
  unsigned char salt[crypto_pwhash_SALTBYTES];
  unsigned char digest[32];
  randombytes_buf(salt, sizeof(salt));
  randombytes_buf(digest, sizeof(digest));
  const auto base64 = [](const unsigned char* bytes, std::size_t size) {
    std::string text(sodium_base64_encoded_len(size, sodium_base64_VARIANT_ORIGINAL_NO_PADDING), '\0');
    sodium_bin2base64(text.data(), text.size(), bytes, size, sodium_base64_VARIANT_ORIGINAL_NO_PADDING);
    text.resize(text.find('\0'));
    return text;
  };
  return "$argon2id$v=19$m=" + std::to_string(cost_.mem_limit / 1024) + ",t=" + std::to_string(cost_.ops_limit) +
         ",p=1$" + base64(salt, sizeof(salt)) + "$" + base64(digest, sizeof(digest));
}

void PasswordHasher::VerifyAgainstDummy(std::string_view password) const {
  std::call_once(dummy_once_, [this] { dummy_hash_ = MakeDummyHash(); });
  (void)Verify(dummy_hash_, password);
}

}  // namespace gazette::accounts
