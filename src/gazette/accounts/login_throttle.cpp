#include "gazette/accounts/login_throttle.hpp"

#include <sodium.h>

#include <algorithm>
#include <string>
#include <vector>

#include "gazette/accounts/detail/sodium.hpp"

namespace gazette::accounts {
namespace {

constexpr std::string_view kKeyName = "login_throttle";

static_assert(sizeof(storage::ThrottleKey) >= crypto_generichash_BYTES_MIN);
static_assert(sizeof(storage::SecretKey) <= crypto_generichash_KEYBYTES_MAX);

/// kind keeps an address from ever hashing like an e-mail address.
storage::ThrottleKey KeyedHash(const storage::SecretKey& key, std::string_view kind, std::string_view text) {
  crypto_generichash_state state;
  crypto_generichash_init(&state, key.data(), key.size(), sizeof(storage::ThrottleKey));
  crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(kind.data()), kind.size());
  const unsigned char separator = 0;
  crypto_generichash_update(&state, &separator, 1);
  crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(text.data()), text.size());
  storage::ThrottleKey out;
  crypto_generichash_final(&state, out.data(), out.size());
  return out;
}

/// Zero when fewer than max failures are in the window; else the wait until the max-th newest leaves it.
std::chrono::seconds WaitFor(const std::vector<Timestamp>& newest_first, int max, std::chrono::seconds window,
                             Timestamp now) {
  if (newest_first.size() < static_cast<std::size_t>(max)) return std::chrono::seconds(0);
  const Timestamp leaves = newest_first[static_cast<std::size_t>(max) - 1] + window;
  return std::max(std::chrono::seconds(1), leaves - now);
}

}  // namespace

Result<LoginThrottle> LoginThrottle::Load(storage::AccountStore& store, ThrottleOptions options) {
  if (options.max_failures < 1 || options.max_failures > storage::kMaxAuditListLimit ||
      options.window <= std::chrono::seconds(0)) {
    return MakeError(ErrorCode::kInvalid,
                     "the login throttle needs 1 to 1000 failures over a positive window");
  }
  detail::EnsureSodium();
  storage::SecretKey fresh;
  randombytes_buf(fresh.data(), fresh.size());
  Result<storage::SecretKey> key = store.GetOrCreateKey(kKeyName, fresh);
  sodium_memzero(fresh.data(), fresh.size());
  if (!key.ok()) return std::move(key).error();
  return LoginThrottle(store, options, *key);
}

LoginThrottle::Keys LoginThrottle::KeysFor(std::string_view email, std::string_view ip) const {
  return {KeyedHash(key_, "email", email), KeyedHash(key_, "ip", ip)};
}

Result<std::chrono::seconds> LoginThrottle::RetryAfter(const Keys& keys, Timestamp now) {
  // A failure at t counts while now - t < window.
  const Timestamp since = now - options_.window + std::chrono::seconds(1);
  auto by_email = store_.LoginFailuresForEmail(keys.email, since, options_.max_failures);
  if (!by_email.ok()) return std::move(by_email).error();
  auto by_ip = store_.LoginFailuresFromIp(keys.ip, since, options_.max_failures);
  if (!by_ip.ok()) return std::move(by_ip).error();
  return std::max(WaitFor(*by_email, options_.max_failures, options_.window, now),
                  WaitFor(*by_ip, options_.max_failures, options_.window, now));
}

Status LoginThrottle::RecordFailure(const Keys& keys, Timestamp now) {
  if (Status recorded = store_.RecordLoginFailure({now, keys.email, keys.ip}); !recorded.ok())
    return recorded;
  auto purged = store_.DeleteLoginFailuresBefore(now - options_.window);
  if (!purged.ok()) return std::move(purged).error();
  return OkStatus();
}

}  // namespace gazette::accounts
