#pragma once
/// VisitorHasher: a visitor's private identity for one day: a keyed hash (libsodium crypto_shorthash,
/// SipHash-2-4) of client IP and User-Agent under the day's random salt. Nothing reversible is kept: with
/// the salt deleted at midnight, yesterday's identities cannot be recomputed from an address.

#include <cstdint>
#include <string_view>

#include "gazette/storage/stats_store.hpp"

namespace gazette::stats {

/// Immutable: thread-safe.
class VisitorHasher {
 public:
  explicit VisitorHasher(const storage::VisitorSalt& salt) : salt_(salt) {}

  /// A fresh random salt from libsodium's CSPRNG.
  static storage::VisitorSalt NewSalt();

  /// The identity of (ip, user_agent) under this salt. Unambiguous: ("a b", "c") and ("a", "b c") differ.
  std::uint64_t Identity(std::string_view client_ip, std::string_view user_agent) const;

  const storage::VisitorSalt& salt() const { return salt_; }

 private:
  storage::VisitorSalt salt_;
};

}  // namespace gazette::stats
